import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';

describe('system routes', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.teardown());

  it('reports health once migrations are applied', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('reports 503 when a migration is pending', async () => {
    await t.db.query(`DELETE FROM schema_migrations WHERE version = '0001'`);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.statusCode, 503);
      assert.match(res.json().reason, /0001/);
    } finally {
      await t.db.query(`INSERT INTO schema_migrations (version, name) VALUES ('0001', 'platform')`);
    }
  });

  it('publishes an OpenAPI 3 document listing the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths['/api/health']);
  });

  it('serves the docs UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /html/);
  });

  it('answers unknown routes with 404 in the error shape, Vietnamese by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(res.statusCode, 404);
    const body = res.json();
    assert.equal(body.error.code, 'route_not_found');
    assert.match(body.error.message, /Không có địa chỉ GET \/api\/nope/);
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.match(res.json().error.message, /No route GET \/api\/nope/);
  });

  it('lists the brand of the province pack', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/features' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().brand.appName, 'Công dân số Xứ Lạng');
    assert.equal(res.json().province.code, '20');
  });
});
