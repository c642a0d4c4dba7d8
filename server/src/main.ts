// parse config -> open database -> migrate -> build app -> listen / work
// With WEB_CONCURRENCY=N (PostgreSQL only) the node:cluster primary migrates and seeds, does the
// background work itself when PROCESS_ROLE=all, and forks N API processes that share the port.
import cluster, { type Worker } from 'node:cluster';
import fs from 'node:fs/promises';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, openReplica } from './db/connection.ts';
import { collectMigrations, migrateUp } from './db/migrate.ts';
import { MODULES } from './modules/index.ts';
import { buildApp } from './app.ts';
import { startRole } from './process.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) return apiProcess(config);
  if (!config.databaseUrl) await fs.mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase(config);
  const applied = await migrateUp(db, await collectMigrations(MODULES));
  if (applied.length) console.log(`database: applied migrations ${applied.join(', ')}`);
  const clustered = config.webConcurrency > 1;
  // the primary never listens: it seeds, then works (PROCESS_ROLE=all) or only watches the API processes
  const own: Config = clustered ? { ...config, processRole: config.processRole === 'all' ? 'worker' : config.processRole } : config;
  const replica = await openReplica(config);
  const built = await buildApp({ config: own, db, replica });
  const address = await startRole(built, own, { seed: true });
  if (clustered && own.processRole === 'api') {
    // seeding done; an API-role primary holds no app and no connections while it watches
    await built.close();
  }
  const children = clustered ? await forkApiProcesses(config.webConcurrency) : null;
  // one readable block at the end of the start, after the JSON log lines: where it runs,
  // on what, and in demo mode that demo data is loaded and who can sign in
  console.log(startBanner({
    appName: built.platform.pack.brand.appName,
    url: address || children ? config.publicUrl : null,
    database: config.databaseUrl ? `PostgreSQL (DATABASE_URL${config.databaseReplicaUrl ? ', reads from DATABASE_REPLICA_URL' : ''})` : `embedded PGlite in ${config.dataDir}`,
    role: clustered ? `${config.webConcurrency} API processes${config.processRole === 'all' ? ' + this one working' : ''}` : config.processRole,
    demo: config.demoMode,
  }));
  const shutdown = async () => {
    await children?.stop();
    if (!(clustered && own.processRole === 'api')) await built.close();
    await replica?.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/** A cluster child: PROCESS_ROLE=api set by the primary, which has migrated and seeded already. */
async function apiProcess(config: Config): Promise<void> {
  const db = await openDatabase(config);
  const replica = await openReplica(config);
  const built = await buildApp({ config, db, replica });
  await startRole(built, config, { seed: false });
  const shutdown = async () => {
    await built.close();
    await replica?.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/** Forks the API processes, replaces one that dies after it started, stops them all on shutdown. */
async function forkApiProcesses(count: number): Promise<{ stop(): Promise<void> }> {
  let stopping = false;
  const fork = (): Promise<Worker> => new Promise((resolve, reject) => {
    const worker = cluster.fork({ PROCESS_ROLE: 'api' });
    const failed = (code: number | null) => reject(new Error(`an API process exited with code ${code} before it listened`));
    worker.once('exit', failed);
    worker.once('listening', () => {
      worker.off('exit', failed);
      worker.once('exit', (code, signal) => {
        if (stopping) return;
        console.error(`API process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
        void fork().catch((err: unknown) => console.error((err as Error).message));
      });
      resolve(worker);
    });
  });
  await Promise.all(Array.from({ length: count }, fork));
  return {
    async stop() {
      stopping = true;
      await Promise.all(Object.values(cluster.workers ?? {}).map((w) => w && new Promise<void>((resolve) => {
        if (w.isDead()) return resolve();
        w.once('exit', () => resolve());
        w.process.kill('SIGTERM');
      })));
    },
  };
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
