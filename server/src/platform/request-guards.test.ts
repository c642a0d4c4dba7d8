// What an attacker tries on any route before a module sees the request: anonymous bodies,
// oversized and overly complex JSON, slow bodies.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { registerCitizen, signIn, type TestSession } from '../../test/identity.ts';
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

describe('bad input found by the fuzzer answers 4xx, never 500', () => {
  let t: TestApp;
  let citizen: TestSession;
  let officer: TestSession;
  let admin: TestSession;
  before(async () => {
    t = await createTestApp();
    citizen = await signIn(t.app, '0900000001');
    officer = await signIn(t.app, '0900000101');
    admin = await signIn(t.app, '0900000901');
  });
  after(() => t.teardown());

  it('refuses a NUL or other control character in a path, query or body string, naming the field', async () => {
    const cases: { method: 'GET' | 'PATCH' | 'POST' | 'PUT'; url: string; who?: TestSession; payload?: object; field: string }[] = [
      { method: 'GET', url: '/api/reports?q=%00', field: 'q' },
      { method: 'GET', url: '/api/reports/map?q=a%00b', field: 'q' },
      { method: 'GET', url: '/api/staff/reports?q=%00', who: officer, field: 'q' },
      { method: 'GET', url: '/api/staff/reports.csv?q=%00', who: officer, field: 'q' },
      { method: 'GET', url: '/api/procedures?sector=%00', field: 'sector' },
      { method: 'GET', url: '/api/procedures/%00', field: 'id' },
      { method: 'GET', url: '/api/dossiers/queue?q=%00', who: officer, field: 'q' },
      { method: 'GET', url: '/api/admin/audit?subjectType=%00', who: admin, field: 'subjectType' },
      { method: 'GET', url: '/api/reports?q=%07', field: 'q' },
      { method: 'PATCH', url: '/api/me/profile', who: citizen, payload: { fullName: 'An\u0000' }, field: 'fullName' },
      { method: 'POST', url: '/api/staff/report-templates', who: admin, payload: { categoryCode: null, title: 'ab\u0000', body: 'ab' }, field: 'title' },
      { method: 'PUT', url: '/api/admin/report-categories/khac.khac', who: admin, payload: { name: 'x\u0000x' }, field: 'name' },
      { method: 'POST', url: '/api/dossiers', who: citizen, payload: { procedureId: 'x', formData: { 'k\u0000': 'v' } }, field: 'formData.k?' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: c.method, url: c.url, headers: c.who?.headers, payload: c.payload });
      assert.equal(res.statusCode, 400, `${c.method} ${c.url}: ${res.body}`);
      assert.deepEqual((errorOf(res).details ?? []).map((d) => d.field), [c.field], `${c.method} ${c.url}`);
    }
    const multiline = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: citizen.headers, payload: { fullName: 'Nguyễn Văn An' } });
    assert.equal(multiline.statusCode, 200);
  });

  it('refuses huge paging offsets with 400 naming offset', async () => {
    const cases: [string, TestSession][] = [
      ['/api/admin/users?offset=1e308', admin],
      ['/api/me/notifications?offset=100000000000000000000', citizen],
      ['/api/reports/mine?offset=1e308', citizen],
      ['/api/dossiers/mine?offset=100000000000000000000', citizen],
      ['/api/dossiers/queue?offset=1e308', officer],
      ['/api/staff/reports?offset=1e308', officer],
    ];
    for (const [url, who] of cases) {
      const res = await t.app.inject({ method: 'GET', url, headers: who.headers });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.deepEqual((errorOf(res).details ?? []).map((d) => d.field), ['offset'], url);
    }
  });

  it('refuses an empty string where a reference is expected, naming the field', async () => {
    const template = await t.app.inject({ method: 'POST', url: '/api/staff/report-templates', headers: admin.headers, payload: { categoryCode: '', title: 'ab', body: 'ab' } });
    assert.equal(template.statusCode, 400, template.body);
    assert.deepEqual((errorOf(template).details ?? []).map((d) => d.field), ['categoryCode']);
    const category = await t.app.inject({ method: 'PUT', url: '/api/admin/report-categories/khac.khac', headers: admin.headers, payload: { name: 'xx', parentCode: '' } });
    assert.equal(category.statusCode, 400, category.body);
    assert.deepEqual((errorOf(category).details ?? []).map((d) => d.field), ['parentCode']);
  });

  it('answers parallel duplicates of a deletion request and a consent once, without errors', async () => {
    const person = await registerCitizen(t.app, '0987000111');
    const consents = await Promise.all(Array.from({ length: 10 }, () =>
      t.app.inject({ method: 'POST', url: '/api/me/consents', headers: person.headers, payload: { purpose: 'terms', version: '1.0' } })));
    assert.deepEqual([...new Set(consents.map((r) => r.statusCode))].filter((c) => c >= 500), [], consents.map((r) => r.body).join('\n'));
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM consents WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL', [person.userId, 'terms']);
    assert.equal(rows[0]?.n, 1);
    const deletions = await Promise.all(Array.from({ length: 10 }, () =>
      t.app.inject({ method: 'POST', url: '/api/me/deletion-request', headers: person.headers })));
    assert.deepEqual(deletions.map((r) => r.statusCode), Array(10).fill(202), deletions.map((r) => r.body).join('\n'));
    assert.equal(new Set(deletions.map((r) => (r.json() as { dueAt: string }).dueAt)).size, 1);
  });
});

describe('cross-site request forgery and security headers', () => {
  let t: TestApp;
  let victim: TestSession;
  const evil = 'https://evil.example';
  before(async () => {
    t = await createTestApp();
    victim = await signIn(t.app, '0900000002');
  });
  after(() => t.teardown());
  const cookie = () => ({ cds_session: victim.token });

  it('refuses cookie-authenticated changes coming from another site', async () => {
    const report = await t.app.inject({
      method: 'POST', url: '/api/reports', cookies: cookie(), headers: { origin: evil, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'categoryCode=khac.khac&description=forged+report+text&lat=21.85&lon=106.76',
    });
    assert.equal(report.statusCode, 403, report.body);
    assert.equal(errorOf(report).code, 'request.cross_origin');
    const deletion = await t.app.inject({ method: 'POST', url: '/api/me/deletion-request', cookies: cookie(), headers: { origin: evil } });
    assert.equal(deletion.statusCode, 403);
    const fetchMetadata = await t.app.inject({ method: 'POST', url: '/api/me/deletion-request', cookies: cookie(), headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(fetchMetadata.statusCode, 403);
    const sibling = await t.app.inject({ method: 'POST', url: '/api/me/deletion-request', cookies: cookie(), headers: { 'sec-fetch-site': 'same-site' } });
    assert.equal(sibling.statusCode, 403);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deletion_requests WHERE user_id = $1', [victim.userId]);
    assert.equal(rows[0]?.n, 0, 'nothing was requested');
  });

  it('refuses form and text bodies on JSON routes, even from the own origin', async () => {
    const text = await t.app.inject({ method: 'POST', url: '/api/me/notifications/read-all', cookies: cookie(), headers: { origin: 'http://localhost:3999', 'content-type': 'text/plain' }, payload: '{}' });
    assert.equal(text.statusCode, 415);
    const form = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'phone=0900000002&password=Demo%402026' });
    assert.equal(form.statusCode, 415);
  });

  it('lets the own pages, Bearer clients and non-browser clients through', async () => {
    const own = await t.app.inject({ method: 'POST', url: '/api/me/notifications/read-all', cookies: cookie(), headers: { origin: 'http://localhost:3999', 'sec-fetch-site': 'same-origin' } });
    assert.equal(own.statusCode, 200, own.body);
    const sameHost = await t.app.inject({ method: 'POST', url: '/api/me/notifications/read-all', cookies: cookie(), headers: { origin: 'http://127.0.0.1:5173', host: '127.0.0.1:5173' } });
    assert.equal(sameHost.statusCode, 200, sameHost.body);
    const bearer = await t.app.inject({ method: 'POST', url: '/api/me/notifications/read-all', headers: { ...victim.headers, origin: evil } });
    assert.equal(bearer.statusCode, 200);
    const script = await t.app.inject({ method: 'POST', url: '/api/me/notifications/read-all', cookies: cookie() });
    assert.equal(script.statusCode, 200);
  });

  it('sends the security headers on API replies and pages, HSTS only over https', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /worker-src 'self' blob:/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['strict-transport-security'], undefined);
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(missing.headers['x-content-type-options'], 'nosniff');
    const https = await createTestApp({ config: { PUBLIC_URL: 'https://congdanso.example.vn', DEMO_MODE: 'true' } });
    try {
      const secure = await https.app.inject({ method: 'GET', url: '/api/health' });
      assert.match(String(secure.headers['strict-transport-security']), /max-age=31536000; includeSubDomains/);
    } finally {
      await https.teardown();
    }
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
