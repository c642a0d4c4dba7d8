// Test helpers: a fresh copy of the template database and the whole app, per test file.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/db/connection.ts';
import { buildApp, type BuiltApp } from '../src/app.ts';
import type { ModuleDefinition } from '../src/platform/module.ts';
import { collectMigrations, migrateUp } from '../src/db/migrate.ts';
import { MODULES } from '../src/modules/index.ts';
import { createPgliteTemplate, testConfig, withDatabase } from './template.ts';

export { testConfig };
export type { BuiltApp };

/** The app over a test database with the test configuration, not yet started (tests that pick their modules). */
export function buildTestApp(opts: { db: Database; replica?: Database; modules?: ModuleDefinition[]; config?: Record<string, string>; logger?: boolean | object }): Promise<BuiltApp> {
  return buildApp({ config: testConfig(opts.config), db: opts.db, replica: opts.replica, modules: opts.modules, logger: opts.logger ?? false });
}

export interface TestDatabase {
  db: Database;
  /** Closes the connection and opens the same database again, as a restart would. */
  reopen(): Promise<Database>;
  drop(): Promise<void>;
}

/** A database with nothing in it, not even the ledger (for migration tests). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return postgresDatabase(url, { template: null, migrate: false });
  return pgliteDatabase(await fs.mkdtemp(path.join(os.tmpdir(), 'cds-test-empty-')), null);
}

/** A private database cloned from the run's template (or built on the spot when run alone). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = process.env.TEST_TEMPLATE_DB ?? null;
    return postgresDatabase(url, { template, migrate: !template });
  }
  let template = process.env.TEST_TEMPLATE_DIR;
  if (!template) {
    // running one file directly (node --test file): build a template for this process
    template = path.join(os.tmpdir(), `cds-test-template-solo-${process.pid}`);
    await createPgliteTemplate(template);
    process.env.TEST_TEMPLATE_DIR = template;
  }
  return pgliteDatabase(await fs.mkdtemp(path.join(os.tmpdir(), 'cds-test-db-')), template);
}

async function pgliteDatabase(dir: string, template: string | null): Promise<TestDatabase> {
  const dataDir = path.join(dir, 'pglite');
  if (template) await fs.cp(template, dataDir, { recursive: true });
  let db = await openPglite(dataDir);
  return {
    get db() {
      return db;
    },
    reopen: async () => {
      await db.close();
      db = await openPglite(dataDir);
      return db;
    },
    drop: async () => {
      await db.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(url: string, opts: { template: string | null; migrate: boolean }): Promise<TestDatabase> {
  const name = `cds_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(opts.template ? `CREATE DATABASE ${name} TEMPLATE ${opts.template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  let db = await openPostgres(withDatabase(url, name), 5);
  if (opts.migrate) await migrateUp(db, await collectMigrations(MODULES));
  return {
    get db() {
      return db;
    },
    reopen: async () => {
      await db.close();
      db = await openPostgres(withDatabase(url, name), 5);
      return db;
    },
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface TestApp extends BuiltApp {
  db: Database;
  /** Closes the app and drops its database. */
  teardown(): Promise<void>;
}

export async function createTestApp(opts: { config?: Record<string, string>; work?: boolean; seed?: boolean } = {}): Promise<TestApp> {
  const { db, drop } = await createTestDatabase();
  const built = await buildApp({ config: testConfig(opts.config), db, logger: false });
  // the template is seeded already; `seed` runs the seeds again (they are idempotent) under this config
  await built.start({ seed: opts.seed ?? false, work: opts.work ?? false });
  await built.app.ready();
  return {
    ...built,
    db,
    teardown: async () => {
      await built.close();
      await drop();
    },
  };
}
