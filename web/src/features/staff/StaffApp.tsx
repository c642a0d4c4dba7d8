// The staff console (bàn làm việc cán bộ): its own chunk, loaded only when an official opens
// /staff. Its pages are the features' `staff` routes, each behind the ability it needs.
import { useRoutes } from 'react-router';
import { CORE_ABILITIES } from '@cds/contracts';
import { RequireSignIn } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { pagesOf } from '../index.ts';
import { StaffLayout } from './StaffLayout.tsx';

const ROUTES = [...pagesOf('staff'), { path: '*', element: <NotFoundPage /> }];

export function StaffApp() {
  return (
    <StaffLayout>
      <RequireSignIn ability={CORE_ABILITIES.openConsole}>{() => <ConsoleRoutes />}</RequireSignIn>
    </StaffLayout>
  );
}

function ConsoleRoutes() {
  return useRoutes(ROUTES);
}
