// Demo staff memberships, seeded once the identity module has created the demo accounts,
// checked through real sign-ins.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { identityModule } from '../identity/index.ts';
import { signIn } from '../../../test/identity.ts';
import { areasModule } from './index.ts';

type Me = { memberships: { role: string; agencyName: string | null; areaCode: string | null; areaName: string | null }[] };

describe('demo staff memberships', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.teardown());

  const me = async (phone: string) => {
    const s = await signIn(t.app, phone);
    return t.app.inject({ method: 'GET', url: '/api/staff/me', headers: s.headers });
  };
  const summary = async (phone: string) => ((await me(phone)).json() as Me).memberships.map((m) => [m.role, m.agencyName, m.areaCode]);

  it('gives each demo staff account its role, agency and area', async () => {
    assert.deepEqual(await summary('0900000101'), [['officer', 'Ủy ban nhân dân Phường Lương Văn Tri', '05983']]);
    assert.deepEqual(await summary('0900000102'), [['officer', 'Ủy ban nhân dân Xã Thất Khê', '06040']]);
    assert.deepEqual(await summary('0900000201'), [['leader', 'Ủy ban nhân dân tỉnh Lạng Sơn', '20']]);
    assert.deepEqual(await summary('0900000301'), [['community_helper', 'Ủy ban nhân dân Phường Lương Văn Tri', '05983']]);
    assert.deepEqual(await summary('0900000901'), [['sysadmin', null, null]]);
  });

  it('gives demo citizens no staff role', async () => {
    assert.equal((await me('0900000001')).statusCode, 403);
  });

  it('seeds only once', async () => {
    const identity = t.platform.use(identityModule);
    // the pack's five and the staff other modules seed for themselves (alert officer, finance officer, …)
    const count = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM staff_memberships WHERE revoked_at IS NULL`)).rows[0]!.n;
    const before = await count();
    assert.ok(before >= 5);
    const findUserIds = async (phones: readonly string[]) => {
      const found = await Promise.all(phones.map(async (p) => [p, await identity.findUserIdByPhone(p)] as const));
      return new Map(found.flatMap(([p, id]) => (id ? [[p, id] as const] : [])));
    };
    const granted = await t.platform.use(areasModule).seedDemoMemberships(findUserIds);
    assert.equal(granted, 0);
    assert.equal(await count(), before);
  });

  it('lets the demo sysadmin manage memberships and read the audit trail; not an officer', async () => {
    const admin = await signIn(t.app, '0900000901');
    const officer = await signIn(t.app, '0900000101');
    const list = await t.app.inject({ method: 'GET', url: `/api/admin/memberships?userId=${officer.userId}`, headers: admin.headers });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json()[0].agencyName, 'Ủy ban nhân dân Phường Lương Văn Tri');
    const audit = await t.app.inject({ method: 'GET', url: `/api/admin/audit?subjectType=user&subjectId=${officer.userId}`, headers: admin.headers });
    assert.ok(audit.json().some((e: { action: string }) => e.action === 'membership.grant'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/memberships', headers: officer.headers })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: officer.headers })).statusCode, 403);
  });
});
