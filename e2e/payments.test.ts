// Journeys: a citizen pays a dossier's fee through the demo VNPay gateway (pay page, return,
// IPN) and the dossier moves on by itself; another fee is paid by VietQR with the demo
// bank's confirmation, the receipt is downloaded as a PDF and checked at its public URL;
// another citizen pays an electricity bill by VietQR and downloads the receipt. A citizen
// pays a known fee right after submitting and sees "Đã nộp phí" with the receipt; another
// keeps a school-fee code in "my bills", pays it from there and turns its reminders off.
// Axe on every payment page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, checkA11y, deskContext, launch, phoneContext, signIn } from './lib.ts';

const CITIZEN = '0900000001';
const OFFICER = '0900000101';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

/** Asks again until the server says yes (a background step), for at most 20 tries. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail('the server never got there');
}

/** A birth registration of the citizen, accepted, with a fee asked by the commune officer (status 6). */
async function dossierAwaitingFee(citizen: Page, officer: Page, amountVnd: number): Promise<string> {
  const found = await (await citizen.request.get('/api/procedures?q=dang%20ky%20khai%20sinh&limit=5')).json() as { items: { id: string; code: string }[] };
  const procedure = found.items.find((p) => p.code === '1.001193')!;
  const formData = {
    applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', applicantPhone: CITIZEN, applicantAddress: 'Phường Lương Văn Tri, Lạng Sơn',
    childName: 'Nguyễn Văn Bình', childBirthDate: '2026-11-01', childSex: 'Nam', birthPlace: 'Bệnh viện Đa khoa tỉnh Lạng Sơn', motherName: 'Trần Thị Cúc', applicantRelationship: 'Cha',
  };
  const attachments = ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: PDF }));
  const created = await citizen.request.post('/api/dossiers', { data: { procedureId: procedure.id, communeCode: '05983', formData, attachments, submit: true }, headers: { 'idempotency-key': randomUUID() } });
  assert.equal(created.status(), 201, await created.text());
  const id = (await created.json() as { id: string }).id;
  assert.equal((await officer.request.post(`/api/dossiers/${id}/accept`, { data: {} })).status(), 200);
  const asked = await officer.request.post(`/api/dossiers/${id}/request-payment`, { data: { fees: [{ name: 'Lệ phí cấp bản sao trích lục', amountVnd }] } });
  assert.equal(asked.status(), 200, await asked.text());
  return id;
}

describe('paying fees online', () => {
  let browser: Browser;
  let citizen: Page;
  let officer: Page;

  before(async () => {
    browser = await launch();
    citizen = await (await phoneContext(browser)).newPage();
    officer = await (await deskContext(browser)).newPage();
    await signIn(citizen, CITIZEN);
    await signIn(officer, OFFICER);
  });
  after(() => browser?.close());

  it('pays a dossier fee through the gateway and the dossier moves on by itself', async () => {
    const id = await dossierAwaitingFee(citizen, officer, 8000);
    await citizen.goto(`/dossiers/${id}`);
    await citizen.getByText('Cơ quan yêu cầu nộp 8.000 đ để tiếp tục xử lý hồ sơ.').waitFor();
    await checkA11y(citizen, 'dossier asking for its fee');
    await citizen.getByRole('button', { name: 'Nộp phí trực tuyến (8.000 đ)' }).click();
    await citizen.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    const paymentPath = new URL(citizen.url()).pathname;
    await citizen.getByText('Chờ thanh toán').waitFor();
    await checkA11y(citizen, 'payment choice');
    // a second tap (or tab) finds the same payment
    await citizen.goto(`/dossiers/${id}`);
    await citizen.getByRole('button', { name: 'Nộp phí trực tuyến (8.000 đ)' }).click();
    await citizen.waitForURL(`${BASE_URL}${paymentPath}`);

    await citizen.getByRole('button', { name: 'Thẻ hoặc tài khoản ngân hàng (cổng VNPAY)' }).click();
    await citizen.waitForURL(/\/demo\/vnpay\/paymentv2\/vpcpay\.html\?/);
    await citizen.getByText('8.000 đ').waitFor();
    await citizen.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await citizen.waitForURL(new RegExp(`${paymentPath}\\?ket-qua=thanh-cong$`));
    await citizen.getByText('Đã thanh toán xong').waitFor();
    await checkA11y(citizen, 'payment done');

    await citizen.goto(`/dossiers/${id}`);
    await citizen.getByText('Đang xử lý').first().waitFor({ timeout: 15_000 });
    await citizen.locator('li', { hasText: 'Lệ phí cấp bản sao trích lục' }).filter({ hasText: 'đã nộp trực tuyến' }).waitFor();
    assert.equal(await citizen.getByRole('button', { name: /Nộp phí trực tuyến/ }).count(), 0, 'nothing left to pay');
  });

  it('a cancelled gateway payment leaves the dossier waiting', async () => {
    const id = await dossierAwaitingFee(citizen, officer, 5000);
    await citizen.goto(`/dossiers/${id}`);
    await citizen.getByRole('button', { name: 'Nộp phí trực tuyến (5.000 đ)' }).click();
    await citizen.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    await citizen.getByRole('button', { name: 'Thẻ hoặc tài khoản ngân hàng (cổng VNPAY)' }).click();
    await citizen.getByRole('button', { name: 'Hủy giao dịch' }).click();
    await citizen.waitForURL(/\?ket-qua=khong-thanh-cong$/);
    await citizen.getByText('Giao dịch chưa thành công hoặc đã bị hủy.', { exact: false }).waitFor();
    const d = await (await citizen.request.get(`/api/dossiers/${id}`)).json() as { status: number };
    assert.equal(d.status, 6);
  });

  it('pays by VietQR with the demo bank, downloads the receipt and checks it publicly', async () => {
    const id = await dossierAwaitingFee(citizen, officer, 12000);
    await citizen.goto(`/dossiers/${id}`);
    await citizen.getByRole('button', { name: 'Nộp phí trực tuyến (12.000 đ)' }).click();
    await citizen.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    const paymentId = new URL(citizen.url()).pathname.split('/').pop()!;
    await citizen.getByRole('button', { name: 'Quét mã VietQR bằng ứng dụng ngân hàng' }).click();
    await citizen.getByRole('img', { name: 'Mã VietQR để chuyển 12.000 đ' }).waitFor();
    await checkA11y(citizen, 'VietQR shown');
    await citizen.getByRole('button', { name: 'Giả lập chuyển khoản (bản trình diễn)' }).click();
    await citizen.getByText('Đã thanh toán xong').waitFor({ timeout: 15_000 });

    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.getByRole('link', { name: 'Tải biên lai điện tử (PDF)' }).click()]);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(file!).subarray(0, 5).toString(), '%PDF-');

    await citizen.goto('/payments');
    await citizen.getByRole('heading', { level: 1, name: 'Thanh toán của tôi' }).waitFor();
    await citizen.getByText('12.000 đ — Đã thanh toán').waitFor();
    await checkA11y(citizen, 'my payments');

    const p = await (await citizen.request.get(`/api/payments/${paymentId}`)).json() as { receiptCheckUrl: string };
    const anon = await (await phoneContext(browser)).newPage();
    await anon.goto(p.receiptCheckUrl);
    await anon.getByText('Biên lai hợp lệ').waitFor();
    await anon.getByText('Nguyễn V. A.').waitFor();
    await checkA11y(anon, 'receipt check');
    await anon.goto(p.receiptCheckUrl.replace(/k=[0-9a-f]+/, `k=${'0'.repeat(32)}`));
    await anon.getByRole('alert').waitFor();
  });

  it('another citizen pays an electricity bill by VietQR and downloads the receipt', async () => {
    const binh = await (await phoneContext(browser)).newPage();
    await signIn(binh, '0900000002');
    await binh.goto('/');
    await binh.getByRole('link', { name: /Thanh toán/ }).first().click();
    await binh.waitForURL(`${BASE_URL}/payments`);
    await binh.getByRole('link', { name: 'Thanh toán hóa đơn', exact: true }).click();
    await binh.getByRole('heading', { level: 1, name: 'Thanh toán hóa đơn' }).waitFor();
    await binh.getByLabel('Mã khách hàng').fill('12345');
    await binh.getByRole('button', { name: 'Tra cứu hóa đơn' }).click();
    await binh.getByText('Mã khách hàng không đúng dạng in trên hóa đơn', { exact: false }).waitFor();
    await binh.getByLabel('Mã khách hàng').fill('pa11tk0023456');
    await binh.getByRole('button', { name: 'Tra cứu hóa đơn' }).click();
    await binh.getByText('Hoàng Thị Bình — PA11TK0023456').waitFor();
    await checkA11y(binh, 'bills looked up');
    await binh.getByRole('button', { name: 'Thanh toán tất cả (198.700 đ)' }).click();
    await binh.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    await binh.getByText('Tiền điện kỳ 11/2026', { exact: false }).waitFor();
    await binh.getByRole('button', { name: 'Quét mã VietQR bằng ứng dụng ngân hàng' }).click();
    await binh.getByRole('img', { name: 'Mã VietQR để chuyển 198.700 đ' }).waitFor();
    await binh.getByRole('button', { name: 'Giả lập chuyển khoản (bản trình diễn)' }).click();
    await binh.getByText('Đã thanh toán xong').waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([binh.waitForEvent('download'), binh.getByRole('link', { name: 'Tải biên lai điện tử (PDF)' }).click()]);
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync((await download.path())!).subarray(0, 5).toString(), '%PDF-');
    // the biller was told: nothing left to pay for that code
    await binh.goto('/payments/bills');
    await binh.getByLabel('Mã khách hàng').fill('PA11TK0023456');
    await binh.getByRole('button', { name: 'Tra cứu hóa đơn' }).click();
    await binh.getByText('Không còn hóa đơn nào phải trả.').waitFor({ timeout: 15_000 });
  });

  it('pays a known fee right after submitting, and the dossier shows the fee paid with its receipt', async () => {
    const found = await (await citizen.request.get('/api/procedures?q=ban%20sao%20trich%20luc%20ho%20tich&limit=10')).json() as { items: { id: string; code: string }[] };
    const procedure = found.items.find((p) => p.code === 'LS.HT.09')!;
    assert.ok(procedure, 'the catalogue has the procedure with its 8.000 đ fee');
    const formData = { applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', applicantPhone: CITIZEN, applicantAddress: 'Phường Lương Văn Tri, Lạng Sơn', recordType: 'Khai sinh', personName: 'Nguyễn Văn An', copiesRequested: 1 };
    const created = await citizen.request.post('/api/dossiers', {
      data: { procedureId: procedure.id, communeCode: '05983', formData, attachments: [{ docKey: 'identity', fileName: 'cccd.pdf', contentBase64: PDF }], submit: true },
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(created.status(), 201, await created.text());
    const id = (await created.json() as { id: string }).id;
    await citizen.goto(`/dossiers/${id}`);
    await citizen.getByText('Có thể nộp phí ngay bây giờ, không cần chờ cơ quan yêu cầu.').waitFor();
    await citizen.getByRole('button', { name: 'Nộp phí trực tuyến (8.000 đ)' }).click();
    await citizen.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    await citizen.getByRole('button', { name: 'Quét mã VietQR bằng ứng dụng ngân hàng' }).click();
    await citizen.getByRole('button', { name: 'Giả lập chuyển khoản (bản trình diễn)' }).click();
    await citizen.getByText('Đã thanh toán xong').waitFor({ timeout: 15_000 });
    // the dossier learns of the payment through the outbox, a moment later
    await until(async () => ((await (await citizen.request.get(`/api/dossiers/${id}`)).json()) as { fees: { paidAt: string | null }[] }).fees.every((f) => f.paidAt));
    await citizen.goto(`/dossiers/${id}`);
    await citizen.getByText('Đã nộp phí', { exact: true }).waitFor();
    await checkA11y(citizen, 'dossier with its fee paid at submission');
    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.getByRole('link', { name: 'Tải biên lai điện tử (PDF)' }).click()]);
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync((await download.path())!).subarray(0, 5).toString(), '%PDF-');
    assert.equal(await citizen.getByRole('button', { name: /Nộp phí trực tuyến/ }).count(), 0, 'nothing left to pay');
    const d = await (await citizen.request.get(`/api/dossiers/${id}`)).json() as { status: number };
    assert.equal(d.status, 1, 'still waiting for the officers: paying skips no step');
  });

  it('keeps a school-fee code in my bills, pays it from there and turns its reminders off', async () => {
    await citizen.goto('/payments/bills');
    await citizen.getByLabel('Dịch vụ').selectOption('school');
    await citizen.getByLabel('Mã học sinh').fill('hs0598300123');
    await citizen.getByRole('button', { name: 'Tra cứu hóa đơn' }).click();
    await citizen.getByText('Nguyễn Minh Khang (lớp 3A) — HS0598300123').waitFor();
    await citizen.getByLabel('Tên gợi nhớ').fill('Học phí của Khang');
    await citizen.getByRole('button', { name: 'Lưu vào hóa đơn của tôi' }).click();
    await citizen.getByText('Đã lưu "Học phí của Khang".').waitFor();
    await citizen.getByRole('link', { name: 'Hóa đơn của tôi (mã đã lưu)' }).first().click();
    await citizen.getByRole('heading', { level: 1, name: 'Hóa đơn của tôi' }).waitFor();
    await citizen.getByText('Học phí của Khang').waitFor();
    await checkA11y(citizen, 'my bills');
    await citizen.getByRole('switch', { name: /Nhắc trước hạn trả/ }).click();
    await citizen.getByRole('switch', { name: /Nhắc trước hạn trả/ }).and(citizen.locator('[aria-checked="false"]')).waitFor();
    await citizen.getByRole('button', { name: 'Thanh toán tất cả (970.000 đ)' }).click();
    await citizen.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    await citizen.getByText('Học phí kỳ 09/2026, 12/2026', { exact: false }).waitFor();
    await citizen.getByRole('button', { name: 'Quét mã VietQR bằng ứng dụng ngân hàng' }).click();
    await citizen.getByRole('button', { name: 'Giả lập chuyển khoản (bản trình diễn)' }).click();
    await citizen.getByText('Đã thanh toán xong').waitFor({ timeout: 15_000 });
    // the biller is told through the outbox, a moment later
    await until(async () => ((await (await citizen.request.get('/api/me/bills')).json()) as { items: { lookup: { bills: unknown[] } | null }[] }).items.every((i) => i.lookup?.bills.length === 0));
    await citizen.goto('/payments/my-bills');
    await citizen.getByText('Không còn hóa đơn nào phải trả.').waitFor();
    const saved = await (await citizen.request.get('/api/me/bills')).json() as { items: { label: string; reminders: boolean }[] };
    assert.deepEqual(saved.items.map((i) => [i.label, i.reminders]), [['Học phí của Khang', false]]);
  });

  it('a leader sees today\'s shares of fees paid online and of cashless payments', async () => {
    const leader = await (await deskContext(browser)).newPage();
    await signIn(leader, '0900000201');
    await leader.goto('/leader');
    await leader.getByRole('link', { name: 'Thanh toán trực tuyến' }).first().click();
    await leader.getByRole('heading', { level: 1, name: 'Thanh toán trực tuyến' }).waitFor();
    // every fee above was paid online, none at the counter
    await leader.getByRole('heading', { name: 'Hồ sơ nộp phí trực tuyến' }).first().waitFor();
    await leader.getByText(/^\d+ trên \d+ hồ sơ đã nộp phí$/).waitFor();
    const today = await (await leader.request.get(`/api/payments/figures?from=${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)}&to=${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)}`)).json() as { total: { feesOnlineShare: number | null; cashless: number } };
    assert.equal(today.total.feesOnlineShare, 100);
    assert.ok(today.total.cashless >= 5, 'the fees and bills paid above');
    await checkA11y(leader, 'leaders\' payment figures');
  });
});
