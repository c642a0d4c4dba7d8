// leader (bảng điều hành): the leaders' dashboard of an area's figures.
import { CORE_ABILITIES } from '@cds/contracts';
import { lazyPage, signedInRoute, type Feature } from '../../app/feature.ts';

export const leaderFeature: Feature = {
  key: 'leader',
  // the dashboard sits in the console's frame (StaffLayout)
  borrows: ['staff', 'account'],
  locales: { vi: () => import('./locales/vi.json'), en: () => import('./locales/en.json') },
  leader: [signedInRoute('', lazyPage(() => import('./CitizensDashboard.tsx'), 'CitizensDashboard'), CORE_ABILITIES.viewDashboard)],
  // `end`: the dashboard's own tab is not also lit on the other /leader/… pages
  nav: [{ to: '/leader', labelKey: 'staff.nav.dashboard', icon: 'chart', ability: CORE_ABILITIES.viewDashboard, end: true }],
};
