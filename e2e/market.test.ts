// Journey: a community helper opens a shop for a neighbour at her door (the neighbour's SMS
// code records her consent) and lists khẩu sli with a photo; a buyer in another commune
// finds it typed without diacritics, orders, sees the VietQR to the shop's account; the
// seller confirms the money arrived, packs and ships; the buyer confirms receipt and rates.
// Then a complaint (the buyer files it, the seller answers, the market officer upholds it in
// the staff console) and a refund (the seller cancels a paid order, records the transfer
// back, the buyer confirms it). Axe on every market page, phone-sized.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launch, phoneContext, signIn, waitForOtp } from './lib.ts';

const HELPER = '0900000301';
const NEIGHBOUR = '0900000002'; // Hoàng Thị Bình, Xã Thất Khê
const BUYER = '0900000001'; // Nguyễn Văn An, Phường Lương Văn Tri
const MARKET_OFFICER = '0900000801';
// a small PNG (8×8), re-encoded to JPEG by the server
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWO4s68CK2IYWhIA3sWEgccf+lcAAAAASUVORK5CYII=', 'base64');

describe('the local market', () => {
  let browser: Browser;
  let helper: Page;
  let buyer: Page;
  let seller: Page;
  // a word only this run's shop carries, so repeated runs on one database find their own
  const tag = String(Date.now()).slice(-6);
  const shopName = `Bánh nhà Bình ${tag}`;
  let productPath = '';
  let orderPath = '';
  let shopId = '';

  before(async () => {
    browser = await launch();
    helper = await (await phoneContext(browser)).newPage();
    buyer = await (await phoneContext(browser)).newPage();
    seller = await (await phoneContext(browser)).newPage();
    await signIn(helper, HELPER);
    await signIn(buyer, BUYER);
    await signIn(seller, NEIGHBOUR);
  });
  after(() => browser?.close());

  it('a helper opens a shop for a neighbour with her SMS code and lists khẩu sli with a photo', async () => {
    await helper.goto('/market/sell');
    await helper.getByRole('heading', { name: 'Mở gian hàng mới' }).waitFor();
    await checkA11y(helper, 'market selling');
    await helper.getByLabel('Tôi mở giúp cho người khác (chủ gian hàng xác nhận bằng mã SMS)').check();
    await helper.getByLabel('Số điện thoại của chủ gian hàng').fill(NEIGHBOUR);
    const since = Date.now();
    await helper.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await helper.getByText('Đã gửi mã đến điện thoại của Hoàng Thị Bình.').waitFor();
    const code = await waitForOtp(NEIGHBOUR, since);
    await helper.getByLabel('Mã xác nhận (6 số)').fill(code);
    await helper.getByLabel('Tên gian hàng').fill(shopName);
    await helper.getByLabel('Xã, phường của gian hàng').selectOption({ label: 'Xã Thất Khê' });
    await helper.getByLabel('Số điện thoại gian hàng').fill(NEIGHBOUR);
    await helper.getByLabel('Địa chỉ lấy hàng').fill('Thôn Nà Phái, Xã Thất Khê');
    await helper.getByLabel('Ngân hàng nhận tiền').selectOption({ label: 'Agribank' });
    await helper.getByLabel('Số tài khoản').fill('8888000002');
    await helper.getByLabel('Tên chủ tài khoản').fill('Hoàng Thị Bình');
    await helper.getByRole('button', { name: 'Mở gian hàng' }).click();
    await helper.waitForURL(/\/market\/sell\/[0-9a-f-]{36}$/);
    shopId = new URL(helper.url()).pathname.split('/').at(-1)!;
    await helper.getByRole('heading', { name: shopName }).waitFor();

    await helper.getByLabel('Tên sản phẩm').fill('Khẩu sli lạc vừng');
    await helper.getByLabel('Loại hàng').selectOption('processed_food');
    await helper.getByLabel('Giá (đồng)').fill('85000');
    await helper.getByLabel('Đơn vị tính').selectOption('hop');
    await helper.getByLabel('Số lượng có để bán').fill('10');
    await helper.getByLabel('Cân nặng mỗi đơn vị (gam)').fill('500');
    await helper.getByLabel('Mô tả').fill('Bánh khẩu sli nhà làm, giòn thơm');
    await helper.getByLabel('Ảnh sản phẩm').setInputFiles({ name: 'khau-sli.png', mimeType: 'image/png', buffer: PNG });
    await helper.getByText('Đã chọn 1 ảnh').waitFor();
    await helper.getByRole('button', { name: 'Đăng bán', exact: true }).click();
    await helper.getByText('Đã đăng sản phẩm.').waitFor();
    await helper.getByRole('link', { name: 'Khẩu sli lạc vừng' }).waitFor();
    await checkA11y(helper, 'market shop with its product');
  });

  it('a buyer in another commune finds it without diacritics, orders and sees the VietQR to the shop', async () => {
    await buyer.goto('/market');
    await checkA11y(buyer, 'market catalogue');
    await buyer.getByLabel('Tìm sản phẩm').fill(`khau sli lac vung ${tag}`);
    await buyer.getByRole('button', { name: 'Tìm', exact: true }).click();
    await buyer.getByText('Có 1 sản phẩm').waitFor();
    await buyer.getByRole('link', { name: 'Khẩu sli lạc vừng' }).click();
    await buyer.waitForURL(/\/market\/products\/[0-9a-f-]{36}$/);
    productPath = new URL(buyer.url()).pathname;
    await buyer.getByText(shopName).waitFor();
    // the photo comes with the product's own reply, after the page first shows the list's data
    await buyer.getByRole('img', { name: 'Ảnh 1 của Khẩu sli lạc vừng' }).waitFor();
    await checkA11y(buyer, 'market product page');
    await buyer.getByLabel('Số lượng (hộp)').fill('2');
    await buyer.getByRole('button', { name: 'Thêm vào giỏ hàng' }).click();
    await buyer.getByRole('link', { name: 'Xem giỏ hàng và đặt mua' }).click();
    await buyer.getByText('Tiền hàng: 170.000 đ').waitFor();
    await buyer.getByLabel('Địa chỉ nhận hàng').fill('Số 12 đường Bà Triệu');
    await buyer.getByLabel('Xã, phường nhận hàng').selectOption({ label: 'Phường Lương Văn Tri' });
    await checkA11y(buyer, 'market checkout');
    await buyer.getByRole('button', { name: 'Đặt hàng' }).click();
    await buyer.waitForURL(/\/market\/orders\/[0-9a-f-]{36}$/);
    orderPath = new URL(buyer.url()).pathname;
    await buyer.getByText('Quét mã VietQR để trả tiền').waitFor();
    await buyer.getByText('8888000002 — HOANG THI BINH').waitFor();
    await buyer.getByText('Mới đặt').waitFor();
    await checkA11y(buyer, 'market order with VietQR');
  });

  it('the seller confirms the transfer, packs and ships; the buyer confirms receipt and rates', async () => {
    await seller.goto('/market/sell');
    await seller.getByRole('link', { name: shopName }).click();
    await seller.getByRole('link', { name: /Nguyễn Văn An/ }).click();
    await seller.waitForURL((url) => url.pathname === orderPath);
    await checkA11y(seller, 'market order for the seller');
    await seller.getByRole('button', { name: 'Đã nhận được tiền chuyển khoản' }).click();
    await seller.getByText('Đã xác nhận').waitFor();
    await seller.getByRole('button', { name: 'Đã đóng gói' }).click();
    await seller.getByRole('button', { name: 'Giao hàng' }).click();
    await seller.getByText('Đang giao').waitFor();

    await buyer.goto(orderPath);
    await buyer.getByText('Đang giao').waitFor();
    assert.equal(await buyer.getByText('Quét mã VietQR để trả tiền').count(), 0, 'paid: no QR any more');
    await buyer.getByRole('button', { name: 'Tôi đã nhận được hàng' }).click();
    await buyer.getByText('Đã nhận hàng').waitFor();
    await buyer.getByLabel('Số sao').selectOption('5');
    await buyer.getByLabel('Nhận xét (không bắt buộc)').fill('Bánh ngon, giao nhanh');
    await checkA11y(buyer, 'market rating');
    await buyer.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await buyer.getByRole('button', { name: 'Gửi đánh giá' }).waitFor({ state: 'detached' });
    await buyer.goto(productPath);
    await buyer.getByText('Bánh ngon, giao nhanh').waitFor();
    await buyer.getByText('Đánh giá 5/5 (1 lượt)').first().waitFor();
  });

  it('a market officer verifies an OCOP certificate, and only then buyers see the badge', async () => {
    const declared = await seller.request.post(`/api/market/shops/${shopId}/products`, { data: {
      name: `Miến dong ${tag}`, category: 'processed_food', priceVnd: 70000, unit: 'goi', stock: 20, weightGrams: 500, description: 'Miến dong Bình Liêu',
      ocop: { stars: 4, group: 'food', certificateNumber: `OCOP-LS-${tag}`, level: 'province', decision: 'QĐ 1520/QĐ-UBND', expiresOn: '2030-12-31' },
    } });
    assert.equal(declared.status(), 201, await declared.text());
    await buyer.goto('/market');
    await buyer.getByLabel('Tìm sản phẩm').fill(`mien dong ${tag}`);
    await buyer.getByRole('button', { name: 'Tìm', exact: true }).click();
    await buyer.getByText('Có 1 sản phẩm').waitFor();
    assert.equal(await buyer.getByText('OCOP 4 sao').count(), 0, 'no badge before the check');

    const officer = await (await phoneContext(browser)).newPage();
    await signIn(officer, MARKET_OFFICER);
    await officer.goto('/market');
    await officer.getByRole('link', { name: 'Kiểm tra sản phẩm OCOP' }).click();
    await officer.waitForURL(/\/staff\/market$/);
    await officer.getByRole('tab', { name: 'Kiểm tra sản phẩm OCOP' }).click();
    const card = officer.locator('section', { has: officer.getByRole('heading', { name: `Miến dong ${tag}` }) });
    await card.getByText(`OCOP-LS-${tag}`).waitFor();
    await checkA11y(officer, 'market OCOP checks');
    await card.getByLabel('Ghi chú').fill('Đã đối chiếu bản gốc');
    await card.getByRole('button', { name: 'Xác minh OCOP' }).click();
    await officer.getByRole('heading', { name: `Miến dong ${tag}` }).waitFor({ state: 'detached' });

    // a fresh page: the catalogue is asked again
    await buyer.reload();
    await buyer.getByLabel('Tìm sản phẩm').fill(`mien dong ${tag}`);
    await buyer.getByRole('button', { name: 'Tìm', exact: true }).click();
    await buyer.getByText('OCOP 4 sao').waitFor();
  });

  it('the buyer complains about the delivered order, the seller answers, the market officer upholds it; both sides see the decision', async () => {
    await buyer.goto(orderPath);
    const code = (await (await buyer.request.get(`/api${orderPath}`)).json() as { code: string }).code;
    await buyer.locator('details > summary', { hasText: 'Khiếu nại đơn này' }).click();
    await buyer.getByLabel('Lý do').selectOption({ label: 'Hàng bị hỏng, dập' });
    await buyer.getByLabel('Kể lại chuyện gì đã xảy ra').fill('Hộp bánh bị vỡ một góc');
    await checkA11y(buyer, 'market complaint form');
    await buyer.getByRole('button', { name: 'Gửi khiếu nại' }).click();
    await buyer.getByText('Chờ người bán trả lời').waitFor();

    await seller.goto(orderPath);
    await seller.getByText('Hộp bánh bị vỡ một góc').waitFor();
    await seller.getByLabel('Câu trả lời của bạn').fill('Xin lỗi chị, em gửi bù hộp khác');
    await seller.getByRole('button', { name: 'Gửi trả lời' }).click();
    await seller.getByText('Người bán đã trả lời, chờ cán bộ xem xét').waitFor();

    const officer = await (await phoneContext(browser)).newPage();
    await signIn(officer, MARKET_OFFICER);
    await officer.goto('/staff/market');
    const card = officer.locator('section', { hasText: code });
    await card.getByText('Xin lỗi chị, em gửi bù hộp khác').waitFor();
    await checkA11y(officer, 'market complaints for the officer');
    await card.getByLabel('Lý do kết luận').fill('Người bán nhận lỗi, gửi bù hàng');
    await card.getByRole('button', { name: 'Chấp nhận khiếu nại' }).click();
    await officer.getByText(code).waitFor({ state: 'detached' });

    await buyer.reload();
    await buyer.getByText('Được chấp nhận').waitFor();
    await buyer.getByText('Người bán nhận lỗi, gửi bù hàng').waitFor();
  });

  it('the seller cancels an order already paid by VietQR, records the refund with the bank reference, and the buyer confirms it', async () => {
    const productId = productPath.split('/').at(-1)!;
    const placed = await buyer.request.post('/api/market/orders', { data: {
      shopId, items: [{ productId, quantity: 1 }], address: 'Số 12 đường Bà Triệu', phone: BUYER, communeCode: '05983', paymentMethod: 'vietqr', deliveryMethod: 'seller',
    } });
    assert.equal(placed.status(), 201, await placed.text());
    const order = await placed.json() as { id: string };
    assert.equal((await seller.request.post(`/api/market/orders/${order.id}/payment-received`)).status(), 200);

    await seller.goto(`/market/orders/${order.id}`);
    await seller.locator('details > summary', { hasText: 'Hủy đơn' }).click();
    await seller.getByLabel('Lý do hủy').fill('Hết bột, không làm kịp');
    await seller.locator('details button', { hasText: 'Hủy đơn' }).click();
    await seller.getByText(/phải trả lại 85\.000 đ trước ngày/).waitFor();
    await checkA11y(seller, 'market refund owed');
    await seller.getByLabel('Mã giao dịch ngân hàng').fill('FT2634100001');
    await seller.getByRole('button', { name: 'Ghi nhận đã hoàn tiền' }).click();
    await seller.getByText(/mã giao dịch FT2634100001/).waitFor();

    await buyer.goto(`/market/orders/${order.id}`);
    await buyer.getByText(/báo đã chuyển trả 85\.000 đ/).waitFor();
    await buyer.getByRole('button', { name: 'Tôi đã nhận lại tiền' }).click();
    await buyer.getByText('Bạn đã nhận lại 85.000 đ.').waitFor();
  });
});
