import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { lastSmsCode, signIn } from '../../../test/identity.ts';

type Reply = { statusCode: number; json(): unknown };
const errorOf = (res: Reply) => (res.json() as { error: { code: string; message: string; details: { field: string; message: string }[] | null } }).error;
const fieldsOf = (res: Reply) => (errorOf(res).details ?? []).map((d) => d.field);

describe('sign-up, sign-in, sign-out and password reset', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.teardown());

  describe('sign-up with an SMS code', () => {
    const phone = '0981111111';

    it('refuses a number that is not a Vietnamese mobile number, naming the field', async () => {
      for (const bad of ['0123456789', '091234', 'abc']) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: bad } });
        assert.equal(res.statusCode, 400, bad);
        assert.deepEqual(fieldsOf(res), ['phone']);
      }
      const missing = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: {} });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(fieldsOf(missing), ['phone']);
    });

    it('answers a registered number as any other, and tells its owner by SMS instead of sending a code', async () => {
      const taken = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: '+84900000001' } });
      const free = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: '0981111199' } });
      assert.equal(taken.statusCode, 202);
      assert.equal(free.statusCode, 202);
      assert.deepEqual(taken.json(), free.json());
      const sms = await t.app.inject({ method: 'GET', url: '/api/dev/sms?to=0900000001' });
      const [note] = (sms.json() as { messages: { body: string }[] }).messages;
      assert.match(note?.body ?? '', /da co tai khoan/);
      assert.doesNotMatch(note?.body ?? '', /\d{6}/);
      // the cooldown applies alike, so a second probe tells nothing either
      const again = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: '0900000001' } });
      const againFree = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: '0981111199' } });
      assert.equal(again.statusCode, 429);
      assert.equal(againFree.statusCode, 429);
      // and no code can be guessed into learning it: verifying needs the code first
      const verify = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { phone: '0900000001', code: '123456', password: 'mat-khau-dai', fullName: 'Kẻ Dò' } });
      assert.equal(verify.statusCode, 400);
      assert.deepEqual(fieldsOf(verify), ['code']);
    });

    it('limits probes per address before looking anything up', async () => {
      const ip = '203.0.113.21';
      const replies = [];
      for (let i = 0; i < 30; i++) {
        const phone = i % 2 ? `09000000${String(i % 10).padStart(2, '0')}` : `09730000${String(i).padStart(2, '0')}`;
        replies.push((await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone }, remoteAddress: ip })).statusCode);
      }
      assert.ok(replies.filter((c) => c === 429).length >= 10, replies.join(','));
      assert.ok(replies.every((c) => c === 202 || c === 429), replies.join(','));
    });

    it('sends a six-digit code by SMS (read from GET /api/dev/sms) and asks to wait before resending', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: '+84 98 111 1111' } });
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { expiresInSeconds: 300, resendAfterSeconds: 60 });
      const sms = await t.app.inject({ method: 'GET', url: `/api/dev/sms?to=${phone}` });
      assert.equal(sms.statusCode, 200);
      const [message] = (sms.json() as { messages: { to: string; body: string; sentAt: string }[] }).messages;
      assert.equal(message?.to, phone);
      assert.match(message?.body ?? '', /^Ma xac thuc Cong dan so: \d{6}\. Het han sau 5 phut\./);
      assert.ok(!Number.isNaN(Date.parse(message?.sentAt ?? '')));

      const again = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone } });
      assert.equal(again.statusCode, 429);
      assert.equal(errorOf(again).code, 'rate_limited');
      assert.ok(Number(again.headers['retry-after']) > 0);
    });

    it('checks the code at the code step without using it up: a wrong one is refused naming "code"', async () => {
      const code = await lastSmsCode(t.app, phone);
      const wrong = code === '000000' ? '111111' : '000000';
      const bad = await t.app.inject({ method: 'POST', url: '/api/auth/register/check', payload: { phone, code: wrong } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldsOf(bad), ['code']);
      const malformed = await t.app.inject({ method: 'POST', url: '/api/auth/register/check', payload: { phone, code: '12' } });
      assert.equal(malformed.statusCode, 400);
      assert.deepEqual(fieldsOf(malformed), ['code']);
      const right = await t.app.inject({ method: 'POST', url: '/api/auth/register/check', payload: { phone, code } });
      assert.equal(right.statusCode, 204, right.body);
      // still usable: the account is created with it in the next test
    });

    it('refuses a wrong code, a short password and a missing name, naming the field', async () => {
      const code = await lastSmsCode(t.app, phone);
      const wrong = code === '000000' ? '111111' : '000000';
      const cases: [Record<string, string>, string][] = [
        [{ phone, code: wrong, password: 'mat-khau-dai', fullName: 'Lò Văn Mạnh' }, 'code'],
        [{ phone, code: '12ab', password: 'mat-khau-dai', fullName: 'Lò Văn Mạnh' }, 'code'],
        [{ phone, code, password: 'short', fullName: 'Lò Văn Mạnh' }, 'password'],
        [{ phone, code, password: 'mat-khau-dai', fullName: '   ' }, 'fullName'],
        [{ phone, code, password: 'mat-khau-dai' }, 'fullName'],
      ];
      for (const [payload, field] of cases) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload });
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.deepEqual(fieldsOf(res), [field], JSON.stringify(payload));
      }
    });

    it('creates the account, signs in with an HttpOnly cookie and returns the token', async () => {
      const code = await lastSmsCode(t.app, phone);
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { phone, code, password: 'mat-khau-dai', fullName: '  Lò  Văn Mạnh ' } });
      assert.equal(res.statusCode, 201);
      const body = res.json() as { token: string; expiresAt: string; user: { id: string; phone: string; fullName: string; roles: string[] } };
      assert.match(body.token, /^[A-Za-z0-9_-]{43}$/);
      assert.ok(Date.parse(body.expiresAt) > Date.now() + 29 * 86400e3);
      assert.equal(body.user.phone, phone);
      assert.equal(body.user.fullName, 'Lò Văn Mạnh');
      assert.deepEqual(body.user.roles, ['citizen']);
      const cookie = res.cookies.find((c) => c.name === 'cds_session');
      assert.equal(cookie?.value, body.token);
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Lax');
      assert.equal(cookie?.path, '/');
      assert.ok(!cookie?.secure, 'not Secure on an http PUBLIC_URL');

      const byCookie = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { cds_session: body.token } });
      assert.equal(byCookie.statusCode, 200);
      assert.equal((byCookie.json() as { id: string }).id, body.user.id);
      const { rows } = await t.db.query<{ token_hash: string; password_hash: string }>(
        'SELECT s.token_hash, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.phone = $1', [phone]);
      assert.ok(rows[0] && rows[0].token_hash !== body.token, 'only a hash of the token is stored');
      assert.match(rows[0]?.password_hash ?? '', /^\$argon2id\$/);
    });

    it('a used code cannot be used again', async () => {
      const code = await lastSmsCode(t.app, phone);
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { phone, code, password: 'mat-khau-dai', fullName: 'X' } });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(fieldsOf(res), ['code']);
    });

    it('limits code requests per address', async () => {
      const ip = '203.0.113.20';
      for (let i = 0; i < 20; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: `09720000${String(i).padStart(2, '0')}` }, remoteAddress: ip });
        assert.equal(res.statusCode, 202, `request ${i}`);
      }
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: '0972000099' }, remoteAddress: ip });
      assert.equal(res.statusCode, 429);
      assert.ok(Number(res.headers['retry-after']) > 0);
    });
  });

  describe('sign-in', () => {
    it('signs in a demo account with its password', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000001', password: 'Demo@2026' } });
      assert.equal(res.statusCode, 200);
      const body = res.json() as { token: string; user: { fullName: string; communeName: string } };
      assert.equal(body.user.fullName, 'Nguyễn Văn An');
      assert.equal(body.user.communeName, 'Phường Lương Văn Tri');
      assert.equal(res.cookies.find((c) => c.name === 'cds_session')?.value, body.token);
      const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: (res.json() as { user: { id: string } }).user.id });
      assert.ok(audit.some((a) => a.action === 'auth.sign_in' && a.details.method === 'password'));
    });

    it('gives the same answer for a wrong password and an unknown number', async () => {
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000001', password: 'wrong-password' } });
      const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0919999999', password: 'wrong-password' } });
      for (const res of [wrong, unknown]) {
        assert.equal(res.statusCode, 401);
        assert.equal(errorOf(res).code, 'identity.bad_credentials');
      }
      assert.equal(errorOf(wrong).message, errorOf(unknown).message);
    });

    it('names the field of bad input', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000001' } });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(fieldsOf(res), ['password']);
      const badPhone = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '12345', password: 'x' } });
      assert.deepEqual(fieldsOf(badPhone), ['phone']);
    });

    it('locks a number for a while after 5 failed tries, even with the right password', async () => {
      const ip = '203.0.113.30';
      for (let i = 0; i < 5; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000301', password: 'nope-nope' }, remoteAddress: ip });
        assert.equal(res.statusCode, 401);
      }
      const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000301', password: 'Demo@2026' }, remoteAddress: ip });
      assert.equal(locked.statusCode, 429);
      assert.equal(errorOf(locked).code, 'rate_limited');
      assert.ok(Number(locked.headers['retry-after']) > 0);
    });

    it('checks no more passwords than the limit when guesses arrive in parallel, the right one last', async () => {
      const ip = '203.0.113.33';
      const tries = Array.from({ length: 30 }, (_, i) => (i === 29 ? 'Demo@2026' : `guess-${i}`));
      const replies = await Promise.all(tries.map((password) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000102', password }, remoteAddress: ip })));
      const codes = replies.map((r) => r.statusCode);
      const checked = codes.filter((c) => c === 401 || c === 200).length;
      assert.ok(checked <= 5, `passwords checked: ${checked} (${codes.join(',')})`);
      assert.equal(codes.filter((c) => c === 429).length, 30 - checked);
      assert.ok(codes.every((c) => [200, 401, 429].includes(c)), codes.join(','));
    });

    it('checks at most the per-number limit of 200 parallel guesses from many addresses', async () => {
      const replies = await Promise.all(Array.from({ length: 200 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000002', password: `guess-${i}` }, remoteAddress: `198.51.100.${i % 50}` })));
      const checked = replies.filter((r) => r.statusCode === 401).length;
      assert.ok(checked <= 20, `passwords checked: ${checked}`);
      assert.equal(replies.filter((r) => r.statusCode === 429).length, 200 - checked);
      // the owner resets the password (an SMS code), which lifts the per-number limit
      const reset = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/start', payload: { phone: '0900000002' }, remoteAddress: '198.51.100.99' });
      assert.equal(reset.statusCode, 202);
      const code = await lastSmsCode(t.app, '0900000002');
      const done = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/verify', payload: { phone: '0900000002', code, newPassword: 'Demo@2026' }, remoteAddress: '198.51.100.99' });
      assert.equal(done.statusCode, 204);
      const owner = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000002', password: 'Demo@2026' }, remoteAddress: '198.51.100.99' });
      assert.equal(owner.statusCode, 200);
    });

    it('slows an address down after many failures across numbers instead of locking everyone behind it out', async () => {
      const ip = '203.0.113.31';
      for (let i = 0; i < 30; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: `09130000${String(i).padStart(2, '0')}`, password: 'nope-nope' }, remoteAddress: ip });
        assert.equal(res.statusCode, 401, `try ${i}`);
      }
      // past the limit, at most one try per two-second window goes through (at most two windows in a burst)
      const burst = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: `09140000${String(i).padStart(2, '0')}`, password: 'nope-nope' }, remoteAddress: ip })));
      const slowed = burst.filter((r) => r.statusCode === 429);
      assert.ok(slowed.length >= 4, burst.map((r) => r.statusCode).join(','));
      for (const r of slowed) assert.ok(Number(r.headers['retry-after']) <= 2, String(r.headers['retry-after']));
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const neighbour = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000201', password: 'Demo@2026' }, remoteAddress: ip });
      assert.equal(neighbour.statusCode, 200);
    });
  });

  describe('sign-out', () => {
    it('needs a session (401)', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout' });
      assert.equal(res.statusCode, 401);
      assert.equal(errorOf(res).code, 'auth.required');
    });

    it('ends the session and clears the cookie', async () => {
      const s = await signIn(t.app, '0900000002');
      const other = await signIn(t.app, '0900000002');
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
      assert.equal(res.statusCode, 204);
      const cleared = res.cookies.find((c) => c.name === 'cds_session');
      assert.equal(cleared?.value, '');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: other.headers })).statusCode, 200, 'other sessions stay');
    });
  });

  describe('password reset', () => {
    const phone = '0900000201';

    it('answers the same for a number without an account, and sends nothing', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/start', payload: { phone: '0914444444' } });
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { expiresInSeconds: 300, resendAfterSeconds: 60 });
      const sms = await t.app.inject({ method: 'GET', url: '/api/dev/sms?to=0914444444' });
      assert.deepEqual(sms.json(), { messages: [] });
      // checking a code tells nothing either: the same refusal as a wrong code for an account
      const check = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { phone: '0914444444', code: '123456' } });
      assert.deepEqual([check.statusCode, fieldsOf(check)], [400, ['code']]);
      const bad = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/start', payload: { phone: 'xyz' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldsOf(bad), ['phone']);
    });

    it('checks no more codes than allowed when guesses arrive in parallel, the right one last', async () => {
      const target = '0900000101';
      const start = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/start', payload: { phone: target } });
      assert.equal(start.statusCode, 202);
      const code = await lastSmsCode(t.app, target);
      const guesses = Array.from({ length: 20 }, (_, i) => (i === 19 ? code : String((Number(code) + i + 1) % 1_000_000).padStart(6, '0')));
      const replies = await Promise.all(guesses.map((c) => t.app.inject({
        method: 'POST', url: '/api/auth/password-reset/verify', headers: { 'accept-language': 'en' }, payload: { phone: target, code: c, newPassword: 'mat-khau-doan-2026' } })));
      const accepted = replies.filter((r) => r.statusCode === 204).length;
      const wrong = replies.filter((r) => r.statusCode === 400 && /not correct/.test(JSON.stringify(r.json()))).length;
      assert.ok(wrong <= 4, `wrong codes compared: ${wrong}`);
      const compared = accepted + wrong;
      assert.ok(compared <= 5, `codes compared: ${compared}`);
    });

    it('sets a new password with the code and ends the other sessions', async () => {
      const before = await signIn(t.app, phone);
      const start = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/start', payload: { phone } });
      assert.equal(start.statusCode, 202);
      const code = await lastSmsCode(t.app, phone);

      const short = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/verify', payload: { phone, code, newPassword: '1234' } });
      assert.equal(short.statusCode, 400);
      assert.deepEqual(fieldsOf(short), ['newPassword']);
      const wrongCode = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/verify', payload: { phone, code: code === '000000' ? '000001' : '000000', newPassword: 'mat-khau-moi-2026' } });
      assert.equal(wrongCode.statusCode, 400);
      assert.deepEqual(fieldsOf(wrongCode), ['code']);

      const wrongCheck = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { phone, code: code === '000000' ? '000001' : '000000' } });
      assert.equal(wrongCheck.statusCode, 400);
      assert.deepEqual(fieldsOf(wrongCheck), ['code']);
      const malformedCheck = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { phone, code: '12' } });
      assert.deepEqual([malformedCheck.statusCode, fieldsOf(malformedCheck)], [400, ['code']]);
      const rightCheck = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { phone, code } });
      assert.equal(rightCheck.statusCode, 204, rightCheck.body);

      // checking did not use the code up
      const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/verify', payload: { phone, code, newPassword: 'mat-khau-moi-2026' } });
      assert.equal(ok.statusCode, 204);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: before.headers })).statusCode, 401);
      const old = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: 'Demo@2026' } });
      assert.equal(old.statusCode, 401);
      await signIn(t.app, phone, 'mat-khau-moi-2026');
    });
  });
});

describe('production configuration: SMS gateway over HTTP, https cookies, no demo outbox', () => {
  let p: TestApp;
  let gateway: http.Server;
  const received: { auth: string | undefined; body: { to: string; from: string; text: string } }[] = [];
  let refuse = false;

  before(async () => {
    gateway = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        if (refuse) {
          res.writeHead(502).end();
          return;
        }
        received.push({ auth: req.headers.authorization, body: JSON.parse(data) as { to: string; from: string; text: string } });
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const port = (gateway.address() as AddressInfo).port;
    p = await createTestApp({
      config: {
        DEMO_MODE: 'false', PUBLIC_URL: 'https://congdanso.example.vn', SMS_CHANNEL: 'http',
        SMS_HTTP_URL: `http://127.0.0.1:${port}/send`, SMS_HTTP_TOKEN: 'gateway-token', SMS_SENDER: 'XULANG',
      },
    });
  });
  after(async () => {
    await p.teardown();
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('sends the code through the gateway and sets a Secure cookie', async () => {
    const phone = '0861234567';
    const start = await p.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone } });
    assert.equal(start.statusCode, 202);
    assert.equal(received.length, 1);
    assert.equal(received[0]?.auth, 'Bearer gateway-token');
    assert.equal(received[0]?.body.to, phone);
    assert.equal(received[0]?.body.from, 'XULANG');
    const code = /(\d{6})/.exec(received[0]?.body.text ?? '')?.[1] ?? '';
    const res = await p.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { phone, code, password: 'mat-khau-dai', fullName: 'Hà Thị Lan' } });
    assert.equal(res.statusCode, 201);
    assert.equal(res.cookies.find((c) => c.name === 'cds_session')?.secure, true);
  });

  it('says so when the gateway refuses, and lets the person ask again at once', async () => {
    refuse = true;
    const res = await p.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: '0861234568' } });
    assert.equal(res.statusCode, 503);
    assert.equal(errorOf(res).code, 'identity.sms_unavailable');
    refuse = false;
    const again = await p.app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone: '0861234568' } });
    assert.equal(again.statusCode, 202);
  });

  it('hides the demo SMS outbox (404 in the error shape)', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/dev/sms' });
    assert.equal(res.statusCode, 404);
    assert.equal(errorOf(res).code, 'not_found');
  });

  it('offers no eID sign-in without a configured provider', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/auth/eid/start' });
    assert.equal(res.statusCode, 503);
    assert.equal(errorOf(res).code, 'identity.eid_unavailable');
    const discovery = await p.app.inject({ method: 'GET', url: '/oidc/.well-known/openid-configuration' });
    assert.ok(!discovery.body.includes('"issuer"'), 'no demo provider is mounted');
  });
});
