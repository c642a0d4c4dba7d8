// Shared helpers for benchmarks: start the real platform in a child process (so the load
// generator does not share its event loop), run autocannon, and format a results table.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Server {
  url: string;
  stop(): Promise<void>;
}

export async function startPlatform(opts: { databaseUrl?: string; port: number; env?: Record<string, string> }): Promise<Server> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO_MODE: 'true',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${opts.port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`platform exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 180_000) throw new Error('platform did not become healthy in 180 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await fs.rm(dataDir, { recursive: true, force: true });
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

export async function load(name: string, database: string, opts: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: 10, duration: 10, ...opts });
  return {
    name,
    database,
    requestsPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function table(rows: Row[]): string {
  const head = '| benchmark | database | requests/s | p50 (ms) | p99 (ms) | errors |\n| --- | --- | ---: | ---: | ---: | ---: |';
  return [head, ...rows.map((r) => `| ${r.name} | ${r.database} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} |`)].join('\n');
}
