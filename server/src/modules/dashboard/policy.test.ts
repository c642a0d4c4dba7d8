import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Membership, Principal } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { AdminUnits } from '../areas/index.ts';
import { dashboardArea } from './policy.ts';

const units = AdminUnits.load();
const principal = (...memberships: Array<Omit<Membership, 'id'>>): Principal => ({
  userId: 'u', sessionId: 's', roles: ['citizen', ...memberships.map((m) => m.role)],
  memberships: memberships.map((m, i) => ({ ...m, id: String(i) })),
});
const statusOf = (fn: () => unknown): number => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError);
    return err.status;
  }
  return 200;
};

describe('dashboard area scope', () => {
  const provinceLeader = principal({ role: 'leader', agencyId: 'a', areaCode: '20' });
  const communeLeader = principal({ role: 'leader', agencyId: 'b', areaCode: '06040' });
  const sysadmin = principal({ role: 'sysadmin', agencyId: null, areaCode: null });

  it("defaults to the leader's own area, or the pack province for a sysadmin", () => {
    assert.equal(dashboardArea(provinceLeader, undefined, '20', units), '20');
    assert.equal(dashboardArea(communeLeader, undefined, '20', units), '06040');
    assert.equal(dashboardArea(sysadmin, undefined, '20', units), '20');
  });

  it('lets a leader look inside their area only', () => {
    assert.equal(dashboardArea(provinceLeader, '05983', '20', units), '05983');
    assert.equal(statusOf(() => dashboardArea(provinceLeader, '01', '20', units)), 403);
    assert.equal(statusOf(() => dashboardArea(provinceLeader, '00070', '20', units)), 403);
    assert.equal(statusOf(() => dashboardArea(communeLeader, '20', '20', units)), 403);
    assert.equal(statusOf(() => dashboardArea(communeLeader, '05983', '20', units)), 403);
    assert.equal(dashboardArea(sysadmin, '01', '20', units), '01');
  });

  it('names an unknown area as a bad field, and refuses people who lead nowhere', () => {
    assert.equal(statusOf(() => dashboardArea(provinceLeader, '99', '20', units)), 400);
    const officer = principal({ role: 'officer', agencyId: 'a', areaCode: '20' });
    assert.equal(statusOf(() => dashboardArea(officer, undefined, '20', units)), 403);
    assert.equal(statusOf(() => dashboardArea(officer, '20', '20', units)), 403);
  });
});
