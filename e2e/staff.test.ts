// Journey (c): a sysadmin gives a citizen an officer role; that person signs in and lands
// in the staff console. Also: a leader opens the dashboard. Axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { BASE_URL, checkA11y, deskContext, launch, phoneContext, signIn } from './lib.ts';

const SYSADMIN = '0900000901';
const CITIZEN = { phone: '0900000002', name: 'Hoàng Thị Bình' };
const LEADER = '0900000201';

describe('staff console', () => {
  let browser: Browser;

  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('lets a sysadmin grant an officer role, and the officer then sees the console', async () => {
    const admin = await (await deskContext(browser)).newPage();
    await signIn(admin, SYSADMIN);
    await admin.waitForURL(`${BASE_URL}/staff`);
    await admin.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    await checkA11y(admin, 'console home (sysadmin)');

    await admin.getByRole('navigation', { name: 'Các mục của bàn làm việc' }).getByRole('link', { name: 'Người dùng' }).click();
    await admin.getByRole('heading', { name: 'Quản lý người dùng' }).waitFor();
    await admin.getByLabel('Tìm theo tên hoặc số điện thoại').fill(CITIZEN.phone);
    await admin.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = admin.getByRole('link', { name: new RegExp(CITIZEN.name) });
    await row.waitFor();
    await checkA11y(admin, 'users search');
    await row.click();
    await admin.getByRole('heading', { level: 1, name: CITIZEN.name }).waitFor();
    await admin.getByText('Người này chưa có vai trò cán bộ nào.').waitFor();
    await checkA11y(admin, 'user detail');

    await admin.getByRole('combobox', { name: 'Vai trò' }).selectOption('officer');
    const communes = (await (await admin.request.get('/api/areas/communes?province=20')).json()) as Array<{ code: string; name: string }>;
    const thatKhe = communes.find((c) => c.name === 'Xã Thất Khê');
    assert.ok(thatKhe, 'the pack has Xã Thất Khê');
    await admin.getByLabel('Địa bàn').selectOption(thatKhe.code);
    // the agency list reloads for the chosen area; wait for the commune's own People's Committee
    const agencyValue = await admin.waitForFunction(() => {
      const select = document.querySelector<HTMLSelectElement>('#grant-agencyId');
      return [...(select?.options ?? [])].find((o) => o.text.includes('Thất Khê'))?.value ?? false;
    });
    await admin.getByLabel('Cơ quan', { exact: true }).selectOption(String(await agencyValue.jsonValue()));
    await admin.getByRole('button', { name: 'Giao vai trò' }).click();
    await admin.getByRole('list', { name: 'Vai trò đang giữ' }).getByText('Cán bộ').waitFor();
    await checkA11y(admin, 'user detail after grant');

    await admin.getByRole('tab', { name: 'Nhật ký' }).click();
    await admin.getByText('Được giao vai trò').first().waitFor();
    await checkA11y(admin, 'user audit trail');

    const officer = await (await phoneContext(browser)).newPage();
    await signIn(officer, CITIZEN.phone);
    await officer.waitForURL(`${BASE_URL}/staff`);
    await officer.getByRole('heading', { level: 1, name: `Xin chào, ${CITIZEN.name}` }).waitFor();
    await officer.locator('.console-scope').getByText(/Cán bộ/).waitFor();
    await checkA11y(officer, 'console home (new officer)');
    assert.equal(await officer.getByRole('link', { name: 'Người dùng' }).count(), 0, 'an officer sees no user management');
  });

  it('shows a leader the citizens dashboard with a table and charts', async () => {
    const leader = await (await deskContext(browser)).newPage();
    await signIn(leader, LEADER);
    await leader.waitForURL(`${BASE_URL}/staff`);
    await leader.getByRole('link', { name: 'Bảng điều hành' }).first().click();
    await leader.getByRole('heading', { level: 1, name: 'Bảng điều hành' }).waitFor();
    await leader.getByRole('table').first().waitFor();
    await leader.locator('.chart canvas').first().waitFor();
    await checkA11y(leader, 'leader dashboard');
    const options = await leader.getByLabel('Địa bàn').locator('option').count();
    assert.ok(options > 1, 'a province leader can pick communes');
  });
});
