import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, createTestDatabase, type BuiltApp, type TestDatabase } from '../../../test/helpers.ts';
import { identityModule } from './index.ts';
import { DEMO_USERS } from './seed.ts';
import { signIn } from '../../../test/identity.ts';

describe('demo seed', () => {
  let tdb: TestDatabase;
  let built: BuiltApp;
  const calls: string[] = [];
  before(async () => {
    tdb = await createTestDatabase();
    built = await buildTestApp({ db: tdb.db });
    built.platform.use(identityModule).afterDemoUsersSeeded(async () => {
      calls.push(String(await built.platform.use(identityModule).findUserIdByPhone('0900000901')));
    });
    // the template database is already seeded: this second run must change nothing
    await built.start({ seed: true, work: false });
    await built.app.ready();
  });
  after(async () => {
    await built.close();
    await tdb.drop();
  });

  it('is idempotent and keeps the demo password', async () => {
    // other modules seed demo staff of their own: count only this module's list, once each
    const { rows } = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE phone = ANY($1)`, [DEMO_USERS.map((u) => u.phone)]);
    assert.equal(rows[0]?.n, DEMO_USERS.length);
    for (const u of DEMO_USERS) await signIn(built.app, u.phone);
  });

  it('gives the staff accounts their roles through the areas module', async () => {
    const roles = async (phone: string) => {
      const s = await signIn(built.app, phone);
      return ((await built.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).json() as { roles: string[] }).roles;
    };
    assert.deepEqual(await roles('0900000001'), ['citizen']);
    assert.deepEqual(await roles('0900000101'), ['citizen', 'officer']);
    assert.deepEqual(await roles('0900000201'), ['citizen', 'leader']);
    assert.deepEqual(await roles('0900000301'), ['citizen', 'community_helper']);
    assert.deepEqual(await roles('0900000901'), ['citizen', 'sysadmin']);
  });

  it('lets another module seed its own demo staff with their roles, once', async () => {
    const identity = built.platform.use(identityModule);
    const finance = { phone: '0900000599', fullName: 'Kế toán thử', communeCode: '05983', memberships: [{ role: 'finance_officer' as const, agencyCode: 'UBND-20', areaCode: '20' }] };
    await identity.seedDemoAccounts([finance]);
    await identity.seedDemoAccounts([finance]);
    const s = await signIn(built.app, finance.phone);
    const me = (await built.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).json() as { roles: string[]; memberships: unknown[] };
    assert.deepEqual(me.roles, ['citizen', 'finance_officer']);
    assert.equal(me.memberships.length, 1);
    // an agency-bound role without an agency is refused, as for a grant by an administrator
    await assert.rejects(identity.seedDemoAccounts([{ phone: '0900000598', fullName: 'Thiếu cơ quan', communeCode: '05983', memberships: [{ role: 'alert_officer', agencyCode: null, areaCode: '20' }] }]));
  });

  it('runs the after-seed steps once the users exist, and late ones at once', async () => {
    const admin = await built.platform.use(identityModule).findUserIdByPhone('0900000901');
    assert.deepEqual(calls, [String(admin)]);
    let late = false;
    built.platform.use(identityModule).afterDemoUsersSeeded(async () => {
      late = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(late, true);
  });
});
