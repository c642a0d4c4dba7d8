// Routes of the reports pages: citizen ones mounted by app/router.tsx, staff ones by StaffApp.
import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../../app/guards.tsx';
import { MyReportsPage } from './MyReportsPage.tsx';
import { NewReportPage } from './NewReportPage.tsx';
import { PublicReportsPage } from './PublicReportsPage.tsx';
import { ReportPage } from './ReportPage.tsx';

export const reportCitizenRoutes: RouteObject[] = [
  { path: 'reports', element: <PublicReportsPage /> },
  { path: 'reports/new', element: <RequireSignIn>{() => <NewReportPage />}</RequireSignIn> },
  { path: 'reports/mine', element: <RequireSignIn>{() => <MyReportsPage />}</RequireSignIn> },
  { path: 'reports/:code', element: <ReportPage /> },
];
