// One migrated, seeded database per test run: every test file starts from a copy of it,
// because initialising PGlite with PostGIS takes seconds and migrations take more.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config.ts';
import { openPglite, openPostgres, type Database } from '../src/db/connection.ts';
import { collectMigrations, migrateUp } from '../src/db/migrate.ts';
import { MODULES } from '../src/modules/index.ts';
import { buildApp } from '../src/app.ts';

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    DEMO_MODE: 'true',
    // tests keep the synthetic demo tiling their places were written against; the pack's real
    // map is tested on its own (modules/areas/basemap.test.ts)
    AREAS_PACK_MAP: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(os.tmpdir(), 'cds-test-files'),
    DATA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    PUBLIC_URL: 'http://localhost:3999',
    // tests count reports: the demo seed's few hundred would be noise (reports/demo.test.ts seeds its own)
    REPORTS_DEMO_COUNT: '0',
    ...overrides,
  });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Migrates and seeds a database, and lets pg-boss create its schema. */
async function prepare(db: Database): Promise<void> {
  await migrateUp(db, await collectMigrations(MODULES));
  const built = await buildApp({ config: testConfig(), db, logger: false });
  await built.start({ seed: true, work: false });
  await built.close();
}

export async function createPgliteTemplate(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  const db = await openPglite(dir);
  try {
    await prepare(db);
  } finally {
    await db.close();
  }
}

export async function createPostgresTemplate(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgres(withDatabase(url, name), 2);
  try {
    await prepare(db);
  } finally {
    await db.close();
  }
}
