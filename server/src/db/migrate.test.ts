import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../test/helpers.ts';
import { loadMigrations, migrateDown, migrateUp, parseMigration } from './migrate.ts';

describe('migrations', () => {
  let t: TestDatabase | undefined;
  after(() => t?.drop());

  it('parses up and down sections', () => {
    const m = parseMigration('0042_things.sql', '-- about\n-- migrate:up\nCREATE TABLE x();\n-- migrate:down\nDROP TABLE x;\n');
    assert.deepEqual(m, { version: '0042', name: 'things', up: 'CREATE TABLE x();', down: 'DROP TABLE x;' });
    assert.throws(() => parseMigration('things.sql', ''), /0001_name/);
    assert.throws(() => parseMigration('0001_x.sql', 'CREATE TABLE x();'), /migrate:up/);
  });

  it('every migration in the repo has both directions', async () => {
    const all = await loadMigrations();
    assert.ok(all.length > 0);
    for (const m of all) {
      assert.ok(m.up.length > 0, `${m.version} up`);
      assert.ok(m.down.length > 0, `${m.version} down`);
    }
  });

  it('applies in order, records the ledger, reverts, and leaves nothing of a failed one', async () => {
    t = await createTestDatabase();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-mig-'));
    await fs.writeFile(path.join(dir, '9001_a.sql'), '-- migrate:up\nCREATE TABLE mig_a (id int);\n-- migrate:down\nDROP TABLE mig_a;');
    await fs.writeFile(path.join(dir, '9002_b.sql'), '-- migrate:up\nCREATE TABLE mig_b (id int);\nINSERT INTO nope VALUES (1);\n-- migrate:down\nDROP TABLE mig_b;');
    const migrations = await loadMigrations(dir);
    await assert.rejects(migrateUp(t.db, migrations), /9002_b failed/);
    const tables = await t.db.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'mig_%' ORDER BY 1`);
    assert.deepEqual(tables.rows, [{ t: 'mig_a' }], 'the failed migration left no table behind');
    const ledger = await t.db.query(`SELECT version FROM schema_migrations WHERE version LIKE '900%'`);
    assert.deepEqual(ledger.rows, [{ version: '9001' }]);
    assert.deepEqual(await migrateDown(t.db, 1, migrations), ['9001']);
    const after = await t.db.query(`SELECT table_name FROM information_schema.tables WHERE table_name = 'mig_a'`);
    assert.equal(after.rows.length, 0);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
