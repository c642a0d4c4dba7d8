import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../test/helpers.ts';
import { EventBus, type DomainEvent } from './events.ts';
import { JobQueue } from './jobs.ts';

const quietLog = { error: () => undefined };

function waitFor<T>(list: T[], count: number, ms = 15000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (list.length >= count) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`waited ${ms} ms for ${count} items, got ${list.length}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

// The test database is a copy of the seeded template, which holds the demo seed's own
// events: each test reads only the rows of its own event type.
describe('outbox events', () => {
  const dbs: TestDatabase[] = [];
  after(async () => Promise.all(dbs.map((d) => d.drop())));

  it('delivers an event published in a committed transaction to its handler, once', async () => {
    const t = await createTestDatabase();
    dbs.push(t);
    const bus = new EventBus(t.db, quietLog);
    const seen: DomainEvent[] = [];
    bus.on('test.happened', async (e) => void seen.push(e));
    await bus.start(60_000);
    await t.db.kysely.transaction().execute(async (trx) => {
      await bus.publish(trx, 'test.happened', 'agg-1', { n: 1 });
    });
    await waitFor(seen, 1);
    await bus.drain();
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.aggregateId, 'agg-1');
    assert.deepEqual(seen[0]!.payload, { n: 1 });
    const { rows } = await t.db.query<{ delivered: boolean }>("SELECT delivered_at IS NOT NULL AS delivered FROM outbox_events WHERE type = 'test.happened'");
    assert.deepEqual(rows, [{ delivered: true }]);
    await bus.stop();
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const t = await createTestDatabase();
    dbs.push(t);
    const bus = new EventBus(t.db, quietLog);
    const seen: DomainEvent[] = [];
    bus.on('test.happened', async (e) => void seen.push(e));
    await bus.start(60_000);
    await assert.rejects(
      t.db.kysely.transaction().execute(async (trx) => {
        await bus.publish(trx, 'test.happened', 'agg-2', {});
        throw new Error('change failed');
      }),
      /change failed/,
    );
    await bus.drain();
    assert.equal(seen.length, 0);
    const { rows } = await t.db.query("SELECT 1 FROM outbox_events WHERE type = 'test.happened'");
    assert.equal(rows.length, 0);
    await bus.stop();
  });

  it('retries a failing handler and records the error', async () => {
    const t = await createTestDatabase();
    dbs.push(t);
    const bus = new EventBus(t.db, quietLog);
    let calls = 0;
    bus.on('test.flaky', async () => {
      calls++;
      if (calls === 1) throw new Error('temporary');
    });
    await t.db.kysely.transaction().execute((trx) => bus.publish(trx, 'test.flaky', null, {}));
    await bus.drain();
    const first = await t.db.query<{ last_error: string | null; delivered: boolean }>("SELECT last_error, delivered_at IS NOT NULL AS delivered FROM outbox_events WHERE type = 'test.flaky'");
    assert.deepEqual(first.rows, [{ last_error: 'temporary', delivered: false }]);
    await t.db.query("UPDATE outbox_events SET claimed_until = now() - interval '1 second' WHERE type = 'test.flaky'"); // back-off elapsed
    await bus.drain();
    const second = await t.db.query<{ delivered: boolean }>("SELECT delivered_at IS NOT NULL AS delivered FROM outbox_events WHERE type = 'test.flaky'");
    assert.deepEqual(second.rows, [{ delivered: true }]);
    assert.equal(calls, 2);
  });
});

describe('durable jobs', () => {
  it('a job sent before a restart is worked after it', async () => {
    const t = await createTestDatabase();
    try {
      const before = new JobQueue(t.db);
      before.define({ name: 'test-restart', handler: async () => undefined });
      await before.start({ work: false }); // an API-only process: queues, no workers
      const id = await before.send('test-restart', { hello: 'world' });
      assert.ok(id);
      await before.stop();

      const db = await t.reopen();
      const done: object[] = [];
      const afterRestart = new JobQueue(db);
      afterRestart.define<{ hello: string }>({ name: 'test-restart', handler: async (data) => void done.push(data) });
      await afterRestart.start({ work: true });
      await waitFor(done, 1, 30_000);
      assert.deepEqual(done, [{ hello: 'world' }]);
      await afterRestart.stop();
    } finally {
      await t.drop();
    }
  });
});
