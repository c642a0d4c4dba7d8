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

  it('fills the public map with reports across the province, each in an agency where an officer works', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/reports?limit=100' });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().total >= 50, `total ${list.json().total}`);
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
});
