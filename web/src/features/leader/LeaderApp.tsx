// The leaders' dashboard (bảng điều hành): its own chunk; the charts are a further chunk.
// Its pages are the features' `leader` routes, each behind the ability it needs.
import { useRoutes } from 'react-router';
import { RequireSignIn } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { pagesOf } from '../index.ts';
import { StaffLayout } from '../staff/StaffLayout.tsx';

const ROUTES = [...pagesOf('leader'), { path: '*', element: <NotFoundPage /> }];

export function LeaderApp() {
  return (
    <StaffLayout>
      <RequireSignIn>{() => <DashboardRoutes />}</RequireSignIn>
    </StaffLayout>
  );
}

function DashboardRoutes() {
  return useRoutes(ROUTES);
}
