// npm run bench: the performance benchmarks of issue [3 of 10] on a province-sized volume,
// on PGlite and (when BENCH_DATABASE_URL is set, an admin URL such as
// postgres://postgres@127.0.0.1:5432/postgres) on PostgreSQL, in its own database that is
// dropped afterwards. Writes bench/results/<suite>.md, and summary.md after a full run.
//
//   npm run bench                          every suite below, full volume
//   npm run bench -- mixed session         only these suites
//   npm run bench -- --quick               a tenth of the volume, 3 s per measurement: a smoke test, written to
//                                          $TMPDIR/cds-bench-quick/ instead of bench/results/
//   npm run bench -- all                   also the older single-purpose scripts (platform, reports, dossiers, procedures-search)
// Options: --scale=0.5 --duration=10 --engines=pglite,postgres --reuse (keep and reuse the generated
// volume between runs, for working on the benchmarks) --keep (keep it, do not reuse).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, loadAverage, machine, startPlatform } from './lib.ts';
import { pgliteVolume, postgresVolume, volumeAt, type PreparedVolume } from './volume.ts';
import type { EngineRun, RunOptions, SuiteResult, Target } from './suites/common.ts';
import { footprintSuite } from './suites/footprint.ts';
import { lighthouseSuite } from './suites/lighthouse.ts';
import { loggingSuite } from './suites/logging.ts';
import { mixedSuite } from './suites/mixed.ts';
import { pgliteMemorySuite } from './suites/pglite-memory.ts';
import { processesSuite } from './suites/processes.ts';
import { publicReadsSuite } from './suites/public-reads.ts';
import { searchSuite } from './suites/search.ts';
import { sessionSuite } from './suites/session.ts';

interface Suite {
  name: string;
  title: string;
  about: string;
  run(run: EngineRun): Promise<SuiteResult>;
  /** Runs on the first database only (what it measures does not depend on the database). */
  once?: boolean;
}

// Order matters: the mixed workload records peak memory for the footprint suite, and the
// suites that restart the platform (logging, footprint) come last.
const SUITES: Suite[] = [
  { name: 'session', title: 'A session costs little', run: sessionSuite,
    about: 'The same cheap request anonymous and with session tokens, 50 connections (autocannon).' },
  { name: 'search', title: 'Procedure search under load', run: searchSuite,
    about: 'GET /api/procedures?q=… with the 39 real queries of server/src/modules/procedures/search-cases.ts.' },
  { name: 'public', title: 'Public reads at 100,000 reports', run: publicReadsSuite,
    about: 'The public list, its filters and next page, the map endpoint and map tiles, 10 connections.' },
  { name: 'mixed', title: 'Mixed citizen workload', run: mixedSuite,
    about: 'The weighted mix of bench/workload.ts (MIX): many distinct signed-in citizens, each in visits of 15 requests (VISIT_REQUESTS), 50 connections, beside a bare Fastify process in its own process measured just before.' },
  { name: 'processes', title: 'Several API processes (WEB_CONCURRENCY)', run: processesSuite,
    about: 'The mixed citizen workload at 50 connections against 1, 2 and one-per-core API processes sharing the port (node:cluster), PostgreSQL only.' },
  { name: 'lighthouse', title: 'Lighthouse, mobile', run: lighthouseSuite, once: true,
    about: 'lighthouse@12.2.3 in Debian\'s Chromium against the built web app.' },
  { name: 'logging', title: 'Request logging', run: loggingSuite,
    about: 'GET /api/features at 50 connections with the default log level and with LOG_LEVEL=warn.' },
  { name: 'footprint', title: 'Memory and restart', run: footprintSuite,
    about: 'Resident memory of the platform process, restart time on the existing data, and where a start goes.' },
  { name: 'pglite-memory', title: 'Where PGlite\'s memory goes', run: pgliteMemorySuite,
    about: 'PGlite opened on the volume in a fresh process, variant by variant (bench/probe-pglite.ts): what each extension costs, and what trimming the PostGIS bundle, a smaller shared_buffers and V8\'s Liftoff-only WebAssembly would save.' },
];
const LEGACY = ['platform', 'reports', 'dossiers', 'procedures-search', 'assistant'];

const FILES: Record<string, string> = { public: 'public-reads' };

function parseArgs(argv: string[]) {
  const names = argv.filter((a) => !a.startsWith('--'));
  const flag = (n: string) => argv.includes(`--${n}`);
  const value = (n: string) => argv.find((a) => a.startsWith(`--${n}=`))?.split('=')[1];
  const quick = flag('quick');
  const all = names.includes('all');
  const unknown = names.filter((n) => n !== 'all' && !SUITES.some((s) => s.name === n) && !LEGACY.includes(n));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${[...SUITES.map((s) => s.name), ...LEGACY].join(', ')}, all`);
  const selected = names.length === 0 || all ? SUITES : SUITES.filter((s) => names.includes(s.name));
  const legacy = all ? LEGACY : LEGACY.filter((n) => names.includes(n));
  const engines = (value('engines') ?? `pglite${process.env.BENCH_DATABASE_URL ? ',postgres' : ''}`).split(',');
  if (engines.includes('postgres') && !process.env.BENCH_DATABASE_URL) throw new Error('--engines=postgres needs BENCH_DATABASE_URL');
  return {
    selected, legacy, engines,
    full: selected.length === SUITES.length,
    scale: Number(value('scale') ?? (quick ? 0.1 : 1)),
    opts: { quick: quick || Number(value('scale') ?? 1) < 1, duration: Number(value('duration') ?? (quick ? 3 : 10)) } as RunOptions,
    reuse: flag('reuse'),
    keep: flag('keep') || flag('reuse'),
  };
}

const args = parseArgs(process.argv.slice(2));
const size = volumeAt(args.scale);
const startedAt = new Date();
const loadAtStart = loadAverage();
console.log(`benchmarks: ${args.selected.map((s) => s.name).join(', ')}${args.legacy.length ? ` + ${args.legacy.join(', ')}` : ''} on ${args.engines.join(', ')}; volume ${JSON.stringify(size)}; load average ${loadAtStart}`);

if (args.selected.some((s) => s.name === 'lighthouse')) {
  // the platform serves web/dist only if it exists when it starts
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('web build failed');
}

const sections = new Map<string, { markdown: string[]; targets: Target[] }>();
const volumes: string[] = [];

async function prepare(engine: string): Promise<PreparedVolume> {
  const o = { reuse: args.reuse, keep: args.keep };
  return engine === 'postgres' ? postgresVolume(process.env.BENCH_DATABASE_URL!, size, o) : pgliteVolume(size, o);
}

let first = true;
for (const engine of args.engines) {
  const suites = args.selected.filter((s) => !s.once || first);
  if (suites.length === 0) continue;
  const volume = await prepare(engine);
  volumes.push(`${volume.label}: ${Object.entries(volume.counts).map(([t, n]) => `${n.toLocaleString('en')} ${t}`).join(', ')}`);
  const run: EngineRun = {
    volume, opts: args.opts, notes: new Map(),
    server: await startPlatform({ env: volume.env }),
    restart: async (env = {}) => {
      await run.server.stop();
      run.server = await startPlatform({ env: { ...volume.env, ...env } });
      return run.server;
    },
  };
  try {
    await new Promise((r) => setTimeout(r, 5000));
    run.notes.set('idleRssMb', (await run.server.memory()).rssMb);
    for (const suite of suites) {
      const before = loadAverage();
      console.log(`${volume.label}: ${suite.name} (load average ${before})`);
      const result = await suite.run(run);
      if (!result.markdown) continue; // nothing to measure on this database
      const entry = sections.get(suite.name) ?? { markdown: [], targets: [] };
      entry.markdown.push(`${result.markdown}\nLoad average (1, 5, 15 min) before: ${before}; after: ${loadAverage()}.\n`);
      entry.targets.push(...result.targets);
      sections.set(suite.name, entry);
      console.log(result.markdown);
    }
  } finally {
    await run.server.stop();
    await volume.cleanup();
  }
  first = false;
}

// the older scripts write straight into bench/results/, so a quick run leaves them out
if (args.opts.quick && args.legacy.length) console.log(`quick run: older benchmarks (${args.legacy.join(', ')}) left out`);
for (const name of args.opts.quick ? [] : args.legacy) {
  const file = path.join(ROOT, 'bench', `${name}.ts`);
  console.log(`older benchmark: ${name}`);
  const code = await new Promise((r) => spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: 'inherit' }).once('exit', r));
  if (code !== 0) throw new Error(`bench/${name}.ts failed (${String(code)})`);
}

const header = (title: string, about: string) => [
  `# ${title}`,
  '',
  `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.`,
  `Load average (1, 5, 15 min) when the run started: ${loadAtStart}${args.opts.quick ? '. **Quick run** (smaller volume, short measurements): a smoke test, not a result.' : '.'}`,
  `The machine may be shared with other work; compare rows within one run (ratios, A/B), not with other machines.`,
  '',
  about,
  '',
  `Volume (bench/volume.ts): ${volumes.join('; ')}.`,
  '',
  '',
].join('\n');

const targetTable = (targets: Target[]) => [
  '| target | database | wanted | measured | met |',
  '| --- | --- | --- | --- | --- |',
  ...targets.map((t) => `| ${t.what} | ${t.database} | ${t.target} | ${t.measured} | ${t.met === null ? (args.opts.quick ? 'n/a (quick run)' : 'n/a') : t.met ? 'yes' : '**no**'} |`),
].join('\n');

// a quick run is a smoke test: it must not replace the committed results
const resultsDir = args.opts.quick ? path.join(os.tmpdir(), 'cds-bench-quick') : path.join(ROOT, 'bench/results');
await fs.mkdir(resultsDir, { recursive: true });
for (const suite of args.selected) {
  const s = sections.get(suite.name);
  if (!s) continue;
  const targets = s.targets.length ? `\n## Targets\n\n${targetTable(s.targets)}\n` : '';
  const text = `${header(suite.title, suite.about)}${s.markdown.join('\n')}${targets}\nRun: \`npm run bench -- ${suite.name}\` (add \`BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres\` for PostgreSQL).\n`;
  await fs.writeFile(path.join(resultsDir, `${FILES[suite.name] ?? suite.name}.md`), text);
}
if (args.full) {
  const all = args.selected.flatMap((s) => sections.get(s.name)?.targets ?? []);
  const text = `${header('Performance targets of issue [3 of 10]', 'Every target of the issue with what this run measured. Details per suite in the other files of this folder.')}${targetTable(all)}\n\nLoad average at the end: ${loadAverage()}.\n`;
  await fs.writeFile(path.join(resultsDir, 'summary.md'), text);
}
console.log(`results in ${resultsDir}`);
