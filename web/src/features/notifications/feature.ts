// notifications (hộp thư): the in-app inbox every capability writes to.
import { lazyPage, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

export const notificationsFeature: Feature = {
  key: 'notifications',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  citizen: [signedInRoute('notifications', lazyPage(() => import('./NotificationsPage.tsx'), 'NotificationsPage'))],
};
