// Journey of air and water: a citizen near the Hữu Nghị border gate (geolocation stubbed in
// the browser) asks for the station nearest them, sees its VN_AQI with its colour band and
// advice, switches the chart to 30 days, and opens the Kỳ Cùng river station.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { checkA11y, launch, phoneContext } from './lib.ts';

const BANDS = ['Tốt', 'Trung bình', 'Kém', 'Xấu', 'Rất xấu', 'Nguy hại'];

describe('air and water near me', () => {
  let browser: Browser;

  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('a citizen at Đồng Đăng checks the air quality near them', async () => {
    const context = await phoneContext(browser);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 21.968, longitude: 106.705 });
    const page = await context.newPage();
    await page.goto('/environment');
    await page.getByRole('heading', { level: 1, name: 'Không khí và nước quanh tôi' }).waitFor();
    await page.getByRole('button', { name: 'Xem trạm gần tôi nhất' }).click();
    await page.getByRole('heading', { name: /cửa khẩu Hữu Nghị/ }).waitFor();
    await page.getByText(/^Cách bạn khoảng/).waitFor();
    const badge = page.getByTestId('aqi-badge');
    const aqi = Number(await badge.locator('.aqi-badge__value').textContent());
    assert.ok(aqi >= 0 && aqi <= 500, `an index on the 0–500 scale (got ${aqi})`);
    const band = (await badge.locator('.aqi-badge__label').textContent())?.trim() ?? '';
    assert.ok(BANDS.includes(band), `a band of the decision (got "${band}")`);
    // the 24-hour chart draws, with its figures as a table for screen readers
    await page.getByTestId('env-chart').locator('canvas').first().waitFor();
    // every station is a dot on the map
    await page.getByRole('region', { name: 'Bản đồ vị trí trạm quan trắc đang xem' }).getByRole('button', { name: /Trạm thủy văn sông Kỳ Cùng tại Thất Khê/ }).waitFor({ state: 'attached' });
    await checkA11y(page, 'environment: nearest air station');

    await page.getByRole('tab', { name: '30 ngày qua' }).click();
    await page.getByText('Xem bảng số liệu').click();
    const rows = page.getByTestId('env-chart').locator('tbody tr');
    await rows.nth(29).waitFor();
    assert.equal(await rows.count(), 30);

    // the station list (the map's dots carry the same names)
    await page.getByRole('list', { name: 'Các trạm quan trắc' }).getByRole('button', { name: /sông Kỳ Cùng tại Lạng Sơn/ }).click();
    await page.getByTestId('river-level').waitFor();
    await page.getByText(/Mức báo động I: 252 m/).waitFor();
    await checkA11y(page, 'environment: river station');
    await context.close();
  });
});
