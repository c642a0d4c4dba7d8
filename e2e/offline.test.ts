// Journey (d): after a first visit the service worker serves the app shell offline.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkA11y, launch, phoneContext } from './lib.ts';

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
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (reg.active?.state !== 'activated') await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
    });
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
});
