import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../test/helpers.ts';
import { RateLimiter } from './rate-limit.ts';

describe('rate limits (windows in the database)', () => {
  let tdb: TestDatabase;
  let now = new Date('2026-03-01T10:00:10Z');
  let limiter: RateLimiter;
  before(async () => {
    tdb = await createTestDatabase();
    limiter = new RateLimiter(tdb.db, () => now);
  });
  after(() => tdb.drop());

  it('allows up to the limit in a window, then says how long to wait', async () => {
    for (let i = 0; i < 3; i++) assert.deepEqual(await limiter.hit('t:a', 3, 60), { allowed: true, retryAfterSeconds: 0 });
    // four counted (the refused one too): one more fits once half of them have faded, at 10:01:30
    assert.deepEqual(await limiter.hit('t:a', 3, 60), { allowed: false, retryAfterSeconds: 80 });
  });

  it('does not give a second budget at the window boundary: the previous window fades', async () => {
    now = new Date('2026-03-01T10:01:00Z');
    // 4 × (1 − 0) + 1 > 3; one more fits when 4 × (1 − f) + 2 ≤ 3, at f = 0.75
    assert.deepEqual(await limiter.hit('t:a', 3, 60), { allowed: false, retryAfterSeconds: 45 });
    now = new Date('2026-03-01T10:01:30Z');
    // 4 × 0.5 + 2 > 3; this window now holds 2, so the next fits when the 4 have faded, at
    // 10:02:00, where 2 × 1 + 1 = 3
    assert.deepEqual(await limiter.hit('t:a', 3, 60), { allowed: false, retryAfterSeconds: 30 });
    now = new Date('2026-03-01T10:02:00Z');
    assert.equal((await limiter.hit('t:a', 3, 60)).allowed, true);
  });

  it('keeps short windows fixed: a pace opens again exactly at the next window', async () => {
    now = new Date('2026-03-01T10:10:00.500Z');
    assert.equal((await limiter.hit('t:p', 1, 2)).allowed, true);
    assert.deepEqual(await limiter.hit('t:p', 1, 2), { allowed: false, retryAfterSeconds: 2 });
    now = new Date('2026-03-01T10:10:02Z');
    assert.equal((await limiter.hit('t:p', 1, 2)).allowed, true);
  });

  it('keeps keys and window sizes apart', async () => {
    for (let i = 0; i < 3; i++) await limiter.hit('t:b', 3, 60);
    assert.equal((await limiter.hit('t:b', 3, 60)).allowed, false);
    assert.equal((await limiter.hit('t:c', 3, 60)).allowed, true);
    assert.equal((await limiter.hit('t:b', 3, 3600)).allowed, true);
  });

  it('peeks without counting, and forgets a key on reset', async () => {
    now = new Date('2026-03-01T11:00:00Z');
    await limiter.hit('t:d', 2, 900);
    assert.equal((await limiter.peek('t:d', 2, 900)).allowed, true);
    assert.equal((await limiter.peek('t:d', 2, 900)).allowed, true);
    await limiter.hit('t:d', 2, 900);
    assert.deepEqual(await limiter.peek('t:d', 2, 900), { allowed: false, retryAfterSeconds: 1350 });
    await limiter.reset('t:d');
    assert.equal((await limiter.peek('t:d', 2, 900)).allowed, true);
  });

  it('gives back one counted event on refund, never below zero', async () => {
    now = new Date('2026-03-01T12:00:00Z');
    await limiter.hit('t:g', 1, 60);
    assert.equal((await limiter.peek('t:g', 1, 60)).allowed, false);
    await limiter.refund('t:g', 60);
    await limiter.refund('t:g', 60);
    assert.equal((await limiter.hit('t:g', 1, 60)).allowed, true);
    assert.equal((await limiter.hit('t:g', 1, 60)).allowed, false);
  });

  it('counts hits from parallel callers exactly', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => limiter.hit('t:e', 5, 60)));
    assert.equal(results.filter((r) => r.allowed).length, 5);
  });

  it('refuses windows it cannot keep', async () => {
    await assert.rejects(limiter.hit('t:f', 1, 0));
    await assert.rejects(limiter.hit('t:f', 1, 3 * 86400));
  });
});
