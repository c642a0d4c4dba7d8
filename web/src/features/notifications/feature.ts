// notifications (hộp thư): the in-app inbox every capability writes to.
import { lazyPage, signedInRoute, type Feature } from '../../app/feature.ts';
import vi from './locales/vi.json';

export const notificationsFeature: Feature = {
  key: 'notifications',
  locales: { vi, en: () => import('./locales/en.json') },
  citizen: [signedInRoute('notifications', lazyPage(() => import('./NotificationsPage.tsx'), 'NotificationsPage'))],
};
