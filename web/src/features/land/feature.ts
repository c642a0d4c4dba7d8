// land (thông tin đất đai): find a parcel by tapping the map, by GPS or by its cadastral key,
// read its land use and zoning, download the sheet, start a related procedure.
import { lazyPage, openRoute, type Feature } from '../../app/feature.ts';
import vi from './locales/vi.json';

export const landFeature: Feature = {
  key: 'land',
  locales: { vi, en: () => import('./locales/en.json') },
  tile: { icon: 'map', labelKey: 'land.tile.label', descriptionKey: 'land.tile.description', route: '/land' },
  citizen: [openRoute('land', lazyPage(() => import('./LandPage.tsx'), 'LandPage'))],
};
