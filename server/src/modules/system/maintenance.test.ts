// The embedded database's vacuuming: jobs on PGlite only, and a run that clears the hot tables.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { HOT_TABLES, maintenanceJobs, vacuumHotTables } from './maintenance.ts';

describe('vacuuming the embedded database', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.teardown());

  it('schedules the jobs on PGlite only, which has no autovacuum', () => {
    assert.deepEqual(maintenanceJobs({ kind: 'pglite', exec: t.db.exec }).map((j) => [j.name, j.cron]), [['system.vacuum-hot', '*/30 * * * *'], ['system.vacuum-all', '40 3 * * *']]);
    assert.deepEqual(maintenanceJobs({ kind: 'postgres', exec: t.db.exec }), []);
  });

  it('vacuums every hot table, and each queue\'s part of the job table', async () => {
    await vacuumHotTables(t.db);
    const plain = HOT_TABLES.filter((name) => name !== 'pgboss.job');
    const res = await t.db.query<{ relname: string }>(
      'SELECT relname FROM pg_stat_all_tables WHERE relname = ANY($1::text[]) AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL', [plain]);
    assert.deepEqual(res.rows.map((r) => r.relname).sort(), [...plain].sort());
    // pg-boss's job table is partitioned by queue: the parent holds no rows, its partitions do
    const parts = await t.db.query<{ parts: number; vacuumed: number }>(`SELECT count(*)::int AS parts, count(s.last_vacuum)::int AS vacuumed
      FROM pg_inherits i JOIN pg_stat_all_tables s ON s.relid = i.inhrelid WHERE i.inhparent = 'pgboss.job'::regclass`);
    assert.ok(parts.rows[0]!.parts > 0, 'the queues have partitions');
    assert.equal(parts.rows[0]!.vacuumed, parts.rows[0]!.parts);
  });
});
