// What request logging costs: the same cheap request with the platform's default log level
// (what production runs) and with LOG_LEVEL=warn (no per-request lines), in turn, twice each,
// each in a freshly started process on the same data. The platform's log goes to a file, as it would to a log collector.
import { load, type Row } from '../lib.ts';
import type { EngineRun, SuiteResult } from './common.ts';

const CONNECTIONS = 50;
const ROUNDS = 2;

export async function loggingSuite(run: EngineRun): Promise<SuiteResult> {
  const { volume, opts } = run;
  const db = volume.label;
  const measure = async (name: string, env: Record<string, string>) => {
    // a fresh process for each: the suites before leave caches, a grown heap and pending work behind
    await run.restart(env);
    const url = `${run.server.url}/api/features`;
    await load('warm-up', db, { url, connections: CONNECTIONS, duration: 2 });
    return load(name, db, { url, connections: CONNECTIONS, duration: opts.duration });
  };
  // in turn, twice each, so a change in what else the machine does falls on both alike
  const rows: Row[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    rows.push(await measure(`GET /api/features, default log level (${round})`, {}));
    rows.push(await measure(`GET /api/features, LOG_LEVEL=warn (${round})`, { LOG_LEVEL: 'warn' }));
  }
  await run.restart();
  const total = (level: number) => rows.filter((_, i) => i % 2 === level).reduce((sum, r) => sum + r.requestsPerSec, 0);
  const share = (total(0) / total(1)) * 100;
  const markdown = [
    `### ${db}`,
    '',
    '| request | requests/s | p50 (ms) | p99 (ms) | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} |`),
    '',
    `With the default log level the platform serves ${share.toFixed(0)}% of what it serves without per-request lines (requests/s of both rounds added up), each measured in a freshly started process.`,
    '',
  ].join('\n');
  return {
    markdown,
    targets: [{ what: 'request logging does not cost throughput (default level vs warn)', database: db, target: '≥ 95%', measured: `${share.toFixed(0)}%`, met: share >= 95 }],
  };
}
