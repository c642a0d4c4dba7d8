// WEB_CONCURRENCY: the mixed citizen workload against 1, 2 and (on a bigger machine) as many
// API processes as there are cores, on PostgreSQL (PGlite is one process). The cluster
// primary does the background work; the API processes share the port.
import os from 'node:os';
import autocannon from 'autocannon';
import { drain, load, type Row } from '../lib.ts';
import { mixedRequests, preflight } from '../workload.ts';
import { perSec, type EngineRun, type SuiteResult } from './common.ts';

const CONNECTIONS = 50;

export async function processesSuite(run: EngineRun): Promise<SuiteResult> {
  if (run.volume.engine !== 'postgres') return { markdown: '', targets: [] };
  const pop = { citizens: run.volume.size.citizens, reports: run.volume.reports };
  const counts = [...new Set([1, 2, os.availableParallelism()])].sort((a, b) => a - b);
  const rows: { n: number; row: Row }[] = [];
  try {
    for (const n of counts) {
      const server = await run.restart({ WEB_CONCURRENCY: String(n) });
      await preflight(server.url, pop);
      // warm-up: every process compiles and fills its caches; not recorded
      await autocannon({ url: server.url, connections: CONNECTIONS, duration: run.opts.quick ? 2 : 5, requests: mixedRequests(pop, { seed: 7 }) });
      await drain(server.url);
      rows.push({ n, row: await load(`mixed citizen workload, ${n} API process${n > 1 ? 'es' : ''}`, run.volume.label, { url: server.url, connections: CONNECTIONS, duration: run.opts.duration * 2, requests: mixedRequests(pop) }) });
    }
  } finally {
    await run.restart();
  }
  const one = rows[0]!.row.requestsPerSec;
  const markdown = [
    `### ${run.volume.label}`,
    '',
    `${os.availableParallelism()} cores; autocannon runs on the same machine and takes its share of them.`,
    '',
    '| API processes (`WEB_CONCURRENCY`) | requests/s | p50 (ms) | p99 (ms) | errors | gain over 1 |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(({ n, row }) => `| ${n} | ${row.requestsPerSec} | ${row.p50} | ${row.p99} | ${row.errors} | ${(row.requestsPerSec / one).toFixed(2)}× |`),
    '',
  ].join('\n');
  const best = rows.reduce((a, b) => (b.row.requestsPerSec > a.row.requestsPerSec ? b : a));
  return {
    markdown,
    targets: [{ what: 'WEB_CONCURRENCY: gain of several API processes (mixed workload)', database: run.volume.label, target: 'shown', measured: `${perSec(best.row.requestsPerSec)} with ${best.n} (${(best.row.requestsPerSec / one).toFixed(2)}× of 1 process)`, met: null }],
  };
}
