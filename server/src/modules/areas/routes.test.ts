// HTTP tests of the areas routes. Sessions come from a stand-in resolver (token
// "test:<userId>") whose principal carries the user's real memberships from this module,
// so the route policies and the membership rules are exercised end to end.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ModuleDefinition } from '../../platform/module.ts';
import { buildTestApp, createTestDatabase, type BuiltApp, type TestDatabase } from '../../../test/helpers.ts';
import { areasModule } from './index.ts';

const LVT = '05983';
const THAT_KHE = '06040';

const testSessions: ModuleDefinition<void> = {
  name: 'test-sessions',
  create: (platform) => ({
    api: undefined,
    sessionResolver: async (token) => {
      const userId = /^test:(.+)$/.exec(token)?.[1];
      if (!userId) return null;
      const memberships = await platform.use(areasModule).membershipsOf(userId);
      return { userId, sessionId: randomUUID(), roles: ['citizen', ...new Set(memberships.map((m) => m.role))], memberships };
    },
  }),
};

describe('areas routes', () => {
  let db: TestDatabase;
  let built: BuiltApp;
  const users: Record<string, string> = {};
  let lvtAgencyId = '';
  let provinceAgencyId = '';

  const get = (url: string, user?: string) =>
    built.app.inject({ method: 'GET', url, headers: user ? { authorization: `Bearer test:${users[user]}` } : {} });
  const send = (method: 'POST' | 'DELETE', url: string, user: string | undefined, payload?: object) =>
    built.app.inject({ method, url, payload, headers: user ? { authorization: `Bearer test:${users[user]}` } : {} });

  async function addUser(name: string, phone: string): Promise<string> {
    const { rows } = await db.db.query<{ id: string }>('INSERT INTO users (phone, full_name) VALUES ($1, $2) RETURNING id', [phone, name]);
    users[name] = rows[0]!.id;
    return rows[0]!.id;
  }

  before(async () => {
    db = await createTestDatabase();
    built = await buildTestApp({ db: db.db, modules: [areasModule, testSessions] });
    await built.app.ready();
    const ids = await db.db.query<{ code: string; id: string }>(`SELECT code, id FROM agencies WHERE code IN ('UBND-05983', 'UBND-20')`);
    lvtAgencyId = ids.rows.find((r) => r.code === 'UBND-05983')!.id;
    provinceAgencyId = ids.rows.find((r) => r.code === 'UBND-20')!.id;
    await addUser('admin', '0911000001');
    await addUser('officer', '0911000002');
    await addUser('citizen', '0911000003');
    await addUser('newbie', '0911000004');
    await db.db.query(`INSERT INTO staff_memberships (user_id, role) VALUES ($1, 'sysadmin')`, [users.admin]);
    await db.db.query(`INSERT INTO staff_memberships (user_id, role, agency_id, area_code) VALUES ($1, 'officer', $2, '${LVT}')`, [users.officer, lvtAgencyId]);
  });
  after(async () => {
    await built.close();
    await db.drop();
  });

  describe('places', () => {
    it('locates a point in Lạng Sơn city in a commune of province 20', async () => {
      const res = await get('/api/areas/locate?lat=21.85&lon=106.76');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(body.commune, { code: LVT, name: 'Phường Lương Văn Tri', type: 'ward' });
      assert.deepEqual(body.province, { code: '20', name: 'Lạng Sơn' });
      assert.equal(body.synthetic, true);
    });

    it('answers 404 areas.outside for a point in Hà Nội', async () => {
      const res = await get('/api/areas/locate?lat=21.03&lon=105.85');
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'areas.outside');
      assert.equal(res.json().error.message, 'Vị trí này nằm ngoài địa bàn tỉnh');
    });

    it('names lat or lon when they are missing, not numbers or out of range', async () => {
      for (const [url, field] of [['lat=abc&lon=106.7', 'lat'], ['lat=91&lon=106.7', 'lat'], ['lat=21.8&lon=181', 'lon'], ['lat=21.8', 'lon']] as const) {
        const res = await get(`/api/areas/locate?${url}`);
        assert.equal(res.statusCode, 400, url);
        assert.deepEqual(res.json().error.details.map((d: { field: string }) => d.field), [field], url);
      }
    });

    it('lists the 34 provinces', async () => {
      const res = await get('/api/areas/provinces');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().length, 34);
      assert.deepEqual(res.json().find((p: { code: string }) => p.code === '20'), { code: '20', name: 'Lạng Sơn' });
    });

    it("lists communes of the pack's province by default, or of another province", async () => {
      const own = await get('/api/areas/communes');
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().length, 65);
      assert.deepEqual(own.json().find((c: { code: string }) => c.code === THAT_KHE), { code: THAT_KHE, name: 'Xã Thất Khê', type: 'commune' });
      const caoBang = await get('/api/areas/communes?province=04');
      assert.equal(caoBang.json().length, 56);
    });

    it('refuses an unknown or malformed province', async () => {
      for (const p of ['99', 'ab', '200']) {
        const res = await get(`/api/areas/communes?province=${p}`);
        assert.equal(res.statusCode, 400, p);
        assert.equal(res.json().error.details[0].field, 'province');
      }
    });

    it('shows one commune, 404 for an unknown code, 400 for a malformed one', async () => {
      const res = await get(`/api/areas/communes/${LVT}`);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { code: LVT, name: 'Phường Lương Văn Tri', type: 'ward', province: { code: '20', name: 'Lạng Sơn' } });
      assert.equal((await get('/api/areas/communes/99999')).statusCode, 404);
      assert.equal((await get('/api/areas/communes/59')).statusCode, 400);
    });

    it('serves simplified boundaries as GeoJSON, synthetic ones marked', async () => {
      const res = await get('/api/areas/boundaries.geojson');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /application\/geo\+json/);
      const fc = res.json();
      assert.equal(fc.type, 'FeatureCollection');
      assert.equal(fc.features.length, 65);
      const lvt = fc.features.find((f: { id: string }) => f.id === LVT);
      assert.equal(lvt.properties.synthetic, true);
      assert.equal(lvt.properties.source, 'synthetic-demo');
      assert.match(lvt.geometry.type, /Polygon/);
      assert.equal((await get('/api/areas/boundaries.geojson?province=01')).json().features.length, 0);
      assert.equal((await get('/api/areas/boundaries.geojson?province=99')).statusCode, 400);
    });
  });

  describe('agencies', () => {
    it('lists the pack agencies, with every commune People’s Committee', async () => {
      const res = await get('/api/agencies');
      assert.equal(res.statusCode, 200);
      const all = res.json();
      assert.equal(all.filter((a: { kind: string }) => a.kind === 'commune_committee').length, 65);
      assert.ok(all.some((a: { shortName: string }) => a.shortName === 'UBND Xã Thất Khê'));
      const province = all.find((a: { code: string }) => a.code === 'UBND-20');
      assert.equal(province.name, 'Ủy ban nhân dân tỉnh Lạng Sơn');
      assert.equal(province.kind, 'province_committee');
      assert.match(province.electronicId, /^\d{3}\.\d{2}\.\d{2}\.H41$/);
      const police = all.find((a: { kind: string }) => a.kind === 'police');
      assert.equal(police.name, 'Công an tỉnh Lạng Sơn');
    });

    it('filters by area (and the places inside it), kind and words without diacritics', async () => {
      const lvt = (await get(`/api/agencies?area=${LVT}`)).json();
      assert.deepEqual(lvt.map((a: { shortName: string }) => a.shortName), ['UBND Phường Lương Văn Tri']);
      assert.equal(lvt[0].areaName, 'Phường Lương Văn Tri');
      assert.equal(lvt[0].parentId, provinceAgencyId);
      const inProvince = (await get('/api/agencies?area=20')).json();
      assert.equal(inProvince.length, (await get('/api/agencies')).json().length);
      const departments = (await get('/api/agencies?kind=department')).json();
      assert.ok(departments.length >= 11);
      assert.ok(departments.every((a: { kind: string }) => a.kind === 'department'));
      const found = (await get(`/api/agencies?q=${encodeURIComponent('so tu phap')}`)).json();
      assert.deepEqual(found.map((a: { code: string }) => a.code), ['STP-20']);
      assert.deepEqual((await get('/api/agencies?area=01')).json(), []);
    });

    it('refuses a bad filter, naming it', async () => {
      for (const [q, field] of [['kind=bank', 'kind'], ['area=99', 'area'], ['area=1', 'area']] as const) {
        const res = await get(`/api/agencies?${q}`);
        assert.equal(res.statusCode, 400, q);
        assert.equal(res.json().error.details[0].field, field, q);
      }
    });

    it('shows one agency; 404 when unknown, 400 when the id is not a UUID', async () => {
      const res = await get(`/api/agencies/${lvtAgencyId}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().code, 'UBND-05983');
      assert.equal((await get(`/api/agencies/${randomUUID()}`)).statusCode, 404);
      assert.equal((await get('/api/agencies/abc')).statusCode, 400);
    });
  });

  describe('public api for other modules', () => {
    it('finds the commune People’s Committee, agencies in a scope, and a point inside a commune', async () => {
      const api = built.platform.use(areasModule);
      assert.equal((await api.agencyForCommune(THAT_KHE))?.shortName, 'UBND Xã Thất Khê');
      assert.equal(await api.agencyForCommune('00070'), undefined);
      const inLvt = await api.agenciesInScope(LVT);
      assert.deepEqual(inLvt.map((a) => a.code), ['UBND-05983']);
      assert.equal((await api.agenciesInScope(null, 'police')).length, 1);
      assert.equal(await api.getAgency('not-a-uuid'), undefined);
      assert.deepEqual(api.getCommune(THAT_KHE), { code: THAT_KHE, name: 'Xã Thất Khê', type: 'commune', provinceCode: '20' });
      assert.equal(api.isWithin(THAT_KHE, '20'), true);
      const centre = await api.communeCentre(THAT_KHE);
      assert.ok(centre);
      assert.equal((await api.locate(centre.lat, centre.lon))?.commune.code, THAT_KHE);
      assert.equal(await api.communeCentre('00070'), null, 'no boundary outside the demo province');
    });
  });

  describe('memberships (sysadmin)', () => {
    it('needs a signed-in sysadmin', async () => {
      assert.equal((await get('/api/admin/memberships')).statusCode, 401);
      assert.equal((await get('/api/admin/memberships', 'officer')).statusCode, 403);
      assert.equal((await get('/api/admin/memberships', 'citizen')).statusCode, 403);
      const post = await send('POST', '/api/admin/memberships', 'officer', { userId: users.newbie, role: 'sysadmin' });
      assert.equal(post.statusCode, 403);
      assert.equal((await send('DELETE', `/api/admin/memberships/${randomUUID()}`, 'officer')).statusCode, 403);
      assert.equal((await send('DELETE', `/api/admin/memberships/${randomUUID()}`, undefined)).statusCode, 401);
    });

    it('grants a role, which takes effect at once and is audited', async () => {
      assert.equal((await get('/api/staff/me', 'newbie')).statusCode, 403);
      const res = await send('POST', '/api/admin/memberships', 'admin', { userId: users.newbie, role: 'officer', agencyId: provinceAgencyId, areaCode: THAT_KHE });
      assert.equal(res.statusCode, 201);
      const m = res.json();
      assert.equal(m.role, 'officer');
      assert.equal(m.agencyName, 'Ủy ban nhân dân tỉnh Lạng Sơn');
      assert.equal(m.areaCode, THAT_KHE);
      assert.equal(m.areaName, 'Xã Thất Khê');
      assert.equal(m.grantedBy, users.admin);
      assert.equal(m.revokedAt, null);
      const me = await get('/api/staff/me', 'newbie');
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json().memberships, [{ id: m.id, role: 'officer', agencyId: provinceAgencyId, agencyName: 'Ủy ban nhân dân tỉnh Lạng Sơn', areaCode: THAT_KHE, areaName: 'Xã Thất Khê' }]);
      const audit = (await get(`/api/admin/audit?subjectType=user&subjectId=${users.newbie}`, 'admin')).json();
      assert.equal(audit[0].action, 'membership.grant');
      assert.equal(audit[0].actorUserId, users.admin);
      assert.equal(audit[0].details.membershipId, m.id);
      assert.equal(audit[0].details.areaCode, THAT_KHE);
    });

    it('refuses a second identical grant', async () => {
      const res = await send('POST', '/api/admin/memberships', 'admin', { userId: users.newbie, role: 'officer', agencyId: provinceAgencyId, areaCode: THAT_KHE });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'areas.membership.duplicate');
    });

    it('refuses grants that break the rules, naming the field', async () => {
      const cases: Array<[object, string]> = [
        [{ userId: users.newbie, role: 'officer', areaCode: LVT }, 'agencyId'],
        [{ userId: users.newbie, role: 'officer', agencyId: lvtAgencyId, areaCode: THAT_KHE }, 'areaCode'],
        [{ userId: users.newbie, role: 'officer', agencyId: randomUUID() }, 'agencyId'],
        [{ userId: users.newbie, role: 'sysadmin', areaCode: '20' }, 'areaCode'],
        [{ userId: users.newbie, role: 'leader', areaCode: '99' }, 'areaCode'],
        [{ userId: users.newbie, role: 'leader' }, 'areaCode'],
        [{ userId: randomUUID(), role: 'leader', areaCode: '20' }, 'userId'],
        [{ userId: 'not-a-uuid', role: 'leader', areaCode: '20' }, 'userId'],
        [{ userId: users.newbie, role: 'king', areaCode: '20' }, 'role'],
        [{ userId: users.newbie, role: 'leader', areaCode: '20', extra: 1 }, 'extra'],
      ];
      for (const [body, field] of cases) {
        const res = await send('POST', '/api/admin/memberships', 'admin', body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
        assert.ok(res.json().error.details.some((d: { field: string }) => d.field === field), `${JSON.stringify(body)} → ${res.body}`);
      }
      const { rows } = await db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM staff_memberships WHERE user_id = $1`, [users.newbie]);
      assert.equal(rows[0]!.n, 1, 'nothing half-saved');
    });

    it("lists one person's memberships with names, and all active ones", async () => {
      const mine = (await get(`/api/admin/memberships?userId=${users.officer}`, 'admin')).json();
      assert.deepEqual(mine.map((m: { role: string; agencyName: string; areaName: string }) => [m.role, m.agencyName, m.areaName]),
        [['officer', 'Ủy ban nhân dân Phường Lương Văn Tri', 'Phường Lương Văn Tri']]);
      const all = (await get('/api/admin/memberships', 'admin')).json();
      assert.ok(all.length >= 3);
      assert.equal((await get('/api/admin/memberships?userId=abc', 'admin')).statusCode, 400);
    });

    it('revokes a membership, which takes effect at once and is audited', async () => {
      const [m] = (await get(`/api/admin/memberships?userId=${users.newbie}`, 'admin')).json();
      const res = await send('DELETE', `/api/admin/memberships/${m.id}`, 'admin');
      assert.equal(res.statusCode, 204);
      assert.equal((await get('/api/staff/me', 'newbie')).statusCode, 403);
      const history = (await get(`/api/admin/memberships?userId=${users.newbie}`, 'admin')).json();
      assert.ok(history[0].revokedAt);
      assert.equal(history[0].revokedBy, users.admin);
      const audit = (await get(`/api/admin/audit?subjectType=user&subjectId=${users.newbie}&limit=1`, 'admin')).json();
      assert.equal(audit.length, 1);
      assert.equal(audit[0].action, 'membership.revoke');
      assert.equal((await send('DELETE', `/api/admin/memberships/${m.id}`, 'admin')).statusCode, 409);
      assert.equal((await send('DELETE', `/api/admin/memberships/${randomUUID()}`, 'admin')).statusCode, 404);
      assert.equal((await send('DELETE', '/api/admin/memberships/abc', 'admin')).statusCode, 400);
    });

    it('keeps the last sysadmin', async () => {
      // demo seeding may have granted another sysadmin; leave only this one
      await db.db.query(`UPDATE staff_memberships SET revoked_at = now() WHERE role = 'sysadmin' AND user_id <> $1`, [users.admin]);
      const [own] = (await get(`/api/admin/memberships?userId=${users.admin}`, 'admin')).json();
      const res = await send('DELETE', `/api/admin/memberships/${own.id}`, 'admin');
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'areas.membership.last_sysadmin');
    });
  });

  describe('staff and audit', () => {
    it("shows the caller's memberships to staff only", async () => {
      assert.equal((await get('/api/staff/me')).statusCode, 401);
      assert.equal((await get('/api/staff/me', 'citizen')).statusCode, 403);
      const me = (await get('/api/staff/me', 'officer')).json();
      assert.deepEqual(me.memberships.map((m: { role: string; agencyName: string; areaCode: string }) => [m.role, m.agencyName, m.areaCode]),
        [['officer', 'Ủy ban nhân dân Phường Lương Văn Tri', LVT]]);
    });

    it('sees a grant written by another process as soon as its notification arrives, not a minute later', async () => {
      const id = await addUser('elsewhere', '0911000009');
      assert.equal((await get('/api/staff/me', 'elsewhere')).statusCode, 403, 'a citizen: the staff set is read and leaves them out');
      // another API process grants (its own service is not this one): only the trigger's NOTIFY tells this process
      await db.db.query(`INSERT INTO staff_memberships (user_id, role, agency_id, area_code) VALUES ($1, 'officer', $2, '${LVT}')`, [id, lvtAgencyId]);
      let status = 403;
      for (let i = 0; i < 40 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await get('/api/staff/me', 'elsewhere')).statusCode;
      }
      assert.equal(status, 200);
    });

    it('shows the audit trail to sysadmins only, filtered by actor', async () => {
      assert.equal((await get('/api/admin/audit')).statusCode, 401);
      assert.equal((await get('/api/admin/audit', 'officer')).statusCode, 403);
      const byAdmin = (await get(`/api/admin/audit?actorUserId=${users.admin}`, 'admin')).json();
      assert.ok(byAdmin.length >= 2);
      assert.ok(byAdmin.every((e: { actorUserId: string }) => e.actorUserId === users.admin));
      for (const q of ['limit=0', 'limit=501', 'actorUserId=abc']) {
        assert.equal((await get(`/api/admin/audit?${q}`, 'admin')).statusCode, 400, q);
      }
    });
  });
});
