import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MarketStats, Order, Product, Shop } from '@cds/contracts/market';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { addToCart, readCart } from './api.ts';
import { LeaderMarketPage } from './LeaderMarketPage.tsx';
import { OrderPage } from './OrderPage.tsx';
import { ShopManagePage } from './ShopManagePage.tsx';

const ORDER: Order = {
  id: '7d1c1f0e-4a57-4d1b-9a43-0d1f2b3c4d5e', code: 'DH00000042', shopId: '5b0e6a43-1f7d-4bb0-9f31-6a0c1d2e3f40', shopName: 'Bánh nhà Bình', shopPhone: '0900000002',
  buyerName: 'Nguyễn Văn An', phone: '0900000001', address: 'Số 12 đường Bà Triệu', communeCode: '05983', communeName: 'Phường Lương Văn Tri', status: 'new',
  paymentMethod: 'vietqr', paidAt: null, deliveryMethod: 'seller', trackingCode: null,
  items: [{ productId: '3c2b1a00-1f7d-4bb0-9f31-6a0c1d2e3f40', name: 'Khẩu sli lạc vừng', priceVnd: 85000, quantity: 2, unit: 'hop', reviewed: false }],
  subtotalVnd: 170000, shippingVnd: 0, totalVnd: 170000, note: null, cancelReason: null, createdAt: '2026-12-07T01:00:00.000Z', updatedAt: '2026-12-07T01:00:00.000Z',
  deliveredAt: null, as: 'seller', actions: ['confirm_payment', 'cancel'], vietqr: null, refund: null, complaints: [],
};

const PRODUCT = { id: 'p1', name: 'Na Chi Lăng', priceVnd: 60000, unit: 'kg', weightGrams: 1000 } as Product;

describe('market orders', () => {
  it('lets the seller confirm the transfer, which accepts the order', async () => {
    const api = fakeApi({
      [`GET /api/market/orders/${ORDER.id}`]: () => ({ body: ORDER }),
      [`POST /api/market/orders/${ORDER.id}/payment-received`]: () => ({ body: { ...ORDER, status: 'confirmed', paidAt: '2026-12-07T02:00:00.000Z', actions: ['packed', 'cancel'] } }),
    });
    renderPage(<OrderPage />, { path: '/market/orders/:id', at: `/market/orders/${ORDER.id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Đã nhận được tiền chuyển khoản' }));
    expect(await screen.findByText('Đã xác nhận')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đã đóng gói' })).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/payment-received'))).toBe(true);
  });

  it('shows the buyer the VietQR to the shop while unpaid', async () => {
    const vietqr = { payload: 'x', svg: '<svg></svg>', bankName: 'Agribank', accountNumber: '8888000002', accountName: 'HOANG THI BINH', amountVnd: 170000, purpose: 'DH00000042' };
    fakeApi({ [`GET /api/market/orders/${ORDER.id}`]: () => ({ body: { ...ORDER, as: 'buyer', actions: ['cancel'], vietqr } }) });
    renderPage(<OrderPage />, { path: '/market/orders/:id', at: `/market/orders/${ORDER.id}` });
    expect(await screen.findByText('Quét mã VietQR để trả tiền')).toBeTruthy();
    expect(screen.getByText('8888000002 — HOANG THI BINH')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Đã nhận được tiền chuyển khoản' })).toBeNull();
  });
});

describe('complaints and refunds', () => {
  it('the buyer files a complaint with a reason from the list; the answer shows on the order', async () => {
    const delivered: Order = { ...ORDER, as: 'buyer', status: 'delivered', actions: ['complain'] };
    const complaint = {
      id: '9a1c1f0e-4a57-4d1b-9a43-0d1f2b3c4d5e', orderId: ORDER.id, orderCode: ORDER.code, shopId: ORDER.shopId, shopName: ORDER.shopName, communeName: 'Xã Thất Khê',
      reason: 'damaged' as const, body: 'Hộp bánh bị vỡ một góc', photoUrl: null, status: 'open' as const, sellerAnswer: null, answeredAt: null, decisionReason: null, decidedAt: null, createdAt: '2026-12-07T03:00:00.000Z',
    };
    const api = fakeApi({
      [`GET /api/market/orders/${ORDER.id}`]: () => ({ body: delivered }),
      [`POST /api/market/orders/${ORDER.id}/complaints`]: () => ({ status: 201, body: { ...delivered, actions: [], complaints: [complaint] } }),
    });
    renderPage(<OrderPage />, { path: '/market/orders/:id', at: `/market/orders/${ORDER.id}` });
    await userEvent.click(await screen.findByText('Khiếu nại đơn này'));
    await userEvent.selectOptions(screen.getByLabelText('Lý do'), 'damaged');
    await userEvent.type(screen.getByLabelText('Kể lại chuyện gì đã xảy ra'), 'Hộp bánh bị vỡ một góc');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi khiếu nại' }));
    expect(await screen.findByText('Chờ người bán trả lời')).toBeTruthy();
    const sent = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/complaints'));
    expect(sent?.body).toEqual({ reason: 'damaged', body: 'Hộp bánh bị vỡ một góc' });
  });

  it('the seller of a cancelled paid order records the refund with the bank reference', async () => {
    const owed: Order = {
      ...ORDER, status: 'cancelled', paidAt: '2026-12-07T02:00:00.000Z', actions: ['refund'], cancelReason: 'Hết bột',
      refund: { status: 'owed', dueOn: '2026-12-10', amountVnd: 170000, reference: null, sentAt: null, confirmedAt: null },
    };
    const api = fakeApi({
      [`GET /api/market/orders/${ORDER.id}`]: () => ({ body: owed }),
      [`POST /api/market/orders/${ORDER.id}/refund`]: () => ({ body: { ...owed, actions: [], refund: { ...owed.refund!, status: 'sent', reference: 'FT2634100001', sentAt: '2026-12-07T04:00:00.000Z' } } }),
    });
    renderPage(<OrderPage />, { path: '/market/orders/:id', at: `/market/orders/${ORDER.id}` });
    expect(await screen.findByText(/trước ngày 10\/12\/2026/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Mã giao dịch ngân hàng'), 'FT2634100001');
    await userEvent.click(screen.getByRole('button', { name: 'Ghi nhận đã hoàn tiền' }));
    expect(await screen.findByText(/mã giao dịch FT2634100001/)).toBeTruthy();
    expect(api.calls.find((c) => c.path.endsWith('/refund'))?.body).toEqual({ amountVnd: 170000, reference: 'FT2634100001' });
  });
});

describe('sellers and leaders', () => {
  const SHOP_ID = ORDER.shopId;
  const shop = {
    id: SHOP_ID, name: 'Bánh nhà Bình', kind: 'household', communeCode: '06040', communeName: 'Xã Thất Khê', phone: '0900000002', pickupAddress: 'Thôn Nà Phái',
    bankBin: '970405', bankName: 'Agribank', bankAccount: '8888000002', bankAccountName: 'HOANG THI BINH', businessRegNo: null, description: '', openingHours: '',
    consentAt: null, openedByHelper: false, rating: { average: null, count: 0 }, createdAt: '2026-12-01T01:00:00.000Z', canManage: true,
  } satisfies Shop;
  const photos = ['a', 'b'].map((c) => ({ url: `/api/market/photos/${c.repeat(64)}`, thumbUrl: `/api/market/photos/${c.repeat(64)}`, fileId: c.repeat(64) }));
  const product = {
    id: '3c2b1a00-1f7d-4bb0-9f31-6a0c1d2e3f40', shopId: SHOP_ID, shopName: shop.name, communeCode: '06040', communeName: 'Xã Thất Khê', name: 'Khẩu sli lạc vừng',
    category: 'processed_food', priceVnd: 85000, unit: 'hop', stock: 10, weightGrams: 500, description: '', photos, ocop: null, ocopBadge: null,
    rating: { average: null, count: 0 }, hiddenReason: null, createdAt: '2026-12-01T01:00:00.000Z',
  } satisfies Product;

  it('the seller moves the second photo first and removes the other; the new order is sent by fileId', async () => {
    const api = fakeApi({
      [`GET /api/market/shops/${SHOP_ID}`]: () => ({ body: shop }),
      [`GET /api/market/shops/${SHOP_ID}/products`]: () => ({ body: { items: [product], total: 1 } }),
      [`GET /api/market/shops/${SHOP_ID}/orders`]: () => ({ body: { items: [], total: 0 } }),
      [`GET /api/market/shops/${SHOP_ID}/sales`]: () => ({ body: { weeks: [] } }),
      [`PUT /api/market/products/${product.id}/photos`]: () => ({ body: product }),
    });
    renderPage(<ShopManagePage />, { path: '/market/sell/:shopId', at: `/market/sell/${SHOP_ID}` });
    await userEvent.click(await screen.findByText('Sửa ảnh sản phẩm'));
    await userEvent.click(screen.getByRole('button', { name: 'Đưa ảnh 2 lên trước' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bỏ ảnh 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lưu ảnh' }));
    expect(await screen.findByText('Đã lưu ảnh.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ photos: [{ fileId: 'b'.repeat(64) }] });
  });

  it('leaders see progress against the province’s targets, marked as demo values', async () => {
    const stats: MarketStats = {
      shopsByCommune: [{ communeCode: '06040', communeName: 'Xã Thất Khê', shops: 5 }], shopsTotal: 5, products: 12, ocop: { verified: 3, pending: 1, stars3: 1, stars4: 2, stars5: 0 },
      weeks: [{ week: '2026-11-23', orders: 0, salesVnd: 0 }, { week: '2026-11-30', orders: 30, salesVnd: 3_000_000 }, { week: '2026-12-07', orders: 2, salesVnd: 100_000 }],
      targets: { year: 2026, demo: true, source: 'Giá trị minh họa', shopsOnline: 50, ocopProductsListed: 12, weeklyOrders: 300, weeklySalesVnd: 60_000_000 },
    };
    fakeApi({ 'GET /api/market/stats': () => ({ body: stats }) });
    renderPage(<LeaderMarketPage />);
    expect(await screen.findByText('So với chỉ tiêu năm 2026')).toBeTruthy();
    expect(screen.getByText('Chỉ tiêu minh họa (demo): tỉnh cần đặt số liệu thật.')).toBeTruthy();
    // last full week, not the one still filling up
    expect(screen.getByText(/30 \/ 300 \(10%\)/)).toBeTruthy();
    expect(screen.getByText(/5 \/ 50 \(10%\)/)).toBeTruthy();
    expect(screen.getByText(/3 \/ 12 \(25%\)/)).toBeTruthy();
  });
});

describe('the cart', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one cart per shop and adds to a line already there', () => {
    addToCart('shop-a', PRODUCT, 2);
    addToCart('shop-a', PRODUCT, 1);
    addToCart('shop-b', PRODUCT, 5);
    expect(readCart('shop-a')).toEqual([{ productId: 'p1', name: 'Na Chi Lăng', priceVnd: 60000, unit: 'kg', weightGrams: 1000, quantity: 3 }]);
    expect(readCart('shop-b')[0]?.quantity).toBe(5);
    expect(readCart('shop-c')).toEqual([]);
  });
});
