// Routes of the payment pages, mounted by app/router.tsx (citizen app).
import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../../app/guards.tsx';
import { BillsPage } from './BillsPage.tsx';
import { MyPaymentsPage } from './MyPaymentsPage.tsx';
import { PaymentPage } from './PaymentPage.tsx';
import { ReceiptCheckPage } from './ReceiptCheckPage.tsx';
import './payments.css';

export const paymentCitizenRoutes: RouteObject[] = [
  { path: 'payments', element: <RequireSignIn>{() => <MyPaymentsPage />}</RequireSignIn> },
  { path: 'payments/bills', element: <RequireSignIn>{() => <BillsPage />}</RequireSignIn> },
  { path: 'payments/:id', element: <RequireSignIn>{() => <PaymentPage />}</RequireSignIn> },
  { path: 'bien-lai', element: <ReceiptCheckPage /> },
];
