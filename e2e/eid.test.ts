// Journey (b): sign in with the national eID through the demo provider.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, checkA11y, launch, me, phoneContext } from './lib.ts';

describe('national eID sign-in', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launch();
    page = await (await phoneContext(browser)).newPage();
  });
  after(() => browser?.close());

  it('goes to the demo provider, picks a person and comes back signed in', async () => {
    await page.goto('/sign-in');
    const eidButton = page.getByRole('link', { name: /Đăng nhập bằng VNeID/ });
    await eidButton.waitFor();
    await eidButton.click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/'));
    await page.getByRole('radio').first().waitFor();
    await checkA11y(page, 'demo eID provider');
    await page.getByRole('radio', { name: /Trần Thị Cúc/ }).check();
    await page.getByRole('button').first().click();
    await page.waitForURL((url) => url.origin === BASE_URL && !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/api') && url.pathname !== '/after-sign-in', { timeout: 30_000 });
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { name: 'Xin chào, Trần Thị Cúc' }).waitFor();
    await checkA11y(page, 'home after eID');
    const user = await me(page);
    assert.equal(user.fullName, 'Trần Thị Cúc');
    assert.equal(user.eidLinked, true);
    await page.goto('/account');
    await page.getByText(/Đã xác thực định danh điện tử/).waitFor();
    await checkA11y(page, 'account after eID');
  });
});
