// Journey: a citizen signs in with the national eID (demo provider) from the health book,
// consents, and reads their vaccinations and visits (from the demo FHIR stand-in); then
// withdraws the consent and the record is gone. Axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launch, phoneContext, signIn } from './lib.ts';

describe('health book', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    page = await (await phoneContext(browser)).newPage();
  });
  after(() => browser?.close());

  it('asks a password session to sign in with VNeID', async () => {
    await signIn(page, '0900000001');
    await page.goto('/health');
    await page.getByRole('heading', { name: 'Cần đăng nhập bằng VNeID' }).waitFor();
    await checkA11y(page, 'health book needs eID');
    await page.context().clearCookies();
  });

  it('reads the health book after signing in with VNeID and consenting', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: /Sổ sức khỏe/ }).first().click();
    // signed out: the app asks to sign in first
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.goto('/health');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('link', { name: /Đăng nhập bằng VNeID/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/'));
    await page.getByRole('radio', { name: /Trần Thị Cúc/ }).check();
    await page.getByRole('button').first().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/api') && url.pathname !== '/after-sign-in', { timeout: 30_000 });
    await page.goto('/health');
    await page.getByRole('heading', { name: 'Đồng ý cho ứng dụng đọc hồ sơ sức khỏe' }).waitFor();
    await checkA11y(page, 'health book consent');
    const agree = page.getByRole('button', { name: 'Đồng ý và xem sổ sức khỏe' });
    assert.equal(await agree.isDisabled(), true, 'nothing is read before the person ticks the box');
    await page.getByLabel('Tôi đã đọc và đồng ý').check();
    await agree.click();
    await page.getByRole('heading', { name: 'Tiêm chủng' }).waitFor();
    await page.getByText('Vắc xin phòng COVID-19 (mũi 2)').waitFor();
    await page.getByText(/Khám ngoại trú/).first().waitFor();
    await checkA11y(page, 'health book');
    await page.getByRole('button', { name: 'Rút lại sự đồng ý' }).click();
    await page.getByRole('heading', { name: 'Đồng ý cho ứng dụng đọc hồ sơ sức khỏe' }).waitFor();
    assert.equal(await page.getByText('Vắc xin phòng COVID-19 (mũi 2)').count(), 0);
  });
});
