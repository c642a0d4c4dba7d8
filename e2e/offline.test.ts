// Journey (d): after a first visit the service worker serves the app shell offline; a
// signed-in citizen who opened the report form once reloads offline, is still signed in,
// fills the form from the cached categories and communes, and sees the tracking code when
// the connection returns and the outbox delivers the report.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkA11y, launch, phoneContext, signIn } from './lib.ts';

const CITIZEN = '0900000002';

async function serviceWorkerActive(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (reg.active?.state !== 'activated') await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
  });
}

describe('offline app shell', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    browser = await launch();
    context = await phoneContext(browser);
    page = await context.newPage();
  });
  after(() => browser?.close());

  it('opens offline after one visit and says so', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Công dân số Xứ Lạng' }).waitFor();
    await serviceWorkerActive(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByText(/Bạn đang không có mạng/).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Công dân số Xứ Lạng' }).waitFor();
    assert.ok(await page.locator('a[href="tel:1022"]').first().isVisible(), 'the hotline still shows offline');
    await checkA11y(page, 'home offline');
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await context.setOffline(false);
  });

  it('a signed-in citizen reloads offline, files a report from the cached form and gets its code on reconnecting', async () => {
    const ctx = await phoneContext(browser);
    const p = await ctx.newPage();
    await p.goto('/');
    await serviceWorkerActive(p);
    await signIn(p, CITIZEN);
    // the pages opened once while online (the form with its map, the person's reports)
    await p.goto('/reports/new');
    await p.getByRole('button', { name: 'Môi trường' }).click();
    await p.getByRole('button', { name: 'Rác thải, xả rác bừa bãi' }).click();
    await p.getByTestId('report-map').locator('canvas').waitFor();
    await p.goto('/reports/mine');
    await p.getByRole('heading', { level: 1, name: 'Phản ánh của tôi' }).waitFor();
    await p.waitForLoadState('networkidle');

    await ctx.setOffline(true);
    await p.reload();
    await p.getByText(/Bạn đang không có mạng/).waitFor();
    await p.getByRole('heading', { level: 1, name: 'Phản ánh của tôi' }).waitFor();
    // still signed in: the header offers the account, not "Đăng nhập"
    const header = p.locator('header.app-header');
    await header.getByRole('link', { name: 'Tài khoản' }).waitFor();
    assert.equal(await header.getByRole('link', { name: 'Đăng nhập' }).count(), 0, 'an offline reload does not sign the person out');

    await p.goto('/reports/new');
    await p.getByRole('button', { name: 'Môi trường' }).click();
    await p.getByRole('button', { name: 'Rác thải, xả rác bừa bãi' }).click();
    const description = `Rác chất đống đầu ngõ, gửi khi mất mạng ${Date.now()}`;
    await p.getByLabel('Nội dung phản ánh').fill(description);
    await p.getByLabel('Lượng rác khoảng bao nhiêu?').selectOption('small');
    await p.getByLabel('Địa chỉ (số nhà, đường, thôn)').fill('Ngõ 5, đường Lê Lợi');
    await p.getByLabel(/^Xã\/phường/).selectOption({ label: 'Phường Lương Văn Tri' });
    await checkA11y(p, 'report form offline');
    await p.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await p.getByText(/Chưa có mạng\. Phản ánh đã được lưu/).waitFor();

    await ctx.setOffline(false);
    // the page notices the network is back and the report's code replaces the "queued" note
    const sent = p.getByText(/Đã gửi phản ánh\. Mã theo dõi: PA-/);
    await sent.waitFor({ timeout: 30_000 });
    // the banner goes too (Chromium's emulation turns the network back on without an 'online'
    // event; the page notices by itself, as it must on phones that do the same)
    await p.getByText(/Bạn đang không có mạng/).waitFor({ state: 'detached', timeout: 10_000 });
    const code = /PA-[0-9A-Z]{8}/.exec((await sent.textContent()) ?? '')![0];
    const filed = (await (await p.request.get(`/api/reports/${code}`)).json()) as { description: string };
    assert.equal(filed.description, description);
    await checkA11y(p, 'report landed after reconnecting');

    // signing out forgets the cached session: an offline reload now shows the person signed out
    await p.goto('/account');
    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    await header.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    await ctx.setOffline(true);
    await p.goto('/');
    await header.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    assert.equal(await header.getByRole('link', { name: 'Tài khoản' }).count(), 0, 'the cached session went with the sign-out');
    await ctx.setOffline(false);
    await ctx.close();
  });
});
