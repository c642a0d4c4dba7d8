// The leaders' dashboard (bảng điều hành): its own chunk; the charts are a further chunk.
import { Route, Routes } from 'react-router';
import { RequireSignIn } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { StaffLayout } from '../staff/StaffLayout.tsx';
import { CitizensDashboard } from './CitizensDashboard.tsx';
import { IndicatorsPage } from '../dossiers/IndicatorsPage.tsx';
import '../dossiers/dossiers.css';

export default function LeaderApp() {
  return (
    <StaffLayout>
      <RequireSignIn roles={['leader', 'sysadmin']}>
        {(me) => (
          <Routes>
            <Route index element={<CitizensDashboard me={me} />} />
            <Route path="indicators" element={<IndicatorsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        )}
      </RequireSignIn>
    </StaffLayout>
  );
}
