// procedures (thủ tục hành chính): the public catalogue of administrative procedures.
import { lazyPage, openRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

export const proceduresFeature: Feature = {
  key: 'procedures',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'search', labelKey: 'procedures.tile.label', descriptionKey: 'procedures.tile.description', route: '/procedures' },
  citizen: [
    openRoute('procedures', lazyPage(() => import('./ProceduresPage.tsx'), 'ProceduresPage')),
    openRoute('procedures/:id', lazyPage(() => import('./ProcedurePage.tsx'), 'ProcedurePage')),
  ],
};
