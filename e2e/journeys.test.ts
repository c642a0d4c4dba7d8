// Journeys of issue 11 as an elderly citizen and a busy officer live them, on a phone,
// in Vietnamese, with axe on every page: the staff console offers only what works and
// names things in Vietnamese (6); a report says who will handle it, reaches an agency
// where someone works, and is transferred and assigned by picking names (1); input errors
// say what is wrong (5); dates are Vietnam time on a phone set to New York (8); tracking
// and the report map are on the home screen signed out (9); the leader sees the work (7).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, checkA11y, launch, phoneContext, randomPhone, signIn, waitForOtp } from './lib.ts';

const CITIZEN = '0900000002'; // Hoàng Thị Bình, Xã Thất Khê
const OFFICER = '0900000102'; // UBND Xã Thất Khê
const SXD_OFFICER = '0900007131'; // Sở Xây dựng, seeded so road reports reach someone
const LEADER = '0900000201';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const b64 = PDF.toString('base64');
const THAT_KHE = { communeCode: '06040', address: 'Đường vào chợ Thất Khê' };

/** Dates as a person in Vietnam reads them, computed here independently of the app. */
function vietnamDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600e3);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

async function birthProcedure(page: Page): Promise<string> {
  const res = await page.request.get('/api/procedures?q=dang%20ky%20khai%20sinh&limit=5');
  const { items } = (await res.json()) as { items: { id: string; code: string }[] };
  const birth = items.find((p) => p.code === '1.001193');
  assert.ok(birth, 'birth registration is in the catalogue');
  return birth.id;
}

describe('issue 11 journeys', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('signed out, the home screen leads to tracking and the report map; tracking says who may download the result', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await page.goto('/');
    const quick = page.getByRole('region', { name: 'Tra cứu nhanh' });
    await quick.getByRole('link', { name: /Bản đồ phản ánh/ }).waitFor();
    await quick.getByRole('link', { name: /Hồ sơ của tôi/ }).getByText('cần đăng nhập').waitFor();
    await checkA11y(page, 'home signed out');
    await quick.getByRole('link', { name: /Tra cứu hồ sơ/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    await page.getByText(/Ai có đủ mã hồ sơ và số điện thoại người nộp/).waitFor();
    await checkA11y(page, 'tracking signed out');
  });

  it('a wrong sign-up code is refused at the code step', async () => {
    const page = await (await phoneContext(browser)).newPage();
    const phone = randomPhone();
    await page.goto('/sign-up');
    const since = Date.now();
    await page.getByLabel('Số điện thoại').fill(phone);
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    const code = await waitForOtp(phone, since);
    await page.getByLabel('Mã xác nhận').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText(/Mã xác thực không đúng/).first().waitFor();
    assert.equal(await page.getByLabel('Họ và tên').count(), 0, 'still at the code step');
    await checkA11y(page, 'sign-up wrong code');
    await page.getByLabel('Mã xác nhận').fill(code);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Họ và tên').waitFor();
  });

  it('the dossier form says what is wrong with each field and never cuts a 13-digit CCCD', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await signIn(page, CITIZEN);
    const id = await birthProcedure(page);
    await page.goto(`/dossiers/apply/${id}`);
    const cccd = page.locator('#apply-applicantIdNumber');
    await cccd.fill('0200900000012');
    assert.equal(await cccd.inputValue(), '0200900000012', 'all 13 digits kept');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByText(/gồm đúng 12 chữ số.*Bạn đã nhập 13 chữ số/).waitFor();
    await page.getByText('Bạn chưa điền mục này.').first().waitFor();
    await checkA11y(page, 'dossier form errors');
  });

  it('the staff console offers only valid actions, names documents and steps in Vietnamese, and keeps notes apart', async () => {
    const citizen = await (await phoneContext(browser)).newPage();
    await signIn(citizen, CITIZEN);
    const procedureId = await birthProcedure(citizen);
    const created = await citizen.request.post('/api/dossiers', {
      data: {
        procedureId, communeCode: '06040', submit: true,
        formData: {
          applicantName: 'Hoàng Thị Bình', applicantIdNumber: '020090000002', applicantRelationship: 'Mẹ', applicantPhone: CITIZEN, applicantAddress: 'Thôn Nà Phái',
          childName: 'Nông Văn Khang', childBirthDate: '2026-11-20', childSex: 'Nam', birthPlace: 'Trạm y tế xã Thất Khê', motherName: 'Hoàng Thị Bình',
        },
        attachments: ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: b64 })),
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const dossier = (await created.json()) as { id: string; code: string };

    const officer = await (await phoneContext(browser)).newPage();
    await signIn(officer, OFFICER);
    await officer.goto(`/staff/dossiers/${dossier.id}`);
    await officer.getByRole('heading', { level: 1, name: new RegExp(dossier.code) }).waitFor();
    const attachments = officer.getByRole('list').filter({ hasText: 'declaration.pdf' });
    await attachments.getByText(/Tờ khai đăng ký khai sinh/i).first().waitFor();
    assert.equal(await attachments.getByText(/^declaration$|^birthCertificate$/).count(), 0, 'no internal keys');

    // a note typed for one action does not ride along with the next
    await officer.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await officer.locator('#action-note').fill('Thiếu chữ ký');
    await officer.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    assert.equal(await officer.locator('#action-note').inputValue(), '', 'the refusal reason is not carried into accepting');
    await officer.getByRole('button', { name: 'Xác nhận' }).click();
    await officer.getByRole('heading', { level: 3 }).waitFor({ state: 'detached' });
    await officer.getByRole('button', { name: 'Phân công xử lý', exact: true }).click();
    await officer.getByRole('button', { name: 'Xác nhận' }).click();
    await officer.getByText('Bước hiện tại: Thẩm định').waitFor();
    // at the appraisal step, completing would fail: it is not offered
    assert.equal(await officer.getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).count(), 0);
    await officer.getByRole('button', { name: 'Chuyển bước tiếp', exact: true }).waitFor();
    const timeline = officer.getByRole('list', { name: 'Quá trình xử lý' });
    await timeline.getByText('Phân công xử lý').waitFor();
    await checkA11y(officer, 'staff dossier at appraisal');
  });

  it('a road report says it goes to Sở Xây dựng, whose officer sees it and transfers it by name', async () => {
    const citizen = await (await phoneContext(browser)).newPage();
    await signIn(citizen, CITIZEN);
    const preview = await citizen.request.get(`/api/reports/routing?category=giao-thong.o-ga&communeCode=${THAT_KHE.communeCode}`);
    assert.equal(preview.status(), 200, await preview.text());
    assert.match(((await preview.json()) as { agency: { name: string } }).agency.name, /Xây dựng/);
    const filed = await citizen.request.post('/api/reports', { data: { categoryCode: 'giao-thong.o-ga', description: 'Ổ gà lớn giữa đường vào chợ, xe máy dễ ngã', ...THAT_KHE } });
    assert.equal(filed.status(), 201, await filed.text());
    const { trackingCode } = (await filed.json()) as { trackingCode: string };

    const officer = await (await phoneContext(browser)).newPage();
    await signIn(officer, SXD_OFFICER);
    await officer.goto(`/staff/reports/${trackingCode}`);
    await officer.getByRole('heading', { level: 1, name: new RegExp(trackingCode) }).waitFor();
    await officer.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const assignee = officer.getByLabel('Giao cho cán bộ');
    await assignee.waitFor();
    assert.ok((await assignee.locator('option').allTextContents()).some((o) => /Triệu Văn Sơn|Lộc Văn Tuấn|Văn|Thị/.test(o)), 'the agency officers are listed by name');
    await officer.getByLabel(/Tìm cơ quan nhận/).fill('that khe');
    const to = officer.getByLabel('Cơ quan nhận', { exact: true });
    const option = await to.locator('option', { hasText: /Thất Khê/ }).first().getAttribute('value');
    assert.ok(option, 'searching without diacritics finds the commune');
    await to.selectOption(option);
    await officer.getByLabel(/Lý do chuyển/).fill('Đường xã quản lý, đề nghị xã xử lý');
    await checkA11y(officer, 'staff report pickers');
    await officer.getByRole('button', { name: 'Chuyển cơ quan', exact: true }).click();
    await officer.getByRole('button', { name: 'Chuyển cơ quan', exact: true }).waitFor({ state: 'detached' });
    const moved = (await (await officer.request.get(`/api/reports/${trackingCode}`)).json()) as { agencyName: string };
    assert.match(moved.agencyName, /Thất Khê/);
  });

  it('on a phone set to New York, report times are still Vietnam time as dd/MM/yyyy HH:mm', async () => {
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'America/New_York', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const list = (await (await page.request.get('/api/reports?limit=1')).json()) as { items: { trackingCode: string; receivedAt: string }[] };
    const report = list.items[0];
    assert.ok(report, 'the demo has reports');
    await page.goto(`/reports/${report.trackingCode}`);
    await page.getByText(vietnamDateTime(report.receivedAt)).first().waitFor();
    await checkA11y(page, 'report in Vietnam time');
  });

  it('the leader sees the work by agency and commune, with Vietnamese numbers and one tab lit', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await signIn(page, LEADER);
    await page.goto('/leader');
    await page.getByRole('heading', { name: /Phản ánh của người dân/ }).waitFor();
    await page.getByText('Theo cơ quan (nhiều việc quá hạn trước)').first().waitFor();
    const rate = await page.locator('.work-stat', { hasText: 'Giải quyết đúng hạn' }).locator('.work-stat__value').textContent();
    assert.match(rate ?? '', /^\d{1,3}(,\d)?%$/, `Vietnamese percentage: ${rate}`);
    assert.equal(await page.getByRole('navigation', { name: 'Các mục của bàn làm việc' }).locator('a[aria-current="page"]').count(), 1, 'one tab highlighted');
    await checkA11y(page, 'leader work');
  });
});
