// Unit tests of the demo seed's plan: staff in every routed agency, deterministic reports.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePhone } from '@cds/contracts';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn } from '../../../test/identity.ts';
import { seededRandom } from '../../platform/random.ts';
import { demoStaffPlan } from './demo.ts';

const COMMUNES = [{ code: '05983', name: 'Phường Lương Văn Tri' }, { code: '05977', name: 'Phường Đông Kinh' }, { code: '06040', name: 'Xã Thất Khê' }];

describe('reports demo seed', () => {
  it('plans an officer for every agency a category routes to, and an admin for each department', () => {
    const plan = demoStaffPlan(['commune', 'SXD-20', 'CA-20', 'SXD-20'], COMMUNES, '20');
    assert.deepEqual([...plan.officers.keys()].sort(), ['CA-20', 'SXD-20', 'UBND-05977']);
    const roles = plan.accounts.flatMap((a) => (a.memberships ?? []).map((m) => `${m.agencyCode}:${m.role}`)).sort();
    assert.deepEqual(roles, ['CA-20:agency_admin', 'CA-20:officer', 'SXD-20:agency_admin', 'SXD-20:officer', 'UBND-05977:officer']);
    // the communes the pack's demo staff already covers get nobody new
    assert.ok(!plan.accounts.some((a) => a.memberships?.some((m) => m.agencyCode === 'UBND-05983')));
    for (const a of plan.accounts) {
      assert.equal(normalizePhone(a.phone), a.phone);
      assert.equal(a.communeCode, null, 'staff are not counted as residents');
    }
    assert.equal(new Set(plan.accounts.map((a) => a.phone)).size, plan.accounts.length);
  });

  it('plans nobody for departments when every category goes to the commune, and the same plan twice', () => {
    const plan = demoStaffPlan(['commune'], COMMUNES, '20');
    assert.ok(plan.accounts.every((a) => a.memberships?.every((m) => m.agencyCode?.startsWith('UBND-'))));
    assert.deepEqual(demoStaffPlan(['commune'], [...COMMUNES].reverse(), '20').accounts, plan.accounts);
  });

  it('draws the same numbers from the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 5 }, a);
    assert.deepEqual(first, Array.from({ length: 5 }, b));
    assert.ok(first.every((x) => x >= 0 && x < 1));
    assert.notDeepEqual(first, Array.from({ length: 5 }, seededRandom(8)));
  });
});

describe('reports demo seed, in demo mode', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { REPORTS_DEMO_COUNT: '60' }, seed: true });
  });
  after(() => t.teardown());

  const PROVINCE = '106,21,108,23';
  type MapAnswer = { items: { trackingCode: string }[]; clusters: { lat: number; lon: number; count: number }[] };

  async function mapOf(qs: string): Promise<MapAnswer> {
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/map?${qs}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  }

  function total(clusters: { count: number }[]): number {
    return clusters.reduce((n, c) => n + c.count, 0);
  }

  async function publicCount(): Promise<number> {
    return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE NOT hidden AND merged_into IS NULL')).rows[0]!.n;
  }

  it('fills the public map with reports across the province, each in an agency where an officer works', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/reports?limit=100' });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().items.length >= 50, `${list.json().items.length} reports`);
    assert.equal(list.json().nextCursor, null, 'every report fits on this page');
    const communes = await t.db.query<{ n: number }>('SELECT count(DISTINCT commune_code)::int AS n FROM reports');
    assert.ok(communes.rows[0]!.n >= 20, 'spread across the province');
    const orphans = await t.db.query(`SELECT DISTINCT r.agency_id FROM reports r WHERE NOT EXISTS (
      SELECT 1 FROM staff_memberships m WHERE m.agency_id = r.agency_id AND m.role IN ('officer', 'agency_admin') AND m.revoked_at IS NULL)`);
    assert.deepEqual(orphans.rows, [], 'every receiving agency has an officer');
  });

  it('lets the construction department officer sign in and see the reports that reach it', async () => {
    const officer = await signIn(t.app, '0900007131');
    const inbox = await t.app.inject({ method: 'GET', url: '/api/staff/reports?limit=5', headers: officer.headers });
    assert.equal(inbox.statusCode, 200, inbox.body);
    assert.ok(inbox.json().total > 0);
  });

  it('pages the public list with a cursor: the same reports in the same order as one long page, in every sort', async () => {
    const get = async (qs: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/reports?${qs}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: { id: string }[]; nextCursor: string | null };
    };
    for (const sort of ['newest', 'oldest', 'due', 'updated', 'supporters']) {
      const all = (await get(`sort=${sort}&limit=200`)).items.map((r) => r.id);
      assert.ok(all.length >= 50);
      const walked: string[] = [];
      let page = await get(`sort=${sort}&limit=7`);
      for (let i = 0; i < 20; i++) {
        walked.push(...page.items.map((r) => r.id));
        if (!page.nextCursor) break;
        page = await get(`sort=${sort}&limit=7&cursor=${page.nextCursor}`);
      }
      assert.deepEqual(walked, all, sort);
    }
    // a filter keeps applying on the next pages
    const filtered = await get('status=new&limit=3');
    assert.ok(filtered.nextCursor);
    const next = await get(`status=new&limit=3&cursor=${filtered.nextCursor}`);
    const statuses = await t.db.query<{ status: string }>('SELECT status FROM reports WHERE id = ANY($1::uuid[])', [next.items.map((r) => r.id)]);
    assert.ok(statuses.rows.every((r) => r.status === 'new'));
  });

  it('refuses a cursor that is altered or belongs to another sort, naming the field', async () => {
    const first = (await t.app.inject({ method: 'GET', url: '/api/reports?limit=2' })).json() as { nextCursor: string };
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const [qs, why] of [
      [`sort=oldest&cursor=${first.nextCursor}`, 'another sort'],
      ['cursor=bm90IGpzb24', 'not JSON'],
      [`cursor=${forged(['newest', '2026-02-30', '00000000-0000-0000-0000-000000000000'])}`, 'a value SQL cannot cast'],
      [`cursor=${forged(['newest', '1', "x'; DROP TABLE reports; --"])}`, 'not a uuid'],
      [`cursor=${forged(['newest', '1'])}`, 'too short'],
      ['cursor=a%2Bb', 'not base64url'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/reports?${qs}` });
      assert.equal(res.statusCode, 400, `${why}: ${res.body}`);
      assert.equal(res.json().error.details[0].field, 'cursor', why);
    }
  });

  it('sends the map light points when zoomed in and clusters when zoomed out', async () => {
    const points = (await t.app.inject({ method: 'GET', url: `/api/reports/map?bbox=${PROVINCE}` })).json() as { items: Record<string, unknown>[]; clusters: unknown[] };
    assert.ok(points.items.length >= 50);
    assert.deepEqual(Object.keys(points.items[0]!).sort(), ['category', 'id', 'lat', 'lon', 'status', 'trackingCode']);
    assert.deepEqual(points.clusters, []);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/reports/map?zoom=15' })).json().items.length, points.items.length);
    const out = (await t.app.inject({ method: 'GET', url: '/api/reports/map?zoom=8' })).json() as { items: unknown[]; clusters: { lat: number; lon: number; count: number }[] };
    assert.deepEqual(out.items, []);
    assert.equal(out.clusters.reduce((n, c) => n + c.count, 0), points.items.length);
    assert.ok(out.clusters.length < points.items.length, 'reports close together share a circle');
    for (const c of out.clusters) assert.ok(c.lat > 21 && c.lat < 23 && c.lon > 106 && c.lon < 108, JSON.stringify(c));
    const wide = (await t.app.inject({ method: 'GET', url: '/api/reports/map?zoom=3' })).json() as { clusters: unknown[] };
    assert.ok(wide.clusters.length <= out.clusters.length);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/reports/map?zoom=23' })).statusCode, 400);
  });

  it('sends the whole province as clusters when the map says neither where nor how near', async () => {
    const all = await mapOf('');
    assert.deepEqual(all.items, []);
    assert.equal(total(all.clusters), await publicCount());
  });

  it('sends clusters instead of points when the area holds more than the limit asked', async () => {
    const few = await mapOf(`bbox=${PROVINCE}&limit=500`);
    assert.equal(few.items.length, await publicCount());
    const many = await mapOf(`bbox=${PROVINCE}&limit=10`);
    assert.deepEqual(many.items, []);
    assert.equal(total(many.clusters), await publicCount(), 'every report is in one circle');
  });

  it('refuses a bbox that is not west,south,east,north on the Earth, and a limit above 500, naming the field', async () => {
    for (const [qs, field] of [['bbox=107,21,106,23', 'bbox'], ['bbox=106,23,107,21', 'bbox'], ['bbox=206,21,207,23', 'bbox'], ['bbox=1,2,3', 'bbox'], ['limit=501', 'limit']] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/reports/map?${qs}` });
      assert.equal(res.statusCode, 400, qs);
      assert.equal(res.json().error.details[0].field, field, qs);
    }
  });

  it('never sends thousands of dots: a city holding more than 500 reports comes as clusters, a street as points', async () => {
    // 600 more reports in a block of the city, a hundred metres apart (copies of a seeded one)
    await t.db.query(`INSERT INTO reports (tracking_code, category_code, description, lat, lon, geom, commune_code, province_code, agency_id, deadline_days, due_date, received_at)
      SELECT 'PA-M' || lpad(g::text, 7, '0'), r.category_code, r.description, 21.85 + (g % 30) * 0.001, 106.75 + (g / 30) * 0.001,
             ST_SetSRID(ST_MakePoint(106.75 + (g / 30) * 0.001, 21.85 + (g % 30) * 0.001), 4326), r.commune_code, r.province_code, r.agency_id, r.deadline_days, r.due_date, now()
      FROM (SELECT * FROM reports LIMIT 1) AS r CROSS JOIN generate_series(0, 599) AS g`);
    const city = await mapOf('bbox=106.7,21.8,106.8,21.9');
    assert.deepEqual(city.items, []);
    assert.ok(total(city.clusters) >= 600, `${total(city.clusters)} reports in the circles`);
    assert.ok(city.clusters.length < 100, `${city.clusters.length} circles`);
    const near = await mapOf('bbox=106.7,21.8,106.8,21.9&zoom=14');
    assert.deepEqual(near.items, [], 'still too many at zoom 14');
    // zoomed in to a few streets: the reports themselves
    const street = await mapOf('bbox=106.7595,21.8495,106.7645,21.8545&zoom=17');
    assert.deepEqual(street.clusters, []);
    assert.equal(street.items.filter((p) => p.trackingCode.startsWith('PA-M')).length, 25);
  });
});

