import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Payment, PaymentFigures, Reconciliation, SavedBill } from '@cds/contracts/payments';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { PayFeeCard } from './PayFeeCard.tsx';
import { PaymentPage } from './PaymentPage.tsx';
import { StaffPaymentsPage } from './StaffPaymentsPage.tsx';
import { MyBillsPage } from './MyBillsPage.tsx';
import { LeaderPaymentsPage } from './LeaderPaymentsPage.tsx';

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

describe('paying at submission', () => {
  it('offers to pay a known fee of a new dossier at once, and shows "Đã nộp phí" with the receipt once paid', async () => {
    const first = renderPage(<PayFeeCard dossier={{ id: PAYMENT.reference, status: 1, fees: [fee(null)] }} />);
    expect(screen.getByText('Có thể nộp phí ngay bây giờ, không cần chờ cơ quan yêu cầu.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nộp phí trực tuyến (8.000 đ)' })).toBeTruthy();
    first.unmount();
    const paid = { ...PAYMENT, status: 'succeeded' as const, paidAt: '2026-12-07T01:05:00.000Z', channel: 'vietqr' as const };
    const api = fakeApi({ 'GET /api/me/payments': () => ({ body: { items: [paid], total: 1 } }) });
    renderPage(<PayFeeCard dossier={{ id: PAYMENT.reference, status: 1, fees: [fee('2026-12-07T01:05:00.000Z')] }} />);
    expect(await screen.findByRole('link', { name: 'Tải biên lai điện tử (PDF)' })).toBeTruthy();
    expect(screen.getByText('Đã nộp phí')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tải biên lai điện tử (PDF)' }).getAttribute('href')).toBe(`/api/payments/${PAYMENT.id}/receipt.pdf`);
    expect(api.calls.find((c) => c.path === '/api/me/payments')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('my bills', () => {
  const saved: SavedBill = {
    id: '0f4a2b6c-8d1e-4f3a-9b2c-1d2e3f4a5b6c', service: 'electricity', customerCode: 'PA11TX0012345', label: 'Điện nhà mẹ', reminders: true, createdAt: '2026-12-01T01:00:00.000Z',
    lookup: {
      service: 'electricity', customerCode: 'PA11TX0012345', customerName: 'Nguyễn Văn An', address: 'Lạng Sơn', billerName: 'EVNNPC',
      bills: [{ billId: 'PA11TX0012345-202611', period: '11/2026', amountVnd: 412300, dueDate: '2026-12-15' }],
    },
  };

  it('shows what is due on each saved code, pays it, and turns reminders off', async () => {
    const api = fakeApi({
      'GET /api/me/bills': () => ({ body: { items: [saved, { ...saved, id: '1f4a2b6c-8d1e-4f3a-9b2c-1d2e3f4a5b6c', label: 'Nước nhà mình', service: 'water', customerCode: 'NLS0012345', lookup: null }] } }),
      [`PATCH /api/me/bills/${saved.id}`]: () => ({ body: { ...saved, reminders: false } }),
      'POST /api/payments': () => ({ status: 201, body: { ...PAYMENT, purpose: 'bill' } }),
    });
    renderPage(<MyBillsPage />, { path: '/payments/my-bills' });
    expect(await screen.findByText('Điện nhà mẹ')).toBeTruthy();
    expect(screen.getByText('Kỳ 11/2026, hạn 15/12/2026', { exact: false })).toBeTruthy();
    expect(screen.getByText('Nhà cung cấp đang không trả lời. Vui lòng xem lại sau.')).toBeTruthy();
    await userEvent.click(screen.getAllByRole('switch')[0]!);
    await vi.waitFor(() => {
      const call = api.calls.find((c) => c.method === 'PATCH');
      if (!call) throw new Error('no change sent');
      expect(call.body).toEqual({ reminders: false });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Thanh toán tất cả (412.300 đ)' }));
    await vi.waitFor(() => {
      const call = api.calls.find((c) => c.method === 'POST' && c.path === '/api/payments');
      if (!call) throw new Error('no payment started');
      expect(call.body).toEqual({ purpose: 'bill', service: 'electricity', customerCode: 'PA11TX0012345', billIds: ['PA11TX0012345-202611'] });
    });
  });
});

describe('leaders\' payment figures', () => {
  it('shows the shares for the period and per day', async () => {
    const row = { feesPaid: 4, feesPaidOnline: 3, feesOnlineShare: 75, payments: 10, cashless: 9, cashlessShare: 90, cashlessVnd: 1_250_000 };
    const figures: PaymentFigures = {
      from: '2026-12-06', to: '2026-12-07', days: [{ day: '2026-12-06', ...row }, { day: '2026-12-07', ...row, feesPaid: 0, feesPaidOnline: 0, feesOnlineShare: null }], total: row,
      byAgency: [{ key: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9', name: 'UBND Phường Lương Văn Tri', feesPaid: 4, feesPaidOnline: 3, feesOnlineShare: 75 }],
      byCommune: [{ key: '05983', name: 'Phường Lương Văn Tri', feesPaid: 3, feesPaidOnline: 3, feesOnlineShare: 100 }, { key: '05977', name: 'Phường Tam Thanh', feesPaid: 1, feesPaidOnline: 0, feesOnlineShare: 0 }],
    };
    fakeApi({ 'GET /api/payments/figures': () => ({ body: figures }) });
    renderPage(<LeaderPaymentsPage />, { path: '/leader/payments' });
    expect(await screen.findByText('3 trên 4 hồ sơ đã nộp phí')).toBeTruthy();
    expect(screen.getAllByText('75%').length).toBeGreaterThan(0);
    expect(screen.getByText('06/12/2026')).toBeTruthy();
    expect(screen.getByText('—')).toBeTruthy();
    const byCommune = screen.getByRole('heading', { name: 'Theo xã, phường' }).closest('section') as HTMLElement;
    expect(within(byCommune).getByText('Phường Tam Thanh')).toBeTruthy();
    expect(within(byCommune).getByText('0%')).toBeTruthy();
    expect(screen.getByText('UBND Phường Lương Văn Tri')).toBeTruthy();
  });
});
