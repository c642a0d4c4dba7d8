// The citizen app's pages come from the features' manifests (features/index.ts), each page
// fetched the first time it opens; the staff console and the leaders' dashboard are
// separate chunks fetched only when an official opens them.
import { lazy } from 'react';
import { useRoutes, type RouteObject } from 'react-router';
import { CitizenLayout } from './CitizenLayout.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { FEATURES } from '../features/index.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const StaffApp = lazy(() => import('../features/staff/StaffApp.tsx'));
const LeaderApp = lazy(() => import('../features/leader/LeaderApp.tsx'));

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <CitizenLayout />,
    children: [
      { index: true, element: <HomePage /> },
      ...FEATURES.flatMap((f) => f.citizen ?? []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '/staff/*', element: <StaffApp /> },
  { path: '/leader/*', element: <LeaderApp /> },
];

/** Declarative routing (no data router): smaller, and the pages fetch their own data. */
export function AppRoutes() {
  return useRoutes(routes);
}
