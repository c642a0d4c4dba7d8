// payments (thanh toán): dossier fees and household bills by VietQR or the VNPay gateway,
// my payments and their receipts, and a public receipt check. The fee card on a dossier page
// (PayFeeCard) is imported by the dossiers feature. Finance officers reconcile and refund in
// the console.
import { CORE_ABILITIES } from '@cds/contracts';
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';
import './payments.css';

/** The server's payments ability table (server/src/modules/payments/policy.ts): the finance console. */
const RECONCILE = 'payments.reconcile';

export const paymentsFeature: Feature = {
  key: 'payments',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'briefcase', labelKey: 'payments.tile.label', descriptionKey: 'payments.tile.description', route: '/payments' },
  citizen: [
    signedInRoute('payments', lazyPage(() => import('./MyPaymentsPage.tsx'), 'MyPaymentsPage')),
    signedInRoute('payments/bills', lazyPage(() => import('./BillsPage.tsx'), 'BillsPage')),
    signedInRoute('payments/my-bills', lazyPage(() => import('./MyBillsPage.tsx'), 'MyBillsPage')),
    signedInRoute('payments/:id', lazyPage(() => import('./PaymentPage.tsx'), 'PaymentPage')),
    openRoute('bien-lai', lazyPage(() => import('./ReceiptCheckPage.tsx'), 'ReceiptCheckPage')),
  ],
  staff: [signedInRoute('payments', lazyPage(() => import('./StaffPaymentsPage.tsx'), 'StaffPaymentsPage'), RECONCILE)],
  leader: [signedInRoute('payments', lazyPage(() => import('./LeaderPaymentsPage.tsx'), 'LeaderPaymentsPage'), CORE_ABILITIES.viewDashboard)],
  nav: [
    { to: '/staff/payments', labelKey: 'payments.staff.nav', icon: 'briefcase', ability: RECONCILE },
    { to: '/leader/payments', labelKey: 'payments.leader.title', icon: 'chart', ability: CORE_ABILITIES.viewDashboard },
  ],
};
