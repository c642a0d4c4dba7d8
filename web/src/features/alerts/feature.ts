// alerts (cảnh báo khẩn cấp): emergency alerts in the CAP 1.2 model; citizens read and answer
// them, alert officers draft and leaders approve in the console. The full-screen alert and the
// banner live in the citizen layout (AlertOverlay), since they show on every page.
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';
import './alerts.css';

/** The server's alerts ability table (server/src/modules/alerts/policy.ts): the console. */
const MANAGE_ALERTS = 'alerts.manage';

export const alertsFeature: Feature = {
  key: 'alerts',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'alert', labelKey: 'alerts.tile.label', descriptionKey: 'alerts.tile.description', route: '/canh-bao' },
  citizen: [
    openRoute('canh-bao', lazyPage(() => import('./AlertsPage.tsx'), 'AlertsPage')),
    openRoute('canh-bao/:id', lazyPage(() => import('./AlertsPage.tsx'), 'AlertPage')),
  ],
  staff: [signedInRoute('alerts', lazyPage(() => import('./StaffAlertsPage.tsx'), 'StaffAlertsPage'), MANAGE_ALERTS)],
  nav: [{ to: '/staff/alerts', labelKey: 'alerts.nav', icon: 'alert', ability: MANAGE_ALERTS }],
};
