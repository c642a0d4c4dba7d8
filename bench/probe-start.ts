// Where a start on an existing data directory spends its time and memory: the steps of
// server/src/main.ts timed one by one in a fresh process, with the process's memory and CPU
// time after each (and, on PGlite, the WebAssembly heap), and each module's seed on its own.
// Prints one JSON line; bench/suites/footprint.ts and bench/restart.ts run it.
// Usage: DATA_DIR=… [DATABASE_URL=…] node --import tsx bench/probe-start.ts
const t0 = performance.now();
interface Step { step: string; ms: number; cpuMs: number; rssMb: number; heapMb: number; externalMb: number; arrayBuffersMb: number; wasmMb?: number }
const steps: Step[] = [];
let last = t0;
let lastCpu = process.cpuUsage();
let wasm: (() => number) | undefined;
const mb = (n: number) => Math.round(n / 2 ** 20);
function mark(step: string): void {
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  const m = process.memoryUsage();
  steps.push({ step, ms: Math.round(now - last), cpuMs: Math.round((cpu.user + cpu.system) / 1000), rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers), ...(wasm ? { wasmMb: mb(wasm()) } : {}) });
  last = now;
  lastCpu = process.cpuUsage();
}

const { loadConfig } = await import('../server/src/config.ts');
const { openDatabase } = await import('../server/src/db/connection.ts');
const { collectMigrations, migrateUp } = await import('../server/src/db/migrate.ts');
const { MODULES } = await import('../server/src/modules/index.ts');
const { buildApp } = await import('../server/src/app.ts');
type ModuleDefinition = (typeof MODULES)[number];
mark('import the platform code (through tsx)');
const config = loadConfig();
const db = await openDatabase(config);
const pglite = (db as unknown as { pglite?: { mod?: { wasmMemory?: WebAssembly.Memory } } }).pglite;
if (pglite?.mod?.wasmMemory) wasm = () => pglite.mod!.wasmMemory!.buffer.byteLength;
mark(`open the database (${db.kind})`);
await migrateUp(db, await collectMigrations(MODULES));
mark('check migrations');

// every module's seed timed on its own: the seeds run one after another in MODULES order
const seeds: { module: string; ms: number; cpuMs: number }[] = [];
const wrapperOf = new Map<ModuleDefinition, ModuleDefinition>();
const timed = MODULES.map((def): ModuleDefinition => {
  const wrapper: ModuleDefinition = { ...def, create: async (platform) => {
    // modules find each other by their definitions: hand out the wrappers the app registered
    const instance = await def.create({ ...platform, use: (m) => platform.use(wrapperOf.get(m as ModuleDefinition) ?? m) as never });
    const seed = instance.seed;
    if (!seed) return instance;
    return {
      ...instance,
      seed: async (opts) => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        await seed(opts);
        const used = process.cpuUsage(cpu);
        seeds.push({ module: def.name, ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000) });
      },
    };
  } };
  wrapperOf.set(def, wrapper);
  return wrapper;
});
const built = await buildApp({ config, db, logger: false, modules: timed });
mark('build the app (modules, routes)');
// as main.ts starts a process (server/src/process.ts): seeds, events, listen, then the job queues
let opened!: () => void;
const { queues } = await built.start({ seed: true, work: config.processRole !== 'api', queuesAfter: new Promise((resolve) => (opened = resolve)) });
mark('seed (each module below) and start events');
await built.app.ready();
mark('ready (plugins, hooks, routes)');
await built.app.listen({ port: 0, host: '127.0.0.1' });
mark('listen');
const total = Math.round(performance.now() - t0);
opened();
await queues;
mark('job queues started (after listening)');
await new Promise((r) => setTimeout(r, 3000));
mark('idle 3 s later');
await built.close();
await db.close();
console.log(JSON.stringify({ total, steps, seeds }));
process.exit(0);
