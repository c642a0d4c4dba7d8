// What an attacker tries on any route before a module sees the request: anonymous bodies,
// oversized and overly complex JSON, slow bodies.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { signIn, type TestSession } from '../../test/identity.ts';
import { jsonShapeProblem } from './json-body.ts';

type Reply = { statusCode: number; json(): unknown };
const errorOf = (res: Reply) => (res.json() as { error: { code: string; message: string; details: { field: string; message: string }[] | null } }).error;

/** Sends only the head and the first bytes of a request whose body is announced as `length` bytes; resolves with the first reply bytes. */
function firstReplyToPartialBody(port: number, head: string, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`${head}\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n{"a":"`);
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no reply while the body was still unsent: the server waits for the body'));
    }, 10_000);
    socket.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(chunk.toString('latin1'));
    });
    socket.once('error', reject);
  });
}

describe('request guards before the handler', () => {
  let t: TestApp;
  let port: number;
  let citizen: TestSession;
  before(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    citizen = await signIn(t.app, '0900000001');
  });
  after(() => t.teardown());

  it('answers an anonymous request to a protected route 401 before reading its body', async () => {
    const head = await firstReplyToPartialBody(port, 'POST /api/dossiers HTTP/1.1', 50 * 1024 * 1024);
    assert.match(head, /^HTTP\/1\.1 401 /);
  });

  it('answers a citizen 403 on a staff route before reading the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/procedures', headers: { ...citizen.headers, 'content-type': 'application/json' }, payload: '{not json' });
    assert.equal(res.statusCode, 403);
  });

  it('says 401 (not 400) to an anonymous caller sending bad input to a protected route', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: 42, extra: true } });
    assert.equal(bad.statusCode, 401);
    assert.equal(errorOf(bad).code, 'auth.required');
    const malformed = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: { 'content-type': 'application/json' }, payload: '{"fullName":' });
    assert.equal(malformed.statusCode, 401);
    const query = await t.app.inject({ method: 'GET', url: '/api/dossiers/mine?limit=abc' });
    assert.equal(query.statusCode, 401);
  });

  it('refuses JSON with too many members or too deep, naming the limits, before parsing it', async () => {
    const wide = `{${Array.from({ length: 30_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...citizen.headers, 'content-type': 'application/json' }, payload: wide });
    assert.equal(res.statusCode, 400);
    assert.equal(errorOf(res).code, 'request.json_too_complex');
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const nested = await t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...citizen.headers, 'content-type': 'application/json' }, payload: deep });
    assert.equal(nested.statusCode, 400);
    assert.equal(errorOf(nested).code, 'request.json_too_complex');
  });

  it('closes a socket whose body never completes (request timeout set)', () => {
    assert.ok(t.app.server.requestTimeout > 0 && t.app.server.requestTimeout <= 120_000, String(t.app.server.requestTimeout));
  });
});

describe('the JSON shape scan', () => {
  it('counts members and depth outside strings only', () => {
    assert.equal(jsonShapeProblem('{"a":[1,2,3],"b":{"c":"x,y,[[[["}}', { maxDepth: 3, maxMembers: 3 }), null);
    assert.equal(jsonShapeProblem('[1,2,3,4,5]', { maxDepth: 3, maxMembers: 3 }), 'members');
    assert.equal(jsonShapeProblem('[[[[1]]]]', { maxDepth: 3, maxMembers: 3 }), 'depth');
    assert.equal(jsonShapeProblem('["\\",[[[[,,,,"]', { maxDepth: 3, maxMembers: 3 }), null);
  });
});
