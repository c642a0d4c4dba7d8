import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Payment, Reconciliation } from '@cds/contracts/payments';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { PayFeeCard } from './PayFeeCard.tsx';
import { PaymentPage } from './PaymentPage.tsx';
import { StaffPaymentsPage } from './StaffPaymentsPage.tsx';

const PAYMENT: Payment = {
  id: '7d1c1f0e-4a57-4d1b-9a43-0d1f2b3c4d5e', code: 'TT2612070001', purpose: 'dossier_fee', reference: '5b0e6a43-1f7d-4bb0-9f31-6a0c1d2e3f40',
  description: 'Lệ phí — hồ sơ X (Cấp bản sao)', amountVnd: 8000, status: 'pending', channel: null, createdAt: '2026-12-07T01:00:00.000Z',
  expiresAt: '2026-12-07T01:15:00.000Z', paidAt: null, providerTransactionNo: null, receiptCheckUrl: null, link: '/dossiers/5b0e6a43-1f7d-4bb0-9f31-6a0c1d2e3f40',
};

const fee = (paidAt: string | null) => ({ id: 'f1', name: 'Lệ phí cấp bản sao', amountVnd: 8000, paidAt, method: paidAt ? 'online' : null });

describe('paying a fee', () => {
  it('offers to pay the unpaid fee of a dossier waiting for it, and opens the payment', async () => {
    const api = fakeApi({ 'POST /api/payments': () => ({ status: 201, body: PAYMENT }) });
    renderPage(<PayFeeCard dossier={{ id: PAYMENT.reference, status: 6, fees: [fee(null)] }} />);
    expect(screen.getByText('Cơ quan yêu cầu nộp 8.000 đ để tiếp tục xử lý hồ sơ.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Nộp phí trực tuyến (8.000 đ)' }));
    expect(api.calls.find((c) => c.method === 'POST' && c.path === '/api/payments')).toBeTruthy();
    expect(await screen.findByText(`/payments/${PAYMENT.id}`)).toBeTruthy();
  });

  it('shows a paid fee without a button, and nothing for a dossier without fees', () => {
    const { container } = renderPage(<PayFeeCard dossier={{ id: PAYMENT.reference, status: 4, fees: [fee('2026-12-07T01:05:00.000Z')] }} />);
    expect(screen.getByText(/đã nộp trực tuyến/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    container.remove();
    renderPage(<PayFeeCard dossier={{ id: PAYMENT.reference, status: 6, fees: [] }} />);
    expect(screen.queryByText('Phí, lệ phí')).toBeNull();
  });

  it('shows a waiting payment with both ways to pay, and a paid one with its receipt', async () => {
    fakeApi({ [`GET /api/payments/${PAYMENT.id}`]: () => ({ body: PAYMENT }) });
    const first = renderPage(<PaymentPage />, { path: '/payments/:id', at: `/payments/${PAYMENT.id}` });
    expect(await screen.findByText('Chờ thanh toán')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Quét mã VietQR bằng ứng dụng ngân hàng' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thẻ hoặc tài khoản ngân hàng (cổng VNPAY)' })).toBeTruthy();
    first.unmount();
    fakeApi({ [`GET /api/payments/${PAYMENT.id}`]: () => ({ body: { ...PAYMENT, status: 'succeeded', paidAt: '2026-12-07T01:05:00.000Z', channel: 'vietqr' } }) });
    renderPage(<PaymentPage />, { path: '/payments/:id', at: `/payments/${PAYMENT.id}` });
    expect(await screen.findByText('Đã thanh toán xong')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tải biên lai điện tử (PDF)' }).getAttribute('href')).toBe(`/api/payments/${PAYMENT.id}/receipt.pdf`);
  });
});

describe('the finance console', () => {
  const day: Reconciliation = {
    day: '2026-12-07',
    totals: [{ channel: 'vnpay', count: 1, amountVnd: 8000, refundedVnd: 0 }, { channel: 'vietqr', count: 0, amountVnd: 0, refundedVnd: 0 }],
    items: [{ id: PAYMENT.id, code: PAYMENT.code, channel: 'vnpay', status: 'succeeded', amountVnd: 8000, paidAt: '2026-12-07T02:00:00.000Z', providerTransactionNo: '14612345', description: PAYMENT.description }],
  };

  it('shows the day by channel and refunds a payment with a reason', async () => {
    const api = fakeApi({
      'GET /api/payments/reconciliation': () => ({ body: day }),
      [`POST /api/payments/${PAYMENT.id}/refund`]: () => ({ body: { ...PAYMENT, status: 'refunded' } }),
    });
    renderPage(<StaffPaymentsPage />, { path: '/staff/payments' });
    expect(await screen.findByText('Cổng VNPay: 1 khoản, 8.000 đ (đã hoàn 0 đ)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Hoàn tiền' }));
    await userEvent.type(screen.getByLabelText('Lý do hoàn tiền'), 'Thu trùng hai lần');
    await userEvent.click(screen.getByRole('button', { name: 'Hoàn 8.000 đ' }));
    const refund = await vi.waitFor(() => {
      const call = api.calls.find((c) => c.method === 'POST' && c.path === `/api/payments/${PAYMENT.id}/refund`);
      if (!call) throw new Error('no refund sent');
      return call;
    });
    expect(refund.body).toEqual({ reason: 'Thu trùng hai lần' });
  });
});
