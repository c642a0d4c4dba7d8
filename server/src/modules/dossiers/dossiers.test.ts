// HTTP tests of the dossier workflow: apply, submit, process, letters, tracking, policy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildTestApp, createTestDatabase, type BuiltApp, type TestDatabase } from '../../../test/helpers.ts';
import { areasModule } from '../areas/index.ts';
import { pdfHasText } from './pdf-text.ts';
import type { DossierServices } from './definition.ts';
import { BIRTH, FEE_PROCEDURE, standInModules, type StandIn } from '../../../test/dossiers.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b5e6e30000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const b64 = (b: Buffer) => b.toString('base64');

let built: BuiltApp;
let tdb: TestDatabase;
let standIn: StandIn;
let servicesOf: () => DossierServices;
let agencyLVT: string;
let agencyTK: string;
const citizen = 'tok-citizen';
const citizen2 = 'tok-citizen2';
const officer = 'tok-officer';
const officerTK = 'tok-officer-tk';
const leader = 'tok-leader';
const leaderOther = 'tok-leader-other';

const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  built.app.inject({ method, url, payload: payload as object, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

const application = (over: Record<string, unknown> = {}) => ({
  procedureId: BIRTH.id,
  communeCode: '05983',
  formData: { childName: 'Nguyễn Văn Bé' },
  attachments: [{ docKey: 'birth_certificate', fileName: 'giấy chứng sinh.pdf', contentBase64: b64(PDF) }],
  submit: true,
  ...over,
});

async function submitted(token = citizen, over: Record<string, unknown> = {}) {
  const res = await inject('POST', '/api/dossiers', token, application(over));
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

before(async () => {
  tdb = await createTestDatabase();
  const s = standInModules();
  standIn = s.standIn;
  servicesOf = s.services;
  built = await buildTestApp({ db: tdb.db, modules: s.modules, logger: process.env.DOSSIER_TEST_LOG ? { level: "error" } : false });
  await built.start({ seed: false, work: false });
  await built.app.ready();
  const areas = built.platform.use(areasModule);
  agencyLVT = (await areas.agencyForCommune('05983'))!.id;
  agencyTK = (await areas.agencyForCommune('06040'))!.id;
  const m = (role: 'officer' | 'leader', agencyId: string | null, areaCode: string) => [{ id: randomUUID(), role, agencyId, areaCode }];
  standIn.signIn(citizen, { userId: randomUUID(), roles: ['citizen'], memberships: [] }, { fullName: 'Nguyễn Văn An', phone: '0900000001' });
  standIn.signIn(citizen2, { userId: randomUUID(), roles: ['citizen'], memberships: [] }, { fullName: 'Hoàng Thị Bình', phone: '0900000002' });
  standIn.signIn(officer, { userId: randomUUID(), roles: ['citizen', 'officer'], memberships: m('officer', agencyLVT, '05983') }, { fullName: 'Cán bộ Lương Văn Tri', phone: '0900000101' });
  standIn.signIn(officerTK, { userId: randomUUID(), roles: ['citizen', 'officer'], memberships: m('officer', agencyTK, '06040') }, { fullName: 'Cán bộ Thất Khê', phone: '0900000102' });
  standIn.signIn(leader, { userId: randomUUID(), roles: ['leader'], memberships: m('leader', null, '20') }, { fullName: 'Lãnh đạo', phone: '0900000201' });
  standIn.signIn(leaderOther, { userId: randomUUID(), roles: ['leader'], memberships: m('leader', null, '04') }, { fullName: 'Lãnh đạo Cao Bằng', phone: '0900000202' });
});

after(async () => {
  await built.close();
  await tdb.drop();
});

describe('applying', () => {
  it('submits with a code in the official shape, an appointment in working days, and a receipt PDF', async () => {
    const d = await submitted();
    const agency = await built.platform.use(areasModule).getAgency(agencyLVT);
    const eid = agency!.electronicId || agency!.code;
    assert.match(d.code, new RegExp(`^${eid.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`));
    assert.equal(d.status, 1);
    assert.equal(d.appointmentDate, built.platform.calendar.dueDate(new Date(d.submittedAt), 3));
    assert.equal(d.attachments.length, 1);
    assert.equal(d.attachments[0].mime, 'application/pdf');
    assert.deepEqual(d.allowedActions, ['withdraw']);
    const pdf = await inject('GET', `/api/dossiers/${d.id}/receipt.pdf`, citizen);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const receipt = await servicesOf().documents.receiptPdf(standIn.principals.get(citizen)!, d.id, false);
    assert.ok(pdfHasText(receipt.bytes, `Mã hồ sơ: ${d.code}`));
    assert.ok(pdfHasText(receipt.bytes, 'Nguyễn Văn An'));
  });

  it('notifies the applicant and lists the dossier under "my dossiers"', async () => {
    const d = await submitted();
    const mine = await inject('GET', '/api/dossiers/mine', citizen);
    assert.equal(mine.statusCode, 200);
    assert.ok(mine.json().items.some((x: { id: string }) => x.id === d.id));
    const notices = await tdb.db.kysely.withTables<{ notifications: { user_id: string; title: string } }>().selectFrom('notifications').select('title')
      .where('user_id', '=', standIn.principals.get(citizen)!.userId).execute();
    assert.ok(notices.some((n) => n.title.includes(d.code)));
  });

  it('returns the same dossier when the same Idempotency-Key is replayed', async () => {
    const key = randomUUID();
    const first = await inject('POST', '/api/dossiers', citizen, application(), { 'idempotency-key': key });
    const again = await inject('POST', '/api/dossiers', citizen, application(), { 'idempotency-key': key });
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, first.json().id);
    assert.equal(again.json().code, first.json().code);
    const mine = (await inject('GET', '/api/dossiers/mine?limit=100', citizen)).json();
    assert.equal(mine.items.filter((x: { id: string }) => x.id === first.json().id).length, 1);
  });

  it('refuses the same Idempotency-Key with a different application (422), creating nothing', async () => {
    const key = randomUUID();
    const first = await inject('POST', '/api/dossiers', citizen, application({ submit: false, attachments: [] }), { 'idempotency-key': key });
    assert.equal(first.statusCode, 201);
    const before = (await inject('GET', '/api/dossiers/mine?limit=100', citizen)).json().total;
    const other = await inject('POST', '/api/dossiers', citizen, application(), { 'idempotency-key': key });
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().error.code, 'idempotency.key_reused');
    assert.equal((await inject('GET', '/api/dossiers/mine?limit=100', citizen)).json().total, before);
  });

  it('saves a draft, attaches a file checked by content, and submits once', async () => {
    const draft = await inject('POST', '/api/dossiers', citizen, application({ submit: false, attachments: [] }));
    assert.equal(draft.statusCode, 201);
    const id = draft.json().id;
    assert.equal(draft.json().status, 0);
    assert.equal(draft.json().code, null);
    const early = await inject('POST', `/api/dossiers/${id}/submit`, citizen);
    assert.equal(early.statusCode, 400);
    assert.equal(early.json().error.details[0].field, 'attachments.birth_certificate');
    const fake = await inject('POST', `/api/dossiers/${id}/attachments`, citizen, { docKey: 'birth_certificate', fileName: 'x.pdf', contentBase64: b64(Buffer.from('MZ not a pdf')) });
    assert.equal(fake.statusCode, 400);
    assert.equal(fake.json().error.details[0].field, 'attachment.0.contentBase64');
    const png = await inject('POST', `/api/dossiers/${id}/attachments`, citizen, { docKey: 'birth_certificate', fileName: 'x.png', contentBase64: b64(PNG) });
    assert.equal(png.statusCode, 201);
    assert.equal(png.json().attachments[0].mime, 'image/png');
    const edit = await inject('PUT', `/api/dossiers/${id}`, citizen, { formData: { childName: 'Bé Na' } });
    assert.equal(edit.json().formData.childName, 'Bé Na');
    const sub = await inject('POST', `/api/dossiers/${id}/submit`, citizen);
    assert.equal(sub.statusCode, 200);
    const again = await inject('POST', `/api/dossiers/${id}/submit`, citizen);
    assert.equal(again.json().code, sub.json().code);
    const late = await inject('PUT', `/api/dossiers/${id}`, citizen, { formData: {} });
    assert.equal(late.statusCode, 409);
  });

  it('refuses bad input naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ procedureId: 'nope' }, 'procedureId'],
      [{ communeCode: '123' }, 'communeCode'],
      [{ communeCode: '99999' }, 'communeCode'],
      [{ formData: {} }, 'formData.childName'],
      [{ attachments: [] }, 'attachments.birth_certificate'],
      [{ attachments: [{ docKey: 'passport', fileName: 'a.pdf', contentBase64: b64(PDF) }] }, 'attachments.0.docKey'],
      [{ attachments: [{ docKey: 'birth_certificate', fileName: 'a.exe', contentBase64: b64(Buffer.from('MZ\x90\x00')) }] }, 'attachments.0.contentBase64'],
      [{ attachments: [{ docKey: 'birth_certificate', fileName: 'big.pdf', contentBase64: b64(Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)])) }] }, 'attachments.0.contentBase64'],
      [{ extra: 1 }, 'extra'],
    ];
    for (const [over, field] of cases) {
      const res = await inject('POST', '/api/dossiers', citizen, application(over));
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.ok(res.json().error.details.some((d: { field: string }) => d.field === field), `${field}: ${res.body}`);
    }
  });

  it('requires sign-in and the citizen role', async () => {
    assert.equal((await inject('POST', '/api/dossiers', undefined, application())).statusCode, 401);
    assert.equal((await inject('GET', '/api/dossiers/mine')).statusCode, 401);
    assert.equal((await inject('POST', '/api/dossiers', leader, application())).statusCode, 403);
  });

  it('keeps the applicant\'s dossier from other citizens', async () => {
    const d = await submitted();
    assert.equal((await inject('GET', `/api/dossiers/${d.id}`, citizen2)).statusCode, 404);
    assert.equal((await inject('GET', `/api/dossiers/${d.id}/receipt.pdf`, citizen2)).statusCode, 404);
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/withdraw`, citizen2, { reason: 'không cần' })).statusCode, 404);
  });
});

describe('drafts and attachments', () => {
  it('downloads, removes attachments and deletes a draft; others cannot', async () => {
    const draft = (await inject('POST', '/api/dossiers', citizen, application({ submit: false }))).json();
    const att = draft.attachments[0];
    const file = await inject('GET', `/api/dossiers/${draft.id}/attachments/${att.id}`, citizen);
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, PDF);
    assert.match(String(file.headers['content-disposition']), /filename\*=UTF-8''gi%E1%BA%A5y/);
    assert.equal((await inject('GET', `/api/dossiers/${draft.id}/attachments/${att.id}`, citizen2)).statusCode, 404);
    assert.equal((await inject('GET', `/api/dossiers/${draft.id}/attachments/${randomUUID()}`, citizen)).statusCode, 404);
    assert.equal((await inject('DELETE', `/api/dossiers/${draft.id}/attachments/${att.id}`, citizen2)).statusCode, 404);
    assert.equal((await inject('DELETE', `/api/dossiers/${draft.id}/attachments/${att.id}`, citizen)).statusCode, 204);
    assert.equal((await inject('DELETE', `/api/dossiers/${draft.id}/attachments/${att.id}`, citizen)).statusCode, 404);
    assert.equal((await inject('DELETE', `/api/dossiers/${draft.id}`, citizen2)).statusCode, 404);
    assert.equal((await inject('DELETE', `/api/dossiers/${draft.id}`, citizen)).statusCode, 204);
    assert.equal((await inject('GET', `/api/dossiers/${draft.id}`, citizen)).statusCode, 404);
    assert.equal((await inject('DELETE', '/api/dossiers/not-a-uuid', citizen)).statusCode, 400);
    const d = await submitted();
    assert.equal((await inject('DELETE', `/api/dossiers/${d.id}`, citizen)).statusCode, 409);
    // staff never see drafts
    const other = (await inject('POST', '/api/dossiers', citizen, application({ submit: false }))).json();
    assert.equal((await inject('POST', `/api/dossiers/${other.id}/accept`, officer, {})).statusCode, 404);
  });
});

describe('dossier codes', () => {
  it('are unique and gapless per agency and day under concurrent submissions', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => inject('POST', '/api/dossiers', citizen, application())));
    const codes = results.map((r) => {
      assert.equal(r.statusCode, 201, r.body);
      return r.json().code as string;
    });
    assert.equal(new Set(codes).size, codes.length);
    const prefix = codes[0]!.slice(0, -5);
    const all = (await tdb.db.kysely.withTables<{ dossiers: { code: string | null } }>().selectFrom('dossiers').select('code').where('code', 'like', `${prefix}-%`).execute())
      .map((r) => Number(r.code!.slice(-4))).sort((a, b) => a - b);
    assert.deepEqual(all, all.map((_, i) => i + 1));
  });
});

describe('one-stop processing', () => {
  it('walks a dossier from receipt to returned result with a request for documents in between', async () => {
    const d = await submitted();
    const act = (action: string, body: unknown = {}, token = officer) => inject('POST', `/api/dossiers/${d.id}/${action}`, token, body);
    assert.equal((await act('accept', { note: 'Đủ' })).json().status, 2);
    const assigned = await act('assign');
    assert.equal(assigned.json().status, 4);
    assert.equal(assigned.json().currentStep, 'appraise');
    const asked = await act('request-documents', { missing: [{ key: 'parent_id', name: 'Giấy tờ tùy thân của cha hoặc mẹ' }], note: 'Thiếu' });
    assert.equal(asked.json().status, 5);
    assert.equal(asked.json().missingDocuments[0].name, 'Giấy tờ tùy thân của cha hoặc mẹ');
    const letter = asked.json().letters.find((l: { kind: string }) => l.kind === 'more_documents');
    const form2 = await inject('GET', letter.url, citizen);
    assert.equal(form2.statusCode, 200);
    assert.equal(form2.rawPayload.subarray(0, 5).toString(), '%PDF-');
    // while paused the officer cannot complete
    assert.equal((await act('complete')).statusCode, 409);
    const tracked = await inject('GET', `/api/dossiers/track?code=${encodeURIComponent(d.code)}&phone=0900000001`);
    assert.equal(tracked.json().missingDocuments.length, 1);
    const supplied = await inject('POST', `/api/dossiers/${d.id}/supply`, citizen, { attachments: [{ docKey: 'parent_id', fileName: 'cccd.png', contentBase64: b64(PNG) }] });
    assert.equal(supplied.statusCode, 200, supplied.body);
    assert.equal(supplied.json().status, 4);
    assert.equal(supplied.json().missingDocuments.length, 0);
    assert.equal(supplied.json().attachments.at(-1).round, 1);
    assert.equal((await act('complete')).statusCode, 409); // still at "appraise"
    // the officer is offered only what would succeed: forward at "appraise", complete at "approve"
    const atAppraisal = (await inject('GET', `/api/dossiers/${d.id}`, officer)).json().allowedActions as string[];
    assert.ok(atAppraisal.includes('forward'), atAppraisal.join(','));
    assert.ok(!atAppraisal.includes('complete'), atAppraisal.join(','));
    const forwarded = await act('forward', { note: 'Trình ký' });
    assert.equal(forwarded.json().currentStep, 'approve');
    const atApproval = forwarded.json().allowedActions as string[];
    assert.ok(atApproval.includes('complete'), atApproval.join(','));
    assert.ok(!atApproval.includes('forward'), atApproval.join(','));
    assert.equal((await act('forward')).statusCode, 409);
    const done = await act('complete', { result: { fileName: 'trích lục khai sinh.pdf', contentBase64: b64(PDF) } });
    assert.equal(done.json().status, 9);
    assert.ok(done.json().finishedAt);
    assert.equal((await inject('GET', `/api/dossiers/${d.id}/result`, citizen)).statusCode, 404); // not returned yet
    const returned = await act('return-result');
    assert.equal(returned.json().status, 10);
    const result = await inject('GET', `/api/dossiers/${d.id}/result`, citizen);
    assert.equal(result.statusCode, 200);
    assert.deepEqual(result.rawPayload, PDF);
    const byTrack = await inject('GET', `/api/dossiers/track/result?code=${encodeURIComponent(d.code)}&phone=0900000001`);
    assert.equal(byTrack.statusCode, 200);
    const rated = await inject('POST', `/api/dossiers/${d.id}/rating`, citizen, { rating: 5 });
    assert.equal(rated.json().rating, 5);
    const sheet = await inject('GET', `/api/dossiers/${d.id}/control-sheet.pdf`, officer);
    assert.equal(sheet.statusCode, 200);
    const pdf = await servicesOf().documents.controlSheetPdf(standIn.principals.get(officer)!, d.id, false);
    for (const t of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Yêu cầu bổ sung', 'Cán bộ Lương Văn Tri', 'Trả kết quả']) assert.ok(pdfHasText(pdf.bytes, t), t);
    const detail = (await inject('GET', `/api/dossiers/${d.id}`, officer)).json();
    assert.deepEqual(detail.timeline.map((e: { action: string }) => e.action), ['create', 'submit', 'accept', 'assign', 'request_documents', 'supply_documents', 'forward', 'complete', 'return_result']);
  });

  it('refuses illegal transitions with 409 and leaves the dossier unchanged', async () => {
    const d = await submitted();
    for (const action of ['assign', 'complete', 'return-result', 'mark-paid', 'forward', 'stop']) {
      const res = await inject('POST', `/api/dossiers/${d.id}/${action}`, officer, action === 'stop' ? { reason: 'Dừng thử' } : {});
      assert.equal(res.statusCode, 409, `${action}: ${res.body}`);
    }
    assert.equal((await inject('GET', `/api/dossiers/${d.id}`, officer)).json().status, 1);
  });

  it('pushes the due date by the working days spent waiting for documents', async () => {
    const d = await submitted();
    await inject('POST', `/api/dossiers/${d.id}/accept`, officer, {});
    await inject('POST', `/api/dossiers/${d.id}/request-documents`, officer, { missing: [{ name: 'Bản sao giấy kết hôn' }] });
    type T = { dossiers: { id: string; submitted_at: Date }; dossier_pauses: { dossier_id: string; started_at: Date; ended_at: Date | null } };
    const k = tdb.db.kysely.withTables<T>();
    // submitted on Friday 13/11/2026, asked for documents on Monday 16/11
    await k.updateTable('dossiers').set({ submitted_at: new Date('2026-11-13T09:00:00+07:00') }).where('id', '=', d.id).execute();
    await k.updateTable('dossier_pauses').set({ started_at: new Date('2026-11-16T10:00:00+07:00') }).where('dossier_id', '=', d.id).execute();
    const res = await inject('POST', `/api/dossiers/${d.id}/supply`, citizen, { attachments: [{ docKey: 'other', fileName: 'kh.pdf', contentBase64: b64(PDF) }] });
    assert.equal(res.statusCode, 200, res.body);
    const pauses = await k.selectFrom('dossier_pauses').select(['started_at', 'ended_at']).where('dossier_id', '=', d.id).execute();
    assert.ok(pauses[0]!.ended_at);
    const cal = built.platform.calendar;
    const expected = cal.dueDate(new Date('2026-11-13T09:00:00+07:00'), 3, pauses.map((p) => ({ from: p.started_at, to: p.ended_at })));
    assert.equal(res.json().dueDate, expected);
    // without the pause the due date would be Wednesday 18/11; the waiting days push it later
    assert.ok(expected > cal.addWorkingDays('2026-11-13', 3));
    assert.equal(res.json().appointmentDate, expected);
  });

  it('reminds the officer holding a dossier once when its appointment is near', async () => {
    const d = await submitted();
    await inject('POST', `/api/dossiers/${d.id}/accept`, officer, {});
    await inject('POST', `/api/dossiers/${d.id}/assign`, officer, {});
    const officerId = standIn.principals.get(officer)!.userId;
    type N = { notifications: { user_id: string; kind: string; link: string | null } };
    const reminders = async () => (await tdb.db.kysely.withTables<N>().selectFrom('notifications').select('link').where('user_id', '=', officerId).where('kind', '=', 'dossier.due').execute())
      .filter((n) => n.link === `/staff/dossiers/${d.id}`).length;
    // three working days ahead: not yet
    await servicesOf().processing.remindDueSoon(new Date(Date.parse(`${built.platform.calendar.addWorkingDays(d.appointmentDate, 0)}T00:00:00+07:00`) - 10 * 86_400_000));
    assert.equal(await reminders(), 0);
    await servicesOf().processing.remindDueSoon(new Date(`${d.appointmentDate}T08:00:00+07:00`));
    await servicesOf().processing.remindDueSoon(new Date(`${d.appointmentDate}T09:00:00+07:00`));
    assert.equal(await reminders(), 1);
  });

  it('stops processing with a reason', async () => {
    const d = await submitted();
    await inject('POST', `/api/dossiers/${d.id}/accept`, officer, {});
    await inject('POST', `/api/dossiers/${d.id}/assign`, officer, {});
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/stop`, officer, { reason: 'x' })).statusCode, 400);
    const res = await inject('POST', `/api/dossiers/${d.id}/stop`, officer, { reason: 'Người nộp đã mất liên lạc' });
    assert.equal(res.json().status, 8);
    assert.ok(res.json().finishedAt);
    assert.deepEqual(res.json().allowedActions, []);
  });

  it('refuses with a reason and issues form 3', async () => {
    const d = await submitted();
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/refuse`, officer, {})).statusCode, 400);
    const res = await inject('POST', `/api/dossiers/${d.id}/refuse`, officer, { reason: 'Không thuộc thẩm quyền' });
    assert.equal(res.json().status, 3);
    const letter = res.json().letters.find((l: { kind: string }) => l.kind === 'refusal');
    assert.equal((await inject('GET', letter.url, citizen)).statusCode, 200);
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/withdraw`, citizen, { reason: 'thôi' })).statusCode, 409);
  });

  it('lets the citizen withdraw', async () => {
    const d = await submitted();
    const res = await inject('POST', `/api/dossiers/${d.id}/withdraw`, citizen, { reason: 'Nộp nhầm' });
    assert.equal(res.json().status, 7);
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/accept`, officer, {})).statusCode, 409);
  });

  it('apologises with a later working day and tells the citizen', async () => {
    const d = await submitted();
    const earlier = await inject('POST', `/api/dossiers/${d.id}/apologize`, officer, { reason: 'Cần xác minh', newAppointmentDate: d.appointmentDate });
    assert.equal(earlier.statusCode, 400);
    const next = built.platform.calendar.addWorkingDays(d.appointmentDate, 2);
    const res = await inject('POST', `/api/dossiers/${d.id}/apologize`, officer, { reason: 'Cần xác minh thêm', newAppointmentDate: next });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().appointmentDate, next);
    const letter = res.json().letters.find((l: { kind: string }) => l.kind === 'apology');
    const pdf = await servicesOf().documents.letterPdf(standIn.principals.get(citizen)!, d.id, letter.id, false);
    assert.ok(pdfHasText(pdf.bytes, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'));
  });

  it('requests the fee and marks it paid at the counter', async () => {
    const d = await submitted(citizen, { procedureId: FEE_PROCEDURE.id });
    await inject('POST', `/api/dossiers/${d.id}/accept`, officer, {});
    const asked = await inject('POST', `/api/dossiers/${d.id}/request-payment`, officer, {});
    assert.equal(asked.json().status, 6);
    assert.equal(asked.json().fees[0].amountVnd, 8000);
    const paid = await inject('POST', `/api/dossiers/${d.id}/mark-paid`, officer, {});
    assert.equal(paid.json().status, 4);
    assert.equal(paid.json().fees[0].method, 'counter');
    const none = await submitted();
    await inject('POST', `/api/dossiers/${none.id}/accept`, officer, {});
    assert.equal((await inject('POST', `/api/dossiers/${none.id}/request-payment`, officer, {})).statusCode, 409);
  });

  it('hands a dossier to another agency, which then holds it', async () => {
    const stp = (await built.platform.use(areasModule).getAgencyByCode('STP-20'))!.id;
    const officerSTP = standIn.signIn('tok-stp', { userId: randomUUID(), roles: ['officer'], memberships: [{ id: randomUUID(), role: 'officer', agencyId: stp, areaCode: '20' }] }, { fullName: 'Cán bộ Sở Tư pháp', phone: '0900000103' });
    const d = await submitted();
    await inject('POST', `/api/dossiers/${d.id}/accept`, officer, {});
    await inject('POST', `/api/dossiers/${d.id}/assign`, officer, {});
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/forward`, officer, { toAgencyId: randomUUID() })).statusCode, 400);
    const moved = await inject('POST', `/api/dossiers/${d.id}/forward`, officer, { toAgencyId: stp, note: 'Chuyển Sở Tư pháp' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().agencyId, stp);
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/forward`, officer, {})).statusCode, 404);
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/complete`, officerSTP, {})).statusCode, 200);
  });

  it('refuses officers of another agency', async () => {
    const d = await submitted();
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/accept`, officerTK, {})).statusCode, 404);
    assert.equal((await inject('GET', `/api/dossiers/${d.id}`, officerTK)).statusCode, 404);
    assert.equal((await inject('GET', `/api/dossiers/${d.id}/control-sheet.pdf`, officerTK)).statusCode, 404);
    const queue = (await inject('GET', '/api/dossiers/queue?limit=100', officerTK)).json();
    assert.ok(!queue.items.some((x: { id: string }) => x.id === d.id));
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/accept`, citizen, {})).statusCode, 403);
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/accept`, undefined, {})).statusCode, 401);
    // a leader of the province reads it but cannot act; staff reads are audited
    assert.equal((await inject('GET', `/api/dossiers/${d.id}`, leader)).statusCode, 200);
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/accept`, leader, {})).statusCode, 403);
    const audit = await built.platform.audit.list({ subjectType: 'dossier', subjectId: d.id });
    assert.ok(audit.some((a) => a.action === 'dossier.read' && a.actor_user_id === standIn.principals.get(leader)!.userId));
  });

  it('serves the queue with filters, search without diacritics and deadline colours', async () => {
    const d = await submitted();
    const byCode = (await inject('GET', `/api/dossiers/queue?q=${encodeURIComponent(d.code)}`, officer)).json();
    assert.deepEqual(byCode.items.map((x: { id: string }) => x.id), [d.id]);
    const byName = (await inject('GET', '/api/dossiers/queue?q=nguyen%20van%20an&status=1&limit=100', officer)).json();
    assert.ok(byName.items.some((x: { id: string }) => x.id === d.id));
    assert.ok(['green', 'amber'].includes(byName.items[0].deadline));
    assert.equal((await inject('GET', '/api/dossiers/queue?status=11', officer)).statusCode, 400);
    assert.equal((await inject('GET', '/api/dossiers/queue', citizen)).statusCode, 403);
  });

  it('lets an agency admin override the steps of a procedure', async () => {
    const steps = [{ key: 'receive', name: 'Tiếp nhận' }, { key: 'assign', name: 'Phân công' }, { key: 'approve', name: 'Phê duyệt' }, { key: 'return', name: 'Trả' }];
    assert.equal((await inject('PUT', `/api/dossiers/steps/${BIRTH.id}`, officer, { steps })).statusCode, 403);
    const admin = standIn.signIn('tok-admin', { userId: randomUUID(), roles: ['agency_admin'], memberships: [{ id: randomUUID(), role: 'agency_admin', agencyId: agencyLVT, areaCode: '05983' }] }, { fullName: 'Quản trị', phone: '0900000111' });
    assert.equal((await inject('PUT', `/api/dossiers/steps/${BIRTH.id}`, admin, { steps: steps.slice(1) })).statusCode, 400);
    assert.equal((await inject('PUT', `/api/dossiers/steps/${BIRTH.id}`, admin, { steps })).statusCode, 200);
    assert.deepEqual((await inject('GET', `/api/dossiers/steps/${BIRTH.id}`, officer)).json().steps, steps);
    const d = await submitted();
    await inject('POST', `/api/dossiers/${d.id}/accept`, officer, {});
    const a = await inject('POST', `/api/dossiers/${d.id}/assign`, officer, {});
    assert.equal(a.json().currentStep, 'approve');
    assert.equal((await inject('POST', `/api/dossiers/${d.id}/complete`, officer, {})).json().status, 9);
    await inject('PUT', `/api/dossiers/steps/${BIRTH.id}`, admin, { steps: [{ key: 'receive', name: 'a' }, { key: 'assign', name: 'b' }, { key: 'appraise', name: 'c' }, { key: 'approve', name: 'd' }, { key: 'return', name: 'e' }] });
  });
});

describe('tracking without signing in', () => {
  it('shows status and dates for the right code and phone, nothing for a wrong phone', async () => {
    const d = await submitted();
    const ok = await inject('GET', `/api/dossiers/track?code=${encodeURIComponent(d.code)}&phone=%2B84900000001`);
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json();
    assert.equal(body.status, 1);
    assert.equal(body.appointmentDate, d.appointmentDate);
    assert.ok(!JSON.stringify(body).includes('Nguyễn Văn An'));
    assert.ok(!('applicantPhone' in body));
    const wrong = await inject('GET', `/api/dossiers/track?code=${encodeURIComponent(d.code)}&phone=0900000002`);
    assert.equal(wrong.statusCode, 404);
    assert.equal((await inject('GET', '/api/dossiers/track?code=abc')).statusCode, 400);
  });

  it('is rate-limited', async () => {
    let last = 0;
    for (let i = 0; i < 40 && last !== 429; i++) {
      last = (await inject('GET', '/api/dossiers/track?code=NOPE-000000-0000&phone=0900000009', undefined, undefined, { 'x-forwarded-for': '203.0.113.9' })).statusCode;
    }
    assert.equal(last, 429);
  });
});

describe('service indicators', () => {
  it('computes the Decision 766 rates for a leader within scope', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await inject('GET', `/api/indicators/services?from=2026-01-01&to=${today > '2026-12-31' ? today : '2026-12-31'}&area=20`, leader);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.ok(body.onlineSubmissionRate.denominator > 0);
    assert.equal(body.onlineSubmissionRate.rate, 1);
    assert.ok(body.onTimeRate.denominator >= 1);
    assert.deepEqual(body.onlineProcedureShare, { numerator: 3, denominator: 4, rate: 0.75, target: 0.8 });
    assert.ok(body.averageProcessingTime.some((p: { procedureId: string }) => p.procedureId === BIRTH.id));
  });

  it('refuses areas outside the scope, bad periods and other roles', async () => {
    assert.equal((await inject('GET', '/api/indicators/services?from=2026-01-01&to=2026-12-31&area=20', leaderOther)).statusCode, 403);
    assert.equal((await inject('GET', '/api/indicators/services?from=2026-12-31&to=2026-01-01', leader)).statusCode, 400);
    assert.equal((await inject('GET', '/api/indicators/services?from=2026-13-01&to=2026-12-31', leader)).statusCode, 400);
    assert.equal((await inject('GET', '/api/indicators/services?from=2026-01-01&to=2026-12-31', officer)).statusCode, 403);
    assert.equal((await inject('GET', '/api/indicators/services?from=2026-01-01&to=2026-12-31')).statusCode, 401);
  });
});

