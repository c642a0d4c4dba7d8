// Routes of the procedure catalogue pages, mounted by app/router.tsx.
import type { RouteObject } from 'react-router';
import { ProceduresPage } from './ProceduresPage.tsx';
import { ProcedurePage } from './ProcedurePage.tsx';

export const procedureCitizenRoutes: RouteObject[] = [
  { path: 'procedures', element: <ProceduresPage /> },
  { path: 'procedures/:id', element: <ProcedurePage /> },
];
