import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers.ts';
import type { Membership } from '../../platform/auth.ts';
import { IdentityRepo } from './repo.ts';
import { SessionService } from './sessions.ts';

describe('sessions', () => {
  let tdb: TestDatabase;
  let repo: IdentityRepo;
  let now = new Date('2026-03-01T10:00:00Z');
  const memberships: Membership[] = [
    { id: 'm1', role: 'officer', agencyId: 'a1', areaCode: '05983' },
    { id: 'm2', role: 'officer', agencyId: 'a2', areaCode: '06040' },
    { id: 'm3', role: 'leader', agencyId: 'a3', areaCode: '20' },
  ];
  let sessions: SessionService;
  let userId: string;
  before(async () => {
    tdb = await createTestDatabase();
    repo = new IdentityRepo(tdb.db);
    sessions = new SessionService(repo, { sessionTtlHours: 2 }, { membershipsOf: async () => memberships }, () => now);
    userId = await tdb.db.kysely.transaction().execute((trx) => repo.insertUser({ phone: '0919000001', full_name: 'Thử Phiên', search_text: '' }, trx));
  });
  after(() => tdb.drop());

  const start = () => tdb.db.kysely.transaction().execute((trx) => sessions.start(userId, 'password', { ip: '203.0.113.1', userAgent: 'test' }, trx));

  it('resolves a token to the person with citizen and distinct staff roles', async () => {
    const s = await start();
    assert.equal(s.expiresAt.getTime(), now.getTime() + 2 * 3600e3);
    const principal = await sessions.resolve(s.token);
    assert.deepEqual(principal, { userId, sessionId: s.sessionId, roles: ['citizen', 'officer', 'leader'], memberships });
    assert.equal(await sessions.resolve(`${s.token}x`), null);
    assert.equal(await sessions.resolve('x'.repeat(500)), null);
  });

  it('records when the session was last used, at most every few minutes', async () => {
    const s = await start();
    const lastSeen = async () => (await repo.listSessions(userId)).find((r) => r.id === s.sessionId)?.last_seen_at.getTime();
    const first = await lastSeen();
    now = new Date(now.getTime() + 60e3);
    await sessions.resolve(s.token);
    assert.equal(await lastSeen(), first);
    now = new Date(now.getTime() + 10 * 60e3);
    await sessions.resolve(s.token);
    assert.equal(await lastSeen(), now.getTime());
  });

  it('ends at its expiry time', async () => {
    const s = await start();
    now = new Date(now.getTime() + 2 * 3600e3 - 1000);
    assert.ok(await sessions.resolve(s.token));
    now = new Date(now.getTime() + 1000);
    assert.equal(await sessions.resolve(s.token), null);
  });

  it('stops working when the account is disabled', async () => {
    const s = await start();
    assert.ok(await sessions.resolve(s.token));
    await tdb.db.kysely.transaction().execute((trx) => repo.updateUser(userId, { status: 'disabled' }, trx));
    assert.equal(await sessions.resolve(s.token), null);
  });
});
