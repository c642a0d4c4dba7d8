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
  if (config.processRole !== 'worker') await built.app.listen({ port: config.port, host: config.host });
  // one readable block at the end of the start, after the JSON log lines: where it runs,
  // on what, and in demo mode that demo data is loaded and who can sign in
  console.log(startBanner({
    appName: built.platform.pack.brand.appName,
    url: config.processRole === 'worker' ? null : config.publicUrl,
    database: config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`,
    role: config.processRole,
    demo: config.demoMode,
  }));
  const shutdown = async () => {
    await built.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/** Accounts the demo seeds (password Demo@2026); README "Demo accounts" has the full table. */
const DEMO_ACCOUNTS: readonly [string, string][] = [
  ['0900000001', 'citizen Nguyễn Văn An, Phường Lương Văn Tri'],
  ['0900000002', 'citizen Hoàng Thị Bình, Xã Thất Khê'],
  ['0900000101', 'officer, UBND Phường Lương Văn Tri'],
  ['0900000102', 'officer, UBND Xã Thất Khê'],
  ['0900000201', 'leader, whole province (dashboard)'],
  ['0900000401', 'alert officer · 0900000402/403 news editors'],
  ['0900000501', 'finance officer · 0900000601 land officer · 0900000602 land officer (publishes plans)'],
  ['0900000701', 'assistant editor · 0900000702 agency admin, UBND Phường Lương Văn Tri'],
  ['0900000801', 'market officer · 0900000802–805 sellers'],
  ['0900007101…', 'department officers (…1) and agency admins (…2): 710x CA, 711x SCT, 712x SNNMT, 713x SXD'],
  ['0900008000…', 'one officer in every other commune People\'s Committee'],
  ['0900000901', 'system administrator'],
];

function startBanner(o: { appName: string; url: string | null; database: string; role: string; demo: boolean }): string {
  const lines = [
    `Công dân số — ${o.appName}`,
    o.url ? `Running at ${o.url}` : 'Worker process (no HTTP)',
    `Node.js ${process.versions.node} · database: ${o.database} · process role: ${o.role}`,
  ];
  if (o.demo) {
    lines.push(
      'DEMO MODE: demo data loaded (demo accounts, reports across the province, parcels, bills).',
      'Never use it for real citizens: set DEMO_MODE=false. One-time codes: GET /api/dev/sms.',
      'Demo accounts, password Demo@2026:',
      ...DEMO_ACCOUNTS.map(([phone, who]) => `  ${phone.padEnd(12)} ${who}`),
    );
  }
  const rule = '─'.repeat(Math.max(...lines.map((l) => l.length)) + 2);
  return ['', rule, ...lines.map((l) => ` ${l}`), rule, ''].join('\n');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
