// The citizen app's pages come from the features' manifests (features/index.ts), each page
// fetched the first time it opens; the staff console and the leaders' dashboard are
// separate chunks fetched only when an official opens them.
import { useRoutes, type RouteObject } from 'react-router';
import { CitizenLayout } from './CitizenLayout.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { pagesOf, textOf } from '../features/index.ts';
import { lazyPage, withText } from './feature.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const StaffApp = lazyPage(() => import('../features/staff/StaffApp.tsx'), 'StaffApp');
const LeaderApp = lazyPage(() => import('../features/leader/LeaderApp.tsx'), 'LeaderApp');

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <CitizenLayout />,
    children: [{ index: true, element: <HomePage /> }, ...pagesOf('citizen'), { path: '*', element: <NotFoundPage /> }],
  },
  // the console's and the dashboard's frame (header, navigation) wait for their text too
  ...withText([{ path: '/staff/*', element: <StaffApp />, preload: StaffApp.preload }], textOf('staff')),
  ...withText([{ path: '/leader/*', element: <LeaderApp />, preload: LeaderApp.preload }], textOf('leader')),
];

/** Declarative routing (no data router): smaller, and the pages fetch their own data. */
export function AppRoutes() {
  return useRoutes(routes);
}
