// directory (danh bạ): agencies with open-now, call and directions; hotlines; welfare
// benefits (an sinh xã hội) and the questionnaire; agency staff keep their own entry current.
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';
import './directory.css';

export const directoryFeature: Feature = {
  key: 'directory',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'phone', labelKey: 'directory.tile.label', descriptionKey: 'directory.tile.description', route: '/directory' },
  citizen: [
    openRoute('directory', lazyPage(() => import('./DirectoryPage.tsx'), 'DirectoryPage')),
    openRoute('directory/hotlines', lazyPage(() => import('./HotlinesPage.tsx'), 'HotlinesPage')),
    openRoute('directory/:id', lazyPage(() => import('./AgencyPage.tsx'), 'AgencyPage')),
    openRoute('welfare', lazyPage(() => import('./WelfarePage.tsx'), 'WelfarePage')),
    openRoute('welfare/check', lazyPage(() => import('./WelfareCheckPage.tsx'), 'WelfareCheckPage')),
    openRoute('welfare/:key', lazyPage(() => import('./BenefitPage.tsx'), 'BenefitPage')),
  ],
  staff: [
    signedInRoute('directory', lazyPage(() => import('./StaffDirectoryPage.tsx'), 'StaffDirectoryPage'), 'directory.edit'),
    signedInRoute('directory/:id', lazyPage(() => import('./StaffAgencyEditPage.tsx'), 'StaffAgencyEditPage'), 'directory.edit'),
  ],
  nav: [{ to: '/staff/directory', labelKey: 'directory.staff.nav', icon: 'phone', ability: 'directory.edit' }],
};
