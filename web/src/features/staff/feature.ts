// staff (bàn làm việc cán bộ): the console's overview, and users and memberships for
// system administrators.
import { CORE_ABILITIES } from '@cds/contracts';
import { lazyPage, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

export const staffFeature: Feature = {
  key: 'staff',
  // the console's header signs out with the account's words; the users pages show its fields
  borrows: ['account'],
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
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
