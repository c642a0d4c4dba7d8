// Shared helpers for benchmarks: start the real platform in a child process (so the load
// generator does not share its event loop), run autocannon, and format a results table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Server {
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to the first healthy /api/health. */
  startMs: number;
  /** Where the process's standard output (its log) goes. */
  logFile: string;
  /** Resident memory now and its peak so far (VmRSS, VmHWM), in MiB. */
  memory(): Promise<{ rssMb: number; peakMb: number }>;
  stop(): Promise<void>;
}

/** Request headers of a demo account signed in with the demo password. */
export async function signIn(url: string, phone: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: 'Demo@2026' }) });
  if (!res.ok) throw new Error(`demo login failed: ${res.status}`);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}`, 'content-type': 'application/json' };
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function processMemory(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`platform exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`platform did not become healthy in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * What `npm start` runs: the bundled server (server/scripts/build.mjs, rebuilt when a source
 * is newer), or with BENCH_SERVER=tsx the TypeScript sources through tsx as `npm run dev` does.
 * BENCH_NODE_ARGS adds Node flags to the bundle's process (a CPU profile: `--cpu-prof`) before
 * those of `npm start`.
 */
export function serverCommand(): string[] {
  if (process.env.BENCH_SERVER === 'tsx') return ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')];
  const build = spawnSync(process.execPath, [path.join(ROOT, 'server/scripts/build.mjs')], { cwd: path.join(ROOT, 'server'), stdio: 'inherit' });
  if (build.status !== 0) throw new Error('server build failed');
  return [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), ...platformNodeFlags(), path.join(ROOT, 'server/dist/main.mjs')];
}

/**
 * The Node flags `npm start` runs the platform with (server/package.json's start script, the
 * one place they are written), so a benchmark measures what ships.
 */
export function platformNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'server/package.json'), 'utf8')) as { scripts: { start: string } };
  const found = /\bnode((?: --[^\s]+)*) dist\/main\.mjs/.exec(pkg.scripts.start);
  if (!found) throw new Error(`server/package.json: no "node [flags] dist/main.mjs" in the start script: ${pkg.scripts.start}`);
  return found[1]!.trim().split(/\s+/).filter(Boolean);
}

/**
 * For a benchmark that runs the platform in its own process (app.inject): runs this script
 * again with the platform's Node flags when it was started without them, and exits with it.
 */
export function withPlatformNodeFlags(): void {
  const flags = platformNodeFlags();
  const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (flags.every((f) => given.includes(f))) return;
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${flags.join(' ')}`.trim() },
  });
  process.exit(again.status ?? 1);
}

/**
 * Starts the server (`serverCommand()`) in its own process. Without `dataDir` it gets a fresh
 * temporary DATA_DIR that is deleted on stop; with one (an existing database) it is kept.
 * The platform's own defaults apply except where `env` says otherwise (LOG_LEVEL is the
 * production default unless given); its log goes to a file, not the terminal.
 */
export async function startPlatform(opts: { databaseUrl?: string; port?: number; env?: Record<string, string>; dataDir?: string }): Promise<Server> {
  const dataDir = opts.dataDir ?? opts.env?.DATA_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-')));
  const ownDir = !opts.dataDir && !opts.env?.DATA_DIR;
  const port = opts.port ?? (await freePort());
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_MODE: 'true',
    // as deployed: production defaults (no per-request log lines unless LOG_REQUESTS says so)
    NODE_ENV: 'production',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };
  const logFile = path.join(os.tmpdir(), `cds-bench-platform-${port}.log`);
  const log = createWriteStream(logFile);
  await new Promise((r) => log.once('open', r));
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, serverCommand(), { env, stdio: ['ignore', log, 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, child, 300_000);
  } catch (err) {
    child.kill('SIGKILL');
    console.error(`platform log (${logFile}):\n${(await fs.readFile(logFile, 'utf8')).slice(-3000)}`);
    throw err;
  }
  return {
    url,
    pid: child.pid!,
    startMs: Date.now() - started,
    logFile,
    memory: () => processMemory(child.pid!),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
      await fs.rm(logFile, { force: true });
      if (ownDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A bare Fastify "hello" in its own process: the framework's ceiling on this machine. */
export async function startBareFastify(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const code = `import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: ${port}, host: '127.0.0.1' });
console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: path.join(ROOT, 'server'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (c) => reject(new Error(`bare Fastify exited with ${c}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Row {
  name: string;
  database: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * Waits until the server has answered everything it accepted. autocannon stops sending at
 * the end of a run but the server may still hold a backlog (PGlite serves one query at a
 * time), which would otherwise slow down the next measurement.
 */
export async function drain(url: string): Promise<void> {
  const origin = new URL(url).origin;
  await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(120_000) }).then((r) => r.arrayBuffer(), () => undefined);
}

export async function load(name: string, database: string, opts: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: 10, duration: 10, ...opts });
  await drain(opts.url);
  return {
    name,
    database,
    requestsPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * People acting on their own: each of `users` sends a request at random moments, `perUserPerSec`
 * a second on average (exponential gaps). autocannon's connectionRate cannot stand in for them:
 * it sends each connection's quota back to back at the top of every second, all connections in
 * step, so the server sees a burst of users × rate requests and then silence; and it corrects
 * for coordinated omission with a 1 ms expected interval, which turns every answer slower than
 * 1 ms into a run of made-up slower ones. Here a person waits for an answer before the next
 * request, and latency counts from when the request was due, so an answer that delays the next
 * request is counted too.
 */
export async function paced(name: string, database: string, opts: { url: string; users: number; perUserPerSec: number; durationSec: number; path: () => string }): Promise<Row> {
  const agent = new Agent({ connections: opts.users, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + opts.durationSec * 1000;
  const gap = () => (-Math.log(1 - Math.random()) * 1000) / opts.perUserPerSec;
  const person = async () => {
    let due = started + gap();
    while (due < end) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        const res = await request(`${opts.url}${opts.path()}`, { dispatcher: agent });
        await res.body.dump();
        if (res.statusCode >= 400) errors++;
        else latencies.push(performance.now() - due);
      } catch {
        errors++;
      }
      due += gap();
    }
  };
  await Promise.all(Array.from({ length: opts.users }, person));
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  await drain(opts.url);
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 10) / 10;
  return { name, database, requestsPerSec: Math.round(latencies.length / seconds), p50: at(0.5), p99: at(0.99), errors };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** The load average as `uptime` prints it (1, 5, 15 minutes): other work on the machine shows here. */
export function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(', ');
}

export function table(rows: Row[]): string {
  const head = '| benchmark | database | requests/s | p50 (ms) | p99 (ms) | errors |\n| --- | --- | ---: | ---: | ---: | ---: |';
  return [head, ...rows.map((r) => `| ${r.name} | ${r.database} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} |`)].join('\n');
}
