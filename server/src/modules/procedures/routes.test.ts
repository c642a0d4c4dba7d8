// HTTP tests of every procedures route: happy paths, bad input, 401/403/404/409.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { areasModule } from '../areas/index.ts';
import { proceduresModule } from './index.ts';
import { ProceduresService } from './service.ts';
import { createProceduresTestApp, type ProceduresTestApp } from '../../../test/procedures.ts';

type Json = Record<string, unknown>;

function newProcedure(overrides: Json = {}): Json {
  return {
    code: `LS.TEST.${randomUUID().slice(0, 8)}`,
    name: 'Cấp giấy phép nuôi ong mật thử nghiệm',
    sector: 'Nông nghiệp',
    level: 'partial_online',
    tier: 'province',
    agencyCode: 'STP-20',
    agencyLabel: 'Sở Tư pháp tỉnh Lạng Sơn',
    processingDays: 5,
    processingNote: null,
    fees: [{ name: 'Lệ phí', amountVnd: 30000, note: null }],
    requiredDocuments: [{ key: 'application', name: 'Đơn đề nghị', originals: 1, copies: 0, required: true, template: null }],
    applicants: 'Hộ gia đình nuôi ong',
    legalBasis: ['Luật Chăn nuôi 2018'],
    steps: ['Nộp hồ sơ', 'Nhận kết quả'],
    result: 'Giấy phép',
    formSchema: { type: 'object', properties: { hives: { type: 'integer', title: 'Số đàn ong', minimum: 1 } }, required: ['hives'] },
    lifeEvents: ['starting_business'],
    keywords: ['nuoi ong'],
    essential: false,
    online: true,
    externalUrl: null,
    ...overrides,
  };
}

describe('procedures routes', () => {
  let t: ProceduresTestApp;
  let sysadmin: string;
  let justiceAdmin: string;
  let citizen: string;
  let birthId: string;

  before(async () => {
    t = await createProceduresTestApp();
    const areas = t.platform.use(areasModule);
    const justice = await areas.getAgencyByCode('STP-20');
    assert.ok(justice);
    sysadmin = t.signIn('tok-sysadmin', { userId: randomUUID(), roles: ['sysadmin'], memberships: [] });
    justiceAdmin = t.signIn('tok-justice', {
      userId: randomUUID(), roles: ['agency_admin'],
      memberships: [{ id: randomUUID(), role: 'agency_admin', agencyId: justice.id, areaCode: '20' }],
    });
    citizen = t.signIn('tok-citizen', { userId: randomUUID(), roles: ['citizen'], memberships: [] });
    const res = await t.app.inject({ url: '/api/procedures/1.001193' });
    birthId = res.json().id;
  });
  after(() => t.teardown());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  describe('GET /api/procedures', () => {
    it('lists the seeded catalogue with the 25 essential services', async () => {
      const all = await t.app.inject({ url: '/api/procedures?limit=1' });
      assert.equal(all.statusCode, 200);
      assert.ok(all.json().total >= 125);
      const essential = await t.app.inject({ url: '/api/procedures?essential=true&limit=100' });
      assert.equal(essential.json().total, 25);
    });

    it('returns search items with a plain fee summary', async () => {
      const res = await t.app.inject({ url: `/api/procedures?q=${encodeURIComponent('chứng thực bản sao')}&limit=1` });
      const item = res.json().items[0];
      assert.equal(item.code, 'LS.CTH.01');
      assert.equal(item.feeSummary, '2.000 đồng');
      assert.equal(item.tier, 'commune');
      assert.deepEqual(Object.keys(item).sort(), ['agencyCode', 'agencyLabel', 'code', 'essential', 'feeSummary', 'id', 'level', 'lifeEvents',
        'name', 'online', 'processingDays', 'processingNote', 'sector', 'tier'].sort());
    });

    it('filters by sector, tier, level, agency and life event', async () => {
      const civil = (await t.app.inject({ url: `/api/procedures?sector=${encodeURIComponent('Hộ tịch')}&limit=100` })).json();
      assert.ok(civil.total > 10);
      assert.ok(civil.items.every((i: Json) => i.sector === 'Hộ tịch'));
      const province = (await t.app.inject({ url: '/api/procedures?tier=province&level=full_online&limit=100' })).json();
      assert.ok(province.items.length > 0 && province.items.every((i: Json) => i.tier === 'province' && i.level === 'full_online'));
      const police = (await t.app.inject({ url: '/api/procedures?agency=CA-20&limit=100' })).json();
      assert.ok(police.items.length >= 13 && police.items.every((i: Json) => i.agencyCode === 'CA-20'));
      const baby = (await t.app.inject({ url: '/api/procedures?lifeEvent=having_baby&q=khai%20sinh' })).json();
      assert.equal(baby.items[0].code, '1.001193');
      assert.ok(baby.items.every((i: { lifeEvents: string[] }) => i.lifeEvents.includes('having_baby')));
    });

    it('treats empty parameters as no filter', async () => {
      const res = await t.app.inject({ url: '/api/procedures?q=khai%20sinh&sector=&agency=&level=&tier=&lifeEvent=&limit=&offset=' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().items[0].code, '1.001193');
    });

    it('pages with limit and offset', async () => {
      const first = (await t.app.inject({ url: '/api/procedures?limit=5&offset=0' })).json();
      const second = (await t.app.inject({ url: '/api/procedures?limit=5&offset=5' })).json();
      assert.equal(first.items.length, 5);
      assert.equal(first.total, second.total);
      assert.equal(new Set([...first.items, ...second.items].map((i: Json) => i.id)).size, 10);
    });

    for (const [query, field] of [['limit=-1', 'limit'], ['limit=101', 'limit'], ['offset=-3', 'offset'], ['level=level9', 'level'], ['tier=district', 'tier'], ['limit=abc', 'limit'], ['lifeEvent=Bad%20Key', 'lifeEvent']]) {
      it(`refuses ${query} with 400 naming ${field}`, async () => {
        const res = await t.app.inject({ url: `/api/procedures?${query}` });
        assert.equal(res.statusCode, 400);
        assert.ok(res.json().error.details.some((d: Json) => d.field === field), JSON.stringify(res.json()));
      });
    }

    it('refuses an over-long query', async () => {
      const res = await t.app.inject({ url: `/api/procedures?q=${'a'.repeat(201)}` });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details[0].field, 'q');
    });
  });

  describe('browse', () => {
    it('lists life events with names and counts', async () => {
      const res = await t.app.inject({ url: '/api/procedures/life-events' });
      assert.equal(res.statusCode, 200);
      const baby = res.json().find((e: Json) => e.key === 'having_baby');
      assert.equal(baby.name, 'Sinh con');
      assert.ok(baby.count >= 5);
      const en = await t.app.inject({ url: '/api/procedures/life-events', headers: { 'accept-language': 'en' } });
      assert.equal(en.json().find((e: Json) => e.key === 'having_baby').name, 'Having a baby');
    });

    it('lists sectors with counts', async () => {
      const res = await t.app.inject({ url: '/api/procedures/sectors' });
      assert.equal(res.statusCode, 200);
      const civil = res.json().find((s: Json) => s.name === 'Hộ tịch');
      assert.ok(civil.count > 10);
    });
  });

  describe('GET /api/procedures/:id', () => {
    it('returns the full procedure by id and by code', async () => {
      const byId = await t.app.inject({ url: `/api/procedures/${birthId}` });
      assert.equal(byId.statusCode, 200);
      const p = byId.json();
      assert.equal(p.code, '1.001193');
      assert.equal(p.tier, 'commune');
      assert.equal(p.level, 'full_online');
      assert.equal(p.agencyCode, null);
      assert.equal(p.feeSummary, 'Miễn phí');
      for (const f of ['childName', 'childBirthDate', 'childSex', 'birthPlace', 'motherName', 'fatherName', 'applicantRelationship']) assert.ok(p.formSchema.properties[f], f);
      const declaration = p.requiredDocuments.find((d: Json) => d.key === 'declaration');
      assert.equal(declaration.templateUrl, `/api/procedures/${birthId}/templates/declaration`);
      assert.ok(p.steps.length > 2 && p.legalBasis.length > 0);
      assert.equal((await t.app.inject({ url: '/api/procedures/LS.CTH.01' })).json().code, 'LS.CTH.01');
    });

    it('answers 404 for an unknown procedure', async () => {
      const res = await t.app.inject({ url: `/api/procedures/${randomUUID()}` });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'procedures.not_found');
    });

    it('refuses an over-long id with 400', async () => {
      const res = await t.app.inject({ url: `/api/procedures/${'x'.repeat(41)}` });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details[0].field, 'id');
    });
  });

  describe('GET /api/procedures/:id/templates/:key', () => {
    it('downloads the PDF template', async () => {
      const res = await t.app.inject({ url: `/api/procedures/${birthId}/templates/declaration` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(String(res.headers['content-disposition']), /to-khai-dang-ky-khai-sinh\.pdf/);
      assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    });

    it('answers 404 for a document without a template and for an unknown key', async () => {
      for (const key of ['birthCertificate', 'nothing']) {
        const res = await t.app.inject({ url: `/api/procedures/${birthId}/templates/${key}` });
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, 'procedures.template_not_found');
      }
    });

    it('refuses a key that could name a path', async () => {
      const res = await t.app.inject({ url: `/api/procedures/${birthId}/templates/..%2Fpack` });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details[0].field, 'key');
    });
  });

  describe('admin', () => {
    it('requires sign-in (401) and an admin role (403)', async () => {
      const anon = await t.app.inject({ method: 'POST', url: '/api/admin/procedures', payload: newProcedure() });
      assert.equal(anon.statusCode, 401);
      const asCitizen = await t.app.inject({ method: 'POST', url: '/api/admin/procedures', headers: auth(citizen), payload: newProcedure() });
      assert.equal(asCitizen.statusCode, 403);
      const put = await t.app.inject({ method: 'PUT', url: `/api/admin/procedures/${birthId}`, payload: newProcedure() });
      assert.equal(put.statusCode, 401);
    });

    it('lets a sysadmin create a procedure that search then finds', async () => {
      const body = newProcedure();
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/procedures', headers: auth(sysadmin), payload: body });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.equal(created.code, body.code);
      assert.equal(created.source, 'admin');
      assert.equal(created.feeSummary, '30.000 đồng');
      const found = (await t.app.inject({ url: '/api/procedures?q=nuoi%20ong&limit=3' })).json();
      assert.equal(found.items[0].id, created.id);
      const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE subject_id = $1`, [created.id]);
      assert.deepEqual(audit.rows.map((r) => r.action), ['procedure.created']);
    });

    it('lets an agency admin edit their own agency procedures only', async () => {
      const own = await t.app.inject({ method: 'POST', url: '/api/admin/procedures', headers: auth(justiceAdmin), payload: newProcedure() });
      assert.equal(own.statusCode, 201, own.body);
      const id = own.json().id;
      const renamed = newProcedure({ code: own.json().code, name: 'Cấp giấy phép nuôi ong (đã sửa)', processingDays: 3 });
      const put = await t.app.inject({ method: 'PUT', url: `/api/admin/procedures/${id}`, headers: auth(justiceAdmin), payload: renamed });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().processingDays, 3);
      const other = await t.app.inject({ method: 'POST', url: '/api/admin/procedures', headers: auth(justiceAdmin), payload: newProcedure({ agencyCode: 'SXD-20' }) });
      assert.equal(other.statusCode, 403);
      const commune = await t.app.inject({ method: 'PUT', url: `/api/admin/procedures/${birthId}`, headers: auth(justiceAdmin), payload: newProcedure({ tier: 'commune', agencyCode: null }) });
      assert.equal(commune.statusCode, 403);
    });

    it('keeps admin edits of pack procedures when the pack is seeded again', async () => {
      const current = (await t.app.inject({ url: `/api/procedures/${birthId}` })).json();
      const { id: _id, feeSummary: _f, source: _s, updatedAt: _u, ...input } = current;
      input.requiredDocuments = current.requiredDocuments.map(({ templateUrl: _t, ...d }: Json) => d);
      input.processingNote = 'Trả ngay trong ngày';
      const put = await t.app.inject({ method: 'PUT', url: `/api/admin/procedures/${birthId}`, headers: auth(sysadmin), payload: input });
      assert.equal(put.statusCode, 200, put.body);
      await new ProceduresService(t.platform, t.platform.use(areasModule)).seed();
      const after = (await t.app.inject({ url: `/api/procedures/${birthId}` })).json();
      assert.equal(after.processingNote, 'Trả ngay trong ngày');
      assert.equal(after.source, 'admin');
    });

    it('validates the form schema and names the field', async () => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/admin/procedures', headers: auth(sysadmin),
        payload: newProcedure({ formSchema: { type: 'object', properties: { hives: { type: 'integer', title: 'Số đàn', pattern: '[' } }, required: ['bees'] } }),
      });
      assert.equal(res.statusCode, 400);
      const fields = res.json().error.details.map((d: Json) => d.field).sort();
      assert.deepEqual(fields, ['formSchema.properties.hives.pattern', 'formSchema.required.0']);
    });

    it('refuses unsupported schema keywords through the body schema', async () => {
      const res = await t.app.inject({
        method: 'POST', url: '/api/admin/procedures', headers: auth(sysadmin),
        payload: newProcedure({ formSchema: { type: 'object', properties: { a: { type: 'string', title: 'A', $ref: '#/x' } } } }),
      });
      assert.equal(res.statusCode, 400);
      assert.ok(res.json().error.details.some((d: Json) => String(d.field).startsWith('formSchema.properties.a')), res.body);
    });

    it('refuses unknown agencies, missing templates, wrong tiers and bad fields', async () => {
      const cases: [Json, string][] = [
        [{ agencyCode: 'NOPE-20' }, 'agencyCode'],
        [{ tier: 'commune' }, 'agencyCode'],
        [{ agencyCode: null }, 'agencyCode'],
        [{ requiredDocuments: [{ key: 'a', name: 'A', originals: 1, copies: 0, required: true, template: 'khong-co.pdf' }] }, 'requiredDocuments.0.template'],
        [{ lifeEvents: ['flying_to_mars'] }, 'lifeEvents.0'],
        [{ processingDays: -1 }, 'processingDays'],
        [{ level: 'level4' }, 'level'],
        [{ fees: [{ name: 'Phí', amountVnd: -5, note: null }] }, 'fees.0.amountVnd'],
      ];
      for (const [override, field] of cases) {
        const res = await t.app.inject({ method: 'POST', url: '/api/admin/procedures', headers: auth(sysadmin), payload: newProcedure(override) });
        assert.equal(res.statusCode, 400, `${JSON.stringify(override)}: ${res.body}`);
        assert.ok(res.json().error.details.some((d: Json) => d.field === field), `${field}: ${res.body}`);
      }
    });

    it('refuses a code that is taken with 409, and an unknown id with 404', async () => {
      const dup = await t.app.inject({ method: 'POST', url: '/api/admin/procedures', headers: auth(sysadmin), payload: newProcedure({ code: 'LS.CTH.01' }) });
      assert.equal(dup.statusCode, 409);
      const missing = await t.app.inject({ method: 'PUT', url: `/api/admin/procedures/${randomUUID()}`, headers: auth(sysadmin), payload: newProcedure() });
      assert.equal(missing.statusCode, 404);
      const badId = await t.app.inject({ method: 'PUT', url: '/api/admin/procedures/not-a-uuid', headers: auth(sysadmin), payload: newProcedure() });
      assert.equal(badId.statusCode, 400);
    });
  });

  describe('public api for other modules', () => {
    it('gets a procedure, resolves agencies and validates forms', async () => {
      const api = t.platform.use(proceduresModule);
      const areas = t.platform.use(areasModule);
      const birth = await api.getProcedure('1.001193');
      assert.ok(birth);
      const commune = areas.communesIn('20')[0]!;
      const committee = await areas.agencyForCommune(commune.code);
      assert.deepEqual(await api.resolveAgency(birth, commune.code), { agencyId: committee!.id });
      assert.equal(await api.resolveAgency(birth, '99999'), null);
      const permit = await api.getProcedure('LS.TGPL.01');
      assert.deepEqual(await api.resolveAgency(permit!, commune.code), { agencyId: (await areas.getAgencyByCode('STP-20'))!.id });
      const insurance = await api.getProcedure('LS.BH.01');
      assert.equal(await api.resolveAgency(insurance!, commune.code), null);
      assert.deepEqual(api.validateForm(birth, {}).map((p) => p.field).sort(), [...birth.formSchema.required!].sort());
      assert.equal(await api.getProcedure(randomUUID()), null);
      const counts = await api.countProcedures();
      assert.ok(counts.total >= 125 && counts.online > 0 && counts.online < counts.total);
    });

    it('offers the citizen feature', async () => {
      const res = await t.app.inject({ url: '/api/features' });
      assert.ok(res.json().features.some((f: Json) => f.key === 'procedures' && f.face === 'citizen'));
    });
  });
});
