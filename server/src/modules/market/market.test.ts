// The market over HTTP with the real modules and the demo data: the catalogue searched
// without diacritics, shops opened by owners and by helpers with the owner's code,
// products with photos, orders end to end, the stock rule under parallel buyers,
// Idempotency-Key replays, the demo carrier and its signed callbacks, officers and leaders.
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { parseVietQr } from '@cds/contracts';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { lastSmsCode, signIn } from '../../../test/identity.ts';
import { demoFee, signBody } from './carrier.ts';
import { DEMO_CARRIER_SECRET } from './settings.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const PEOPLE = { an: '0900000001', binh: '0900000002', helper: '0900000301', officer: '0900000801', seller: '0900000802', leader: '0900000201', hoi: '0900000804' };

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload: payload as object, headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers } });

const SHOP = {
  name: 'Bánh nhà Bình', kind: 'household', communeCode: '06040', phone: '0900000002', pickupAddress: 'Thôn Nà Phái, Xã Thất Khê',
  bankBin: '970405', bankAccount: '8888000002', bankAccountName: 'Hoàng Thị Bình',
};
const PRODUCT = { name: 'Khẩu sli lạc vừng', category: 'processed_food', priceVnd: 85000, unit: 'hop', stock: 10, weightGrams: 500, description: 'Bánh khẩu sli nhà làm' };
const ORDER = { address: 'Số 12 đường Bà Triệu', phone: '0900000001', communeCode: '05983', paymentMethod: 'vietqr', deliveryMethod: 'seller' };

let photo = '';
let shopId = '';
let sellerShopId = '';

async function newProduct(over: Record<string, unknown> = {}, shop = shopId, who = 'binh'): Promise<string> {
  const res = await call('POST', `/api/market/shops/${shop}/products`, who, { ...PRODUCT, ...over });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

before(async () => {
  t = await createTestApp();
  for (const [who, phone] of Object.entries(PEOPLE)) tokens[who] = (await signIn(t.app, phone)).token;
  photo = (await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 180, b: 120 } } }).png().toBuffer()).toString('base64');
  const opened = await call('POST', '/api/market/shops', 'binh', SHOP);
  assert.equal(opened.statusCode, 201, opened.body);
  shopId = opened.json().id;
  sellerShopId = (await call('GET', '/api/market/my/shops', 'seller')).json().items[0].id;
});
after(() => t.teardown());

describe('the catalogue', () => {
  it('finds products typed without diacritics and filters by verified OCOP stars', async () => {
    const res = await call('GET', '/api/market/products?q=thach%20den%20trang%20dinh');
    assert.equal(res.statusCode, 200, res.body);
    const names = res.json().items.map((p: { name: string }) => p.name);
    assert.ok(names.includes('Thạch đen Tràng Định'), names.join());
    assert.ok(!names.includes('Na Chi Lăng loại 1'));
    const four = (await call('GET', '/api/market/products?stars=4')).json().items as { name: string; ocopBadge: number }[];
    assert.deepEqual(four.map((p) => p.name).sort(), ['Hoa hồi khô Văn Quan', 'Na Chi Lăng loại 1']);
    assert.ok(four.every((p) => p.ocopBadge === 4));
    // declared five stars, not yet checked by an officer: no badge, not under the filter
    assert.equal((await call('GET', '/api/market/products?stars=5')).json().total, 0);
    const oil = (await call('GET', '/api/market/products?q=tinh%20dau%20hoi')).json().items[0];
    assert.equal(oil.ocopBadge, null);
    assert.equal(oil.ocop.status, 'pending');
    const inChiLang = (await call('GET', '/api/market/products?commune=06463&category=produce')).json();
    assert.equal(inChiLang.total, 1);
  });

  it('refuses bad filters naming them, and shows a product page with its photos and shop', async () => {
    for (const q of ['stars=2', 'commune=abc', 'category=weapons', 'limit=1000', 'offset=1e308']) {
      const res = await call('GET', `/api/market/products?${q}`);
      assert.equal(res.statusCode, 400, q);
      assert.ok(JSON.stringify(res.json().error.details).includes(q.split('=')[0]!), q);
    }
    const id = (await call('GET', '/api/market/products?q=na%20chi%20lang')).json().items[0].id;
    const page = await call('GET', `/api/market/products/${id}`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.json().shop.name, 'HTX Na Chi Lăng');
    assert.equal(page.json().shop.canManage, false);
    const img = await call('GET', page.json().product.photos[0].url);
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/jpeg');
    assert.equal((await call('GET', `/api/market/photos/${'0'.repeat(64)}`)).statusCode, 404);
    assert.equal((await call('GET', '/api/market/products/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });
});

describe('opening a shop', () => {
  it('refuses a bank without VietQR, a commune outside the province and a bad phone, naming the field; the signed-out get 401', async () => {
    const cases: [Record<string, unknown>, string][] = [[{ bankBin: '123456' }, 'bankBin'], [{ communeCode: '00070' }, 'communeCode'], [{ phone: '12345' }, 'phone'], [{ bankAccount: 'có dấu' }, 'bankAccount']];
    for (const [over, field] of cases) {
      const res = await call('POST', '/api/market/shops', 'an', { ...SHOP, ...over });
      assert.equal(res.statusCode, 400, field);
      assert.ok(JSON.stringify(res.json().error.details).includes(field), res.body);
    }
    assert.equal((await call('POST', '/api/market/shops', undefined, SHOP)).statusCode, 401);
  });

  it('a community helper opens a shop for a neighbour only with the code sent to the owner’s phone', async () => {
    assert.equal((await call('POST', '/api/market/shops/consent', 'an', { ownerPhone: PEOPLE.binh })).statusCode, 403);
    assert.equal((await call('POST', '/api/market/shops', 'an', { ...SHOP, ownerPhone: PEOPLE.binh, consentCode: '123456' })).statusCode, 403);
    const unknown = await call('POST', '/api/market/shops/consent', 'helper', { ownerPhone: '0912345678' });
    assert.equal(unknown.statusCode, 400);
    assert.ok(unknown.body.includes('ownerPhone'));
    const sent = await call('POST', '/api/market/shops/consent', 'helper', { ownerPhone: PEOPLE.binh });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().ownerName, 'Hoàng Thị Bình');
    const code = await lastSmsCode(t.app, PEOPLE.binh);
    const wrong = await call('POST', '/api/market/shops', 'helper', { ...SHOP, name: 'Rau nhà Bình', ownerPhone: PEOPLE.binh, consentCode: code === '000000' ? '111111' : '000000' });
    assert.equal(wrong.statusCode, 400);
    assert.ok(wrong.body.includes('consentCode'));
    const missing = await call('POST', '/api/market/shops', 'helper', { ...SHOP, name: 'Rau nhà Bình', ownerPhone: PEOPLE.binh });
    assert.equal(missing.statusCode, 400);
    const opened = await call('POST', '/api/market/shops', 'helper', { ...SHOP, name: 'Rau nhà Bình', ownerPhone: PEOPLE.binh, consentCode: code });
    assert.equal(opened.statusCode, 201, opened.body);
    assert.equal(opened.json().openedByHelper, true);
    assert.ok(opened.json().consentAt);
    // the code is used up
    assert.equal((await call('POST', '/api/market/shops', 'helper', { ...SHOP, name: 'Rau nhà Bình 2', ownerPhone: PEOPLE.binh, consentCode: code })).statusCode, 400);
    const owners = (await call('GET', '/api/market/my/shops', 'binh')).json().items.map((s: { id: string }) => s.id);
    assert.ok(owners.includes(opened.json().id));
    // the helper may list products for the neighbour, a stranger may not
    await newProduct({ photos: [photo] }, opened.json().id, 'helper');
    assert.equal((await call('POST', `/api/market/shops/${opened.json().id}/products`, 'an', PRODUCT)).statusCode, 403);
    const audit = await t.platform.audit.list({ subjectType: 'market_shop', subjectId: opened.json().id });
    assert.equal(audit[0]?.action, 'market.shop_opened_for_owner');
  });
});

describe('listing products', () => {
  it('re-encodes photos, and refuses a non-image, six photos, a fractional price and an expired OCOP certificate', async () => {
    const id = await newProduct({ photos: [photo] });
    const p = (await call('GET', `/api/market/products/${id}`)).json().product;
    assert.equal(p.photos.length, 1);
    const img = await call('GET', p.photos[0].url);
    assert.deepEqual([...img.rawPayload.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    const bad: [Record<string, unknown>, string][] = [
      [{ photos: [Buffer.from('not an image at all').toString('base64')] }, 'photos.0'],
      [{ photos: Array(6).fill(photo) }, 'photos'],
      [{ priceVnd: 1500.5 }, 'priceVnd'],
      [{ stock: -1 }, 'stock'],
      [{ ocop: { stars: 4, group: 'food', certificateNumber: 'X-1', level: 'province', decision: 'QĐ 1', expiresOn: '2020-01-01' } }, 'ocop.expiresOn'],
      [{ ocop: { stars: 2, group: 'food', certificateNumber: 'X-1', level: 'province', decision: 'QĐ 1', expiresOn: '2099-01-01' } }, 'stars'],
    ];
    for (const [over, field] of bad) {
      const res = await call('POST', `/api/market/shops/${shopId}/products`, 'binh', { ...PRODUCT, ...over });
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.ok(JSON.stringify(res.json().error.details).includes(field), res.body);
    }
  });

  it('lets only the shop’s seller change a product', async () => {
    const id = await newProduct();
    const changed = await call('PATCH', `/api/market/products/${id}`, 'binh', { priceVnd: 90000, stock: 3 });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().priceVnd, 90000);
    assert.equal((await call('PATCH', `/api/market/products/${id}`, 'an', { priceVnd: 1000 })).statusCode, 403);
    assert.equal((await call('PATCH', `/api/market/products/${id}`, 'binh', {})).statusCode, 400);
  });
});

describe('ordering', () => {
  it('a buyer in another commune orders, pays by VietQR the seller confirms, the seller ships, the buyer receives and rates', async () => {
    const productId = await newProduct({ photos: [photo] });
    // the client cannot name a price: only product and quantity
    assert.equal((await call('POST', '/api/market/orders', 'an', { ...ORDER, shopId, items: [{ productId, quantity: 2, priceVnd: 1 }] })).statusCode, 400);
    const placed = await call('POST', '/api/market/orders', 'an', { ...ORDER, shopId, items: [{ productId, quantity: 2 }] });
    assert.equal(placed.statusCode, 201, placed.body);
    const order = placed.json();
    assert.equal(order.totalVnd, 170000);
    assert.equal(order.shippingVnd, 0);
    assert.equal(order.status, 'new');
    assert.match(order.code, /^DH\d{8}$/);
    const qr = parseVietQr(order.vietqr.payload)!;
    assert.equal(qr.get('54'), '170000');
    assert.ok(qr.get('38')!.includes('8888000002'));
    assert.ok(qr.get('62')!.includes(order.code));
    assert.equal((await call('GET', `/api/market/products/${productId}`)).json().product.stock, 8);

    // the seller was told, and sees it; strangers see nothing
    const inbox = (await call('GET', '/api/me/notifications', 'binh')).json();
    assert.ok(JSON.stringify(inbox).includes(order.code));
    const sellerView = await call('GET', `/api/market/orders/${order.id}`, 'binh');
    assert.equal(sellerView.json().as, 'seller');
    assert.equal(sellerView.json().vietqr, null);
    assert.deepEqual(sellerView.json().actions, ['confirm_payment', 'cancel']);
    assert.equal((await call('GET', `/api/market/orders/${order.id}`, 'seller')).statusCode, 404);
    assert.equal((await call('GET', `/api/market/shops/${shopId}/orders`, 'an')).statusCode, 403);
    assert.ok(!(await call('GET', '/api/market/my/orders', 'binh')).json().items.some((o: { id: string }) => o.id === order.id));
    assert.ok((await call('GET', '/api/market/my/orders', 'an')).json().items.some((o: { id: string }) => o.id === order.id));
    assert.ok((await call('GET', `/api/market/shops/${shopId}/orders`, 'binh')).json().items.some((o: { id: string }) => o.id === order.id));

    // not before the money arrived; never by the buyer
    assert.equal((await call('POST', `/api/market/orders/${order.id}/status`, 'binh', { to: 'confirmed' })).statusCode, 409);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/payment-received`, 'an')).statusCode, 403);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/status`, 'an', { to: 'packed' })).statusCode, 403);
    const paid = await call('POST', `/api/market/orders/${order.id}/payment-received`, 'binh');
    assert.equal(paid.statusCode, 200, paid.body);
    assert.equal(paid.json().status, 'confirmed');
    assert.equal((await call('POST', `/api/market/orders/${order.id}/payment-received`, 'binh')).statusCode, 409);
    // rating is for buyers who received it
    assert.equal((await call('POST', `/api/market/orders/${order.id}/reviews`, 'an', { productId, stars: 5 })).statusCode, 409);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/status`, 'binh', { to: 'shipping' })).statusCode, 409);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/status`, 'binh', { to: 'packed' })).json().status, 'packed');
    assert.equal((await call('POST', `/api/market/orders/${order.id}/status`, 'binh', { to: 'shipping' })).json().status, 'shipping');
    assert.equal((await call('POST', `/api/market/orders/${order.id}/received`, 'binh')).statusCode, 403);
    const got = await call('POST', `/api/market/orders/${order.id}/received`, 'an');
    assert.equal(got.json().status, 'delivered');
    assert.deepEqual(got.json().actions, ['review', 'complain']);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/reviews`, 'an', { productId, stars: 6 })).statusCode, 400);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/reviews`, 'an', { productId: sellerShopId, stars: 5 })).statusCode, 400);
    const rated = await call('POST', `/api/market/orders/${order.id}/reviews`, 'an', { productId, stars: 5, comment: 'Bánh ngon, giòn' });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.deepEqual(rated.json().actions, ['complain']);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/reviews`, 'an', { productId, stars: 1 })).statusCode, 409);
    const page = (await call('GET', `/api/market/products/${productId}`)).json();
    assert.deepEqual(page.product.rating, { average: 5, count: 1 });
    assert.equal(page.reviews[0].buyerName, 'Nguyễn V. A.');
    const weeks = (await call('GET', `/api/market/shops/${shopId}/sales`, 'binh')).json().weeks;
    assert.equal(weeks.length, 8);
    assert.ok(weeks.at(-1).salesVnd >= 170000);
    assert.equal((await call('GET', `/api/market/shops/${shopId}/sales`, 'an')).statusCode, 403);
  });

  it('refuses an order mixing shops, from one’s own shop, and a cancel without reason; a cancel returns the stock', async () => {
    const mine = await newProduct();
    const other = (await call('GET', '/api/market/products?q=na%20chi%20lang')).json().items[0].id;
    const mixed = await call('POST', '/api/market/orders', 'an', { ...ORDER, shopId, items: [{ productId: mine, quantity: 1 }, { productId: other, quantity: 1 }] });
    assert.equal(mixed.statusCode, 400);
    assert.ok(mixed.body.includes('items.1.productId'));
    assert.equal((await call('POST', '/api/market/orders', 'binh', { ...ORDER, shopId, items: [{ productId: mine, quantity: 1 }] })).statusCode, 400);
    const order = (await call('POST', '/api/market/orders', 'an', { ...ORDER, paymentMethod: 'cod', shopId, items: [{ productId: mine, quantity: 4 }] })).json();
    assert.equal((await call('GET', `/api/market/products/${mine}`)).json().product.stock, 6);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/status`, 'an', { to: 'cancelled' })).statusCode, 400);
    const cancelled = await call('POST', `/api/market/orders/${order.id}/status`, 'an', { to: 'cancelled', reason: 'Đặt nhầm số lượng' });
    assert.equal(cancelled.json().status, 'cancelled');
    assert.equal((await call('GET', `/api/market/products/${mine}`)).json().product.stock, 10);
  });

  it('two buyers of the last item: one gets it, the other is told it is gone', async () => {
    const last = await newProduct({ stock: 1 });
    const [a, b] = await Promise.all([
      call('POST', '/api/market/orders', 'an', { ...ORDER, shopId, items: [{ productId: last, quantity: 1 }] }),
      call('POST', '/api/market/orders', 'seller', { ...ORDER, phone: '0900000802', shopId, items: [{ productId: last, quantity: 1 }] }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409]);
    assert.equal([a, b].find((r) => r.statusCode === 409)!.json().error.code, 'market.out_of_stock');
    assert.equal((await call('GET', `/api/market/products/${last}`)).json().product.stock, 0);
  });

  it('an order replayed with the same Idempotency-Key is one order; the key with another order is refused', async () => {
    const productId = await newProduct({ stock: 5 });
    const body = { ...ORDER, shopId, items: [{ productId, quantity: 1 }] };
    const key = { 'idempotency-key': 'market-order-0001' };
    const racing = await Promise.all([1, 2, 3].map(() => call('POST', '/api/market/orders', 'an', body, key)));
    assert.deepEqual(racing.map((r) => r.statusCode).sort(), [200, 200, 201]);
    assert.equal(new Set(racing.map((r) => r.json().id)).size, 1);
    assert.equal((await call('POST', '/api/market/orders', 'an', body, key)).statusCode, 200);
    assert.equal((await call('GET', `/api/market/products/${productId}`)).json().product.stock, 4);
    assert.equal((await call('POST', '/api/market/orders', 'an', { ...body, items: [{ productId, quantity: 2 }] }, key)).statusCode, 422);
    assert.equal((await call('POST', '/api/market/orders', 'an', body, { 'idempotency-key': 'bad key!' })).statusCode, 400);
  });
});

describe('the carrier', () => {
  it('quotes by weight and commune, creates the shipment when the seller ships, and its signed callback delivers the order', async () => {
    const productId = await newProduct({ weightGrams: 700 });
    const quote = await call('GET', `/api/market/shipping-quote?shopId=${shopId}&communeCode=05983&weightGrams=1400`);
    assert.equal(quote.json().feeVnd, demoFee('06040', '05983', 1400));
    assert.equal((await call('GET', `/api/market/shipping-quote?shopId=${shopId}&communeCode=99999&weightGrams=1`)).statusCode, 400);
    const order = (await call('POST', '/api/market/orders', 'an', { ...ORDER, paymentMethod: 'cod', deliveryMethod: 'carrier', shopId, items: [{ productId, quantity: 2 }] })).json();
    assert.equal(order.shippingVnd, demoFee('06040', '05983', 1400));
    assert.equal(order.totalVnd, 170000 + order.shippingVnd);
    for (const to of ['confirmed', 'packed', 'shipping']) assert.equal((await call('POST', `/api/market/orders/${order.id}/status`, 'binh', { to })).json().status, to);
    const shipped = (await call('GET', `/api/market/orders/${order.id}`, 'an')).json();
    assert.match(shipped.trackingCode, /^EL\d{9}VN$/);

    const forged = JSON.stringify({ itemCode: shipped.trackingCode, orderNumber: order.code, status: 'delivered', statusTime: new Date().toISOString() });
    const refused = await t.app.inject({ method: 'POST', url: '/api/market/carrier/callback', payload: forged, headers: { 'content-type': 'application/json', 'x-carrier-signature': signBody(forged, 'not-the-secret-at-all') } });
    assert.equal(refused.statusCode, 401);
    for (let i = 0; i < 3; i++) assert.equal((await call('POST', `/demo/carrier/api/v1/orders/${shipped.trackingCode}/advance`)).statusCode, 200);
    assert.equal((await call('GET', `/api/market/orders/${order.id}`, 'an')).json().status, 'delivered');
    // a repeated callback changes nothing
    const again = await t.app.inject({ method: 'POST', url: '/api/market/carrier/callback', payload: forged, headers: { 'content-type': 'application/json', 'x-carrier-signature': signBody(forged, DEMO_CARRIER_SECRET) } });
    assert.equal(again.statusCode, 200, again.body);
  });
});

describe('market officers, leaders and the feed', () => {
  it('an officer verifies an OCOP certificate and hides a listing with a reason, audited; others may not', async () => {
    const pending = (await call('GET', '/api/market/staff/products?ocop=pending', 'officer')).json();
    const oil = pending.items.find((p: { name: string }) => p.name === 'Tinh dầu hồi nguyên chất');
    assert.ok(oil);
    assert.equal((await call('GET', '/api/market/staff/products', 'an')).statusCode, 403);
    assert.equal((await call('POST', `/api/market/products/${oil.id}/ocop`, 'hoi', { verified: true })).statusCode, 403);
    const verified = await call('POST', `/api/market/products/${oil.id}/ocop`, 'officer', { verified: true, note: 'Đã đối chiếu giấy chứng nhận' });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().ocopBadge, 5);
    assert.equal((await call('GET', '/api/market/products?stars=5')).json().total, 1);
    const noOcop = await newProduct();
    assert.equal((await call('POST', `/api/market/products/${noOcop}/ocop`, 'officer', { verified: true })).statusCode, 409);

    assert.equal((await call('POST', `/api/market/products/${noOcop}/hide`, 'officer', { reason: 'x' })).statusCode, 400);
    const hidden = await call('POST', `/api/market/products/${noOcop}/hide`, 'officer', { reason: 'Ảnh không đúng sản phẩm' });
    assert.equal(hidden.json().hiddenReason, 'Ảnh không đúng sản phẩm');
    assert.equal((await call('GET', `/api/market/products/${noOcop}`)).statusCode, 404);
    assert.equal((await call('GET', `/api/market/products/${noOcop}`, 'binh')).json().product.hiddenReason, 'Ảnh không đúng sản phẩm');
    assert.equal((await call('POST', '/api/market/orders', 'an', { ...ORDER, shopId, items: [{ productId: noOcop, quantity: 1 }] })).statusCode, 400);
    const audit = await t.platform.audit.list({ subjectType: 'market_product', subjectId: noOcop });
    assert.equal(audit[0]?.action, 'market.product_hidden');
    assert.equal((await call('POST', `/api/market/products/${noOcop}/unhide`, 'officer')).json().hiddenReason, null);
  });

  it('leaders see shops per commune, weekly orders and OCOP numbers; citizens do not', async () => {
    const stats = await call('GET', '/api/market/stats', 'leader');
    assert.equal(stats.statusCode, 200, stats.body);
    assert.ok(stats.json().shopsByCommune.some((c: { communeName: string; shops: number }) => c.communeName === 'Xã Chi Lăng' && c.shops === 1));
    assert.equal(stats.json().weeks.length, 8);
    assert.ok(stats.json().ocop.stars4 >= 2);
    assert.equal((await call('GET', '/api/market/stats', 'an')).statusCode, 403);
    assert.equal((await call('GET', '/api/market/stats')).statusCode, 401);
  });

  it('publishes the visible products as JSON and CSV', async () => {
    const json = await call('GET', '/api/market/feed.json');
    assert.equal(json.statusCode, 200);
    const na = json.json().items.find((i: { title: string }) => i.title === 'Na Chi Lăng loại 1');
    assert.equal(na.ocopStars, 4);
    assert.equal(na.availability, 'in_stock');
    assert.match(na.link, /\/market\/products\/[0-9a-f-]{36}$/);
    const csv = await call('GET', '/api/market/feed.csv');
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.ok(csv.body.includes('"Na Chi Lăng loại 1"'));
    assert.equal(csv.body.split('\r\n').filter(Boolean).length, json.json().items.length + 1);
  });
});

describe('complaints', () => {
  it('the buyer complains, the seller answers, the officer of the area decides; each side is told and bad input names the field', async () => {
    const productId = await newProduct();
    const order = (await call('POST', '/api/market/orders', 'an', { ...ORDER, paymentMethod: 'cod', shopId, items: [{ productId, quantity: 1 }] })).json();
    // not before the shop took the order on
    assert.equal((await call('POST', `/api/market/orders/${order.id}/complaints`, 'an', { reason: 'damaged', body: 'Hộp bánh bị vỡ' })).statusCode, 409);
    await call('POST', `/api/market/orders/${order.id}/status`, 'binh', { to: 'confirmed' });
    for (const [bad, field] of [[{ reason: 'angry', body: 'Hộp bánh bị vỡ' }, 'reason'], [{ reason: 'damaged', body: 'x' }, 'body'], [{ reason: 'damaged' }, 'body']] as const) {
      const res = await call('POST', `/api/market/orders/${order.id}/complaints`, 'an', bad);
      assert.equal(res.statusCode, 400, res.body);
      assert.ok(JSON.stringify(res.json().error.details).includes(field), res.body);
    }
    // the seller cannot complain about their own order; a stranger does not see it
    assert.equal((await call('POST', `/api/market/orders/${order.id}/complaints`, 'binh', { reason: 'damaged', body: 'Hộp bánh bị vỡ' })).statusCode, 403);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/complaints`, 'seller', { reason: 'damaged', body: 'Hộp bánh bị vỡ' })).statusCode, 404);
    const notPhoto = await call('POST', `/api/market/orders/${order.id}/complaints`, 'an', { reason: 'damaged', body: 'Hộp bánh bị vỡ', photo: Buffer.from('not a photo at all').toString('base64') });
    assert.equal(notPhoto.statusCode, 400);
    assert.ok(JSON.stringify(notPhoto.json().error.details).includes('photo'), notPhoto.body);
    const filed = await call('POST', `/api/market/orders/${order.id}/complaints`, 'an', { reason: 'damaged', body: 'Hộp bánh bị vỡ một góc', photo });
    assert.equal(filed.statusCode, 201, filed.body);
    const complaint = filed.json().complaints[0];
    assert.equal(complaint.status, 'open');
    // the photo: buyer, seller and officer see it; a stranger and the public do not
    for (const who of ['an', 'binh', 'officer']) {
      const img = await call('GET', complaint.photoUrl, who);
      assert.equal(img.statusCode, 200, who);
      assert.equal(img.headers['content-type'], 'image/jpeg');
    }
    assert.equal((await call('GET', complaint.photoUrl, 'seller')).statusCode, 404);
    assert.equal((await call('GET', complaint.photoUrl)).statusCode, 401);
    assert.ok(!filed.json().actions.includes('complain'));
    assert.equal((await call('POST', `/api/market/orders/${order.id}/complaints`, 'an', { reason: 'other', body: 'Lần nữa' })).statusCode, 409);
    assert.ok(JSON.stringify((await call('GET', '/api/me/notifications', 'binh')).json()).includes(`Khiếu nại về đơn ${order.code}`));

    const sellerView = (await call('GET', `/api/market/orders/${order.id}`, 'binh')).json();
    assert.ok(sellerView.actions.includes('answer_complaint'));
    assert.equal((await call('POST', `/api/market/complaints/${complaint.id}/answer`, 'an', { answer: 'Tôi là người mua' })).statusCode, 403);
    assert.equal((await call('POST', `/api/market/complaints/${complaint.id}/answer`, 'binh', { answer: '' })).statusCode, 400);
    const answered = await call('POST', `/api/market/complaints/${complaint.id}/answer`, 'binh', { answer: 'Xin lỗi, tôi sẽ gửi hộp khác' });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().complaints[0].status, 'answered');
    assert.equal((await call('POST', `/api/market/complaints/${complaint.id}/answer`, 'binh', { answer: 'Trả lời lần hai' })).statusCode, 409);
    assert.ok(JSON.stringify((await call('GET', '/api/me/notifications', 'an')).json()).includes('Xin lỗi, tôi sẽ gửi hộp khác'));

    // officers of the area decide; buyer, seller and citizens may not
    const waiting = await call('GET', '/api/market/staff/complaints', 'officer');
    assert.equal(waiting.statusCode, 200, waiting.body);
    assert.ok(waiting.json().items.some((c: { id: string }) => c.id === complaint.id));
    assert.equal((await call('GET', '/api/market/staff/complaints', 'an')).statusCode, 403);
    assert.equal((await call('POST', `/api/market/complaints/${complaint.id}/decision`, 'an', { upheld: true, reason: 'Người mua đúng' })).statusCode, 403);
    assert.equal((await call('POST', `/api/market/complaints/${complaint.id}/decision`, 'binh', { upheld: false, reason: 'Tôi tự quyết' })).statusCode, 403);
    const noReason = await call('POST', `/api/market/complaints/${complaint.id}/decision`, 'officer', { upheld: true });
    assert.equal(noReason.statusCode, 400);
    assert.ok(noReason.body.includes('reason'));
    assert.equal((await call('POST', '/api/market/complaints/00000000-0000-4000-8000-000000000000/decision', 'officer', { upheld: true, reason: 'Không có khiếu nại' })).statusCode, 404);
    const decided = await call('POST', `/api/market/complaints/${complaint.id}/decision`, 'officer', { upheld: true, reason: 'Ảnh cho thấy hàng vỡ khi giao' });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json().status, 'upheld');
    assert.equal((await call('POST', `/api/market/complaints/${complaint.id}/decision`, 'officer', { upheld: false, reason: 'Đổi ý sau đó' })).statusCode, 409);
    for (const who of ['an', 'binh']) assert.ok(JSON.stringify((await call('GET', '/api/me/notifications', who)).json()).includes(`Khiếu nại đơn ${order.code} được chấp nhận`), who);
    const audit = await t.platform.audit.list({ subjectType: 'market_complaint', subjectId: complaint.id });
    assert.equal(audit[0]?.action, 'market.complaint_upheld');
    assert.ok((await call('GET', '/api/market/staff/complaints?state=closed', 'officer')).json().items.some((c: { id: string }) => c.id === complaint.id));
    // decided: the buyer may complain again
    assert.ok((await call('GET', `/api/market/orders/${order.id}`, 'an')).json().actions.includes('complain'));
  });
});

describe('refunds', () => {
  it('a seller cancelling a paid order owes the money back; records it with the bank reference; the buyer confirms; officers see the overdue ones', async () => {
    const productId = await newProduct();
    const order = (await call('POST', '/api/market/orders', 'an', { ...ORDER, shopId, items: [{ productId, quantity: 2 }] })).json();
    await call('POST', `/api/market/orders/${order.id}/payment-received`, 'binh');
    const cancelled = await call('POST', `/api/market/orders/${order.id}/status`, 'binh', { to: 'cancelled', reason: 'Hết bột, không làm kịp' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    const refund = cancelled.json().refund;
    assert.equal(refund.status, 'owed');
    assert.equal(refund.amountVnd, 170000);
    assert.ok(refund.dueOn > new Date().toISOString().slice(0, 10));
    assert.ok(cancelled.json().actions.includes('refund'));
    const buyerView = (await call('GET', `/api/market/orders/${order.id}`, 'an')).json();
    assert.ok(buyerView.actions.includes('complain'));
    assert.ok(!buyerView.actions.includes('refund_received'));
    assert.equal(buyerView.vietqr, null);

    // not yet overdue; then the due day passes
    assert.ok(!(await call('GET', '/api/market/staff/refunds-overdue', 'officer')).json().items.some((r: { orderId: string }) => r.orderId === order.id));
    await sql`UPDATE market_orders SET refund_due_on = '2020-01-02' WHERE id = ${order.id}`.execute(t.platform.db.kysely);
    const overdue = await call('GET', '/api/market/staff/refunds-overdue', 'officer');
    assert.equal(overdue.statusCode, 200, overdue.body);
    const late = overdue.json().items.find((r: { orderId: string }) => r.orderId === order.id);
    assert.equal(late.amountVnd, 170000);
    assert.ok(late.workingDaysLate > 0);
    assert.equal((await call('GET', '/api/market/staff/refunds-overdue', 'binh')).statusCode, 403);

    // the whole amount, by the seller only, with a reference
    assert.equal((await call('POST', `/api/market/orders/${order.id}/refund`, 'an', { amountVnd: 170000, reference: 'FT2634100001' })).statusCode, 403);
    const short = await call('POST', `/api/market/orders/${order.id}/refund`, 'binh', { amountVnd: 100000, reference: 'FT2634100001' });
    assert.equal(short.statusCode, 400);
    assert.ok(short.body.includes('amountVnd'));
    assert.equal((await call('POST', `/api/market/orders/${order.id}/refund`, 'binh', { amountVnd: 170000 })).statusCode, 400);
    assert.equal((await call('POST', `/api/market/orders/${order.id}/refund-received`, 'an')).statusCode, 409);
    const sent = await call('POST', `/api/market/orders/${order.id}/refund`, 'binh', { amountVnd: 170000, reference: 'FT2634100001' });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().refund.status, 'sent');
    assert.equal((await call('POST', `/api/market/orders/${order.id}/refund`, 'binh', { amountVnd: 170000, reference: 'FT2634100001' })).statusCode, 409);
    assert.ok(!(await call('GET', '/api/market/staff/refunds-overdue', 'officer')).json().items.some((r: { orderId: string }) => r.orderId === order.id));
    assert.ok(JSON.stringify((await call('GET', '/api/me/notifications', 'an')).json()).includes('FT2634100001'));
    assert.equal((await call('POST', `/api/market/orders/${order.id}/refund-received`, 'binh')).statusCode, 403);
    const confirmed = await call('POST', `/api/market/orders/${order.id}/refund-received`, 'an');
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().refund.status, 'confirmed');
    assert.ok(!confirmed.json().actions.includes('complain'));

    // a cash-on-delivery order cancelled owes nothing
    const cod = (await call('POST', '/api/market/orders', 'an', { ...ORDER, paymentMethod: 'cod', shopId, items: [{ productId, quantity: 1 }] })).json();
    const codCancelled = (await call('POST', `/api/market/orders/${cod.id}/status`, 'binh', { to: 'cancelled', reason: 'Hết hàng' })).json();
    assert.equal(codCancelled.refund, null);
    assert.equal((await call('POST', `/api/market/orders/${cod.id}/refund`, 'binh', { amountVnd: 85000, reference: 'FT2634100002' })).statusCode, 409);
  });
});

describe('editing a shop and a product', () => {
  it('the seller changes the shop’s name, hours and commune (its products follow in search); others may not; bad input names the field', async () => {
    const opened = (await call('POST', '/api/market/shops', 'binh', { ...SHOP, name: 'Quán thử sửa' })).json();
    const productId = await newProduct({ name: 'Bánh gai thử' }, opened.id);
    assert.equal((await call('PATCH', `/api/market/shops/${opened.id}`, 'an', { name: 'Của tôi' })).statusCode, 403);
    assert.equal((await call('PATCH', `/api/market/shops/${opened.id}`, 'binh', {})).statusCode, 400);
    for (const [bad, field] of [[{ bankBin: '123456' }, 'bankBin'], [{ communeCode: '00070' }, 'communeCode'], [{ phone: '12' }, 'phone']] as const) {
      const res = await call('PATCH', `/api/market/shops/${opened.id}`, 'binh', bad);
      assert.equal(res.statusCode, 400, field);
      assert.ok(JSON.stringify(res.json().error.details).includes(field), res.body);
    }
    const changed = await call('PATCH', `/api/market/shops/${opened.id}`, 'binh', { name: 'Bánh gai Chi Lăng', description: 'Bánh gai lá gai tươi', openingHours: '7:00–18:00', communeCode: '06463', bankAccount: '1234567890' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().openingHours, '7:00–18:00');
    assert.equal(changed.json().communeName, 'Xã Chi Lăng');
    const found = (await call('GET', '/api/market/products?q=banh%20gai%20chi%20lang&commune=06463')).json().items.map((p: { id: string }) => p.id);
    assert.ok(found.includes(productId));
    const audit = await t.platform.audit.list({ subjectType: 'market_shop', subjectId: opened.id });
    assert.ok(audit.some((a) => a.action === 'market.shop_bank_changed'));
  });

  it('reorders, removes and adds a product’s photos within five; a changed OCOP block waits for the officer again', async () => {
    const colour = async (r: number, g: number, b: number) => (await sharp({ create: { width: 40, height: 40, channels: 3, background: { r, g, b } } }).png().toBuffer()).toString('base64');
    const productId = await newProduct({ photos: [photo, await colour(220, 20, 20)] });
    const before = (await call('GET', `/api/market/products/${productId}`, 'binh')).json().product.photos as { fileId: string }[];
    assert.equal(before.length, 2);
    const [first, second] = before.map((p) => p.fileId);
    assert.equal((await call('PUT', `/api/market/products/${productId}/photos`, 'an', { photos: [] })).statusCode, 403);
    const unknown = await call('PUT', `/api/market/products/${productId}/photos`, 'binh', { photos: [{ fileId: 'a'.repeat(64) }] });
    assert.equal(unknown.statusCode, 400);
    assert.ok(unknown.body.includes('photos.0.fileId'));
    const notImage = await call('PUT', `/api/market/products/${productId}/photos`, 'binh', { photos: [{ fileId: first }, { data: Buffer.from('not a photo at all').toString('base64') }] });
    assert.equal(notImage.statusCode, 400);
    assert.ok(notImage.body.includes('photos.1.data'));
    assert.equal((await call('PUT', `/api/market/products/${productId}/photos`, 'binh', { photos: Array.from({ length: 6 }, () => ({ data: photo })) })).statusCode, 400);
    assert.notEqual(first, second);
    const reordered = await call('PUT', `/api/market/products/${productId}/photos`, 'binh', { photos: [{ data: await colour(20, 160, 40) }, { fileId: second }] });
    assert.equal(reordered.statusCode, 200, reordered.body);
    const after = reordered.json().photos as { fileId: string }[];
    assert.equal(after.length, 2);
    assert.equal(after[1]!.fileId, second);
    assert.ok(!after.some((p) => p.fileId === first));
    assert.ok(!after.some((p) => p.fileId === second) || after[0]!.fileId !== second);

    const ocop = { stars: 4, group: 'food', certificateNumber: 'OCOP-LS-2025-100', level: 'province', decision: 'QĐ 100/QĐ-UBND', expiresOn: `${new Date().getUTCFullYear() + 2}-12-31` };
    await call('PATCH', `/api/market/products/${productId}`, 'binh', { ocop });
    assert.equal((await call('POST', `/api/market/products/${productId}/ocop`, 'officer', { verified: true })).json().ocopBadge, 4);
    const edited = await call('PATCH', `/api/market/products/${productId}`, 'binh', { ocop: { ...ocop, stars: 5 } });
    assert.equal(edited.json().ocop.status, 'pending');
    assert.equal(edited.json().ocopBadge, null);
  });
});

describe('the demo carrier button', () => {
  it('the seller advances a shipped parcel through the signed callback until it is delivered; the buyer may not', async () => {
    const productId = await newProduct();
    const order = (await call('POST', '/api/market/orders', 'an', { ...ORDER, paymentMethod: 'cod', deliveryMethod: 'carrier', shopId, items: [{ productId, quantity: 1 }] })).json();
    assert.equal((await call('POST', `/api/market/orders/${order.id}/demo-advance`, 'binh')).statusCode, 409);
    for (const to of ['confirmed', 'packed', 'shipping']) await call('POST', `/api/market/orders/${order.id}/status`, 'binh', { to });
    const shipped = (await call('GET', `/api/market/orders/${order.id}`, 'binh')).json();
    assert.ok(shipped.actions.includes('demo_advance'));
    assert.equal((await call('POST', `/api/market/orders/${order.id}/demo-advance`, 'an')).statusCode, 403);
    let last = shipped;
    for (let i = 0; i < 3; i++) {
      const res = await call('POST', `/api/market/orders/${order.id}/demo-advance`, 'binh');
      assert.equal(res.statusCode, 200, res.body);
      last = res.json();
    }
    assert.equal(last.status, 'delivered');
    assert.ok(!last.actions.includes('demo_advance'));
  });
});

describe('targets', () => {
  it('leaders see the province’s targets from the pack, labelled as demo values with their source', async () => {
    const s = (await call('GET', '/api/market/stats', 'leader')).json();
    assert.equal(s.targets.demo, true);
    assert.ok(s.targets.source.length > 10);
    assert.ok(s.targets.shopsOnline > 0);
    assert.ok(s.shopsTotal >= s.shopsByCommune.length);
  });
});
