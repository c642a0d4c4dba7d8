// npm run db:migrate            apply pending migrations
// npm run db:migrate -- down 2  revert the last two
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { collectMigrations, migrateDown, migrateUp } from '../db/migrate.ts';
import { MODULES } from '../modules/index.ts';

const config = loadConfig();
const db = await openDatabase(config);
const migrations = await collectMigrations(MODULES);
try {
  if (process.argv[2] === 'down') {
    const steps = Number(process.argv[3] ?? '1');
    if (!Number.isInteger(steps) || steps < 1) throw new Error('usage: db:migrate -- down [steps ≥ 1]');
    console.log('reverted:', (await migrateDown(db, migrations, steps)).join(', ') || 'nothing');
  } else {
    console.log('applied:', (await migrateUp(db, migrations)).join(', ') || 'nothing (up to date)');
  }
} finally {
  await db.close();
}
