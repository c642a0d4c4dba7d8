// Journey (a): a new citizen signs up with a code by SMS, signs out and in, edits the
// profile, switches to English and back, and signs out. 390×844, axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, checkA11y, launch, me, phoneContext, randomPhone, waitForOtp } from './lib.ts';

describe('citizen account journey', () => {
  let browser: Browser;
  let page: Page;
  const phone = randomPhone();
  const password = 'MatKhau2026';

  before(async () => {
    browser = await launch();
    page = await (await phoneContext(browser)).newPage();
  });
  after(() => browser?.close());

  it('opens the home page with the province brand and the hotline', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Công dân số Xứ Lạng' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.ok(await page.locator('a[href="tel:1022"]').first().isVisible());
    await checkA11y(page, 'home');
  });

  it('signs up with the code sent by SMS', async () => {
    await page.getByRole('link', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('heading', { name: 'Tạo tài khoản' }).waitFor();
    await checkA11y(page, 'sign-up phone');
    const since = Date.now();
    await page.getByLabel('Số điện thoại').fill(phone);
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page.getByLabel('Mã xác nhận').waitFor();
    await checkA11y(page, 'sign-up code');
    await page.getByLabel('Mã xác nhận').fill(await waitForOtp(phone, since));
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Họ và tên').fill('Lường Thị Mai');
    await page.getByLabel('Mật khẩu mới').fill(password);
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await checkA11y(page, 'sign-up details');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.waitForURL(`${BASE_URL}/account`);
    await page.getByRole('heading', { name: 'Lường Thị Mai' }).waitFor();
    await checkA11y(page, 'account');
    assert.equal((await me(page)).phone, phone);
  });

  it('signs out and signs in again', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${BASE_URL}/`);
    assert.equal((await page.request.get('/api/me')).status(), 401);
    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await checkA11y(page, 'sign-in');
    await page.getByLabel('Số điện thoại').fill(phone);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('wrong-password-1');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await checkA11y(page, 'sign-in error');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(`${BASE_URL}/`);
    await page.getByRole('heading', { name: 'Xin chào, Lường Thị Mai' }).waitFor();
    // no "signed in" toast lies over the home page (issue 11, point 10)
    assert.equal(await page.getByText('Bạn đã đăng nhập.').count(), 0);
  });

  it('edits the profile: birthday, commune and address', async () => {
    await page.getByRole('link', { name: 'Tài khoản của tôi' }).click();
    await page.getByRole('link', { name: /Hồ sơ cá nhân/ }).click();
    await page.getByRole('heading', { name: 'Hồ sơ cá nhân' }).waitFor();
    const communes = (await (await page.request.get('/api/areas/communes?province=20')).json()) as Array<{ code: string; name: string }>;
    const commune = communes.find((c) => c.name === 'Xã Thất Khê') ?? communes[0]!;
    await page.getByLabel('Ngày sinh').fill('1990-04-30');
    await page.getByLabel('Xã, phường nơi bạn ở').selectOption(commune.code);
    await page.getByLabel('Địa chỉ').fill('Thôn Nà Pàn');
    await checkA11y(page, 'profile');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.locator('.alert--success').getByText('Đã lưu hồ sơ.').waitFor();
    const saved = await me(page);
    assert.equal(saved.dateOfBirth, '1990-04-30');
    assert.equal(saved.communeCode, commune.code);
    assert.equal(saved.address, 'Thôn Nà Pàn');
  });

  it('shows a server error under the personal ID field', async () => {
    await page.getByLabel('Số định danh cá nhân (số căn cước)').fill('123456789012');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const field = page.getByLabel('Số định danh cá nhân (số căn cước)');
    await page.waitForFunction(() => document.querySelector('#profile-personalId')?.getAttribute('aria-invalid') === 'true');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await checkA11y(page, 'profile error');
  });

  it('gives a consent and visits the data page', async () => {
    await page.goto('/account/consents');
    await page.getByRole('heading', { name: 'Quyền riêng tư và sự đồng ý' }).waitFor();
    const notifications = page.locator('section', { hasText: 'Nhận thông báo' }).getByRole('switch');
    await notifications.waitFor();
    await checkA11y(page, 'consents');
    assert.equal(await notifications.getAttribute('aria-checked'), 'false');
    await notifications.click();
    await page.waitForFunction(() => [...document.querySelectorAll('section')].some((s) => s.textContent?.includes('Nhận thông báo') && s.querySelector('[role=switch]')?.getAttribute('aria-checked') === 'true'));
    await page.goto('/account/data');
    await page.getByRole('link', { name: 'Tải dữ liệu của tôi' }).waitFor();
    await checkA11y(page, 'my data');
  });

  it('switches to English, remembers it, and switches back', async () => {
    await page.goto('/account');
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await checkA11y(page, 'account in English');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  });

  it('turns on large text and it stays on', async () => {
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.getByRole('switch', { name: /Chữ lớn/ }).click();
    const larger = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(larger > before, `root font ${larger}px should be larger than ${before}px`);
    // issue 11, point 10: with large text on a phone the header still takes one row
    const headerRows = await page.locator('.app-header__inner').evaluate((el) => {
      const tops = [...el.children].filter((c) => c.getClientRects().length > 0).map((c) => c.getBoundingClientRect().top).sort((a, b) => a - b);
      return tops.filter((top, i) => i === 0 || top - tops[i - 1]! > 12).length;
    });
    assert.equal(headerRows, 1, 'the header is one row with large text');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-large-text')), true);
    await checkA11y(page, 'account large text');
    await page.getByRole('switch', { name: /Chữ lớn/ }).click();
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${BASE_URL}/`);
    await page.getByRole('link', { name: 'Đăng nhập' }).first().waitFor();
    assert.equal((await page.request.get('/api/me')).status(), 401);
  });
});
