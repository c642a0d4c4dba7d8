// Citizen pages load with the app; the staff console and the leaders' dashboard are
// separate chunks fetched only when an official opens them.
import { lazy } from 'react';
import { useRoutes, type RouteObject } from 'react-router';
import { CitizenLayout } from './CitizenLayout.tsx';
import { RequireSignIn } from './guards.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { SignInPage } from '../features/account/SignInPage.tsx';
import { SignUpPage } from '../features/account/SignUpPage.tsx';
import { ForgotPasswordPage } from '../features/account/ForgotPasswordPage.tsx';
import { AfterSignIn } from '../features/account/AfterSignIn.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { ProfilePage } from '../features/account/ProfilePage.tsx';
import { ConsentsPage } from '../features/account/ConsentsPage.tsx';
import { MyDataPage } from '../features/account/MyDataPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { dossierCitizenRoutes } from '../features/dossiers/routes.tsx';
import { procedureCitizenRoutes } from '../features/procedures/routes.tsx';
import { reportCitizenRoutes } from '../features/reports/routes.tsx';
import { newsCitizenRoutes } from '../features/news/routes.tsx';

const StaffApp = lazy(() => import('../features/staff/StaffApp.tsx'));
const LeaderApp = lazy(() => import('../features/leader/LeaderApp.tsx'));

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <CitizenLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'after-sign-in', element: <AfterSignIn /> },
      { path: 'account', element: <RequireSignIn>{(me) => <AccountPage me={me} />}</RequireSignIn> },
      { path: 'account/profile', element: <RequireSignIn>{(me) => <ProfilePage me={me} />}</RequireSignIn> },
      { path: 'account/consents', element: <RequireSignIn>{() => <ConsentsPage />}</RequireSignIn> },
      { path: 'account/data', element: <RequireSignIn>{(me) => <MyDataPage me={me} />}</RequireSignIn> },
      { path: 'notifications', element: <RequireSignIn>{() => <NotificationsPage />}</RequireSignIn> },
      ...dossierCitizenRoutes,
      ...procedureCitizenRoutes,
      ...reportCitizenRoutes,
      ...newsCitizenRoutes,
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
