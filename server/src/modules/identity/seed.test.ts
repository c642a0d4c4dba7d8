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
    const { rows } = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE phone LIKE '09000%'`);
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
