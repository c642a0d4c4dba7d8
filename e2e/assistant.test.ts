// Journeys: a citizen asks the assistant, without diacritics, how to register a birth;
// follows its link into the application and files it; then asks where the dossier is and
// is shown it. Signed out, the assistant asks for the code and the applicant's phone
// before it tells a dossier's status, says plainly when it does not know, and the
// assistant editor sees that question in the console and teaches it an answer.
// Axe on the chat and the editors' page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, checkA11y, deskContext, launch, phoneContext, signIn } from './lib.ts';

const CITIZEN = '0900000001';
const EDITOR = '0900000701';
const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });

async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator('.assistant-msg--assistant').count();
  await page.getByLabel('Câu hỏi của bạn').fill(text);
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.locator('.assistant-msg--assistant').nth(before).waitFor();
}

const lastAnswer = (page: Page) => page.locator('.assistant-msg--assistant').last();

describe('the virtual assistant', () => {
  let browser: Browser;
  let citizen: Page;
  let code = '';

  before(async () => {
    browser = await launch();
    citizen = await (await phoneContext(browser)).newPage();
  });
  after(() => browser?.close());

  it('answers a birth registration asked without diacritics, and its link leads into the application', async () => {
    await signIn(citizen, CITIZEN);
    await citizen.goto('/');
    await citizen.getByRole('link', { name: 'Mở trợ lý ảo để hỏi' }).click();
    await citizen.waitForURL(`${BASE_URL}/assistant`);
    await ask(citizen, 'lam giay khai sinh cho con');
    const answer = lastAnswer(citizen);
    await answer.getByText(/Đăng ký khai sinh/).first().waitFor();
    await answer.getByText(/Giấy tờ cần có/).waitFor();
    await checkA11y(citizen, 'assistant answer');
    await answer.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await citizen.waitForURL(/\/dossiers\/apply\/[0-9a-f-]{36}$/);
    await citizen.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    const values: Record<string, string> = {
      applicantIdNumber: '020090000001', childName: 'Nguyễn Văn Bình', childBirthDate: '2026-11-01', birthPlace: 'Bệnh viện Đa khoa tỉnh Lạng Sơn',
      motherName: 'Trần Thị Cúc', applicantAddress: 'Phường Lương Văn Tri, Lạng Sơn',
    };
    for (const [k, v] of Object.entries(values)) await citizen.locator(`#apply-${k}`).fill(v);
    await citizen.locator('#apply-childSex').selectOption('Nam');
    await citizen.locator('#apply-applicantRelationship').selectOption('Cha');
    await citizen.locator('#apply-doc-declaration').setInputFiles(pdfFile('to-khai.pdf'));
    await citizen.locator('#apply-doc-birthCertificate').setInputFiles(pdfFile('giay-chung-sinh.pdf'));
    await citizen.locator('#apply-doc-identity').setInputFiles(pdfFile('cccd.pdf'));
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const banner = await citizen.getByText(/Mã hồ sơ của bạn là/).textContent();
    code = banner?.match(/là (\S+)\./)?.[1] ?? '';
    assert.ok(code, 'the dossier has its code');
  });

  it('then tells the citizen where their dossier is, with a link to it', async () => {
    const dossierPath = new URL(citizen.url()).pathname;
    await citizen.getByRole('link', { name: 'Mở trợ lý ảo để hỏi' }).click();
    await citizen.waitForURL(`${BASE_URL}/assistant`);
    // the conversation is still there after the trip into the application
    await citizen.getByText('lam giay khai sinh cho con').waitFor();
    await ask(citizen, 'ho so cua toi den dau roi');
    const answer = lastAnswer(citizen);
    await answer.getByText(new RegExp(code.replace(/\./g, '\\.'))).waitFor();
    await answer.getByRole('link', { name: /Xem hồ sơ: Đăng ký khai sinh/ }).first().click();
    await citizen.waitForURL(`${BASE_URL}${dossierPath}`);
  });

  it('signed out, asks for the code and the applicant\'s phone before telling a dossier\'s status', async () => {
    const stranger = await (await phoneContext(browser)).newPage();
    await stranger.goto('/assistant');
    await ask(stranger, `ho so ${code} den dau roi`);
    await lastAnswer(stranger).getByText(/số điện thoại của người nộp/).waitFor();
    await ask(stranger, '0912345678');
    await lastAnswer(stranger).getByText(/Không tìm thấy hồ sơ/).waitFor();
    await ask(stranger, `ho so ${code} sdt ${CITIZEN}`);
    await lastAnswer(stranger).getByText(new RegExp(`${code.replace(/\./g, '\\.')} \\(Đăng ký khai sinh\\)`)).waitFor();
    await stranger.context().close();
  });

  it('says plainly when it does not know; the editor sees the question and teaches it an answer', async () => {
    const question = 'phao hoa dem giao thua ban o dau';
    const asker = await (await phoneContext(browser)).newPage();
    await asker.goto('/assistant');
    await ask(asker, question);
    await lastAnswer(asker).getByText(/chưa trả lời được câu này/).waitFor();
    await lastAnswer(asker).getByRole('link', { name: 'Gửi phản ánh' }).waitFor();

    const editor = await (await deskContext(browser)).newPage();
    await signIn(editor, EDITOR);
    await editor.goto('/staff/assistant');
    await editor.getByRole('heading', { level: 1, name: 'Dạy trợ lý ảo' }).waitFor();
    const group = editor.locator('.card', { hasText: question });
    await group.waitFor();
    await checkA11y(editor, 'assistant editor');
    await group.getByRole('button', { name: 'Viết câu trả lời' }).click();
    await editor.getByLabel('Những cách hỏi khác').fill('xem phao hoa giao thua o dau');
    await editor.getByLabel('Câu trả lời', { exact: true }).fill('Pháo hoa đêm giao thừa bắn từ 0 giờ đến 0 giờ 15 tại Quảng trường 17-10.');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await editor.locator('.card', { hasText: question }).waitFor({ state: 'detached' });

    await ask(asker, 'dem giao thua co ban phao hoa khong');
    await lastAnswer(asker).getByText(/Quảng trường 17-10/).waitFor();
    await asker.context().close();
    await editor.context().close();
  });
});
