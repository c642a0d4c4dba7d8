// Journey of official news: an editor writes an announcement for one commune and sends it
// for review; a second editor approves it; a citizen of that commune sees it on the home
// screen and opens it; a citizen of another commune does not see it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { checkA11y, deskContext, launch, phoneContext, signIn } from './lib.ts';

const WRITER = '0900000402';
const REVIEWER = '0900000403';
const LVT_CITIZEN = '0900000001'; // Phường Lương Văn Tri
const TK_CITIZEN = '0900000002'; // Xã Thất Khê
const TITLE = `Lịch thu gom rác cồng kềnh ${Date.now() % 100000}`;

describe('official news', () => {
  let browser: Browser;
  let itemPath = '';

  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('an editor writes an announcement for Phường Lương Văn Tri and sends it for review', async () => {
    const page = await (await deskContext(browser)).newPage();
    await signIn(page, WRITER);
    await page.goto('/news/desk/new');
    await page.getByRole('heading', { level: 1, name: 'Viết tin mới' }).waitFor();
    await page.getByLabel('Loại tin').selectOption('announcement');
    await page.getByLabel('Tiêu đề (tiếng Việt)').fill(TITLE);
    await page.getByLabel('Tóm tắt (tiếng Việt)').fill('Tổ dân phố để rác cồng kềnh ra đầu ngõ trước 7 giờ sáng thứ bảy.');
    await page.getByLabel('Nội dung (tiếng Việt)').fill('Ủy ban nhân dân phường thu gom rác cồng kềnh (tủ, giường, đệm cũ) vào sáng thứ bảy.');
    await page.getByRole('checkbox', { name: 'Sự kiện' }).check();
    await page.getByRole('radio', { name: 'Một số xã, phường' }).check();
    await page.getByLabel('Tìm xã, phường').fill('Lương Văn Tri');
    await page.getByRole('checkbox', { name: 'Phường Lương Văn Tri' }).check();
    await checkA11y(page, 'news desk: new item');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/\/news\/desk\/[0-9a-f-]{36}$/);
    itemPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByTestId('news-status').getByText('Chờ duyệt').waitFor();
    // the writer cannot approve their own draft
    assert.equal(await page.getByRole('button', { name: 'Duyệt và đăng' }).count(), 0);
    await checkA11y(page, 'news desk: waiting for review');
  });

  it('a second editor approves it', async () => {
    assert.ok(itemPath, 'an item was written');
    const page = await (await deskContext(browser)).newPage();
    await signIn(page, REVIEWER);
    await page.goto('/news/desk');
    await page.getByRole('link', { name: new RegExp(TITLE) }).click();
    await page.waitForURL((url) => url.pathname === itemPath);
    await page.getByRole('button', { name: 'Duyệt và đăng' }).click();
    await page.getByTestId('news-status').getByText('Đã đăng').waitFor();
    await checkA11y(page, 'news desk: published');
  });

  it('a citizen of the commune sees it on the home screen and opens it', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await signIn(page, LVT_CITIZEN);
    await page.goto('/');
    const link = page.getByRole('link', { name: new RegExp(TITLE) });
    await link.waitFor();
    await checkA11y(page, 'home with news');
    await link.click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Phường Lương Văn Tri').first().waitFor();
    await checkA11y(page, 'news article');
  });

  it('the citizen reads the item again offline', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, LVT_CITIZEN);
    await page.goto('/news');
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (reg.active?.state !== 'activated') await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
    });
    // now the service worker controls the page: opening the item caches it
    await page.reload();
    await page.getByRole('link', { name: new RegExp(TITLE) }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Tổ dân phố để rác cồng kềnh').waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Tổ dân phố để rác cồng kềnh').waitFor();
    await context.setOffline(false);
  });

  it('a citizen of another commune does not see it', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await signIn(page, TK_CITIZEN);
    await page.goto('/news');
    await page.getByRole('heading', { level: 1, name: 'Tin tức, thông báo' }).waitFor();
    await page.getByRole('link', { name: /Phiên chợ nông sản cuối tuần/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: new RegExp(TITLE) }).count(), 0);
    await checkA11y(page, 'news page, another commune');
    const list = (await (await page.request.get('/api/news?limit=50')).json()) as { items: { title: string }[] };
    assert.ok(!list.items.some((i) => i.title === TITLE));
  });
});
