import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers.ts';
import type { Membership } from '../../platform/auth.ts';
import { IdentityRepo } from './repo.ts';
import { SEEN_CHUNK, SessionService } from './sessions.ts';

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
    await sessions.watch(tdb.db);
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

  it('records when the session was last used, at most every few minutes, in a later batch write', async () => {
    const s = await start();
    const other = await start();
    const lastSeen = async (id = s.sessionId) => (await repo.listSessions(userId)).find((r) => r.id === id)?.last_seen_at.getTime();
    const first = await lastSeen();
    now = new Date(now.getTime() + 60e3);
    await sessions.resolve(s.token);
    await sessions.flushSeen();
    assert.equal(await lastSeen(), first);
    now = new Date(now.getTime() + 10 * 60e3);
    await sessions.resolve(s.token);
    await sessions.resolve(other.token);
    assert.equal(await lastSeen(), first, 'the request itself writes nothing');
    await sessions.flushSeen();
    assert.equal(await lastSeen(), now.getTime());
    assert.equal(await lastSeen(other.sessionId), now.getTime(), 'both sessions in one flush');
  });

  it('writes a busy moment\'s sightings in several statements, every one of them', async () => {
    const many = [];
    for (let i = 0; i < SEEN_CHUNK + 5; i++) many.push(await start());
    now = new Date(now.getTime() + 10 * 60e3);
    for (const s of many) await sessions.resolve(s.token);
    await sessions.flushSeen();
    const seen = new Map((await repo.listSessions(userId)).map((r) => [r.id, r.last_seen_at.getTime()]));
    assert.deepEqual(many.filter((s) => seen.get(s.sessionId) !== now.getTime()), []);
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
    assert.equal(await eventually(() => sessions.resolve(s.token)), null);
  });

  it('answers a repeated token from memory, and reads it again once the session ends anywhere', async () => {
    await tdb.db.kysely.transaction().execute((trx) => repo.updateUser(userId, { status: 'active' }, trx));
    now = new Date(); // the trigger compares the session's expiry with the database's clock
    const s = await start();
    assert.ok(await sessions.resolve(s.token));
    // the database no longer knows the token (a change no trigger reports): memory still answers
    await tdb.db.query(`UPDATE sessions SET token_hash = 'changed' WHERE id = $1`, [s.sessionId]);
    assert.equal((await sessions.resolve(s.token))?.sessionId, s.sessionId);
    // another process signs the session out: the trigger notifies, this process forgets
    await tdb.db.query('DELETE FROM sessions WHERE id = $1', [s.sessionId]);
    assert.equal(await eventually(() => sessions.resolve(s.token)), null);
  });

  it('signing out in this process takes effect at once', async () => {
    const s = await start();
    assert.ok(await sessions.resolve(s.token));
    await sessions.end(s.sessionId);
    assert.equal(await sessions.resolve(s.token), null);
  });
});

/** NOTIFY reaches a PostgreSQL listener on its own connection a moment after the commit. */
async function eventually<T>(read: () => Promise<T | null>, timeoutMs = 3000): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (value !== null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}
