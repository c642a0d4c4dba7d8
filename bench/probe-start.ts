// Where a start on an existing data directory spends its time and memory: the steps of
// server/src/main.ts timed one by one in a fresh process, with the process's memory after
// each (and, on PGlite, the WebAssembly heap). Prints one JSON line; bench/suites/footprint.ts
// runs it. Usage: DATA_DIR=… [DATABASE_URL=…] node --import tsx bench/probe-start.ts
const t0 = performance.now();
const steps: { step: string; ms: number; rssMb: number; heapMb: number; externalMb: number; arrayBuffersMb: number; wasmMb?: number }[] = [];
let last = t0;
let wasm: (() => number) | undefined;
const mb = (n: number) => Math.round(n / 2 ** 20);
function mark(step: string): void {
  const now = performance.now();
  const m = process.memoryUsage();
  steps.push({ step, ms: Math.round(now - last), rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers), ...(wasm ? { wasmMb: mb(wasm()) } : {}) });
  last = now;
}

const { loadConfig } = await import('../server/src/config.ts');
const { openDatabase } = await import('../server/src/db/connection.ts');
const { collectMigrations, migrateUp } = await import('../server/src/db/migrate.ts');
const { MODULES } = await import('../server/src/modules/index.ts');
const { buildApp } = await import('../server/src/app.ts');
mark('import the platform code');
const config = loadConfig();
const db = await openDatabase(config);
const pglite = (db as unknown as { pglite?: { mod?: { wasmMemory?: WebAssembly.Memory } } }).pglite;
if (pglite?.mod?.wasmMemory) wasm = () => pglite.mod!.wasmMemory!.buffer.byteLength;
mark(`open the database (${db.kind})`);
await migrateUp(db, await collectMigrations(MODULES));
mark('check migrations');
const built = await buildApp({ config, db, logger: false });
mark('build the app (modules, routes)');
await built.start({ seed: true, work: config.processRole !== 'api' });
mark('seed and start events and jobs');
await built.app.listen({ port: 0, host: '127.0.0.1' });
mark('listen');
const total = Math.round(performance.now() - t0);
await new Promise((r) => setTimeout(r, 3000));
mark('idle 3 s later');
await built.close();
await db.close();
console.log(JSON.stringify({ total, steps }));
process.exit(0);
