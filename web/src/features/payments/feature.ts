// payments (thanh toán): dossier fees and household bills by VietQR or the VNPay gateway,
// my payments and their receipts, and a public receipt check. The fee card on a dossier page
// (PayFeeCard) is imported by the dossiers feature.
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import vi from './locales/vi.json';
import './payments.css';

export const paymentsFeature: Feature = {
  key: 'payments',
  locales: { vi, en: () => import('./locales/en.json') },
  tile: { icon: 'briefcase', labelKey: 'payments.tile.label', descriptionKey: 'payments.tile.description', route: '/payments' },
  citizen: [
    signedInRoute('payments', lazyPage(() => import('./MyPaymentsPage.tsx'), 'MyPaymentsPage')),
    signedInRoute('payments/bills', lazyPage(() => import('./BillsPage.tsx'), 'BillsPage')),
    signedInRoute('payments/:id', lazyPage(() => import('./PaymentPage.tsx'), 'PaymentPage')),
    openRoute('bien-lai', lazyPage(() => import('./ReceiptCheckPage.tsx'), 'ReceiptCheckPage')),
  ],
};
