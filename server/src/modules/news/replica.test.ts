// DATABASE_REPLICA_URL: public anonymous news reads go to the read replica, a signed-in
// person's reads to the writer, and without a replica everything reads the writer. The
// "replica" here is a second copy of the test database whose titles differ, so where each
// read went shows in the answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, createTestDatabase, type BuiltApp, type TestDatabase } from '../../../test/helpers.ts';
import { signIn } from '../../../test/identity.ts';

const REPLICA_TITLE = 'Bản tin từ bản sao chỉ đọc';

describe('news reads with a read replica', () => {
  let writer: TestDatabase;
  let replica: TestDatabase;
  let app: BuiltApp;
  before(async () => {
    writer = await createTestDatabase();
    replica = await createTestDatabase();
    await replica.db.query(`UPDATE news_items SET texts = jsonb_set(texts, '{vi,title}', to_jsonb($1::text))`, [REPLICA_TITLE]);
    app = await buildTestApp({ db: writer.db, replica: replica.db });
    await app.start({ seed: false, work: false });
  });
  after(async () => {
    await app.close();
    await writer.drop();
    await replica.drop();
  });

  it('serves the anonymous list and the feed from the replica', async () => {
    const list = await app.app.inject({ method: 'GET', url: '/api/news' });
    assert.equal(list.statusCode, 200);
    const items = list.json<{ items: { title: string }[] }>().items;
    assert.ok(items.length > 0, 'the demo seed publishes news');
    assert.ok(items.every((i) => i.title === REPLICA_TITLE));
    const feed = await app.app.inject({ method: 'GET', url: '/api/news/feed.rss' });
    assert.equal(feed.statusCode, 200);
    assert.ok(feed.body.includes(REPLICA_TITLE));
  });

  it("reads a signed-in person's list from the writer", async () => {
    const session = await signIn(app.app, '0900000001');
    const list = await app.app.inject({ method: 'GET', url: '/api/news', headers: session.headers });
    assert.equal(list.statusCode, 200);
    const items = list.json<{ items: { title: string }[] }>().items;
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => i.title !== REPLICA_TITLE));
  });

  it('uses the writer for public reads when no replica is configured', async () => {
    const plain = await buildTestApp({ db: writer.db });
    assert.equal(plain.platform.replica, writer.db);
    const list = await plain.app.inject({ method: 'GET', url: '/api/news' });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json<{ items: { title: string }[] }>().items.every((i) => i.title !== REPLICA_TITLE));
    await plain.close();
  });
});
