// The staff console (bàn làm việc cán bộ): its own chunk, loaded only when an official opens /staff.
import { Route, Routes } from 'react-router';
import { RequireSignIn } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { CONSOLE_ROLES } from '@cds/contracts';
import { StaffLayout } from './StaffLayout.tsx';
import { StaffHome } from './StaffHome.tsx';
import { UsersPage } from './UsersPage.tsx';
import { UserDetailPage } from './UserDetailPage.tsx';
import { StaffQueuePage } from '../dossiers/StaffQueuePage.tsx';
import { StaffDossierPage } from '../dossiers/StaffDossierPage.tsx';
import { StaffReportsPage } from '../reports/StaffReportsPage.tsx';
import { StaffReportPage } from '../reports/StaffReportPage.tsx';
import { StaffAlertsPage } from '../alerts/StaffAlertsPage.tsx';
import '../dossiers/dossiers.css';
import '../alerts/alerts.css';

export default function StaffApp() {
  return (
    <StaffLayout>
      <RequireSignIn roles={CONSOLE_ROLES}>
        {(me) => (
          <Routes>
            <Route index element={<StaffHome me={me} />} />
            <Route
              path="users"
              element={<RequireSignIn roles={['sysadmin']}>{() => <UsersPage />}</RequireSignIn>}
            />
            <Route
              path="users/:userId"
              element={<RequireSignIn roles={['sysadmin']}>{() => <UserDetailPage />}</RequireSignIn>}
            />
            <Route path="dossiers" element={<RequireSignIn roles={['officer', 'agency_admin']}>{() => <StaffQueuePage />}</RequireSignIn>} />
            <Route path="dossiers/:id" element={<RequireSignIn roles={['officer', 'agency_admin', 'leader', 'sysadmin']}>{() => <StaffDossierPage />}</RequireSignIn>} />
            <Route path="reports" element={<RequireSignIn roles={['officer', 'agency_admin', 'leader', 'sysadmin']}>{() => <StaffReportsPage />}</RequireSignIn>} />
            <Route path="reports/:code" element={<RequireSignIn roles={['officer', 'agency_admin', 'leader', 'sysadmin']}>{() => <StaffReportPage />}</RequireSignIn>} />
            <Route path="alerts" element={<RequireSignIn roles={['alert_officer', 'leader', 'sysadmin']}>{() => <StaffAlertsPage />}</RequireSignIn>} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        )}
      </RequireSignIn>
    </StaffLayout>
  );
}
