// GET /api/dashboard/citizens with real demo accounts (leader 0900000201 has area 20).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn, type TestSession } from '../../../test/identity.ts';
import { vietnamDay } from '@cds/contracts';

type Figures = {
  area: { code: string; name: string };
  total: number;
  byCommune: { code: string; name: string; count: number }[];
  signupsPerDay: { date: string; count: number }[];
};

const vietnamToday = () => vietnamDay(new Date());

describe('dashboard: citizens', () => {
  let t: TestApp;
  let leader: TestSession;
  let sysadmin: TestSession;
  const get = (url: string, s?: TestSession) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });

  before(async () => {
    t = await createTestApp();
    leader = await signIn(t.app, '0900000201');
    sysadmin = await signIn(t.app, '0900000901');
  });
  after(() => t.teardown());

  it("shows the leader's province by default: every commune, and 30 zero-filled days", async () => {
    const res = await get('/api/dashboard/citizens', leader);
    assert.equal(res.statusCode, 200);
    const f = res.json() as Figures;
    assert.deepEqual(f.area, { code: '20', name: 'Lạng Sơn' });
    assert.equal(f.byCommune.length, 65);
    assert.equal(f.total, f.byCommune.reduce((s, c) => s + c.count, 0));
    assert.ok(f.byCommune.find((c) => c.code === '05983')!.count >= 1, 'demo citizens live in Lương Văn Tri');
    assert.equal(f.signupsPerDay.length, 30);
    assert.equal(f.signupsPerDay.at(-1)!.date, vietnamToday());
    for (let i = 1; i < 30; i++) {
      const gap = Date.parse(f.signupsPerDay[i]!.date) - Date.parse(f.signupsPerDay[i - 1]!.date);
      assert.equal(gap, 86400e3, 'consecutive days');
    }
  });

  it('counts a new citizen in their commune and on today', async () => {
    const before = (await get('/api/dashboard/citizens', leader)).json() as Figures;
    await t.db.query(`INSERT INTO users (phone, full_name, commune_code) VALUES ('0911222333', 'Người mới', '06040')`);
    const after = (await get('/api/dashboard/citizens', leader)).json() as Figures;
    const count = (f: Figures) => f.byCommune.find((c) => c.code === '06040')!.count;
    assert.equal(count(after), count(before) + 1);
    assert.equal(after.total, before.total + 1);
    assert.equal(after.signupsPerDay.at(-1)!.count, before.signupsPerDay.at(-1)!.count + 1);
  });

  it('does not count staff as citizens: a citizen who becomes an officer leaves the count', async () => {
    const inserted = await t.db.query<{ id: string }>(`INSERT INTO users (phone, full_name, commune_code) VALUES ('0911222444', 'Cán bộ mới', '06040') RETURNING id`);
    const before = (await get('/api/dashboard/citizens', leader)).json() as Figures;
    const agency = await t.db.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'UBND-06040'`);
    const granted = await t.app.inject({ method: 'POST', url: '/api/admin/memberships', headers: sysadmin.headers, payload: { userId: inserted.rows[0]!.id, role: 'officer', agencyId: agency.rows[0]!.id, areaCode: '06040' } });
    assert.equal(granted.statusCode, 201, granted.body);
    const after = (await get('/api/dashboard/citizens', leader)).json() as Figures;
    const count = (f: Figures) => f.byCommune.find((c) => c.code === '06040')!.count;
    assert.equal(count(after), count(before) - 1);
    assert.equal(after.total, before.total - 1);
  });

  it('narrows to a commune inside the scope', async () => {
    const res = await get('/api/dashboard/citizens?area=06040', leader);
    assert.equal(res.statusCode, 200);
    const f = res.json() as Figures;
    assert.deepEqual(f.area, { code: '06040', name: 'Xã Thất Khê' });
    assert.deepEqual(f.byCommune.map((c) => c.code), ['06040']);
  });

  it("refuses another province's area to a leader, but not to a sysadmin", async () => {
    for (const area of ['01', '00070']) {
      const res = await get(`/api/dashboard/citizens?area=${area}`, leader);
      assert.equal(res.statusCode, 403, area);
      assert.equal(res.json().error.code, 'dashboard.area.forbidden');
    }
    const res = await get('/api/dashboard/citizens?area=01', sysadmin);
    assert.equal(res.statusCode, 200);
    assert.equal((res.json() as Figures).area.code, '01');
  });

  it('names the area when it is malformed or unknown', async () => {
    for (const area of ['abc', '123', '99']) {
      const res = await get(`/api/dashboard/citizens?area=${area}`, leader);
      assert.equal(res.statusCode, 400, area);
      assert.equal(res.json().error.details[0].field, 'area');
    }
  });

  it('is for leaders and sysadmins only', async () => {
    assert.equal((await get('/api/dashboard/citizens')).statusCode, 401);
    assert.equal((await get('/api/dashboard/citizens', await signIn(t.app, '0900000001'))).statusCode, 403);
    assert.equal((await get('/api/dashboard/citizens', await signIn(t.app, '0900000101'))).statusCode, 403);
  });

  it('lists the dashboard among the leader features', async () => {
    const features = (await get('/api/features')).json().features as { key: string; face: string }[];
    assert.ok(features.some((f) => f.key === 'dashboard' && f.face === 'leader'));
  });
});

type Work = {
  reports: { open: number; overdue: number; resolved: number; onTime: number; onTimeRate: number | null; satisfaction: number | null };
  byAgency: { id: string; name: string; open: number }[];
  byCommune: { code: string; open: number }[];
  trend: { week: string; received: number; resolved: number }[];
};

describe('dashboard: the work', () => {
  let t: TestApp;
  let leader: TestSession;
  before(async () => {
    t = await createTestApp();
    leader = await signIn(t.app, '0900000201');
  });
  after(() => t.teardown());
  const work = async (url = '/api/dashboard/work') => (await t.app.inject({ method: 'GET', url, headers: leader.headers })).json() as Work;

  it('counts an open report in its agency, its commune and this week, and is for leaders only', async () => {
    const before = await work();
    assert.equal(before.trend.length, 12);
    const an = await signIn(t.app, '0900000001');
    const filed = await t.app.inject({ method: 'POST', url: '/api/reports', headers: an.headers, payload: { categoryCode: 'moi-truong.rac-thai', answers: { amount: 'large' }, description: 'Rác đổ bừa bãi ở đầu ngõ nhà văn hóa', lat: 21.85, lon: 106.76 } });
    assert.equal(filed.statusCode, 201, filed.body);
    const after = await work();
    assert.equal(after.reports.open, before.reports.open + 1);
    const commune = (w: Work) => w.byCommune.find((c) => c.code === '05983')?.open ?? 0;
    assert.equal(commune(after), commune(before) + 1);
    assert.ok(after.byAgency.some((a) => /Lương Văn Tri/.test(a.name) && a.open >= 1));
    assert.equal(after.trend.at(-1)!.received, before.trend.at(-1)!.received + 1);
    const elsewhere = await work('/api/dashboard/work?area=06040');
    assert.equal(elsewhere.byCommune.length, 1);
    assert.equal(elsewhere.reports.open, elsewhere.byCommune[0]!.open);
    const citizen = await t.app.inject({ method: 'GET', url: '/api/dashboard/work', headers: an.headers });
    assert.equal(citizen.statusCode, 403);
    const bad = await t.app.inject({ method: 'GET', url: '/api/dashboard/work?area=abc', headers: leader.headers });
    assert.equal(bad.statusCode, 400);
  });
});
