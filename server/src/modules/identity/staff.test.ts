import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { identityModule } from './index.ts';
import { signIn, type TestSession } from '../../../test/identity.ts';

type Reply = { statusCode: number; json(): unknown };
const errorOf = (res: Reply) => (res.json() as { error: { code: string; details: { field: string }[] | null } }).error;

describe('staff and admin views of accounts', () => {
  let t: TestApp;
  let anId: string;
  let binhId: string;
  const as: Record<string, TestSession> = {};
  before(async () => {
    t = await createTestApp();
    const api = t.platform.use(identityModule);
    anId = (await api.findUserIdByPhone('0900000001')) ?? '';
    binhId = (await api.findUserIdByPhone('0900000002')) ?? '';
    for (const [name, phone] of Object.entries({ an: '0900000001', officerLvt: '0900000101', officerTk: '0900000102', leader: '0900000201', helper: '0900000301', admin: '0900000901' })) {
      as[name] = await signIn(t.app, phone);
    }
  });
  after(() => t.teardown());

  const readCitizen = (who: string, id: string) => t.app.inject({ method: 'GET', url: `/api/staff/citizens/${id}`, headers: as[who]!.headers });

  describe('GET /api/staff/citizens/:id', () => {
    it('an officer of Phường Lương Văn Tri can read Nguyễn Văn An, with the ID masked, and the read is audited', async () => {
      const res = await readCitizen('officerLvt', anId);
      assert.equal(res.statusCode, 200);
      const body = res.json() as { fullName: string; personalIdMasked: string; communeName: string };
      assert.equal(body.fullName, 'Nguyễn Văn An');
      assert.equal(body.personalIdMasked, '020*******34');
      assert.ok(!JSON.stringify(body).includes('020085001234'));
      const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: anId });
      const read = audit.find((a) => a.action === 'citizen.read');
      assert.equal(read?.actor_user_id, as.officerLvt!.userId);
    });

    it('an officer of Phường Lương Văn Tri cannot read Hoàng Thị Bình of Xã Thất Khê (403)', async () => {
      const res = await readCitizen('officerLvt', binhId);
      assert.equal(res.statusCode, 403);
      assert.equal(errorOf(res).code, 'identity.citizen_out_of_scope');
      const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: binhId });
      assert.ok(!audit.some((a) => a.action === 'citizen.read'));
      assert.ok(audit.some((a) => a.action === 'citizen.read_denied' && a.actor_user_id === as.officerLvt!.userId));
    });

    it('an officer of Xã Thất Khê reads Bình but not An', async () => {
      assert.equal((await readCitizen('officerTk', binhId)).statusCode, 200);
      assert.equal((await readCitizen('officerTk', anId)).statusCode, 403);
    });

    it('a provincial leader and the system administrator read both', async () => {
      for (const who of ['leader', 'admin']) {
        assert.equal((await readCitizen(who, anId)).statusCode, 200, who);
        assert.equal((await readCitizen(who, binhId)).statusCode, 200, who);
      }
    });

    it('citizens and community helpers may not (403); nobody without a session (401)', async () => {
      assert.equal((await readCitizen('an', binhId)).statusCode, 403);
      assert.equal((await readCitizen('helper', anId)).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/citizens/${anId}` })).statusCode, 401);
    });

    it('names a malformed id (400) and says when nobody has it (404)', async () => {
      const bad = await readCitizen('admin', 'not-a-uuid');
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(errorOf(bad).details?.map((d) => d.field), ['id']);
      const missing = await readCitizen('admin', '00000000-0000-4000-8000-000000000000');
      assert.equal(missing.statusCode, 404);
      assert.equal(errorOf(missing).code, 'identity.user_not_found');
    });
  });

  describe('GET /api/admin/users', () => {
    const list = (query: string, who = 'admin') => t.app.inject({ method: 'GET', url: `/api/admin/users${query}`, headers: as[who]!.headers });
    type Page = { items: { id: string; phone: string; fullName: string; roles: string[]; communeCode: string | null }[]; total: number };

    it('lists accounts with their roles', async () => {
      // newest first: the demo seeds dozens of staff accounts after the first ones
      const res = await list('?limit=100');
      assert.equal(res.statusCode, 200);
      const page = res.json() as Page;
      assert.ok(page.total >= 7);
      const admin = page.items.find((u) => u.phone === '0900000901');
      assert.deepEqual(admin?.roles, ['citizen', 'sysadmin']);
    });

    it('finds by name without diacritics and by phone in any form', async () => {
      for (const q of ['nguyen van an', 'Nguyễn Văn', 'NGUYEN', '0900000001', '+84900000001', '0900 000 001']) {
        const page = (await list(`?q=${encodeURIComponent(q)}`)).json() as Page;
        assert.deepEqual(page.items.map((u) => u.id), [anId], q);
        assert.equal(page.total, 1, q);
      }
      const binh = (await list(`?q=${encodeURIComponent('hoang thi binh')}`)).json() as Page;
      assert.deepEqual(binh.items.map((u) => u.fullName), ['Hoàng Thị Bình']);
      assert.deepEqual(((await list('?q=zzzz')).json() as Page).items, []);
    });

    it('pages with limit and offset', async () => {
      const first = (await list('?limit=2&offset=0')).json() as Page;
      const second = (await list('?limit=2&offset=2')).json() as Page;
      assert.equal(first.items.length, 2);
      assert.equal(second.items.length, 2);
      assert.equal(first.total, second.total);
      assert.notDeepEqual(first.items.map((u) => u.id), second.items.map((u) => u.id));
    });

    it('names bad paging values', async () => {
      for (const [query, field] of [['?limit=0', 'limit'], ['?limit=500', 'limit'], ['?offset=-1', 'offset'], ['?limit=abc', 'limit']]) {
        const res = await list(query!);
        assert.equal(res.statusCode, 400, query);
        assert.ok(errorOf(res).details?.some((d) => d.field === field), query);
      }
    });

    it('is for system administrators only', async () => {
      assert.equal((await list('', 'officerLvt')).statusCode, 403);
      assert.equal((await list('', 'leader')).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/users' })).statusCode, 401);
    });
  });

  describe('counts for the leaders\' dashboard', () => {
    it('counts active accounts per commune within a scope', async () => {
      const api = t.platform.use(identityModule);
      const province = await api.citizensByCommune('20');
      const lvt = province.find((c) => c.communeCode === '05983');
      // staff live somewhere too, but are not citizens on the dashboard: the officer, leader
      // and helper of Lương Văn Tri leave An alone there, Thất Khê's officer leaves Bình
      assert.equal(lvt?.count, 1, 'An (the officer, leader and helper of Lương Văn Tri are staff)');
      assert.equal(province.find((c) => c.communeCode === '06040')?.count, 1);
      assert.deepEqual(await api.citizensByCommune('06040'), [{ communeCode: '06040', count: 1 }]);
      assert.deepEqual(await api.citizensByCommune('01'), []);
      assert.deepEqual(await api.citizensByCommune(null), province);
    });

    it('counts sign-ups per Vietnam day, including days without any', async () => {
      const api = t.platform.use(identityModule);
      const week = await api.signupsPerDay(null, 7);
      assert.equal(week.length, 7);
      const today = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
      assert.equal(week[6]?.date, today);
      assert.ok(week.every((d, i) => i === 0 || d.date > week[i - 1]!.date));
      // the demo accounts were made when the test database was built (today, or just before midnight)
      assert.ok(week.reduce((n, d) => n + d.count, 0) >= 2, 'the demo citizens (staff are not counted)');
      const thatKhe = await api.signupsPerDay('06040', 2);
      assert.equal(thatKhe.reduce((n, d) => n + d.count, 0), 1, 'Bình, not the officer');
      assert.deepEqual(await api.signupsPerDay('01', 2), thatKhe.map((d) => ({ date: d.date, count: 0 })));
    });
  });
});
