// health (sổ sức khỏe điện tử): a citizen signed in with VNeID reads a summary of their
// electronic health record after consenting; read fresh each time, nothing kept.
import { lazyPage, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

export const healthFeature: Feature = {
  key: 'health',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'shield', labelKey: 'health.tile.label', descriptionKey: 'health.tile.description', route: '/health' },
  citizen: [signedInRoute('health', lazyPage(() => import('./HealthPage.tsx'), 'HealthPage'))],
};
