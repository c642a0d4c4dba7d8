// What request logging costs: the same cheap request with the platform's default log level
// (what production runs) and with LOG_LEVEL=warn (no per-request lines), one after the other
// on the same data. The platform's log goes to a file, as it would to a log collector.
import { load } from '../lib.ts';
import type { EngineRun, SuiteResult } from './common.ts';

const CONNECTIONS = 50;

export async function loggingSuite(run: EngineRun): Promise<SuiteResult> {
  const { volume, opts } = run;
  const db = volume.label;
  const measure = async (name: string) => {
    const url = `${run.server.url}/api/features`;
    await load('warm-up', db, { url, connections: CONNECTIONS, duration: 2 });
    return load(name, db, { url, connections: CONNECTIONS, duration: opts.duration });
  };
  const byDefault = await measure('GET /api/features, default log level');
  await run.restart({ LOG_LEVEL: 'warn' });
  const quiet = await measure('GET /api/features, LOG_LEVEL=warn');
  await run.restart();
  const share = (byDefault.requestsPerSec / quiet.requestsPerSec) * 100;
  const markdown = [
    `### ${db}`,
    '',
    '| request | requests/s | p50 (ms) | p99 (ms) | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...[byDefault, quiet].map((r) => `| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} |`),
    '',
    `With the default log level the platform serves ${share.toFixed(0)}% of what it serves without per-request lines.`,
    '',
  ].join('\n');
  return {
    markdown,
    targets: [{ what: 'request logging does not cost throughput (default level vs warn)', database: db, target: '≥ 95%', measured: `${share.toFixed(0)}%`, met: share >= 95 }],
  };
}
