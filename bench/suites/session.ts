// "A session costs little": the same cheap request (GET /api/features) anonymous, with one
// citizen's session token, and with a different citizen's token on every request (the
// realistic case: a principal cache keyed by token sees many people), at 50 connections.
import type autocannon from 'autocannon';
import { load } from '../lib.ts';
import { random } from '../workload.ts';
import { citizenToken } from '../volume.ts';
import type { EngineRun, SuiteResult } from './common.ts';

const CONNECTIONS = 50;
const PATH = '/api/features';

export async function sessionSuite(run: EngineRun): Promise<SuiteResult> {
  const { server, volume, opts } = run;
  const db = volume.label;
  const url = `${server.url}${PATH}`;
  const rnd = random(3);
  const manyTokens: autocannon.Request[] = [{
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: PATH, headers: { authorization: `Bearer ${citizenToken(1 + Math.floor(rnd() * volume.size.citizens))}` } }),
  }];
  const base = { connections: CONNECTIONS, duration: opts.duration };
  await load('warm-up', db, { ...base, url, duration: 2 });
  const anonymous = await load(`GET ${PATH} anonymous`, db, { ...base, url });
  const one = await load(`GET ${PATH} with one citizen's session`, db, { ...base, url, headers: { authorization: `Bearer ${citizenToken(1)}` } });
  const many = await load(`GET ${PATH} with a random one of ${volume.size.citizens.toLocaleString('en')} citizens' sessions`, db, { ...base, url: server.url, requests: manyTokens });
  const rows = [anonymous, one, many];
  const share = (n: number) => `${((n / anonymous.requestsPerSec) * 100).toFixed(0)}%`;
  const markdown = [
    `### ${db}`,
    '',
    '| request | requests/s | p50 (ms) | p99 (ms) | errors | of anonymous |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${share(r.requestsPerSec)} |`),
    '',
  ].join('\n');
  return {
    markdown,
    targets: [{
      what: 'a session costs little (many citizens\' tokens vs anonymous)', database: db, target: '≥ 80% of anonymous',
      measured: `${share(many.requestsPerSec)} (one token: ${share(one.requestsPerSec)})`, met: many.requestsPerSec >= 0.8 * anonymous.requestsPerSec,
    }],
  };
}
