// Request logging that does not cost throughput (issue [3 of 10]): no line per request unless
// LOG_REQUESTS says so (off by default with NODE_ENV=production), and an error is logged with
// its request id whatever that setting, the same id the reply carries.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { buildTestApp, createTestDatabase, testConfig, type BuiltApp, type TestDatabase } from '../../test/helpers.ts';
import { policy } from './auth.ts';

type Line = { level: number; msg: string; reqId?: string; route?: string; err?: { message: string } };

describe('request logging', () => {
  const opened: { db: TestDatabase; built: BuiltApp }[] = [];
  after(async () => {
    for (const { db, built } of opened) {
      await built.close();
      await db.drop();
    }
  });

  async function app(logRequests: string): Promise<{ built: BuiltApp; lines: Line[] }> {
    const lines: Line[] = [];
    const stream = new Writable({ write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split('\n')) if (text) lines.push(JSON.parse(text) as Line);
      done();
    } });
    const db = await createTestDatabase();
    const built = await buildTestApp({ db: db.db, modules: [], config: { LOG_REQUESTS: logRequests }, logger: { level: 'info', stream } });
    built.app.get('/api/test/ok', { config: { policy: policy.public } }, async () => ({ ok: true }));
    built.app.get('/api/test/boom', { config: { policy: policy.public } }, async () => {
      throw new Error('the disk is full');
    });
    await built.app.ready();
    opened.push({ db, built });
    return { built, lines };
  }

  it('writes no line for a good request when request logging is off, and logs a 500 with its request id', async () => {
    const { built, lines } = await app('false');
    const ok = await built.app.inject({ method: 'GET', url: '/api/test/ok' });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(lines.filter((l) => l.reqId), [], 'no per-request lines');
    const boom = await built.app.inject({ method: 'GET', url: '/api/test/boom', headers: { 'x-request-id': 'proxy-42' } });
    assert.equal(boom.statusCode, 500);
    assert.equal(boom.headers['x-request-id'], 'proxy-42');
    const errors = lines.filter((l) => l.level >= 50);
    assert.equal(errors.length, 1, JSON.stringify(lines));
    assert.equal(errors[0]!.reqId, 'proxy-42');
    assert.equal(errors[0]!.route, '/api/test/boom');
    assert.equal(errors[0]!.err?.message, 'the disk is full');
  });

  it('writes a line per request when LOG_REQUESTS is on', async () => {
    const { built, lines } = await app('true');
    await built.app.inject({ method: 'GET', url: '/api/test/ok' });
    assert.ok(lines.some((l) => l.msg === 'request completed' && l.reqId), JSON.stringify(lines));
  });

  it('turns request lines off by default in production and on elsewhere', () => {
    assert.equal(testConfig({ NODE_ENV: 'production' }).logRequests, false);
    assert.equal(testConfig({ NODE_ENV: 'development' }).logRequests, true);
    assert.equal(testConfig({}).logRequests, true);
    assert.equal(testConfig({ NODE_ENV: 'production', LOG_REQUESTS: 'true' }).logRequests, true);
  });
});
