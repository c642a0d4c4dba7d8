// Routes of the news pages, mounted by app/router.tsx: the citizens' pages, and the editors'
// desk in a chunk of its own (few people open it, so citizens never download it).
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../../app/guards.tsx';
import { Loading } from '../../ui/index.ts';
import { ArticlePage } from './ArticlePage.tsx';
import { NewsListPage } from './NewsListPage.tsx';
import { EDIT_ABILITY } from './api.ts';
import { ForbiddenNotice } from './ForbiddenNotice.tsx';

const DeskPage = lazy(() => import('./DeskPage.tsx').then((m) => ({ default: m.DeskPage })));
const DeskItemPage = lazy(() => import('./DeskItemPage.tsx').then((m) => ({ default: m.DeskItemPage })));

const editorsOnly = (page: ReactNode) => (
  <RequireSignIn>{(me) => (me.abilities.includes(EDIT_ABILITY) ? <Suspense fallback={<Loading />}>{page}</Suspense> : <ForbiddenNotice />)}</RequireSignIn>
);

export const newsCitizenRoutes: RouteObject[] = [
  { path: 'news', element: <NewsListPage /> },
  { path: 'news/desk', element: editorsOnly(<DeskPage />) },
  { path: 'news/desk/:id', element: editorsOnly(<DeskItemPage />) },
  { path: 'news/:id', element: <ArticlePage /> },
];
