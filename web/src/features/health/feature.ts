// health (sổ sức khỏe điện tử): a citizen signed in with VNeID reads a summary of their
// electronic health record after consenting; read fresh each time, nothing kept.
import { lazyPage, signedInRoute, type Feature } from '../../app/feature.ts';
import vi from './locales/vi.json';

export const healthFeature: Feature = {
  key: 'health',
  locales: { vi, en: () => import('./locales/en.json') },
  tile: { icon: 'shield', labelKey: 'health.tile.label', descriptionKey: 'health.tile.description', route: '/health' },
  citizen: [signedInRoute('health', lazyPage(() => import('./HealthPage.tsx'), 'HealthPage'))],
};
