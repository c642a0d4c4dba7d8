// Routes of the dossier pages, mounted by app/router.tsx (citizen), StaffApp and LeaderApp.
import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../../app/guards.tsx';
import { ApplyPage } from './ApplyPage.tsx';
import { DossierPage } from './DossierPage.tsx';
import { MyDossiersPage } from './MyDossiersPage.tsx';
import { TrackPage } from './TrackPage.tsx';
import './dossiers.css';

export const dossierCitizenRoutes: RouteObject[] = [
  { path: 'dossiers', element: <RequireSignIn>{() => <MyDossiersPage />}</RequireSignIn> },
  { path: 'dossiers/apply/:procedureId', element: <RequireSignIn>{(me) => <ApplyPage me={me} />}</RequireSignIn> },
  { path: 'dossiers/:id', element: <RequireSignIn>{() => <DossierPage />}</RequireSignIn> },
  { path: 'tra-cuu-ho-so', element: <TrackPage /> },
];
