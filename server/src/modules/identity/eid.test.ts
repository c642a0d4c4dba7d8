import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { parseEidDate, readEidIdentity } from './eid/claims.ts';
import { safeReturnTo } from './eid/service.ts';
import { identityModule } from './index.ts';

interface Hop {
  status: number;
  location: string;
  body: string;
  cookies: { name: string; value: string; path?: string; httpOnly?: boolean; gone: boolean }[];
}

type Send = (method: 'GET' | 'POST', path: string, cookies: Record<string, string>, form?: string) => Promise<Hop>;

/** A browser that keeps cookies and follows nothing by itself, so every hop can be checked. */
class Browser {
  readonly jar = new Map<string, string>();
  constructor(private readonly send: Send, private readonly origin: string) {}

  async go(method: 'GET' | 'POST', url: string, form?: string): Promise<Hop> {
    const target = new URL(url, this.origin);
    assert.equal(target.origin, this.origin, `stays on ${this.origin}: ${url}`);
    const hop = await this.send(method, `${target.pathname}${target.search}`, Object.fromEntries(this.jar), form);
    for (const c of hop.cookies) {
      if (c.gone) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return hop;
  }
}

const injectTransport = (t: TestApp): Send => async (method, path, cookies, form) => {
  const res = await t.app.inject({ method, url: path, cookies, payload: form, headers: form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {} });
  return {
    status: res.statusCode,
    location: String(res.headers.location ?? ''),
    body: res.body,
    cookies: res.cookies.map((c) => ({
      name: c.name, value: c.value, path: c.path, httpOnly: c.httpOnly,
      gone: c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now()),
    })),
  };
};

const fetchTransport = (origin: string): Send => async (method, path, cookies, form) => {
  const res = await fetch(`${origin}${path}`, {
    method,
    redirect: 'manual',
    body: form,
    headers: {
      cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; '),
      ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
  });
  return {
    status: res.status,
    location: res.headers.get('location') ?? '',
    body: await res.text(),
    cookies: res.headers.getSetCookie().map((line) => {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const [name = '', value = ''] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const expires = attrs.find((a) => /^expires=/i.test(a))?.slice(8);
      const maxAge = attrs.find((a) => /^max-age=/i.test(a))?.slice(8);
      return { name, value, gone: value === '' || maxAge === '0' || (expires !== undefined && Date.parse(expires) < Date.now()) };
    }),
  };
};

/** Start → provider → pick a person → back through the callback; returns the final hop. */
async function signInWithEid(browser: Browser, person: string, returnTo = '/account'): Promise<Hop> {
  const start = await browser.go('GET', `/api/auth/eid/start?returnTo=${encodeURIComponent(returnTo)}`);
  assert.equal(start.status, 302, start.body);
  const authorize = await browser.go('GET', start.location);
  assert.equal(authorize.status, 303, authorize.body);
  assert.match(authorize.location, /\/oidc\/interaction\/[\w-]+$/);
  const page = await browser.go('GET', authorize.location);
  assert.equal(page.status, 200, page.body);
  assert.match(page.body, /<html lang="vi">/);
  const chosen = await browser.go('POST', authorize.location, `person=${encodeURIComponent(person)}`);
  assert.equal(chosen.status, 303, chosen.body);
  const resumed = await browser.go('GET', chosen.location);
  assert.equal(resumed.status, 303, resumed.body);
  assert.match(resumed.location, /\/api\/auth\/eid\/callback\?/);
  return browser.go('GET', resumed.location);
}

async function me(t: TestApp, browser: Browser) {
  const res = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { cds_session: browser.jar.get('cds_session') ?? '' } });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

describe('eID claims', () => {
  it('reads VNeID claims and dates in the usual forms', () => {
    assert.equal(parseEidDate('12/03/1985'), '1985-03-12');
    assert.equal(parseEidDate('1/3/1985'), '1985-03-01');
    assert.equal(parseEidDate('1985-03-12'), '1985-03-12');
    assert.equal(parseEidDate('12031985'), '1985-03-12');
    assert.equal(parseEidDate('30/02/1985'), null);
    assert.equal(parseEidDate(12), null);
    assert.deepEqual(readEidIdentity({ sub: 's1', SoDinhDanh: '020192004567', HoVaTen: ' Trần  Thị Cúc ', NgayThangNamSinh: '21/07/1992', LoaiTaiKhoan: '2' }), {
      sub: 's1', personalId: '020192004567', fullName: 'Trần Thị Cúc', dateOfBirth: '1992-07-21', level: 2,
    });
    assert.deepEqual(readEidIdentity({ sub: 's2', SoDinhDanh: '123' }), { sub: 's2', personalId: null, fullName: '', dateOfBirth: null, level: null });
    assert.throws(() => readEidIdentity({ HoVaTen: 'x' }));
  });

  it('returns only to paths of this app', () => {
    assert.equal(safeReturnTo('/account/data?tab=1#x'), '/account/data?tab=1#x');
    for (const bad of [undefined, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/a\nb']) {
      assert.equal(safeReturnTo(bad), '/', String(bad));
    }
  });
});

describe('eID sign-in with the embedded demo provider (in-process)', () => {
  let t: TestApp;
  const origin = 'http://localhost:3999';
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.teardown());

  it('publishes the discovery document at the issuer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/oidc/.well-known/openid-configuration' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as Record<string, unknown>;
    assert.equal(doc.issuer, `${origin}/oidc`);
    assert.equal(doc.authorization_endpoint, `${origin}/oidc/auth`);
    assert.equal(doc.userinfo_endpoint, `${origin}/oidc/me`);
    for (const claim of ['SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'LoaiTaiKhoan']) assert.ok((doc.claims_supported as string[]).includes(claim), claim);
  });

  it('sends the browser to the provider with PKCE, state and nonce, bound by a cookie', async () => {
    const browser = new Browser(injectTransport(t), origin);
    const start = await browser.go('GET', '/api/auth/eid/start?returnTo=/account');
    assert.equal(start.status, 302);
    const url = new URL(start.location);
    assert.equal(`${url.origin}${url.pathname}`, `${origin}/oidc/auth`);
    assert.equal(url.searchParams.get('client_id'), 'cong-dan-so');
    assert.equal(url.searchParams.get('redirect_uri'), `${origin}/api/auth/eid/callback`);
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(url.searchParams.get('code_challenge') && url.searchParams.get('nonce'));
    const stateCookie = start.cookies.find((c) => c.name === 'cds_eid');
    assert.equal(stateCookie?.value, url.searchParams.get('state'));
    assert.equal(stateCookie?.httpOnly, true);
    assert.equal(stateCookie?.path, '/api/auth/eid');
  });

  it('creates a citizen account for a new person (no phone) and signs in', async () => {
    const browser = new Browser(injectTransport(t), origin);
    const done = await signInWithEid(browser, 'demo-vneid-cuc', '/account/data?tab=1');
    assert.equal(done.status, 302);
    assert.equal(done.location, '/account/data?tab=1');
    const { status, body } = await me(t, browser);
    assert.equal(status, 200);
    assert.equal(body.fullName, 'Trần Thị Cúc');
    assert.equal(body.phone, null);
    assert.equal(body.dateOfBirth, '1992-07-21');
    assert.equal(body.sex, 'female');
    assert.equal(body.personalIdMasked, '020*******67');
    assert.equal(body.eidLinked, true);
    assert.equal(body.eidLevel, 2);
    assert.deepEqual(body.roles, ['citizen']);
    const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: String(body.id) });
    assert.ok(audit.some((a) => a.action === 'auth.sign_in' && a.details.method === 'eid' && a.details.outcome === 'created'));

    const again = new Browser(injectTransport(t), origin);
    await signInWithEid(again, 'demo-vneid-cuc');
    assert.equal((await me(t, again)).body.id, body.id, 'the same eID subject is the same account');
    const { rows } = await t.db.query(`SELECT 1 FROM users WHERE eid_sub = 'demo-vneid-cuc'`);
    assert.equal(rows.length, 1);
  });

  it('links to the existing account with the same personal ID', async () => {
    const anId = await t.platform.use(identityModule).findUserIdByPhone('0900000001');
    const browser = new Browser(injectTransport(t), origin);
    const done = await signInWithEid(browser, 'demo-vneid-an');
    assert.equal(done.location, '/account');
    const { body } = await me(t, browser);
    assert.equal(body.id, anId);
    assert.equal(body.phone, '0900000001');
    assert.equal(body.eidLinked, true);
    assert.equal(body.eidLevel, 2);
    const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: anId ?? '' });
    assert.ok(audit.some((a) => a.action === 'auth.sign_in' && a.details.outcome === 'linked'));
  });

  it('never returns to another site', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/']) {
      const done = await signInWithEid(new Browser(injectTransport(t), origin), 'demo-vneid-cuc', returnTo);
      assert.equal(done.location, '/');
    }
  });

  it('fails safely without the state cookie, with a replayed callback, or when the person cancels', async () => {
    const browser = new Browser(injectTransport(t), origin);
    const start = await browser.go('GET', '/api/auth/eid/start');
    const authorize = await browser.go('GET', start.location);
    const chosen = await browser.go('POST', authorize.location, 'person=demo-vneid-cuc');
    const resumed = await browser.go('GET', chosen.location);
    assert.equal(resumed.status, 303);
    // another browser (no state cookie) cannot use this callback
    const stranger = await new Browser(injectTransport(t), origin).go('GET', resumed.location);
    assert.equal(stranger.status, 302);
    assert.equal(stranger.location, '/sign-in?eid=failed');
    assert.ok(!stranger.cookies.some((c) => c.name === 'cds_session' && !c.gone));
    // the right browser succeeds once, then the state is spent
    const ok = await browser.go('GET', resumed.location);
    assert.equal(ok.location, '/');
    browser.jar.set('cds_eid', new URL(resumed.location, origin).searchParams.get('state') ?? '');
    const replay = await browser.go('GET', resumed.location);
    assert.equal(replay.location, '/sign-in?eid=failed');

    const cancel = new Browser(injectTransport(t), origin);
    const s2 = await cancel.go('GET', '/api/auth/eid/start');
    const a2 = await cancel.go('GET', s2.location);
    const aborted = await cancel.go('POST', `${a2.location}/abort`, '');
    const back = await cancel.go('GET', aborted.location);
    assert.equal(back.status, 303);
    const end = await cancel.go('GET', back.location);
    assert.equal(end.location, '/sign-in?eid=failed');
    assert.ok(!cancel.jar.has('cds_session'));
  });

  it('shows an accessible choice of demo people, and an explanation when the sign-in expired', async () => {
    const browser = new Browser(injectTransport(t), origin);
    const start = await browser.go('GET', '/api/auth/eid/start');
    const authorize = await browser.go('GET', start.location);
    const page = await browser.go('GET', authorize.location);
    for (const text of ['Trần Thị Cúc', 'Nguyễn Văn An', '<fieldset>', '<legend>', 'type="radio"', 'Đăng nhập']) assert.ok(page.body.includes(text), text);
    const noPerson = await browser.go('POST', authorize.location, '');
    assert.equal(noPerson.status, 400);
    assert.match(noPerson.body, /role="alert"/);
    const expired = await new Browser(injectTransport(t), origin).go('GET', authorize.location);
    assert.equal(expired.status, 400);
    assert.match(expired.body, /hết hạn/);
  });
});

describe('eID sign-in over real HTTP with EID_ISSUER configured (as with a real provider)', () => {
  let t: TestApp;
  let origin: string;
  before(async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    origin = `http://127.0.0.1:${port}`;
    t = await createTestApp({ config: { PUBLIC_URL: origin, EID_ISSUER: `${origin}/oidc`, EID_CLIENT_SECRET: 'a-configured-secret' } });
    await t.app.listen({ port, host: '127.0.0.1' });
  });
  after(() => t.teardown());

  it('discovers the provider over the network and signs in', async () => {
    const browser = new Browser(fetchTransport(origin), origin);
    const done = await signInWithEid(browser, 'demo-vneid-dung', '/account');
    assert.equal(done.status, 302);
    assert.equal(done.location, '/account');
    const { body } = await me(t, browser);
    assert.equal(body.fullName, 'Lý Văn Dũng');
    assert.equal(body.dateOfBirth, '2001-11-02');
    assert.equal(body.sex, 'male');
    assert.equal(body.eidLevel, 1);
  });
});
