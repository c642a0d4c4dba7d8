// Journey of land information: a citizen taps the map on a parcel, reads its sheet with
// its land use and zoning, downloads the PDF, and starts a subdivision (tách thửa)
// application with the parcel prefilled. Runs on the demo's synthetic parcels.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launch, phoneContext, signIn } from './lib.ts';

const CITIZEN = '0900000001';

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
    await page.getByLabel('Mã xã, phường (nay hoặc trước sáp nhập)').fill('05989');
    await page.getByLabel('Số tờ bản đồ').fill('1');
    await page.getByLabel('Số thửa').fill('2');
    await page.getByRole('button', { name: 'Tìm thửa đất' }).click();
    await page.getByRole('heading', { name: 'Thửa đất số 2, tờ bản đồ số 1' }).waitFor();
    await page.locator('.parcel-sheet').getByText('Xã Quảng Lạc (05989)').waitFor();
  });
});
