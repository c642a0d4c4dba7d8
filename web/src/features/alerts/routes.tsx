// Routes of the alert pages: the citizen's (mounted by app/router.tsx) and the console's (StaffApp).
import type { RouteObject } from 'react-router';
import { AlertPage, AlertsPage } from './AlertsPage.tsx';

export const alertCitizenRoutes: RouteObject[] = [
  { path: 'canh-bao', element: <AlertsPage /> },
  { path: 'canh-bao/:id', element: <AlertPage /> },
];
