// Routes of the news pages, mounted by app/router.tsx: the citizens' pages and the editors' desk.
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../../app/guards.tsx';
import { ArticlePage } from './ArticlePage.tsx';
import { DeskItemPage } from './DeskItemPage.tsx';
import { DeskPage } from './DeskPage.tsx';
import { NewsListPage } from './NewsListPage.tsx';
import { EDIT_ABILITY } from './api.ts';
import { ForbiddenNotice } from './ForbiddenNotice.tsx';

const editorsOnly = (page: ReactNode) => (
  <RequireSignIn>{(me) => (me.abilities.includes(EDIT_ABILITY) ? page : <ForbiddenNotice />)}</RequireSignIn>
);

export const newsCitizenRoutes: RouteObject[] = [
  { path: 'news', element: <NewsListPage /> },
  { path: 'news/desk', element: editorsOnly(<DeskPage />) },
  { path: 'news/desk/:id', element: editorsOnly(<DeskItemPage />) },
  { path: 'news/:id', element: <ArticlePage /> },
];
