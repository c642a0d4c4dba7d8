// Sessions are answered from memory (principal-cache.ts): what a person may do must still
// change the moment a membership is granted or revoked, or the session ends.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn, type TestSession } from '../../../test/identity.ts';

describe('a cached session follows changes at once', () => {
  let t: TestApp;
  let admin: TestSession;
  let binh: TestSession;
  before(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, '0900000901');
    binh = await signIn(t.app, '0900000002');
  });
  after(() => t.teardown());

  const rolesOf = async (s: TestSession) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: s.headers });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { roles: string[] }).roles;
  };

  it('a granted role works on the next request, and a revoked one stops', async () => {
    assert.deepEqual(await rolesOf(binh), ['citizen']);
    assert.deepEqual(await rolesOf(binh), ['citizen'], 'now answered from memory');
    const grant = await t.app.inject({ method: 'POST', url: '/api/admin/memberships', headers: admin.headers, payload: { userId: binh.userId, role: 'leader', areaCode: '20' } });
    assert.equal(grant.statusCode, 201, grant.body);
    assert.deepEqual(await rolesOf(binh), ['citizen', 'leader']);
    const leaderView = await t.app.inject({ method: 'GET', url: '/api/dashboard/citizens', headers: binh.headers });
    assert.equal(leaderView.statusCode, 200, 'the new role is honoured by policies too');
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/admin/memberships/${(grant.json() as { id: string }).id}`, headers: admin.headers });
    assert.ok(revoke.statusCode < 300, revoke.body);
    assert.deepEqual(await rolesOf(binh), ['citizen']);
  });

  it('a signed-out token is refused on the next request', async () => {
    const s = await signIn(t.app, '0900000001');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).statusCode, 200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    assert.ok(out.statusCode < 300, out.body);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).statusCode, 401);
  });
});
