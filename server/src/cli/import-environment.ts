// npm run import:environment -- readings.csv
// Imports monitoring readings from CSV (header `station,at,` then any of pm25, pm10, o3,
// co, so2, no2, water_level, rainfall; `at` in ISO 8601 with its offset) into the database
// named by DATABASE_URL, or the embedded one in DATA_DIR (stop the server first: the
// embedded database has one user). Readings already stored are left as they were, so a
// file can be imported again; a river crossing an alarm level is announced as in the API.
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { collectMigrations, migrateUp } from '../db/migrate.ts';
import { MODULES } from '../modules/index.ts';
import { importReadingsCsv } from '../modules/environment/index.ts';
import { AuditLog } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { EventBus } from '../platform/events.ts';

const USAGE = 'usage: npm run import:environment -- <readings.csv>';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error(USAGE);
    return 2;
  }
  // npm runs workspace scripts in server/; INIT_CWD is where the person typed the command
  const csv = await fs.readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8').catch(() => null);
  if (csv === null) {
    console.error(`cannot read ${file}`);
    return 2;
  }
  const config = loadConfig();
  if (!config.databaseUrl) await fs.mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase(config);
  try {
    await migrateUp(db, await collectMigrations(MODULES));
    const r = await importReadingsCsv({ db, events: new EventBus(db), audit: new AuditLog(db) }, csv);
    console.log(`readings stored: ${r.accepted}, already there: ${r.duplicates}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      // the module's message key and its values (the CLI does not load the apps' texts)
      const problems = Array.isArray(err.details) ? err.details.map((d) => `${d.message} ${JSON.stringify((d as { params?: unknown }).params ?? {})}`) : [err.code];
      console.error(`${file}: ${problems.join('; ')}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(2);
});
