// Unit tests of the demo seed's plan: staff in every routed agency, deterministic reports.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePhone } from '@cds/contracts';
import { demoStaffPlan, seededRandom } from './demo.ts';

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
