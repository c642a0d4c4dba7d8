// Journey: a citizen finds birth registration by typing without diacritics, applies with
// attachments and downloads the receipt; the commune officer asks for a missing document;
// the citizen supplies it; the officer approves and returns the result; anyone tracks the
// dossier by code and phone without signing in and downloads the result. Then: an
// application made offline waits in the outbox and is sent once. Axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, checkA11y, deskContext, launch, phoneContext, signIn } from './lib.ts';

const CITIZEN = '0900000001';
const OFFICER = '0900000101';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });

async function findBirthRegistration(page: Page): Promise<string> {
  // typed the way people type on a phone: no diacritics
  const res = await page.request.get('/api/procedures?q=dang%20ky%20khai%20sinh&limit=5');
  assert.equal(res.status(), 200);
  const { items } = (await res.json()) as { items: { id: string; code: string; name: string }[] };
  const birth = items.find((p) => p.code === '1.001193');
  assert.ok(birth, `birth registration is among the first results: ${items.map((i) => i.name).join('; ')}`);
  return birth.id;
}

async function fillBirthForm(page: Page): Promise<void> {
  const values: Record<string, string> = {
    applicantIdNumber: '020090000001', childName: 'Nguyễn Văn Bình', childBirthDate: '2026-11-01', birthPlace: 'Bệnh viện Đa khoa tỉnh Lạng Sơn',
    motherName: 'Trần Thị Cúc', applicantAddress: 'Phường Lương Văn Tri, Lạng Sơn',
  };
  for (const [k, v] of Object.entries(values)) await page.locator(`#apply-${k}`).fill(v);
  await page.locator('#apply-childSex').selectOption('Nam');
  await page.locator('#apply-applicantRelationship').selectOption('Cha');
  await page.locator('#apply-doc-declaration').setInputFiles(pdfFile('to-khai.pdf'));
  await page.locator('#apply-doc-birthCertificate').setInputFiles(pdfFile('giay-chung-sinh.pdf'));
  await page.locator('#apply-doc-identity').setInputFiles(pdfFile('cccd.pdf'));
}

async function act(officer: Page, button: string, fill?: (p: Page) => Promise<void>): Promise<void> {
  await officer.getByRole('button', { name: button, exact: true }).click();
  if (fill) await fill(officer);
  await officer.getByRole('button', { name: 'Xác nhận' }).click();
  await officer.getByRole('heading', { level: 3 }).waitFor({ state: 'detached' });
}

describe('online public service: birth registration', () => {
  let browser: Browser;
  let citizen: Page;
  let officer: Page;
  let code = '';
  let dossierPath = '';

  before(async () => {
    browser = await launch();
    citizen = await (await phoneContext(browser)).newPage();
    officer = await (await deskContext(browser)).newPage();
  });
  after(() => browser?.close());

  it('applies with attachments and gets the receipt', async () => {
    await signIn(citizen, CITIZEN);
    const id = await findBirthRegistration(citizen);
    // the same search through the catalogue page, typed without diacritics
    await citizen.goto('/procedures');
    await citizen.getByLabel('Bạn cần làm giấy tờ gì?').fill('dang ky khai sinh');
    await citizen.getByRole('button', { name: 'Tìm', exact: true }).click();
    await citizen.locator(`a[href="/procedures/${id}"]`).first().click();
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await citizen.waitForURL(`${BASE_URL}/dossiers/apply/${id}`);
    await citizen.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    assert.equal(await citizen.locator('#apply-applicantName').inputValue(), 'Nguyễn Văn An', 'prefilled from the profile');
    await checkA11y(citizen, 'apply birth registration');
    // submitting empty required parts names them on the page
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.getByText('Bạn cần gửi giấy tờ này.').first().waitFor();
    await fillBirthForm(citizen);
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    dossierPath = new URL(citizen.url()).pathname;
    const banner = await citizen.getByText(/Mã hồ sơ của bạn là/).textContent();
    code = banner?.match(/là (\S+)\./)?.[1] ?? '';
    assert.match(code, /^[A-Za-z0-9.-]+-\d{6}-\d{4}$/, 'the official shape <agency electronic id>-YYMMDD-XXXX');
    await checkA11y(citizen, 'dossier submitted');
    // the receipt opens beside the app, not in its place (point 10)
    assert.equal(await citizen.getByRole('link', { name: 'Tải giấy tiếp nhận và hẹn trả kết quả (PDF)' }).getAttribute('target'), '_blank');
    const receipt = await citizen.request.get(`/api/dossiers/${dossierPath.split('/').pop()}/receipt.pdf`);
    assert.equal(receipt.status(), 200);
    assert.equal((await receipt.body()).subarray(0, 5).toString(), '%PDF-');
    assert.ok(await citizen.getByRole('link', { name: /Tải giấy tiếp nhận/ }).isVisible());
  });

  it('the commune officer finds it by name without diacritics and asks for a missing document', async () => {
    await signIn(officer, OFFICER);
    await officer.goto('/staff/dossiers');
    await officer.getByRole('heading', { level: 1, name: 'Hồ sơ một cửa' }).waitFor();
    await officer.getByLabel('Tìm theo mã hoặc tên người nộp').fill('nguyen van an');
    await officer.getByRole('link', { name: new RegExp(code) }).click();
    await officer.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    await checkA11y(officer, 'staff dossier');
    await act(officer, 'Tiếp nhận');
    await act(officer, 'Yêu cầu bổ sung', (p) => p.getByLabel('Giấy tờ còn thiếu (mỗi dòng một loại)').fill('Giấy chứng nhận kết hôn của cha mẹ'));
    await officer.getByText('Yêu cầu bổ sung giấy tờ').first().waitFor();
  });

  it('the citizen sees what is missing and supplies it', async () => {
    await citizen.goto(dossierPath);
    await citizen.getByText('Giấy chứng nhận kết hôn của cha mẹ').first().waitFor();
    await checkA11y(citizen, 'dossier needs documents');
    await citizen.getByLabel('Chọn tệp giấy tờ còn thiếu').setInputFiles(pdfFile('giay-ket-hon.pdf'));
    await citizen.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await citizen.getByText('Được tiếp nhận').first().waitFor();
  });

  it('the officer processes, approves and returns the result', async () => {
    await officer.reload();
    await officer.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    await act(officer, 'Phân công xử lý');
    await act(officer, 'Chuyển bước tiếp');
    await act(officer, 'Hoàn thành xử lý', (p) => p.getByLabel('Văn bản kết quả (PDF, JPG, PNG)').setInputFiles(pdfFile('trich-luc-khai-sinh.pdf')));
    await act(officer, 'Trả kết quả');
    await officer.getByText('Đã trả kết quả').first().waitFor();
    await checkA11y(officer, 'staff dossier returned');
    const sheet = await officer.request.get(`/api/dossiers/${dossierPath.split('/').pop()}/control-sheet.pdf`);
    assert.equal(sheet.status(), 200);
  });

  it('anyone tracks it by code and phone without signing in and downloads the result', async () => {
    const anon = await (await phoneContext(browser)).newPage();
    await anon.goto('/tra-cuu-ho-so');
    await anon.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    await checkA11y(anon, 'track form');
    await anon.getByLabel('Mã hồ sơ').fill(code);
    await anon.getByLabel('Số điện thoại người nộp').fill(CITIZEN);
    await anon.getByRole('button', { name: 'Tra cứu' }).click();
    await anon.getByText('Đã trả kết quả').first().waitFor();
    await checkA11y(anon, 'track result');
    const href = await anon.getByRole('link', { name: 'Tải kết quả' }).getAttribute('href');
    const result = await anon.request.get(`${BASE_URL}${href}`);
    assert.equal(result.status(), 200);
    assert.deepEqual(await result.body(), PDF);
    await anon.getByLabel('Số điện thoại người nộp').fill('0900000002');
    await anon.getByRole('button', { name: 'Tra cứu' }).click();
    await anon.getByRole('alert').waitFor();
  });

  it('the provincial leader sees the service indicators', async () => {
    const leader = await (await deskContext(browser)).newPage();
    await signIn(leader, '0900000201');
    await leader.goto('/leader/indicators');
    await leader.getByRole('heading', { level: 1, name: 'Chỉ số phục vụ hành chính công' }).waitFor();
    await leader.getByRole('heading', { name: 'Tỷ lệ hồ sơ giải quyết đúng hạn' }).waitFor();
    await leader.getByRole('cell', { name: 'Đăng ký khai sinh' }).waitFor();
    await checkA11y(leader, 'service indicators');
  });

  it('keeps an application made offline in the outbox and submits it once when back online', async () => {
    const id = await findBirthRegistration(citizen);
    await citizen.goto(`/dossiers/apply/${id}`);
    await citizen.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await fillBirthForm(citizen);
    const before = ((await (await citizen.request.get('/api/dossiers/mine?limit=100')).json()) as { total: number }).total;
    await citizen.context().setOffline(true);
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.getByText(/Chưa có mạng. Hồ sơ đã được giữ lại/).waitFor();
    await citizen.context().setOffline(false);
    await citizen.evaluate(() => window.dispatchEvent(new Event('online')));
    const deadline = Date.now() + 20_000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      after = ((await (await citizen.request.get('/api/dossiers/mine?limit=100')).json()) as { total: number }).total;
    }
    assert.equal(after, before + 1, 'sent once when back online');
    await new Promise((r) => setTimeout(r, 1500));
    const settled = ((await (await citizen.request.get('/api/dossiers/mine?limit=100')).json()) as { total: number }).total;
    assert.equal(settled, before + 1, 'and only once');
  });
});
