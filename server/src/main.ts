// parse config -> open database -> migrate -> build app -> listen / work
import fs from 'node:fs/promises';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { collectMigrations, migrateUp } from './db/migrate.ts';
import { MODULES } from './modules/index.ts';
import { buildApp } from './app.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) await fs.mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase(config);
  const applied = await migrateUp(db, await collectMigrations(MODULES));
  if (applied.length) console.log(`database: applied migrations ${applied.join(', ')}`);
  const built = await buildApp({ config, db });
  await built.start({ seed: true, work: config.processRole !== 'api' });
  if (config.processRole !== 'worker') {
    await built.app.listen({ port: config.port, host: config.host });
    console.log(`Công dân số (${built.platform.pack.brand.appName}) is running at ${config.publicUrl}` +
      (config.demoMode ? ' — demo mode, see README for demo accounts' : ''));
  }
  if (config.demoMode) {
    console.warn([
      '*** DEMO MODE ***  Demo accounts with a published password, one-time codes readable at /api/dev/sms',
      '                   and a built-in eID provider are ON. Never use this for real citizens: set DEMO_MODE=false.',
    ].join('\n'));
  }
  const shutdown = async () => {
    await built.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
