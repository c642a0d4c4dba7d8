// Runs the browser journeys N times in a row (default 10) to catch flaky ones: a journey
// that fails once in ten blocks everyone's landing. Builds the web app once, then reuses it.
// Usage: node e2e/repeat.mjs [times] [filter]   e.g. node e2e/repeat.mjs 10 reports
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const times = Number(process.argv[2] ?? 10);
const filter = process.argv[3] ?? '';
if (!Number.isInteger(times) || times < 1) {
  console.error('usage: node e2e/repeat.mjs [times ≥ 1] [filter]');
  process.exit(2);
}

const results = [];
for (let i = 1; i <= times; i++) {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['e2e/run.mjs', ...(filter ? [filter] : [])], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, E2E_SKIP_BUILD: i === 1 ? process.env.E2E_SKIP_BUILD ?? '' : '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}${run.stderr}`;
  const summary = /^(\d+) passed, (\d+) failed$/m.exec(output);
  const ok = run.status === 0 && summary !== null && summary[2] === '0';
  results.push(ok);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`run ${i}/${times}: ${summary ? summary[0] : 'no summary'} (${seconds} s)${ok ? '' : ' ← FAILED'}`);
  if (!ok) console.log(output.split('\n').filter((l) => /✖|Error|expected|actual/.test(l)).slice(0, 20).join('\n'));
}
const good = results.filter(Boolean).length;
console.log(`\n${good} of ${times} runs passed`);
process.exit(good === times ? 0 : 1);
