// land (thông tin đất đai): find a parcel by tapping the map, by GPS, by address or place
// name or by its cadastral key, read its land use and zoning, measure on the map, download
// the sheet, start a related procedure. Land officers import data and publish plans.
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

/** The server's land ability table (server/src/modules/land/policy.ts): import and publish. */
const LAND_IMPORT = 'land.import';

export const landFeature: Feature = {
  key: 'land',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'map', labelKey: 'land.tile.label', descriptionKey: 'land.tile.description', route: '/land' },
  citizen: [openRoute('land', lazyPage(() => import('./LandPage.tsx'), 'LandPage'))],
  staff: [signedInRoute('land', lazyPage(() => import('./StaffLandPage.tsx'), 'StaffLandPage'), LAND_IMPORT)],
  nav: [{ to: '/staff/land', labelKey: 'land.staff.nav', icon: 'map', ability: LAND_IMPORT }],
};
