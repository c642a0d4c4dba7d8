// reports (phản ánh hiện trường): citizens report problems where they are; staff handle them.
import { CORE_ABILITIES } from '@cds/contracts';
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

export const reportsFeature: Feature = {
  key: 'reports',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'megaphone', labelKey: 'reports.tile.label', descriptionKey: 'reports.tile.description', route: '/reports' },
  citizen: [
    openRoute('reports', lazyPage(() => import('./PublicReportsPage.tsx'), 'PublicReportsPage')),
    signedInRoute('reports/new', lazyPage(() => import('./NewReportPage.tsx'), 'NewReportPage')),
    signedInRoute('reports/mine', lazyPage(() => import('./MyReportsPage.tsx'), 'MyReportsPage')),
    openRoute('reports/:code', lazyPage(() => import('./ReportPage.tsx'), 'ReportPage')),
  ],
  staff: [
    signedInRoute('reports', lazyPage(() => import('./StaffReportsPage.tsx'), 'StaffReportsPage'), CORE_ABILITIES.workReports),
    signedInRoute('reports/:code', lazyPage(() => import('./StaffReportPage.tsx'), 'StaffReportPage'), CORE_ABILITIES.workReports),
  ],
  nav: [{ to: '/staff/reports', labelKey: 'reports.nav', icon: 'megaphone', ability: CORE_ABILITIES.workReports }],
};
