// dossiers (hồ sơ): applying online and following up; the officers' queue; the leaders'
// service indicators (Decision 766).
import { CORE_ABILITIES } from '@cds/contracts';
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';
import './dossiers.css';

export const dossiersFeature: Feature = {
  key: 'dossiers',
  // a dossier's page shows its fees and their payment (payments' PayFeeCard)
  borrows: ['payments'],
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'document', labelKey: 'dossiers.tile.label', descriptionKey: 'dossiers.tile.description', route: '/dossiers' },
  citizen: [
    signedInRoute('dossiers', lazyPage(() => import('./MyDossiersPage.tsx'), 'MyDossiersPage')),
    signedInRoute('dossiers/apply/:procedureId', lazyPage(() => import('./ApplyPage.tsx'), 'ApplyPage')),
    signedInRoute('dossiers/:id', lazyPage(() => import('./DossierPage.tsx'), 'DossierPage')),
    openRoute('tra-cuu-ho-so', lazyPage(() => import('./TrackPage.tsx'), 'TrackPage')),
  ],
  staff: [
    signedInRoute('dossiers', lazyPage(() => import('./StaffQueuePage.tsx'), 'StaffQueuePage'), CORE_ABILITIES.processDossiers),
    signedInRoute('dossiers/:id', lazyPage(() => import('./StaffDossierPage.tsx'), 'StaffDossierPage'), CORE_ABILITIES.readDossiersAsStaff),
  ],
  leader: [signedInRoute('indicators', lazyPage(() => import('./LeaderIndicatorsPage.tsx'), 'LeaderIndicatorsPage'), CORE_ABILITIES.viewIndicators)],
  nav: [
    { to: '/staff/dossiers', labelKey: 'dossiers.queue.title', icon: 'document', ability: CORE_ABILITIES.processDossiers },
    { to: '/leader/indicators', labelKey: 'dossiers.indicators.title', icon: 'chart', ability: CORE_ABILITIES.viewIndicators },
  ],
};
