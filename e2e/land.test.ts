// Journey of land information: a citizen taps the map on a parcel, reads its sheet with
// its land use and zoning, downloads the PDF, and starts a subdivision (tách thửa)
// application with the parcel prefilled; finds parcels by address and place name. A land
// officer imports a VN-2000 GeoJSON on the import page, follows the server's count while the
// upload is open, reads the rejected features and finds the run among the recent imports;
// zones become a draft plan that a second officer publishes, after which citizens see it.
// Runs on the demo's synthetic parcels.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import proj4 from 'proj4';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, deskContext, launch, phoneContext, signIn } from './lib.ts';

const CITIZEN = '0900000001';
const OFFICER = '0900000601';
const SECOND_OFFICER = '0900000602';
/** VN-2000 / Lạng Sơn TM-3 (EPSG:9215) with PROJ's +towgs84, as the province's files are written. */
const VN2000_LANG_SON = '+proj=tmerc +lat_0=0 +lon_0=107.25 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs';

/** A square of `side` metres at a WGS 84 point, in VN-2000 metres. */
function square(lat: number, lon: number, side: number): number[][][] {
  const [e, n] = proj4('WGS84', VN2000_LANG_SON, [lon, lat]) as [number, number];
  return [[[e, n], [e + side, n], [e + side, n + side], [e, n + side], [e, n]]];
}

interface Found { items: { id: string; sheet: number; parcel: number; areaM2: number; centre: { lat: number; lon: number }; formerCommune: { code: string } | null }[] }

describe('land information', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    page = await (await phoneContext(browser)).newPage();
    page.on('pageerror', (err) => console.log('page error:', err.message));
  });
  after(() => browser?.close());

  it('a citizen taps a parcel, reads its zoning, downloads the sheet and starts a subdivision', async () => {
    await signIn(page, CITIZEN);
    // the first demo parcel of Phường Lương Văn Tri covers the ward's centre, under the first demo plan
    const found = (await (await page.request.get('/api/land/parcels?commune=05983&sheet=1&parcel=1')).json()) as Found;
    const target = found.items.find((p) => p.formerCommune?.code === '05983')!;
    assert.ok(target, 'the demo parcel exists');

    await page.goto('/');
    await page.getByRole('link', { name: /Thông tin đất đai/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu thông tin đất đai' }).waitFor();
    // open the map over the parcel, as the GPS button or a search would
    await page.goto(`/land?lat=${target.centre.lat}&lon=${target.centre.lon}&z=18`);
    const map = page.getByTestId('land-map');
    await map.locator('canvas').waitFor();
    await checkA11y(page, 'land: map');
    const box = (await map.boundingBox())!;
    await map.locator('canvas').tap({ position: { x: box.width / 2, y: box.height / 2 } });
    const title = page.getByRole('heading', { name: `Thửa đất số ${target.parcel}, tờ bản đồ số ${target.sheet}` });
    // a tap the map did not take (no WebGL in this browser) falls back to the keyboard way
    if (!(await title.isVisible().catch(() => false))) {
      await page.waitForTimeout(700);
      if (!(await title.isVisible())) await page.getByRole('button', { name: 'Tra cứu thửa ở giữa bản đồ' }).click();
    }
    await title.waitFor();
    assert.match(page.url(), new RegExp(`parcel=${target.id}`));

    const sheet = page.locator('.parcel-sheet');
    await sheet.getByText('Dữ liệu mô phỏng để trình diễn, không phải thửa đất thật.').waitFor();
    await sheet.locator('.parcel-sheet__uses').getByText(/ODT – Đất ở tại đô thị: [\d.,]+ m²/).waitFor();
    const zoning = sheet.locator('.parcel-sheet__zoning');
    await zoning.getByText(/Quyết định số DEMO-1\/QĐ-UBND ngày 14\/0?6\/2024/).first().waitFor();
    await zoning.getByText(/Tầng cao tối đa: \d+ tầng/).first().waitFor();
    await sheet.getByText(/không thay thế Giấy chứng nhận/).waitFor();
    assert.doesNotMatch((await sheet.textContent()) ?? '', /Chủ sử dụng|chủ sở hữu|Số giấy chứng nhận/i, 'no owner data on the sheet');
    await checkA11y(page, 'land: parcel sheet');

    const [download] = await Promise.all([page.waitForEvent('download'), sheet.getByRole('link', { name: 'Tải phiếu thông tin (PDF)' }).click()]);
    assert.match(download.suggestedFilename(), /^thua-dat-05983-\d+-\d+\.pdf$/);
    const pdf = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of pdf) chunks.push(c as Buffer);
    assert.equal(Buffer.concat(chunks).subarray(0, 5).toString(), '%PDF-');

    await sheet.getByRole('link', { name: 'Xin tách thửa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tách thửa hoặc hợp thửa đất' }).waitFor();
    assert.equal(await page.locator('#apply-parcelNumber').inputValue(), String(target.parcel));
    assert.equal(await page.locator('#apply-mapSheet').inputValue(), String(target.sheet));
    assert.equal(Number(await page.locator('#apply-parcelArea').inputValue()), target.areaM2);
    assert.match(await page.locator('#apply-parcelAddress').inputValue(), /Phường Lương Văn Tri/);
    assert.equal(await page.locator('#apply-applicantName').inputValue(), 'Nguyễn Văn An', 'still prefilled from the profile');
    await checkA11y(page, 'land: subdivision application');
  });

  it('finds a parcel by an old key (former commune, sheet, parcel)', async () => {
    await page.goto('/land');
    await page.getByLabel('Mã xã, phường (nay hoặc trước sáp nhập)', { exact: true }).fill('05989');
    await page.getByLabel('Số tờ bản đồ', { exact: true }).fill('1');
    await page.getByLabel('Số thửa', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Tìm thửa đất' }).click();
    await page.getByRole('heading', { name: 'Thửa đất số 2, tờ bản đồ số 1' }).waitFor();
    await page.locator('.parcel-sheet').getByText('Xã Quảng Lạc (05989)').waitFor();
  });

  it('finds a parcel by former commune name and numbers, and by address without diacritics', async () => {
    await page.goto('/land');
    const box = page.getByLabel('Địa chỉ, tên thôn, xã hoặc số tờ, số thửa');
    await box.fill('thua 2 to 1 quang lac');
    await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
    await page.getByRole('heading', { name: 'Thửa đất số 2, tờ bản đồ số 1' }).waitFor();
    await page.locator('.parcel-sheet').getByText('Xã Quảng Lạc (05989)').waitFor();

    await page.goto('/land');
    await box.fill('ba trieu luong van tri');
    await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
    const first = page.getByRole('status').getByRole('button').filter({ hasText: /Phường Lương Văn Tri/ }).first();
    await first.waitFor();
    await page.getByRole('status').getByText(/Số \d+, đường Bà Triệu/).first().waitFor();
    await checkA11y(page, 'land: address search results');
    await first.click();
    await page.locator('.parcel-sheet').getByText(/Số \d+, đường Bà Triệu/).waitFor();
  });

  it('an officer imports parcels and zones from VN-2000 files, a second officer publishes the plan, citizens then see it', async () => {
    // a spot 400 m from Xã Thất Khê's first demo parcel, away from the demo roads
    const thatKhe = ((await (await page.request.get('/api/land/parcels?commune=06040&sheet=1&parcel=1')).json()) as Found).items[0]!;
    const lat = thatKhe.centre.lat + 0.004;
    const lon = thatKhe.centre.lon + 0.004;
    const parcels = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { MaXa: '06040', SoHieuToBanDo: 90, SoThuTuThua: 7, DienTich: 400, KyHieuMucDichSuDung: 'ONT+CLN', DiaChi: 'Thôn Khuổi Khe' }, geometry: { type: 'Polygon', coordinates: square(lat, lon, 20) } },
      { type: 'Feature', properties: { MaXa: '06040', SoThuTuThua: 8, KyHieuMucDichSuDung: 'ONT' }, geometry: { type: 'Polygon', coordinates: square(lat + 0.0005, lon, 10) } },
    ] });
    const zones = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { zone: 'OM-21', landUse: 'ONT', density: 65, floors: 4 }, geometry: { type: 'Polygon', coordinates: square(lat - 0.0002, lon - 0.0002, 60) } },
    ] });

    const officer = await (await deskContext(browser)).newPage();
    await signIn(officer, OFFICER);
    await officer.goto('/staff/land');
    await officer.getByRole('heading', { level: 1, name: 'Dữ liệu đất đai' }).waitFor();
    await officer.getByLabel('Tệp dữ liệu').setInputFiles({ name: 'thua-dat.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(parcels) });
    // a GeoJSON does not say its zone: the page asks for it before sending
    await officer.getByRole('button', { name: 'Nhập dữ liệu', exact: true }).click();
    await officer.getByText('Tệp GeoJSON không ghi hệ tọa độ: chọn múi VN-2000').waitFor();
    await officer.getByLabel('Hệ tọa độ').selectOption('9215');
    // the reply to the upload is held until the page has shown the server's count of the run,
    // which it asks for while the upload is open (a province's file takes minutes to read);
    // held by the browser, the upload sends no progress events: the run's start tells the page
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await officer.route(/\/api\/land\/imports\?/, async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    }, { times: 1 });
    await officer.getByRole('button', { name: 'Nhập dữ liệu', exact: true }).click();
    await officer.locator('.land-progress__count').getByText('Đã đọc 2 thửa — 1 thêm mới, 0 cập nhật, 1 bị từ chối').waitFor();
    await officer.locator('.land-progress').getByText(/^Tệp thua-dat\.geojson, bắt đầu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
    await checkA11y(officer, 'land: import progress');
    release();
    const result = officer.locator('.land-import-result');
    await result.getByText('Kết quả nhập tệp thua-dat.geojson').waitFor();
    await result.getByText('Thêm mới: 1').waitFor();
    await result.getByText('Bị loại: 1').waitFor();
    const row = result.locator('tbody tr');
    assert.equal(await row.count(), 1);
    assert.match((await row.textContent()) ?? '', /^2.*Thiếu hoặc sai số tờ bản đồ/);
    await checkA11y(officer, 'land: import result');

    await officer.getByLabel('Loại dữ liệu').selectOption('zones');
    await officer.getByLabel('Tên quy hoạch').fill('Quy hoạch chi tiết khu dân cư Khuổi Khe');
    await officer.getByLabel('Số quyết định phê duyệt').fill('21/QĐ-UBND');
    await officer.getByLabel('Ngày quyết định').fill('01/09/2025');
    await officer.getByLabel('Tệp dữ liệu').setInputFiles({ name: 'quy-hoach.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(zones) });
    await officer.getByRole('button', { name: 'Nhập dữ liệu', exact: true }).click();
    await result.getByText('Kết quả nhập tệp quy-hoach.geojson').waitFor();
    await result.getByText(/Quy hoạch đang là dự thảo/).waitFor();
    // both runs stay in the officer's recent imports, newest first, also after a reload
    await officer.reload();
    const runs = officer.locator('.land-run');
    await runs.first().getByText('quy-hoach.geojson').waitFor();
    await runs.first().getByText('Đã đọc 1 ô quy hoạch — 1 thêm mới, 0 cập nhật, 0 bị từ chối').waitFor();
    await runs.nth(1).getByText('thua-dat.geojson').waitFor();
    await runs.nth(1).getByText('Đã xong').waitFor();
    await runs.nth(1).getByText('Đã đọc 2 thửa — 1 thêm mới, 0 cập nhật, 1 bị từ chối').waitFor();
    const draft = officer.locator('.land-plan').filter({ hasText: 'Quy hoạch chi tiết khu dân cư Khuổi Khe' });
    await draft.getByText('Dự thảo – chờ công bố').waitFor();
    // the officer who imported it may not publish it
    await draft.getByRole('button', { name: 'Công bố quy hoạch' }).click();
    await draft.getByText(/cần một cán bộ khác/).waitFor();

    // not yet for citizens
    const before = (await (await page.request.get(`/api/land/parcels/find?q=${encodeURIComponent('khuoi khe that khe')}`)).json()) as Found;
    assert.equal(before.items.length, 1);
    const sheetBefore = (await (await page.request.get(`/api/land/parcels/${before.items[0]!.id}`)).json()) as { zoning: unknown[] };
    assert.equal(sheetBefore.zoning.length, 0, 'a draft plan designates nothing');

    const second = await (await deskContext(browser)).newPage();
    await signIn(second, SECOND_OFFICER);
    await second.goto('/staff/land');
    const toPublish = second.locator('.land-plan').filter({ hasText: 'Quy hoạch chi tiết khu dân cư Khuổi Khe' });
    assert.equal(await toPublish.getByLabel('Số quyết định phê duyệt').inputValue(), '21/QĐ-UBND');
    await toPublish.getByRole('button', { name: 'Công bố quy hoạch' }).click();
    await toPublish.getByText(/^Đã công bố ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await checkA11y(second, 'land: plans');
    await officer.context().close();
    await second.context().close();

    // the citizen finds the new parcel by its village, without diacritics, and sees the plan
    await page.goto('/land');
    await page.getByLabel('Địa chỉ, tên thôn, xã hoặc số tờ, số thửa').fill('khuoi khe');
    await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
    await page.getByRole('heading', { name: 'Thửa đất số 7, tờ bản đồ số 90' }).waitFor();
    const sheet = page.locator('.parcel-sheet');
    await sheet.getByText('Thôn Khuổi Khe').waitFor();
    await sheet.locator('.parcel-sheet__zoning').getByText(/Quyết định số 21\/QĐ-UBND ngày 01\/09\/2025/).waitFor();
    await sheet.locator('.parcel-sheet__zoning').getByText('Tầng cao tối đa: 4 tầng').waitFor();
  });
});
