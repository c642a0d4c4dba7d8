import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, createTestDatabase, testConfig, type BuiltApp, type TestDatabase } from '../test/helpers.ts';
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import type { ModuleDefinition } from './platform/module.ts';
import { dutiesOf, startRole } from './process.ts';

/** A module with one job and one event handler that record which process ran them. */
function probe(seen: { jobs: string[]; events: string[] }): ModuleDefinition {
  return {
    name: 'probe',
    create: () => ({
      api: {},
      jobs: [{ name: 'probe.job', handler: async (data: { n?: string }) => void seen.jobs.push(String(data.n)) }],
      events: { 'probe.happened': async (e) => void seen.events.push(String(e.aggregateId)) },
    }),
  };
}

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Running {
  built: BuiltApp;
  address: string | null;
  close(): Promise<void>;
}

/** A process of the given role over the test database, on any free port. */
async function startAs(role: Config['processRole'], db: Database, module: ModuleDefinition): Promise<Running> {
  const config = { ...testConfig({ PROCESS_ROLE: role, HOST: '127.0.0.1' }), port: 0 };
  const built = await buildTestApp({ db, config: { PROCESS_ROLE: role }, modules: [module] });
  const address = await startRole(built, config, { seed: false });
  return { built, address, close: () => built.close() };
}

describe('process roles (PROCESS_ROLE)', () => {
  const running: Running[] = [];
  let t: TestDatabase | undefined;
  after(async () => {
    for (const p of running) await p.close();
    await t?.drop();
  });

  it('says what each role does', () => {
    assert.deepEqual(dutiesOf('all'), { listen: true, work: true });
    assert.deepEqual(dutiesOf('api'), { listen: true, work: false });
    assert.deepEqual(dutiesOf('worker'), { listen: false, work: true });
  });

  it('an API process listens and runs no job or event handler; a worker process does the work and opens no port', async () => {
    t = await createTestDatabase();
    const inApi = { jobs: [] as string[], events: [] as string[] };
    const inWorker = { jobs: [] as string[], events: [] as string[] };
    const api = await startAs('api', t.db, probe(inApi));
    running.push(api);
    assert.ok(api.address, 'the API process listens');
    assert.equal(api.built.app.server.listening, true);
    const health = await fetch(`${api.address}/api/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(api.built.platform.jobs.working, [], 'the API process works no queue');
    assert.equal(api.built.platform.events.dispatching, false, 'the API process delivers no outbox event');

    const worker = await startAs('worker', t.db, probe(inWorker));
    running.push(worker);
    assert.equal(worker.address, null, 'the worker opens no port');
    assert.equal(worker.built.app.server.listening, false);
    // besides the platform's own upkeep (system.*: vacuuming on PGlite)
    assert.deepEqual(worker.built.platform.jobs.working.filter((name) => !name.startsWith('system.')), ['probe.job']);
    assert.equal(worker.built.platform.events.dispatching, true);

    // the API process sends a job and commits an event; it still relays the event live (SSE)
    const relayed: unknown[] = [];
    api.built.platform.events.live.on('event', (e: { type?: string }) => void (e.type === 'probe.happened' && relayed.push(e)));
    await api.built.platform.jobs.send('probe.job', { n: 'job-1' });
    await t.db.kysely.transaction().execute((trx) => api.built.platform.events.publish(trx, 'probe.happened', 'event-1', {}));
    await until(() => inWorker.jobs.length === 1 && inWorker.events.length === 1, 'the worker to run the job and the event');
    await until(() => relayed.length === 1, 'the API process to relay the event live');
    assert.deepEqual(inWorker, { jobs: ['job-1'], events: ['event-1'] });
    assert.deepEqual(inApi, { jobs: [], events: [] }, 'nothing ran in the API process');
  });
});
