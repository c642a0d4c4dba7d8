// Memory and restarts: resident memory right after start, under the mixed workload (peak,
// measured by the mixed suite) and idle after the other suites; the time a restart on the
// existing data directory takes until /api/health answers; and where a start spends its
// time and memory (bench/probe-start.ts, in a fresh process).
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, drain } from '../lib.ts';
import { mixedRequests } from '../workload.ts';
import { type EngineRun, type SuiteResult } from './common.ts';

const RESTARTS = 3;

interface Probe {
  total: number;
  steps: { step: string; ms: number; rssMb: number; heapMb: number; externalMb: number; arrayBuffersMb: number; wasmMb?: number }[];
}

async function probe(env: Record<string, string>): Promise<Probe> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/probe-start.ts')], {
    env: { ...(process.env as Record<string, string>), DEMO_MODE: 'true', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise((r) => child.once('exit', r));
  const line = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`start probe failed (${String(code)}): ${out.slice(-500)}`);
  return JSON.parse(line) as Probe;
}

export async function footprintSuite(run: EngineRun): Promise<SuiteResult> {
  const { volume, opts } = run;
  const db = volume.label;
  const idleAfterStart = run.notes.get('idleRssMb') ?? (await run.server.memory()).rssMb;
  let loadPeak = run.notes.get('loadRssMb');
  if (loadPeak === undefined) {
    let peak = 0;
    const sampler = setInterval(() => void run.server.memory().then((m) => (peak = Math.max(peak, m.rssMb)), () => undefined), 500);
    await autocannon({ url: run.server.url, connections: 50, duration: opts.duration, requests: mixedRequests({ citizens: volume.size.citizens, reports: volume.reports }) });
    clearInterval(sampler);
    await drain(run.server.url);
    loadPeak = peak;
  }
  await new Promise((r) => setTimeout(r, 5000));
  const idleAfterLoad = (await run.server.memory()).rssMb;

  const starts: number[] = [];
  for (let i = 0; i < RESTARTS; i++) starts.push((await run.restart()).startMs);
  await run.server.stop();
  const probed = await probe(volume.env);
  await run.restart();

  const sorted = [...starts].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const wasmCol = probed.steps.some((s) => s.wasmMb !== undefined);
  const markdown = [
    `### ${db}`,
    '',
    '| resident memory of the platform process | MiB |',
    '| --- | ---: |',
    `| idle, right after start | ${idleAfterStart} |`,
    `| peak under the mixed workload (50 connections) | ${loadPeak} |`,
    `| idle, 5 s after the load | ${idleAfterLoad} |`,
    '',
    `Restart on the existing data directory, spawn to first healthy \`/api/health\` (${process.env.BENCH_SERVER === 'tsx' ? 'node + tsx + platform' : 'node + the bundled platform, server/dist/main.mjs'}): ${starts.map((s) => `${(s / 1000).toFixed(1)} s`).join(', ')}; median ${(median / 1000).toFixed(1)} s.`,
    '',
    `Where a start goes (bench/probe-start.ts, a fresh process, ${(probed.total / 1000).toFixed(1)} s to listening):`,
    '',
    `| step | ms | RSS after (MiB) | JS heap used | external | array buffers |${wasmCol ? ' PGlite WebAssembly memory |' : ''}`,
    `| --- | ---: | ---: | ---: | ---: | ---: |${wasmCol ? ' ---: |' : ''}`,
    ...probed.steps.map((s) => `| ${s.step} | ${s.ms} | ${s.rssMb} | ${s.heapMb} | ${s.externalMb} | ${s.arrayBuffersMb} |${wasmCol ? ` ${s.wasmMb ?? ''} |` : ''}`),
    '',
  ].join('\n');
  const targets = volume.engine === 'pglite'
    ? [
      { what: 'PGlite idle resident memory (after start)', database: db, target: '≤ 600 MiB (or explained)', measured: `${idleAfterStart} MiB (after load: ${idleAfterLoad} MiB, peak ${loadPeak} MiB)`, met: idleAfterStart <= 600 },
      { what: 'PGlite restart on an existing data directory', database: db, target: '≤ 3 s', measured: `${(median / 1000).toFixed(1)} s (median of ${RESTARTS})`, met: median <= 3000 },
    ]
    : [];
  return { markdown, targets };
}
