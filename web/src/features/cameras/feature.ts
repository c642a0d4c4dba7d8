// cameras (camera công cộng): traffic, river and border-gate approach cameras on a map and
// in a list; a camera's live stream (HLS), or its snapshot when the stream is down.
import { lazyPage, openRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

export const camerasFeature: Feature = {
  key: 'cameras',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'map', labelKey: 'cameras.tile.label', descriptionKey: 'cameras.tile.description', route: '/cameras' },
  citizen: [
    openRoute('cameras', lazyPage(() => import('./CamerasPage.tsx'), 'CamerasPage')),
    openRoute('cameras/:id', lazyPage(() => import('./CameraPage.tsx'), 'CameraPage')),
  ],
};
