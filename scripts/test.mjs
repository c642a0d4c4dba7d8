// npm test: the server suite (node's test runner, on PGlite or on TEST_DATABASE_URL),
// then the web app's component tests (vitest; they do not touch a database, so they are
// skipped on the PostgreSQL pass). Ends with one line: "N passed, N failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function run(cmd, cmdArgs, cwd) {
  return new Promise((resolve) => {
    let tail = '';
    const child = spawn(cmd, cmdArgs, { cwd, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, tail }));
  });
}

let passed = 0;
let failed = 0;

const server = await run(process.execPath, ['--import', 'tsx', 'test/run.ts', ...args], path.join(root, 'server'));
const serverLine = /^(\d+) passed, (\d+) failed/m.exec(server.tail);
passed += Number(serverLine?.[1] ?? 0);
const serverFailed = serverLine ? Number(serverLine[2]) : 1;
// a failing run is never reported as clean, whatever its summary line says
failed += server.code !== 0 && serverFailed === 0 ? 1 : serverFailed;

if (!process.env.TEST_DATABASE_URL && args.length === 0) {
  const report = path.join(os.tmpdir(), `cds-vitest-${process.pid}.json`);
  const web = await run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], path.join(root, 'web'));
  try {
    const result = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests + (web.code !== 0 && result.numFailedTests === 0 ? 1 : 0);
    fs.rmSync(report, { force: true });
  } catch {
    failed += 1; // no report: the web test run itself broke
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
