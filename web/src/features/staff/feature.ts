// staff (bàn làm việc cán bộ): the console's overview, and users and memberships for
// system administrators.
import { CORE_ABILITIES } from '@cds/contracts';
import { lazyPage, signedInRoute, type Feature } from '../../app/feature.ts';
import vi from './locales/vi.json';

export const staffFeature: Feature = {
  key: 'staff',
  locales: { vi, en: () => import('./locales/en.json') },
  staff: [
    signedInRoute('', lazyPage(() => import('./StaffHome.tsx'), 'StaffHome')),
    signedInRoute('users', lazyPage(() => import('./UsersPage.tsx'), 'UsersPage'), CORE_ABILITIES.manageUsers),
    signedInRoute('users/:userId', lazyPage(() => import('./UserDetailPage.tsx'), 'UserDetailPage'), CORE_ABILITIES.manageUsers),
  ],
  nav: [
    { to: '/staff', labelKey: 'staff.nav.home', icon: 'home', end: true },
    { to: '/staff/users', labelKey: 'staff.nav.users', icon: 'users', ability: CORE_ABILITIES.manageUsers },
  ],
};
