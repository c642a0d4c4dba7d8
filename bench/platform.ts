// Platform baseline: bare Fastify "hello", /api/health, and an authenticated profile read,
// against the embedded database and (when BENCH_DATABASE_URL is set) real PostgreSQL.
// Usage: npm run bench   (writes bench/results/platform.md)
import fs from 'node:fs/promises';
import path from 'node:path';
import Fastify from 'fastify';
import { ROOT, load, machine, startPlatform, table, type Row } from './lib.ts';

async function helloBaseline(): Promise<Row> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // same process as the load generator: an upper bound, not a fair comparison
  const row = await load('bare Fastify hello (in-process)', '—', { url: `http://127.0.0.1:${port}/` });
  await app.close();
  return row;
}

async function platformRows(database: string, databaseUrl: string | undefined, port: number): Promise<Row[]> {
  const server = await startPlatform({ databaseUrl, port, env: { LOG_LEVEL: 'warn' } });
  try {
    const rows = [await load('GET /api/health', database, { url: `${server.url}/api/health` })];
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '0900000001', password: 'Demo@2026' }),
    });
    if (!login.ok) throw new Error(`demo login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    rows.push(await load('GET /api/me (authenticated)', database, { url: `${server.url}/api/me`, headers: { authorization: `Bearer ${token}` } }));
    return rows;
  } finally {
    await server.stop();
  }
}

const rows: Row[] = [await helloBaseline(), ...(await platformRows('PGlite (embedded)', undefined, 3901))];
if (process.env.BENCH_DATABASE_URL) rows.push(...(await platformRows('PostgreSQL 15', process.env.BENCH_DATABASE_URL, 3902)));

const report = `# Platform baseline\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}.\n` +
  `autocannon, 10 connections, 10 s each; the platform runs in its own process.\n\n${table(rows)}\n`;
await fs.writeFile(path.join(ROOT, 'bench/results/platform.md'), report);
console.log(report);
