// DATABASE_REPLICA_URL: the public list and map of reports read the replica, everything a
// person files or follows reads and writes the writer. The "replica" is a second copy of the
// test database that never sees the report filed here, so where each read went shows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, createTestDatabase, type BuiltApp, type TestDatabase } from '../../../test/helpers.ts';
import { signIn } from '../../../test/identity.ts';

const HERE = { lat: 21.85, lon: 106.76 }; // Phường Lương Văn Tri (05983)

describe('public report reads with a read replica', () => {
  let writer: TestDatabase;
  let replica: TestDatabase;
  let app: BuiltApp;
  let code = '';
  before(async () => {
    writer = await createTestDatabase();
    replica = await createTestDatabase();
    app = await buildTestApp({ db: writer.db, replica: replica.db });
    await app.start({ seed: false, work: false });
    const an = await signIn(app.app, '0900000001');
    const filed = await app.app.inject({
      method: 'POST', url: '/api/reports', headers: an.headers,
      payload: { categoryCode: 'moi-truong.rac-thai', answers: { amount: 'large' }, description: 'Rác đổ bừa bãi ở đầu ngõ', ...HERE },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    code = filed.json<{ trackingCode: string }>().trackingCode;
  });
  after(async () => {
    await app.close();
    await writer.drop();
    await replica.drop();
  });

  it('answers the report itself from the writer at once', async () => {
    const one = await app.app.inject({ method: 'GET', url: `/api/reports/${code}` });
    assert.equal(one.statusCode, 200);
  });

  it('serves the public list and the map from the replica, which has not caught up yet', async () => {
    const list = await app.app.inject({ method: 'GET', url: '/api/reports?limit=50' });
    assert.equal(list.statusCode, 200);
    assert.ok(!list.json<{ items: { trackingCode: string }[] }>().items.some((r) => r.trackingCode === code));
    const map = await app.app.inject({ method: 'GET', url: '/api/reports/map?bbox=106,21,108,23' });
    assert.equal(map.statusCode, 200);
    assert.ok(!map.json<{ items: { trackingCode: string }[] }>().items.some((r) => r.trackingCode === code));
  });

  it('reads the writer for the public list when no replica is configured', async () => {
    const plain = await buildTestApp({ db: writer.db });
    const list = await plain.app.inject({ method: 'GET', url: '/api/reports?limit=50' });
    assert.ok(list.json<{ items: { trackingCode: string }[] }>().items.some((r) => r.trackingCode === code));
    const map = await plain.app.inject({ method: 'GET', url: '/api/reports/map?bbox=106,21,108,23' });
    assert.ok(map.json<{ items: { trackingCode: string }[] }>().items.some((r) => r.trackingCode === code));
    await plain.close();
  });
});
