// account (tài khoản): signing up and in, the profile, consents and one's own data.
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';

const page = {
  signIn: lazyPage(() => import('./SignInPage.tsx'), 'SignInPage'),
  signUp: lazyPage(() => import('./SignUpPage.tsx'), 'SignUpPage'),
  forgotPassword: lazyPage(() => import('./ForgotPasswordPage.tsx'), 'ForgotPasswordPage'),
  afterSignIn: lazyPage(() => import('./AfterSignIn.tsx'), 'AfterSignIn'),
  account: lazyPage(() => import('./AccountPage.tsx'), 'AccountPage'),
  profile: lazyPage(() => import('./ProfilePage.tsx'), 'ProfilePage'),
  consents: lazyPage(() => import('./ConsentsPage.tsx'), 'ConsentsPage'),
  data: lazyPage(() => import('./MyDataPage.tsx'), 'MyDataPage'),
};

export const accountFeature: Feature = {
  key: 'account',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  citizen: [
    openRoute('sign-in', page.signIn),
    openRoute('sign-up', page.signUp),
    openRoute('forgot-password', page.forgotPassword),
    openRoute('after-sign-in', page.afterSignIn),
    signedInRoute('account', page.account),
    signedInRoute('account/profile', page.profile),
    signedInRoute('account/consents', page.consents),
    signedInRoute('account/data', page.data),
  ],
};
