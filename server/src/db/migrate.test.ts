import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../../test/helpers.ts';
import { MODULES } from '../modules/index.ts';
import type { Database } from './connection.ts';
import { collectMigrations, loadMigrations, migrateDown, migrateUp, parseMigration, pendingMigrations } from './migrate.ts';

// The migration files exactly as main shipped them before they moved into the modules'
// folders: a database created then must upgrade without re-applying anything.
const BEFORE_MODULE_FOLDERS = fileURLToPath(new URL('../../test/fixtures/migrations-before-i8/', import.meta.url));

async function tempDir(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-mig-'));
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  return dir;
}

/** Tables, columns, constraints, indexes, functions and triggers of the public schema, as text. */
async function schemaOf(db: Database): Promise<string[]> {
  const q = async (sql: string) => (await db.query<{ d: string }>(sql)).rows.map((r) => r.d);
  return [
    ...(await q(`SELECT concat_ws(' ', table_name, column_name, data_type, udt_name, is_nullable, column_default, ordinal_position) AS d
                 FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`)),
    ...(await q(`SELECT concat_ws(' ', c.relname, k.conname, pg_get_constraintdef(k.oid)) AS d
                 FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' ORDER BY 1`)),
    ...(await q(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`)),
    ...(await q(`SELECT concat_ws(' ', p.proname, pg_get_function_identity_arguments(p.oid), md5(p.prosrc)) AS d
                 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1`)),
    ...(await q(`SELECT concat_ws(' ', c.relname, t.tgname, pg_get_triggerdef(t.oid)) AS d
                 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1`)),
    ...(await q(`SELECT concat_ws(' ', extname) AS d FROM pg_extension ORDER BY 1`)),
  ];
}

describe('migrations', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  after(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it('parses up and down sections', () => {
    const m = parseMigration('0042_things.sql', '-- about\n-- migrate:up\nCREATE TABLE x();\n-- migrate:down\nDROP TABLE x;\n');
    assert.deepEqual(m, { version: '0042', name: 'things', up: 'CREATE TABLE x();', down: 'DROP TABLE x;' });
    assert.throws(() => parseMigration('things.sql', ''), /0001_name/);
    assert.throws(() => parseMigration('0001_x.sql', 'CREATE TABLE x();'), /migrate:up/);
  });

  it('collects the platform and every module in one global order, each with both directions', async () => {
    const all = await collectMigrations(MODULES);
    assert.ok(all.length > 0);
    assert.deepEqual(all.map((m) => m.version), [...all.map((m) => m.version)].sort());
    assert.equal(all[0]!.version, '0001', 'the platform comes first');
    for (const m of all) {
      assert.ok(m.up.length > 0, `${m.version} up`);
      assert.ok(m.down.length > 0, `${m.version} down`);
    }
    for (const def of MODULES) {
      if (!def.migrations) continue;
      const own = await fs.readdir(def.migrations);
      assert.ok(own.every((f) => all.some((m) => path.basename(m.file) === f)), `${def.name}'s migrations are collected`);
    }
  });

  it('refuses two migrations with one number, in two modules, naming both files', async () => {
    const a = await tempDir({ '0901_one.sql': '-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;' });
    const b = await tempDir({ '0901_other.sql': '-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;' });
    cleanup.push(() => fs.rm(a, { recursive: true, force: true }), () => fs.rm(b, { recursive: true, force: true }));
    const modules = [{ name: 'a', migrations: pathToFileURL(`${a}/`) }, { name: 'b', migrations: pathToFileURL(`${b}/`) }];
    await assert.rejects(collectMigrations(modules), (err: Error) => /two migrations share version 0901/.test(err.message) && err.message.includes('0901_one.sql') && err.message.includes('0901_other.sql'));
  });

  it('applies in order, records the ledger, reverts, and leaves nothing of a failed one', async () => {
    const t: TestDatabase = await createTestDatabase();
    cleanup.push(() => t.drop());
    const dir = await tempDir({
      '9001_a.sql': '-- migrate:up\nCREATE TABLE mig_a (id int);\n-- migrate:down\nDROP TABLE mig_a;',
      '9002_b.sql': '-- migrate:up\nCREATE TABLE mig_b (id int);\nINSERT INTO nope VALUES (1);\n-- migrate:down\nDROP TABLE mig_b;',
    });
    cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
    const migrations = await loadMigrations(dir);
    await assert.rejects(migrateUp(t.db, migrations), /9002_b failed/);
    const tables = await t.db.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_name LIKE 'mig_%' ORDER BY 1`);
    assert.deepEqual(tables.rows, [{ t: 'mig_a' }], 'the failed migration left no table behind');
    const ledger = await t.db.query(`SELECT version FROM schema_migrations WHERE version LIKE '900%'`);
    assert.deepEqual(ledger.rows, [{ version: '9001' }]);
    assert.deepEqual(await migrateDown(t.db, migrations, 1), ['9001']);
    const after = await t.db.query(`SELECT table_name FROM information_schema.tables WHERE table_name = 'mig_a'`);
    assert.equal(after.rows.length, 0);
  });

  it('upgrades a database migrated by the files as main shipped them: nothing re-applied, same schema as a fresh one', async () => {
    const before = await loadMigrations(BEFORE_MODULE_FOLDERS);
    const now = await collectMigrations(MODULES);
    // every ledger entry keeps its name, so an existing database sees them as applied
    const ledgerNow = new Map(now.map((m) => [m.version, m.name]));
    for (const m of before) assert.equal(ledgerNow.get(m.version), m.name, `${m.version}_${m.name} keeps its ledger name`);

    const old = await createEmptyDatabase();
    cleanup.push(() => old.drop());
    assert.deepEqual(await migrateUp(old.db, before), before.map((m) => m.version));
    const upgraded = await migrateUp(old.db, now);
    const reapplied = upgraded.filter((v) => before.some((m) => m.version === v));
    assert.deepEqual(reapplied, [], 'nothing applied before is applied again');
    assert.deepEqual(upgraded, now.filter((m) => !before.some((b) => b.version === m.version)).map((m) => m.version), 'only migrations added since are applied');
    assert.deepEqual(await pendingMigrations(old.db, now), []);

    // the run's template is a fresh migration of today's files (its seed data and pg-boss's
    // own schema do not touch the public schema compared here)
    const fresh = await createTestDatabase();
    cleanup.push(() => fresh.drop());
    const schema = await schemaOf(fresh.db);
    assert.ok(schema.some((d) => d.startsWith('dossiers ')) && schema.some((d) => d.includes('audit_log_is_append_only')), 'the comparison sees tables and functions');
    assert.deepEqual(await schemaOf(old.db), schema);
    const ledger = async (db: Database) => (await db.query<{ v: string }>(`SELECT version || '_' || name AS v FROM schema_migrations ORDER BY 1`)).rows.map((r) => r.v);
    assert.deepEqual(await ledger(old.db), await ledger(fresh.db));
  });
});
