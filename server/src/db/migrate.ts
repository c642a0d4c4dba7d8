// Ordered SQL migrations with up and down and a ledger table. A migration is one file
// `NNNN_name.sql` holding `-- migrate:up` and `-- migrate:down` sections. Each direction
// runs as one multi-statement query, which PostgreSQL (and PGlite) execute as a single
// implicit transaction: a failed migration leaves nothing half-applied.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connection.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: string;
  name: string;
  up: string;
  down: string;
}

export function parseMigration(fileName: string, text: string): Migration {
  const m = /^(\d{4})_([\w-]+)\.sql$/.exec(fileName);
  if (!m) throw new Error(`migration file name must look like 0001_name.sql: ${fileName}`);
  const upAt = text.indexOf('-- migrate:up');
  const downAt = text.indexOf('-- migrate:down');
  if (upAt < 0 || downAt < upAt) throw new Error(`${fileName}: needs "-- migrate:up" then "-- migrate:down"`);
  return {
    version: m[1]!,
    name: m[2]!,
    up: text.slice(upAt + '-- migrate:up'.length, downAt).trim(),
    down: text.slice(downAt + '-- migrate:down'.length).trim(),
  };
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations = await Promise.all(files.map(async (f) => parseMigration(f, await fs.readFile(path.join(dir, f), 'utf8'))));
  const seen = new Set<string>();
  for (const mig of migrations) {
    if (seen.has(mig.version)) throw new Error(`two migrations share version ${mig.version}`);
    seen.add(mig.version);
  }
  return migrations;
}

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

async function applied(db: Database): Promise<Set<string>> {
  await db.exec(LEDGER);
  const { rows } = await db.query<{ version: string }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((r) => r.version));
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Applies every pending migration in order; returns the versions applied. */
export async function migrateUp(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const done = await applied(db);
  const appliedNow: string[] = [];
  for (const mig of all) {
    if (done.has(mig.version)) continue;
    try {
      // The advisory lock makes concurrent starters queue; the ledger insert is inside the
      // same implicit transaction as the DDL.
      await db.exec(`SELECT pg_advisory_xact_lock(724911);\n${mig.up};\nINSERT INTO schema_migrations (version, name) VALUES (${quote(mig.version)}, ${quote(mig.name)});`);
      appliedNow.push(mig.version);
    } catch (err) {
      if ((await applied(db)).has(mig.version)) continue; // another process applied it meanwhile
      throw new Error(`migration ${mig.version}_${mig.name} failed: ${(err as Error).message}`);
    }
  }
  return appliedNow;
}

/** Reverts the last `steps` applied migrations, newest first. */
export async function migrateDown(db: Database, steps = 1, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const done = await applied(db);
  const reverted: string[] = [];
  for (const mig of [...all].reverse().filter((m) => done.has(m.version)).slice(0, steps)) {
    await db.exec(`${mig.down};\nDELETE FROM schema_migrations WHERE version = ${quote(mig.version)};`);
    reverted.push(mig.version);
  }
  return reverted;
}

// The files do not change while the process runs; health checks should not re-read them.
let shipped: Promise<Migration[]> | undefined;

export async function pendingMigrations(db: Database): Promise<string[]> {
  const done = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  shipped ??= loadMigrations();
  return (await shipped).filter((m) => !done.has(m.version)).map((m) => m.version);
}
