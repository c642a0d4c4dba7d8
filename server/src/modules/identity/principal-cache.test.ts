import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Principal } from '../../platform/auth.ts';
import { PrincipalCache } from './principal-cache.ts';

const principal = (userId: string, sessionId: string): Principal => ({ userId, sessionId, roles: ['citizen'], memberships: [] });

describe('principal cache', () => {
  let clock = 1_000_000;
  const cache = (maxEntries = 10) => new PrincipalCache({ ttlMs: 30_000, maxEntries }, () => clock);
  const session = (userId: string, sessionId: string, expiresAt = clock + 3_600_000) => ({ principal: principal(userId, sessionId), expiresAt, lastSeenAt: clock });

  it('serves a stored principal until its TTL, and never past the session expiry', () => {
    const c = cache();
    c.set(c.ticket(), 'h1', session('u1', 's1'));
    c.set(c.ticket(), 'h2', session('u2', 's2', clock + 5_000));
    assert.equal(c.get('h1')?.principal.sessionId, 's1');
    clock += 5_000;
    assert.equal(c.get('h2'), undefined, 'the session expired');
    clock += 25_000;
    assert.equal(c.get('h1'), undefined, 'the TTL passed');
    assert.equal(c.size, 0);
  });

  it('forgets every session of a person, and only theirs', () => {
    const c = cache();
    c.set(c.ticket(), 'a', session('u1', 's1'));
    c.set(c.ticket(), 'b', session('u1', 's2'));
    c.set(c.ticket(), 'c', session('u2', 's3'));
    c.forgetUser('u1');
    assert.equal(c.get('a'), undefined);
    assert.equal(c.get('b'), undefined);
    assert.equal(c.get('c')?.principal.userId, 'u2');
    c.forgetSession('s3');
    assert.equal(c.get('c'), undefined);
  });

  it('does not store what was read before an invalidation arrived', () => {
    const c = cache();
    const ticket = c.ticket();
    c.forgetUser('u1'); // the membership changed while the database was being read
    c.set(ticket, 'a', session('u1', 's1'));
    assert.equal(c.get('a'), undefined);
    c.set(c.ticket(), 'a', session('u1', 's1'));
    assert.ok(c.get('a'));
  });

  it('stays within its size by dropping the oldest entry', () => {
    const c = cache(2);
    c.set(c.ticket(), 'a', session('u1', 's1'));
    c.set(c.ticket(), 'b', session('u2', 's2'));
    c.set(c.ticket(), 'c', session('u3', 's3'));
    assert.equal(c.size, 2);
    assert.equal(c.get('a'), undefined);
    assert.ok(c.get('c'));
    c.forgetUser('u1'); // its index entry went with it: nothing to trip over
    assert.equal(c.size, 2);
  });
});
