// The dossier journey against the real modules: demo users signing in with a password,
// the pack's birth-registration procedure (1.001193) with its form and documents.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { areasModule } from '../areas/index.ts';
import { proceduresModule } from '../procedures/index.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const b64 = (b: Buffer) => b.toString('base64');


let t: TestApp;
const tokens: Record<string, string> = {};

async function login(phone: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: 'Demo@2026' } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().token as string;
}

const call = (method: 'GET' | 'POST', url: string, who?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload: payload as object, headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers } });

const form = {
  applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', applicantPhone: '0900000001', applicantAddress: 'Phường Lương Văn Tri, Lạng Sơn',
  childName: 'Nguyễn Văn Bình', childBirthDate: '2026-11-01', childSex: 'Nam', birthPlace: 'Bệnh viện Đa khoa tỉnh Lạng Sơn',
  motherName: 'Trần Thị Cúc', applicantRelationship: 'Cha',
};
const docs = ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: b64(PDF) }));

before(async () => {
  t = await createTestApp();
  for (const [who, phone] of Object.entries({ an: '0900000001', binh: '0900000002', officer: '0900000101', officerTK: '0900000102', leader: '0900000201', admin: '0900000901' })) {
    tokens[who] = await login(phone);
  }
});

after(async () => t.teardown());

describe('dossiers with the real procedure catalogue and demo users', () => {
  it('applies for birth registration, is processed by the commune officer and tracked by code', async () => {
    const procedure = await t.platform.use(proceduresModule).getProcedure('1.001193');
    assert.ok(procedure, 'the pack has birth registration');
    const key = randomUUID();
    const body = { procedureId: procedure.id, communeCode: '05983', formData: form, attachments: docs, submit: true };
    const res = await call('POST', '/api/dossiers', 'an', body, { 'idempotency-key': key });
    assert.equal(res.statusCode, 201, res.body);
    const d = res.json();
    const agency = (await t.platform.use(areasModule).agencyForCommune('05983'))!;
    assert.equal(d.code.slice(0, -12), agency.electronicId ?? agency.code);
    assert.match(d.code.slice(-12), /^-\d{6}-\d{4}$/);
    assert.equal(d.applicantName, 'Nguyễn Văn An');
    assert.equal(d.applicantPhone, '0900000001');
    assert.equal((await call('POST', '/api/dossiers', 'an', body, { 'idempotency-key': key })).json().id, d.id);

    // the officer of another commune cannot see or act on it
    assert.equal((await call('POST', `/api/dossiers/${d.id}/accept`, 'officerTK', {})).statusCode, 404);
    assert.equal((await call('GET', `/api/dossiers/${d.id}`, 'officerTK')).statusCode, 404);

    const queue = (await call('GET', '/api/dossiers/queue?q=nguyen%20van%20an', 'officer')).json();
    assert.ok(queue.items.some((x: { id: string }) => x.id === d.id));
    assert.equal((await call('POST', `/api/dossiers/${d.id}/accept`, 'officer', {})).statusCode, 200);
    assert.equal((await call('POST', `/api/dossiers/${d.id}/request-documents`, 'officer', { missing: [{ key: 'marriage', name: 'Giấy chứng nhận kết hôn của cha mẹ' }] })).json().status, 5);
    const inbox = await call('GET', '/api/me/notifications', 'an');
    assert.equal(inbox.statusCode, 200);
    assert.ok(JSON.stringify(inbox.json()).includes(`Hồ sơ ${d.code}: Yêu cầu bổ sung giấy tờ`), 'the citizen is told what changed');
    const supplied = await call('POST', `/api/dossiers/${d.id}/supply`, 'an', { attachments: [{ docKey: 'marriage', fileName: 'ket-hon.pdf', contentBase64: b64(PDF) }] });
    assert.equal(supplied.json().status, 2);
    await call('POST', `/api/dossiers/${d.id}/assign`, 'officer', {});
    await call('POST', `/api/dossiers/${d.id}/forward`, 'officer', {});
    assert.equal((await call('POST', `/api/dossiers/${d.id}/complete`, 'officer', { result: { fileName: 'trich-luc.pdf', contentBase64: b64(PDF) } })).json().status, 9);
    assert.equal((await call('POST', `/api/dossiers/${d.id}/return-result`, 'officer', {})).json().status, 10);

    const tracked = await call('GET', `/api/dossiers/track?code=${encodeURIComponent(d.code)}&phone=0900000001`);
    assert.equal(tracked.statusCode, 200);
    assert.equal(tracked.json().status, 10);
    assert.equal(tracked.json().hasResult, true);
    const result = await call('GET', `/api/dossiers/track/result?code=${encodeURIComponent(d.code)}&phone=0900000001`);
    assert.deepEqual(result.rawPayload, PDF);
    const sheet = await call('GET', `/api/dossiers/${d.id}/control-sheet.pdf`, 'officer');
    assert.equal(sheet.statusCode, 200);

    // the leader of the province sees it in the indicators; the export carries it
    const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
    const ind = await call('GET', `/api/indicators/services?from=${today}&to=${today}`, 'leader');
    assert.equal(ind.statusCode, 200, ind.body);
    assert.equal(ind.json().area, '20');
    assert.ok(ind.json().onTimeRate.numerator >= 1);
    assert.ok(ind.json().onlineProcedureShare.denominator > 100);
    const exported = await call('GET', '/api/me/export', 'an');
    assert.equal(exported.statusCode, 200);
    assert.ok(JSON.stringify(exported.json()).includes(d.code));
  });

  it('validates the form from the procedure schema, naming the field', async () => {
    const procedure = (await t.platform.use(proceduresModule).getProcedure('1.001193'))!;
    const res = await call('POST', '/api/dossiers', 'an', { procedureId: procedure.id, communeCode: '05983', formData: { ...form, applicantIdNumber: '12' }, attachments: docs, submit: true });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().error.details.some((x: { field: string }) => x.field === 'formData.applicantIdNumber'), res.body);
  });

  it('lets only staff roles use the queue and only leaders see indicators', async () => {
    assert.equal((await call('GET', '/api/dossiers/queue', 'an')).statusCode, 403);
    assert.equal((await call('GET', '/api/indicators/services?from=2026-01-01&to=2026-01-31', 'officer')).statusCode, 403);
    assert.equal((await call('GET', '/api/indicators/services?from=2026-01-01&to=2026-01-31&area=04', 'leader')).statusCode, 403);
    assert.equal((await call('GET', '/api/indicators/services?from=2026-01-01&to=2026-01-31', 'admin')).statusCode, 200);
  });
});
