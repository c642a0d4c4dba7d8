// Payments on the client: my payments, one payment, starting the gateway or the VietQR,
// the demo bank's transfer, and the public receipt check. Shapes from @cds/contracts.
import { useQuery } from '@tanstack/react-query';
import type {
  BankNotificationReply, BillLookup, Payment, PaymentFigures, PaymentFiguresPlace, PaymentPage, ReceiptCheck, Reconciliation, SaveBill, SavedBill, SavedBillList, SavedBillPatch, VietQrPayment, VnpayRedirect,
} from '@cds/contracts/payments';
import { api } from '../../lib/api.ts';

export type { BankNotificationReply, BillLookup, Payment, PaymentFigures, PaymentFiguresPlace, PaymentPage, ReceiptCheck, Reconciliation, SaveBill, SavedBill, SavedBillList, SavedBillPatch, VietQrPayment, VnpayRedirect };

export const myBillsKey = ['payments', 'my-bills'] as const;

/** My saved customer codes with what is due on each (the server asks the biller). */
export function useMyBills() {
  return useQuery({ queryKey: myBillsKey, queryFn: ({ signal }) => api<SavedBillList>('/api/me/bills', { signal }) });
}

export function saveBill(body: SaveBill): Promise<SavedBill> {
  return api<SavedBill>('/api/me/bills', { method: 'POST', body });
}

export function updateSavedBill(id: string, body: SavedBillPatch): Promise<SavedBill> {
  return api<SavedBill>(`/api/me/bills/${id}`, { method: 'PATCH', body });
}

export function removeSavedBill(id: string): Promise<void> {
  return api<void>(`/api/me/bills/${id}`, { method: 'DELETE' });
}

/** Prepaid top-up of a mobile line; the request id makes a double tap one top-up. */
export function topUp(customerCode: string, topUpVnd: number, requestId: string): Promise<Payment> {
  return api<Payment>('/api/payments', { method: 'POST', body: { purpose: 'bill', service: 'telecom', customerCode, topUpVnd, requestId } });
}

/** The payments of one dossier (its paid fee and receipt), mine only. */
export function useDossierPayments(dossierId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['payments', 'dossier', dossierId],
    queryFn: ({ signal }) => api<PaymentPage>(`/api/me/payments?limit=10&reference=${encodeURIComponent(dossierId)}`, { signal }),
    enabled,
  });
}

export const paymentKey = (id: string) => ['payment', id] as const;

/** While a payment waits, ask again every few seconds: the confirmation arrives server to server. */
export function usePayment(id: string) {
  return useQuery({
    queryKey: paymentKey(id),
    queryFn: ({ signal }) => api<Payment>(`/api/payments/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 3000 : false),
  });
}

export function useMyPayments() {
  return useQuery({ queryKey: ['payments', 'mine'], queryFn: ({ signal }) => api<PaymentPage>('/api/me/payments?limit=50', { signal }) });
}

export function useReceiptCheck(code: string, k: string) {
  return useQuery({
    queryKey: ['receipt-check', code, k],
    queryFn: ({ signal }) => api<ReceiptCheck>(`/api/payments/receipts/check?code=${encodeURIComponent(code)}&k=${encodeURIComponent(k)}`, { signal }),
    enabled: code !== '' && k !== '',
    retry: false,
  });
}

/** Creates (or finds again) the payment of a dossier's fee: a double tap gives the same one. */
export function payDossierFee(dossierId: string): Promise<Payment> {
  return api<Payment>('/api/payments', { method: 'POST', body: { purpose: 'dossier_fee', reference: dossierId } });
}

/** Pays these bills of a customer; the biller's amounts are looked up again on the server. */
export function payBills(service: BillLookup['service'], customerCode: string, billIds: string[]): Promise<Payment> {
  return api<Payment>('/api/payments', { method: 'POST', body: { purpose: 'bill', service, customerCode, billIds } });
}

export function startVnpay(id: string, locale: 'vn' | 'en'): Promise<VnpayRedirect> {
  return api<VnpayRedirect>(`/api/payments/${id}/vnpay`, { method: 'POST', body: { locale } });
}

export function showVietQr(id: string): Promise<VietQrPayment> {
  return api<VietQrPayment>(`/api/payments/${id}/vietqr`, { method: 'POST' });
}

export function demoTransfer(id: string): Promise<BankNotificationReply> {
  return api<BankNotificationReply>(`/api/payments/${id}/vietqr/demo-transfer`, { method: 'POST' });
}

export function formatVnd(vnd: number): string {
  return `${String(vnd).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}
