// Journey: an elderly citizen places a report on the map. The base map is the platform's own
// (real 2025 commune boundaries, the province outline, the national border; no outside tile
// service); commune names are drawn once each and never on top of one another; the red pin
// stays above the names; the chosen place is read back in words, not coordinates.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launch, phoneContext, signIn } from './lib.ts';

const CITIZEN = '0900000001';

/** The slippy-map tile holding a point. */
function tileOf(lat: number, lon: number, z: number): string {
  const x = Math.floor(((lon + 180) / 360) * 2 ** z);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
  return `${z}/${x}/${y}`;
}

describe('the map', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    page = await (await phoneContext(browser)).newPage();
    await signIn(page, CITIZEN);
  });
  after(() => browser?.close());

  it('serves real boundaries, the province and the border from the platform itself', async () => {
    // Cửa khẩu Hữu Nghị lies in Xã Đồng Đăng on the real boundaries (not on a synthetic cell)
    const place = (await (await page.request.get('/api/areas/place?lat=21.97111&lon=106.71083')).json()) as { commune: { name: string }; synthetic: boolean };
    assert.equal(place.commune.name, 'Xã Đồng Đăng');
    assert.equal(place.synthetic, false);
    const tile = await (await page.request.get(`/api/tiles/${tileOf(21.97111, 106.71083, 10)}.mvt`)).body();
    for (const layer of ['communes', 'province', 'border']) assert.ok(tile.includes(Buffer.from(layer)), `the tile has a ${layer} layer`);
  });

  it('names each commune once without overlaps, keeps the pin above them, and says where the pin is in words', async () => {
    const outside: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['localhost', '127.0.0.1'].includes(url.hostname) && !url.protocol.startsWith('data')) outside.push(url.host);
    });
    await page.goto('/reports/new');
    await page.getByRole('button', { name: 'Môi trường' }).click();
    await page.getByRole('button', { name: 'Rác thải, xả rác bừa bãi' }).click();
    const map = page.getByTestId('report-map');
    await map.locator('canvas').waitFor();
    await page.locator('.map-label--commune').first().waitFor();
    const labels = await page.locator('.map-label').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', box: [r.left, r.top, r.right, r.bottom] };
      }));
    const texts = labels.map((l) => l.text);
    assert.ok(texts.includes('Phường Lương Văn Tri'), `the city ward is named (${texts.join(', ')})`);
    assert.equal(new Set(texts).size, texts.length, 'no name drawn twice');
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        const overlap = a.box[0]! < b.box[2]! && a.box[2]! > b.box[0]! && a.box[1]! < b.box[3]! && a.box[3]! > b.box[1]!;
        assert.ok(!overlap, `"${a.text}" and "${b.text}" overlap`);
      }
    }

    const box = (await map.boundingBox())!;
    await map.locator('canvas').tap({ position: { x: box.width / 2, y: box.height / 2 } });
    const pinned = page.getByText(/^Đã chọn vị trí: /);
    if (!(await pinned.isVisible().catch(() => false))) {
      await page.waitForTimeout(500);
      if (!(await pinned.isVisible())) await page.getByRole('button', { name: 'Đặt ghim ở giữa bản đồ' }).click();
    }
    await pinned.waitFor();
    const said = (await pinned.textContent()) ?? '';
    assert.match(said, /Phường Lương Văn Tri/);
    assert.doesNotMatch(said, /\d+\.\d{3,}/, 'no raw coordinates');
    const z = await page.evaluate(() => {
      const pin = document.querySelector('.map-pin');
      const label = document.querySelector('.map-label');
      return { pin: Number(pin && getComputedStyle(pin).zIndex), label: Number(label && getComputedStyle(label).zIndex) };
    });
    assert.ok(z.pin > z.label, `the pin (z ${z.pin}) is drawn above the names (z ${z.label})`);
    await page.getByText(/ranh giới hành chính 2025/).waitFor();
    assert.deepEqual(outside, [], 'no outside tile or font service was asked');
    await checkA11y(page, 'report map pinned');
  });

  it('shows reports zoomed out as circles with their number, and a tap on one zooms in until they are dots', async () => {
    await page.goto('/reports');
    const map = page.getByTestId('report-map');
    await map.locator('canvas').waitFor();
    const count = page.locator('.map-cluster-count').first();
    await count.waitFor();
    const numbers = await page.locator('.map-cluster-count').allTextContents();
    assert.ok(numbers.every((n) => /^\d{1,3}(\.\d{3})*$/.test(n) && Number(n.replace(/\./g, '')) >= 2), `counts in Vietnamese digits: ${numbers.join(', ')}`);
    // the count lets the tap through to its circle; each tap zooms in two levels, towards it
    const mapBox = (await map.boundingBox())!;
    const inside = async () => {
      for (const b of await page.locator('.map-cluster-count').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        const x = b.x + b.width / 2;
        const y = b.y + b.height / 2;
        if (x > mapBox.x + 20 && x < mapBox.x + mapBox.width - 20 && y > mapBox.y + 20 && y < mapBox.y + mapBox.height - 20) return { x, y };
      }
      return null;
    };
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = await inside();
      seen.push(await page.locator('.map-cluster-count').count());
      if (!at) break;
      await page.mouse.click(at.x, at.y);
      await page.waitForTimeout(1500);
    }
    await page.waitForFunction(() => document.querySelectorAll('.map-cluster-count').length === 0, undefined, { timeout: 10_000 }).catch(() => {
      throw new Error(`circles still shown after tapping; counts seen before each tap: ${seen.join(', ')}`);
    });
    assert.equal(new URL(page.url()).pathname, '/reports', 'a circle zooms the map, it opens no report');
    await checkA11y(page, 'public report map zoomed in');
  });
});
