// npm test: builds the template database once, then runs every *.test.ts file with node's
// test runner against copies of it. TEST_DATABASE_URL switches from PGlite to PostgreSQL.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgliteTemplate, createPostgresTemplate } from './template.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function findTests(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : findTests(full);
    return e.name.endsWith('.test.ts') ? [full] : [];
  }));
  return nested.flat();
}

const filters = process.argv.slice(2);
// the shared contracts' rules (packages/contracts) are tested with the server's runner
const contractsDir = path.join(serverDir, '..', 'packages', 'contracts', 'src');
const files = [...(await findTests(path.join(serverDir, 'src'))), ...(await findTests(path.join(serverDir, 'test'))), ...(await findTests(contractsDir))]
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const env = { ...process.env };
const started = Date.now();
if (process.env.TEST_DATABASE_URL) {
  const name = `cds_template_${process.pid}`;
  await createPostgresTemplate(process.env.TEST_DATABASE_URL, name);
  env.TEST_TEMPLATE_DB = name;
  console.log(`test database: PostgreSQL template ${name} ready in ${Date.now() - started} ms`);
} else {
  const dir = path.join(os.tmpdir(), `cds-test-template-${process.pid}`);
  await createPgliteTemplate(dir);
  env.TEST_TEMPLATE_DIR = dir;
  console.log(`test database: PGlite template ready in ${Date.now() - started} ms`);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${Math.max(1, os.availableParallelism())}`, ...files], {
  cwd: serverDir,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
// the whole output is kept: the runner's totals come before its list of failures, which can
// be long, so a tail alone may miss them
const output: string[] = [];
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  output.push(chunk.toString());
});
const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));

if (env.TEST_TEMPLATE_DIR) await fs.rm(env.TEST_TEMPLATE_DIR, { recursive: true, force: true });
if (env.TEST_TEMPLATE_DB && process.env.TEST_DATABASE_URL) {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${env.TEST_TEMPLATE_DB} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
const text = output.join('');
const lastCount = (label: string) => Number([...text.matchAll(new RegExp(`ℹ ${label} (\\d+)`, 'g'))].at(-1)?.[1] ?? 0);
const passed = lastCount('pass');
// a runner that failed without counting a failure (a crash, a file that did not load) still fails
const failed = lastCount('fail') + lastCount('cancelled') || (code !== 0 ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(code !== 0 || failed > 0 ? 1 : 0);
