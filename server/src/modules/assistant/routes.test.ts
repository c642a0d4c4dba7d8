// HTTP tests of the assistant: a turn of conversation (catalogue answers with links, slots
// remembered, clarifying questions, "I don't know"), bad input, rate limits, privacy of
// dossiers, ratings, and editors teaching it an answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn, type TestSession } from '../../../test/identity.ts';
import { proceduresModule } from '../procedures/index.ts';
import type { MessageReply } from '@cds/contracts/assistant';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

describe('assistant', () => {
  let t: TestApp;
  let an: TestSession; // 0900000001, Phường Lương Văn Tri
  let binh: TestSession; // 0900000002
  let editor: TestSession; // 0900000701
  let officer: TestSession; // 0900000101
  let dossierCode = '';
  let dossierId = '';
  let ip = 0;

  // every test its own address, so the per-address limit is only met where a test means to
  const ask = async (text: unknown, s?: TestSession | null, conversationId?: string, headers: Record<string, string> = {}) => t.app.inject({
    method: 'POST', url: '/api/assistant/messages', remoteAddress: `198.51.100.${(ip % 250) + 1}`,
    headers: { ...(s ? s.headers : {}), ...headers }, payload: { text, ...(conversationId ? { conversationId } : {}) } as object,
  });
  const reply = async (text: string, s?: TestSession | null, conversationId?: string) => {
    const res = await ask(text, s, conversationId);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as MessageReply;
  };
  const field = (res: { json(): unknown }) => ((res.json() as { error: { details?: { field: string }[] } }).error.details ?? []).map((d) => d.field);

  before(async () => {
    t = await createTestApp();
    an = await signIn(t.app, '0900000001');
    binh = await signIn(t.app, '0900000002');
    editor = await signIn(t.app, '0900000701');
    officer = await signIn(t.app, '0900000101');
    // An files a birth registration; the commune officer accepts it (it gets its code)
    const procedure = (await t.platform.use(proceduresModule).getProcedure('1.001193'))!;
    const formData = {
      applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', applicantPhone: '0900000001', applicantAddress: 'Phường Lương Văn Tri, Lạng Sơn',
      childName: 'Nguyễn Văn Bình', childBirthDate: '2026-11-01', childSex: 'Nam', birthPlace: 'Bệnh viện Đa khoa tỉnh Lạng Sơn', motherName: 'Trần Thị Cúc', applicantRelationship: 'Cha',
    };
    const attachments = ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: PDF }));
    const created = await t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...an.headers, 'idempotency-key': randomUUID() }, payload: { procedureId: procedure.id, communeCode: '05983', formData, attachments, submit: true } });
    assert.equal(created.statusCode, 201, created.body);
    dossierId = created.json().id as string;
    await t.app.inject({ method: 'POST', url: `/api/dossiers/${dossierId}/accept`, headers: officer.headers, payload: {} });
    const detail = await t.app.inject({ method: 'GET', url: `/api/dossiers/${dossierId}`, headers: an.headers });
    dossierCode = detail.json().code as string;
    assert.ok(dossierCode, detail.body);
  });
  after(() => t.teardown());

  describe('answers from the catalogue', () => {
    it('answers a birth registration typed without diacritics, with the papers, fee, time and a link to apply', async () => {
      ip++;
      const r = await reply('lam giay khai sinh cho con');
      assert.equal(r.reply.intent, 'procedure');
      const procedure = (await t.platform.use(proceduresModule).getProcedure('1.001193'))!;
      assert.ok(r.reply.links.some((l) => l.href === `/dossiers/apply/${procedure.id}`), JSON.stringify(r.reply.links));
      assert.ok(r.reply.links.some((l) => l.href === `/procedures/${procedure.id}`));
      assert.match(r.reply.text, /Đăng ký khai sinh/);
      assert.match(r.reply.text, /Giấy chứng sinh/);
      assert.match(r.reply.text, /Miễn phí/);
      assert.deepEqual(r.reply.sources, [{ kind: 'procedure', id: procedure.id, title: procedure.name }]);
    });

    it('remembers the procedure talked about: "mất bao lâu" is about it', async () => {
      ip++;
      const first = await reply('cap lai gplx');
      assert.match(first.reply.text, /giấy phép lái xe/i);
      const next = await reply('mat bao lau', null, first.conversationId);
      assert.equal(next.conversationId, first.conversationId);
      assert.equal(next.reply.intent, 'procedure');
      assert.match(next.reply.text, /Thời gian giải quyết/);
      assert.doesNotMatch(next.reply.text, /Giấy tờ cần có/);
      // a new conversation knows no procedure yet
      const fresh = await reply('mat bao lau');
      assert.equal(fresh.reply.intent, 'clarify');
    });

    it('answers only the aspect asked: the fee', async () => {
      ip++;
      const r = await reply('lam ho chieu het bao nhieu tien');
      assert.match(r.reply.text, /Lệ phí/);
      assert.doesNotMatch(r.reply.text, /Giấy tờ cần có/);
    });

    it('asks which of two when two procedures are as likely, and takes "1" as the first', async () => {
      ip++;
      const r = await reply('mo nha thuoc');
      assert.equal(r.reply.intent, 'clarify');
      assert.equal(r.reply.suggestions.length, 2);
      const picked = await reply('1', null, r.conversationId);
      assert.equal(picked.reply.intent, 'procedure');
      assert.match(picked.reply.text, new RegExp(r.reply.suggestions[0]!.slice(0, 20)));
    });

    it('says it does not know, with the hotline and a link to file a report, and logs the question', async () => {
      ip++;
      const r = await reply('gia vang hom nay bao nhieu');
      assert.equal(r.reply.intent, 'unknown');
      assert.match(r.reply.text, /1022/);
      assert.ok(r.reply.links.some((l) => l.href === '/reports/new'));
      const list = await t.app.inject({ method: 'GET', url: '/api/assistant/questions?filter=unanswered', headers: editor.headers });
      assert.equal(list.statusCode, 200);
      assert.ok((list.json().items as { example: string }[]).some((g) => g.example === 'gia vang hom nay bao nhieu'));
    });

    it('gives the hotline and the commune office of the signed-in person', async () => {
      ip++;
      const hot = await reply('so duong day nong');
      assert.equal(hot.reply.intent, 'hotline');
      assert.ok(hot.reply.links.some((l) => l.href === 'tel:1022'));
      const office = await reply('uy ban phuong o dau', an);
      assert.equal(office.reply.intent, 'agency');
      assert.match(office.reply.text, /Lương Văn Tri/);
    });
  });

  describe('bad input', () => {
    it('refuses an empty text, 10 KB of text and control characters, naming text', async () => {
      ip++;
      for (const text of ['', 'x'.repeat(10 * 1024), 'lam cccd\u0000', 'ho so\u001b[31m', 12]) {
        const res = await ask(text);
        assert.equal(res.statusCode, 400, JSON.stringify(text).slice(0, 40));
        assert.deepEqual(field(res), ['text']);
      }
      const badId = await t.app.inject({ method: 'POST', url: '/api/assistant/messages', payload: { text: 'xin chao', conversationId: 'abc' } });
      assert.equal(badId.statusCode, 400);
      assert.deepEqual(field(badId), ['conversationId']);
    });

    it('accepts line breaks and 500 characters', async () => {
      ip++;
      assert.equal((await ask('lam cccd\no dau')).statusCode, 200);
      assert.equal((await ask(`lam cccd ${'a'.repeat(491)}`)).statusCode, 200);
    });

    it('limits how many messages an address sends a minute', async () => {
      ip++;
      let last = 0;
      for (let i = 0; i < 31; i++) last = (await ask('xin chao')).statusCode;
      assert.equal(last, 429);
    });

    it('starts afresh with an unknown or expired conversation id', async () => {
      ip++;
      const id = randomUUID();
      const r = await reply('xin chao', null, id);
      assert.notEqual(r.conversationId, id);
    });
  });

  describe('dossier status (a form with slots)', () => {
    it('signed out, asks the code, then the phone, then tells the status', async () => {
      ip++;
      const q = await reply('ho so cua toi den dau roi');
      assert.equal(q.reply.intent, 'dossier_status');
      assert.match(q.reply.text, /mã hồ sơ/);
      const withCode = await reply(`ma la ${dossierCode}`, null, q.conversationId);
      assert.match(withCode.reply.text, /số điện thoại/);
      const status = await reply('0900000001', null, q.conversationId);
      assert.match(status.reply.text, new RegExp(dossierCode.replace(/\./g, '\\.')));
      assert.match(status.reply.text, /Đăng ký khai sinh/);
    });

    it('another question closes the open form: a phone number later is not taken for it', async () => {
      ip++;
      const q = await reply(`ho so ${dossierCode} den dau roi`);
      assert.match(q.reply.text, /số điện thoại/);
      const other = await reply('so duong day nong', null, q.conversationId);
      assert.equal(other.reply.intent, 'hotline');
      const phone = await reply('0900000001', null, q.conversationId);
      assert.notEqual(phone.reply.intent, 'dossier_status');
    });

    it('signed out, a code with the wrong phone tells nothing of the dossier', async () => {
      ip++;
      const r = await reply(`ho so ${dossierCode} sdt 0912345678 den dau roi`);
      assert.equal(r.reply.intent, 'dossier_status');
      assert.doesNotMatch(r.reply.text, /Đăng ký khai sinh|Nguyễn/);
      assert.match(r.reply.text, /Không tìm thấy/);
    });

    it('signed in, lists the person\'s own dossiers with links', async () => {
      ip++;
      const r = await reply('ho so cua toi den dau roi', an);
      assert.match(r.reply.text, /Đăng ký khai sinh/);
      assert.ok(r.reply.links.some((l) => l.href === `/dossiers/${dossierId}`));
    });

    it('never shows another person\'s dossier: Bình asking An\'s code is asked for the applicant\'s phone', async () => {
      ip++;
      const r = await reply(`ho so ${dossierCode} den dau roi`, binh);
      assert.match(r.reply.text, /số điện thoại/);
      assert.doesNotMatch(r.reply.text, /Đăng ký khai sinh|Nguyễn/);
      assert.ok(!r.reply.links.some((l) => l.href.includes(dossierId)));
      const mine = await reply('ho so cua toi', binh);
      assert.doesNotMatch(mine.reply.text, new RegExp(dossierCode.replace(/\./g, '\\.')));
    });

    it('a signed-in conversation is not continued by someone else', async () => {
      ip++;
      const a = await reply('ho so cua toi den dau roi', an);
      const other = await reply('mat bao lau', binh, a.conversationId);
      assert.notEqual(other.conversationId, a.conversationId);
    });
  });

  describe('report status', () => {
    it('asks for the code, then tells an unknown code plainly', async () => {
      ip++;
      const q = await reply('phan anh cua toi xu ly chua');
      assert.equal(q.reply.intent, 'report_status');
      const r = await reply('PA-ZZZZZZZZ', null, q.conversationId);
      assert.match(r.reply.text, /Không tìm thấy phản ánh/);
    });
  });

  describe('ratings', () => {
    it('lets the asker rate an answer, and nobody else', async () => {
      ip++;
      const r = await reply('lam cccd o dau');
      const url = `/api/assistant/turns/${r.turnId}/rating`;
      assert.equal((await t.app.inject({ method: 'POST', url, payload: { helpful: false } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'POST', url, headers: binh.headers, payload: { helpful: false, conversationId: randomUUID() } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'POST', url, payload: { helpful: false, conversationId: r.conversationId } })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/assistant/turns/${randomUUID()}/rating`, payload: { helpful: true } })).statusCode, 404);
      assert.deepEqual(field(await t.app.inject({ method: 'POST', url, payload: { helpful: 'yes' } })), ['helpful']);
      const low = await t.app.inject({ method: 'GET', url: '/api/assistant/questions?filter=low_rated', headers: editor.headers });
      assert.ok((low.json().items as { example: string; notHelpful: number }[]).some((g) => g.example === 'lam cccd o dau' && g.notHelpful === 1));
      const signedIn = await reply('lam cccd o dau', an);
      const own = await t.app.inject({ method: 'POST', url: `/api/assistant/turns/${signedIn.turnId}/rating`, headers: an.headers, payload: { helpful: true } });
      assert.equal(own.statusCode, 204);
      const notOwn = await t.app.inject({ method: 'POST', url: `/api/assistant/turns/${signedIn.turnId}/rating`, headers: binh.headers, payload: { helpful: false, conversationId: signedIn.conversationId } });
      assert.equal(notOwn.statusCode, 403);
    });
  });

  describe('editors teach it', () => {
    it('only editors and sysadmins see the questions and write answers', async () => {
      for (const s of [null, an, officer]) {
        const res = await t.app.inject({ method: 'GET', url: '/api/assistant/questions', headers: s ? s.headers : {} });
        assert.equal(res.statusCode, s ? 403 : 401);
        const post = await t.app.inject({ method: 'POST', url: '/api/assistant/faqs', headers: s ? s.headers : {}, payload: { question: 'x', phrasings: [], answer: 'y' } });
        assert.equal(post.statusCode, s ? 403 : 401);
      }
    });

    it('an answer added for an unanswered question is used from then on, and the question leaves the list', async () => {
      ip++;
      const before = await reply('cho nuoi cho co can tiem phong dai khong');
      assert.equal(before.reply.intent, 'unknown');
      const groups = (await t.app.inject({ method: 'GET', url: '/api/assistant/questions', headers: editor.headers })).json().items as { key: string; example: string }[];
      const group = groups.find((g) => g.example === 'cho nuoi cho co can tiem phong dai khong');
      assert.ok(group);
      const bad = await t.app.inject({ method: 'POST', url: '/api/assistant/faqs', headers: editor.headers, payload: { question: 'Tiêm phòng dại', phrasings: [], answer: 'Có.', linkHref: 'javascript:alert(1)' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual([...new Set(field(bad))], ['linkHref']);
      const created = await t.app.inject({
        method: 'POST', url: '/api/assistant/faqs', headers: editor.headers,
        payload: { question: 'Tiêm phòng dại cho chó', phrasings: ['cho co can tiem phong dai', 'tiem phong cho cho meo'], answer: 'Chó, mèo phải tiêm phòng dại mỗi năm. Lịch tiêm có trong mục Tin tức của phường.', linkTitle: 'Tin tức', linkHref: '/news', resolves: [group.key] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const after = await reply('nha nuoi cho co phai tiem phong dai ko');
      assert.equal(after.reply.intent, 'faq');
      assert.match(after.reply.text, /tiêm phòng dại mỗi năm/);
      assert.deepEqual(after.reply.links, [{ title: 'Tin tức', href: '/news' }]);
      const left = (await t.app.inject({ method: 'GET', url: '/api/assistant/questions', headers: editor.headers })).json().items as { key: string }[];
      assert.ok(!left.some((g) => g.key === group.key));
      const id = created.json().id as string;
      const listed = await t.app.inject({ method: 'GET', url: '/api/assistant/faqs', headers: editor.headers });
      assert.ok((listed.json().items as { id: string }[]).some((f) => f.id === id));
      const changed = await t.app.inject({ method: 'PUT', url: `/api/assistant/faqs/${id}`, headers: editor.headers, payload: { question: 'Tiêm phòng dại cho chó', phrasings: ['tiem phong dai'], answer: 'Mỗi năm một lần.' } });
      assert.equal(changed.statusCode, 200);
      assert.match((await reply('tiem phong dai')).reply.text, /Mỗi năm một lần/);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/assistant/faqs/${id}`, headers: editor.headers })).statusCode, 204);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/assistant/faqs/${id}`, headers: editor.headers })).statusCode, 404);
      assert.notEqual((await reply('tiem phong dai')).reply.intent, 'faq');
    });
  });

  describe('payments, alerts and news of the person', () => {
    it('tells a signed-in citizen the status of their latest payment, and nobody else', async () => {
      const bills = (await t.app.inject({ method: 'GET', url: '/api/payments/bills?service=electricity&customerCode=PA11TX0012345', headers: an.headers })).json() as { bills: { billId: string }[] };
      const created = await t.app.inject({ method: 'POST', url: '/api/payments', headers: an.headers, payload: { purpose: 'bill', service: 'electricity', customerCode: 'PA11TX0012345', billIds: [bills.bills[0]!.billId] } });
      assert.equal(created.statusCode, 201, created.body);
      const payment = created.json() as { id: string; code: string };
      const mine = await reply('thanh toan cua toi da xong chua', an);
      assert.equal(mine.reply.intent, 'payments');
      assert.match(mine.reply.text, new RegExp(`${payment.code}.*đang chờ trả`));
      assert.ok(mine.reply.links.some((l) => l.href === `/payments/${payment.id}`));
      for (const other of [null, binh]) assert.ok(!(await reply('thanh toan cua toi da xong chua', other)).reply.text.includes(payment.code));
    });

    it('lists the alerts in force and the latest news, as the public pages show them', async () => {
      const current = (await t.app.inject({ method: 'GET', url: '/api/alerts?current=true&limit=3' })).json() as { items: { id: string; headline: string }[] };
      const alerts = await reply('co canh bao gi khong');
      assert.equal(alerts.reply.intent, 'alerts');
      if (current.items.length === 0) assert.match(alerts.reply.text, /không có cảnh báo/);
      for (const a of current.items) assert.ok(alerts.reply.text.includes(a.headline) && alerts.reply.links.some((l) => l.href === `/canh-bao/${a.id}`), alerts.reply.text);
      const latest = (await t.app.inject({ method: 'GET', url: '/api/news?limit=3' })).json() as { items: { id: string; title: string }[] };
      assert.ok(latest.items.length > 0, 'demo news exist');
      const news = await reply('tin tuc moi');
      assert.equal(news.reply.intent, 'news');
      for (const n of latest.items) assert.ok(news.reply.text.includes(n.title) && news.reply.links.some((l) => l.href === `/news/${n.id}`), news.reply.text);
    });
  });
});
