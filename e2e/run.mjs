// Browser journeys: builds the web app, starts the server on a free port with a fresh
// embedded database in demo mode, runs e2e/*.test.ts with node's test runner (one file
// at a time), stops the server and prints "N passed, N failed" for CI.
// Usage: npm run e2e [-- citizen]   (an argument keeps only test files whose name contains it)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2] ?? '';
const skipBuild = process.env.E2E_SKIP_BUILD === '1';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit code ${server.exitCode}) before it was ready`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

function stop(server) {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 10_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

/** Counts from the TAP report: "# pass N" and "# fail N". */
function summary(tapFile) {
  const text = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') };
}

async function main() {
  if (!skipBuild) {
    const build = spawnSync(process.execPath, [path.join(root, 'web', 'scripts', 'build-if-changed.mjs'), '--force'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-e2e-'));
  const logFile = path.join(tmp, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const server = spawn('npx', ['tsx', 'server/src/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: path.join(tmp, 'data'),
      DEMO_MODE: 'true',
      DATABASE_URL: '',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    },
  });

  let status = 1;
  const tapFile = path.join(tmp, 'report.tap');
  try {
    console.log(`e2e: starting the server at ${baseUrl} (data in ${tmp})`);
    await waitForHealth(baseUrl, server, 240_000);
    const files = fs
      .readdirSync(path.join(root, 'e2e'))
      .filter((f) => f.endsWith('.test.ts') && f.includes(filter))
      .sort()
      .map((f) => path.join('e2e', f));
    if (files.length === 0) throw new Error(`no e2e test file matches "${filter}"`);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files],
      { cwd: root, stdio: 'inherit', env: { ...process.env, BASE_URL: baseUrl } },
    );
    status = run.status ?? 1;
  } catch (err) {
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
    if (tail) console.error(`--- last lines of the server log ---\n${tail}`);
  } finally {
    await stop(server);
    fs.closeSync(log);
  }

  const { passed, failed } = summary(tapFile);
  const failedTotal = status !== 0 && failed === 0 ? 1 : failed;
  if (status !== 0 && fs.existsSync(logFile) && process.env.E2E_SHOW_SERVER_LOG === '1') {
    console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-80).join('\n'));
  }
  if (status === 0) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`e2e: kept ${tmp} (server.log, report.tap) to look at`);
  console.log(`${passed} passed, ${failedTotal} failed`);
  process.exit(status === 0 ? 0 : 1);
}

void main();
