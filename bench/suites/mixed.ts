// The mixed citizen workload (bench/workload.ts) at 50 connections against the platform on
// the province-sized volume, beside a bare Fastify process measured just before it, and
// each endpoint of the mix alone (where the time goes).
import autocannon from 'autocannon';
import { drain, load, startBareFastify, type Row } from '../lib.ts';
import { MIX, mixedRequests, preflight, type Kind } from '../workload.ts';
import { ms, perSec, type EngineRun, type SuiteResult } from './common.ts';

const CONNECTIONS = 50;
const TARGETS = { pglite: { rps: 1500, p99: 200 }, postgres: { rps: 4000, p99: 100 } };

export async function bareFastify(duration: number): Promise<Row> {
  const bare = await startBareFastify();
  try {
    await autocannon({ url: bare.url, connections: CONNECTIONS, duration: 2 });
    return await load('bare Fastify hello (own process)', '—', { url: bare.url, connections: CONNECTIONS, duration });
  } finally {
    await bare.stop();
  }
}

export async function mixedSuite(run: EngineRun): Promise<SuiteResult> {
  const { server, volume, opts } = run;
  const pop = { citizens: volume.size.citizens, reports: volume.reports };
  await preflight(server.url, pop);
  const db = volume.label;

  const bare = await bareFastify(opts.duration);
  // warm-up: JIT, prepared plans, caches; not recorded
  await autocannon({ url: server.url, connections: CONNECTIONS, duration: opts.quick ? 2 : 5, requests: mixedRequests(pop, { seed: 7 }) });
  await drain(server.url);

  let peak = 0;
  const sampler = setInterval(() => void server.memory().then((m) => (peak = Math.max(peak, m.rssMb)), () => undefined), 500);
  const mixed = await load('mixed citizen workload', db, { url: server.url, connections: CONNECTIONS, duration: opts.duration * 2, requests: mixedRequests(pop) });
  clearInterval(sampler);
  run.notes.set('loadRssMb', peak);

  const parts: { kind: Kind; row: Row }[] = [];
  for (const e of MIX) {
    parts.push({ kind: e.kind, row: await load(e.label, db, { url: server.url, connections: CONNECTIONS, duration: Math.max(2, Math.round(opts.duration / 2)), requests: mixedRequests(pop, { only: e.kind }) }) });
  }

  const ratio = (mixed.requestsPerSec / bare.requestsPerSec) * 100;
  const t = TARGETS[volume.engine];
  const full = !opts.quick;
  const markdown = [
    `### ${db}`,
    '',
    '| what | requests/s | p50 (ms) | p99 (ms) | errors | share of bare Fastify |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| bare Fastify hello, own process (measured just before) | ${bare.requestsPerSec} | ${bare.p50} | ${bare.p99} | ${bare.errors} | 100% |`,
    `| **mixed citizen workload** | **${mixed.requestsPerSec}** | ${mixed.p50} | **${mixed.p99}** | ${mixed.errors} | ${ratio.toFixed(1)}% |`,
    ...parts.map(({ row }) => `| alone: ${row.name} | ${row.requestsPerSec} | ${row.p50} | ${row.p99} | ${row.errors} | ${((row.requestsPerSec / bare.requestsPerSec) * 100).toFixed(1)}% |`),
    '',
    `Peak resident memory of the platform process during the mixed run: ${peak} MiB.`,
    '',
  ].join('\n');
  return {
    markdown,
    targets: [
      { what: 'mixed citizen workload, throughput', database: db, target: `≥ ${perSec(t.rps)}`, measured: `${perSec(mixed.requestsPerSec)} (${ratio.toFixed(1)}% of bare Fastify)`, met: full ? mixed.requestsPerSec >= t.rps : null },
      { what: 'mixed citizen workload, p99', database: db, target: `≤ ${t.p99} ms`, measured: ms(mixed.p99), met: full ? mixed.p99 <= t.p99 : null },
    ],
  };
}
