// Ordered SQL migrations with up and down and a ledger table. A migration is one file
// `NNNN_name.sql` holding `-- migrate:up` and `-- migrate:down` sections. The platform
// keeps its own in platform/migrations/ and each module in its `migrations/` folder (named
// by its manifest); the migrator collects them all and orders them by the number, one
// global order. Numbers are unique across the platform (ranges per module: see
// docs/ARCHITECTURE.md), so a new module adds migrations without editing a central list.
// Each direction runs as one multi-statement query, which PostgreSQL (and PGlite) execute
// as a single implicit transaction: a failed migration leaves nothing half-applied.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connection.ts';

export const PLATFORM_MIGRATIONS = new URL('../platform/migrations/', import.meta.url);

export interface Migration {
  version: string;
  name: string;
  up: string;
  down: string;
  /** Where it came from, for error messages. */
  file: string;
}

/** Whatever owns migrations: the platform, a module (its manifest's `migrations` folder). */
export interface MigrationSource {
  name: string;
  migrations?: URL;
}

export function parseMigration(fileName: string, text: string): Omit<Migration, 'file'> {
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

async function readDir(dir: string): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(files.map(async (f) => {
    const file = path.join(dir, f);
    return { ...parseMigration(f, await fs.readFile(file, 'utf8')), file };
  }));
}

/** Sorts by number and refuses two migrations with one number, naming both files. */
function inOrder(migrations: Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version.localeCompare(b.version));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a.version === b.version) throw new Error(`two migrations share version ${a.version}: ${a.file} and ${b.file}`);
  }
  return sorted;
}

/** The migrations of one folder (e.g. a test fixture), in order. */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  return inOrder(await readDir(dir));
}

/** The platform's migrations and those of every given module, in one global order. */
export async function collectMigrations(modules: readonly MigrationSource[]): Promise<Migration[]> {
  const dirs = [PLATFORM_MIGRATIONS, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))];
  const found = await Promise.all([...new Set(dirs.map((d) => fileURLToPath(d)))].map(readDir));
  return inOrder(found.flat());
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
export async function migrateUp(db: Database, migrations: Migration[]): Promise<string[]> {
  const done = await applied(db);
  const appliedNow: string[] = [];
  for (const mig of migrations) {
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
export async function migrateDown(db: Database, migrations: Migration[], steps = 1): Promise<string[]> {
  const done = await applied(db);
  const reverted: string[] = [];
  for (const mig of [...migrations].reverse().filter((m) => done.has(m.version)).slice(0, steps)) {
    await db.exec(`${mig.down};\nDELETE FROM schema_migrations WHERE version = ${quote(mig.version)};`);
    reverted.push(mig.version);
  }
  return reverted;
}

/** Versions of `migrations` the database has not applied yet. */
export async function pendingMigrations(db: Database, migrations: Migration[]): Promise<string[]> {
  const done = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.version);
}
