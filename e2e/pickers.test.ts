// Journey: file pickers as an elderly citizen meets them, on a phone whose browser speaks
// English: large Vietnamese buttons (no "Choose Files / No file chosen"), the camera offered,
// each chosen file confirmed with a preview, its name and size, and removable. Report photos
// and dossier attachments use the same picker. Axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, checkA11y, launch, signIn } from './lib.ts';

const CITIZEN = '0900000002';
// a tiny valid JPEG (8×8 grey), so the journey needs no fixture file
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAAIAAgBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The picker's own button: big enough to tap, and the browser's native control is not what shows. */
async function checkPickerLooks(page: Page, inputId: string): Promise<void> {
  const input = page.locator(`#${inputId}`);
  const box = await input.boundingBox();
  assert.ok(!box || (box.width <= 1 && box.height <= 1), 'the native "Choose Files" control is hidden');
  const button = page.locator(`label[for="${inputId}"].file-picker__button`);
  assert.match((await button.textContent()) ?? '', /Chọn tệp/);
  const size = (await button.boundingBox())!;
  assert.ok(size.height >= 44, `the button is a full touch target (${size.height}px)`);
}

describe('file pickers', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    browser = await launch();
    // a phone set to English: the app still speaks Vietnamese, and so must its pickers
    context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'en-US', hasTouch: true, isMobile: true });
    page = await context.newPage();
    await signIn(page, CITIZEN);
  });
  after(() => browser?.close());

  it('report photos: camera offered, previews confirmed, one removed', async () => {
    await page.goto('/reports/new');
    await page.getByRole('button', { name: 'Môi trường' }).click();
    await page.getByRole('button', { name: 'Rác thải, xả rác bừa bãi' }).click();
    await checkPickerLooks(page, 'report-photos');
    const camera = page.getByLabel('Chụp ảnh');
    assert.equal(await camera.getAttribute('capture'), 'environment', 'the camera opens straight away');
    await page.getByText('Chưa chọn tệp nào.').first().waitFor();
    await page.getByLabel('Chọn ảnh').setInputFiles([
      { name: 'rac-1.jpg', mimeType: 'image/jpeg', buffer: JPEG },
      { name: 'rac-2.jpg', mimeType: 'image/jpeg', buffer: JPEG },
    ]);
    await page.getByText('Đã chọn 2 tệp:').waitFor();
    assert.equal(await page.locator('#report-photos ~ * img, .file-picker__list img').count(), 2, 'each photo has a preview');
    await page.getByText('rac-1.jpg').waitFor();
    await checkA11y(page, 'report photos chosen');
    await page.getByRole('button', { name: 'Bỏ tệp này rac-1.jpg' }).click();
    await page.getByText('Đã chọn 1 tệp:').waitFor();
    assert.equal(await page.getByText('rac-1.jpg').count(), 0);
    // a photo taken with the camera joins the same list
    await camera.setInputFiles({ name: 'chup.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByText('Đã chọn 2 tệp:').waitFor();
    await page.getByText('chup.jpg').waitFor();
  });

  it('dossier attachments: each document confirmed with its name and size, and can be changed', async () => {
    const res = await page.request.get('/api/procedures?q=dang%20ky%20khai%20sinh&limit=5');
    const { items } = (await res.json()) as { items: { id: string; code: string }[] };
    const birth = items.find((p) => p.code === '1.001193')!;
    await page.goto(`/dossiers/apply/${birth.id}`);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await checkPickerLooks(page, 'apply-doc-declaration');
    await page.locator('#apply-doc-declaration').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    const item = page.locator('.file-picker__item', { hasText: 'to-khai.pdf' });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /\d+ B/, 'the size is shown');
    // a single-document picker offers another file rather than more
    assert.match((await page.locator('label[for="apply-doc-declaration"].file-picker__button').textContent()) ?? '', /Chọn tệp khác/);
    await checkA11y(page, 'dossier attachment chosen');
    await page.getByRole('button', { name: 'Bỏ tệp này to-khai.pdf' }).click();
    await item.waitFor({ state: 'detached' });
  });
});
