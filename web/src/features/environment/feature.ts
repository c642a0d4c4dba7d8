// environment (quan trắc môi trường): the air quality (VN_AQI) near me with its colour and
// advice, river levels against their alarm levels, rain, 24-hour and 30-day charts, a map.
import { lazyPage, openRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

export const environmentFeature: Feature = {
  key: 'environment',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'globe', labelKey: 'environment.tile.label', descriptionKey: 'environment.tile.description', route: '/environment' },
  citizen: [openRoute('environment', lazyPage(() => import('./EnvironmentPage.tsx'), 'EnvironmentPage'))],
};
