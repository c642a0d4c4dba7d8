// Restart of `npm start` on an existing demo data directory (issue 10: ≤ 3 s to a healthy
// /api/health): the bundle (server/dist/main.mjs) spawned again and again on the same data,
// with the wall time to the first healthy answer, the CPU the process used by then (all
// threads, and the main thread alone: what the wall time is on a quiet machine, since a
// start's JavaScript runs there) and the resident memory 3 s later; then where one start
// goes (bench/probe-start.ts). With --compare=FILE another bundle (an older build, say) is
// restarted in turn with this one, so both see the same machine.
// Usage: npx tsx bench/restart.ts [--runs=7] [--data-dir=DIR] [--compare=server/dist/before.mjs --compare-label=…]
//   Without --data-dir a demo data directory is made by a first start (and kept under $TMPDIR).
//   Writes bench/results/restart.md; its "## Findings" section (written by hand) is kept.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, freePort, loadAverage, machine, platformNodeFlags } from './lib.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(arg('runs') ?? 7);
const compare = arg('compare');
const compareLabel = arg('compare-label') ?? (compare ? path.basename(compare) : '');
const ENV = { DEMO_MODE: 'true', NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64') };

interface Run { wallMs: number; cpuMs: number; mainMs: number; rssMb: number }

/** utime + stime of a process or one of its threads, in ms (clock ticks of 10 ms). */
async function cpuOf(stat: string): Promise<number> {
  const fields = (await fs.readFile(stat, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function start(script: string, dataDir: string, timeoutMs = 600_000): Promise<Run & { stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...platformNodeFlags(), script], {
    env: { ...(process.env as Record<string, string>), ...ENV, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${errors.slice(-2000)}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (performance.now() - started > timeoutMs) throw new Error(`${script} not healthy in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const wallMs = Math.round(performance.now() - started);
  const [cpuMs, mainMs] = await Promise.all([cpuOf(`/proc/${child.pid}/stat`), cpuOf(`/proc/${child.pid}/task/${child.pid}/stat`)]);
  await new Promise((r) => setTimeout(r, 3000));
  const status = await fs.readFile(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
  return {
    wallMs, cpuMs, mainMs, rssMb,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const build = spawnSync(process.execPath, [path.join(ROOT, 'server/scripts/build.mjs')], { cwd: path.join(ROOT, 'server'), stdio: 'inherit' });
if (build.status !== 0) throw new Error('server build failed');
const current = path.join(ROOT, 'server/dist/main.mjs');

let dataDir = arg('data-dir');
let firstStart: number | undefined;
if (!dataDir) {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-restart-'));
  const first = await start(current, dataDir);
  firstStart = first.wallMs;
  await first.stop();
}

const loadBefore = loadAverage();
const scripts = [{ label: 'this build', script: current }, ...(compare ? [{ label: compareLabel, script: path.resolve(compare) }] : [])];
const runs = new Map<string, Run[]>(scripts.map((s) => [s.label, []]));
const loads: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // alternated, so a change in the machine's load falls on both alike
  for (const s of i % 2 ? [...scripts].reverse() : scripts) {
    loads.push(os.loadavg()[0]!);
    const r = await start(s.script, dataDir);
    await r.stop();
    runs.get(s.label)!.push({ wallMs: r.wallMs, cpuMs: r.cpuMs, mainMs: r.mainMs, rssMb: r.rssMb });
    console.log(`${s.label}: ${r.wallMs} ms to healthy, CPU ${r.cpuMs} ms (main thread ${r.mainMs} ms), ${r.rssMb} MiB (load ${os.loadavg()[0]!.toFixed(2)})`);
  }
}
const loadAfter = loadAverage();

const probe = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/probe-start.ts')], {
  cwd: ROOT, env: { ...(process.env as Record<string, string>), ...ENV, DATA_DIR: dataDir }, encoding: 'utf8', maxBuffer: 16 * 2 ** 20,
});
const line = probe.stdout.trim().split('\n').pop() ?? '';
if (probe.status !== 0 || !line.startsWith('{')) throw new Error(`start probe failed: ${probe.stderr.slice(-2000)}`);
const probed = JSON.parse(line) as {
  total: number;
  steps: { step: string; ms: number; cpuMs: number; rssMb: number; wasmMb?: number }[];
  seeds: { module: string; ms: number; cpuMs: number }[];
};

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rows = scripts.map(({ label }) => {
  const r = runs.get(label)!;
  return `| ${label} | ${fmt(median(r.map((x) => x.wallMs)))} | ${r.map((x) => (x.wallMs / 1000).toFixed(1)).join(', ')} | ${fmt(median(r.map((x) => x.cpuMs)))} | ${fmt(median(r.map((x) => x.mainMs)))} | ${median(r.map((x) => x.rssMb))} |`;
});
const markdown = [
  '# Restart on an existing data directory',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.`,
  `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}; 1-minute load at each start: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (median ${median(loads).toFixed(1)}).`,
  'The machine is shared with other work (2 cores): compare rows of this run, not with other machines. Wall times grow with the load;',
  'the CPU the main thread used is what a start costs, and about its wall time on a quiet machine.',
  '',
  `\`npm start\` (node ${platformNodeFlags().join(' ')} server/dist/main.mjs, DEMO_MODE=true, NODE_ENV=production) restarted ${RUNS} times on one demo data directory${firstStart !== undefined ? ` (made by a first start here: ${fmt(firstStart)} to healthy)` : ''}: spawn to the first healthy \`GET /api/health\`, the process's CPU by then, and its resident memory 3 s later.`,
  '',
  '| build | median to healthy | each run (s) | CPU, all threads | CPU, main thread | RSS 3 s later (MiB) |',
  '| --- | ---: | --- | ---: | ---: | ---: |',
  ...rows,
  '',
  `Where one start goes (bench/probe-start.ts: the steps of main.ts in a fresh process, through tsx, so loading the code costs more than the bundle's; ${fmt(probed.total)} to listening):`,
  '',
  '| step | ms | CPU (ms) | RSS after (MiB) |',
  '| --- | ---: | ---: | ---: |',
  ...probed.steps.map((s) => `| ${s.step} | ${s.ms} | ${s.cpuMs} | ${s.rssMb} |`),
  '',
  'The seeds, module by module (ms, CPU ms): ' + probed.seeds.map((s) => `${s.module} ${s.ms} (${s.cpuMs})`).join(', ') + '.',
  '',
  `Run: \`npx tsx bench/restart.ts${compare ? ` --compare=${path.relative(ROOT, path.resolve(compare))}` : ''}\` (${RUNS} runs each).`,
  '',
].join('\n');
const out = path.join(ROOT, 'bench/results/restart.md');
const previous = await fs.readFile(out, 'utf8').catch(() => '');
const findings = previous.indexOf('\n## Findings');
await fs.writeFile(out, findings >= 0 ? `${markdown}${previous.slice(findings + 1)}` : markdown);
console.log(`\n${markdown}\nwritten to ${path.relative(ROOT, out)}`);
