// news (tin tức, thông báo): official news and announcements of the province and communes;
// editors write and a second editor approves at the desk, which lives in the citizen app
// (news editors do not open the staff console) in chunks of its own.
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

/** The server's news ability table (server/src/modules/news/policy.ts): write and review. */
const EDIT_NEWS = 'news.edit';

export const newsFeature: Feature = {
  key: 'news',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'bell', labelKey: 'news.tile.label', descriptionKey: 'news.tile.description', route: '/news' },
  citizen: [
    openRoute('news', lazyPage(() => import('./NewsListPage.tsx'), 'NewsListPage')),
    signedInRoute('news/desk', lazyPage(() => import('./DeskPage.tsx'), 'DeskPage'), EDIT_NEWS),
    signedInRoute('news/desk/:id', lazyPage(() => import('./DeskItemPage.tsx'), 'DeskItemPage'), EDIT_NEWS),
    openRoute('news/:id', lazyPage(() => import('./ArticlePage.tsx'), 'ArticlePage')),
  ],
};
