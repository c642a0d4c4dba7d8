// Procedure search at 2,000 procedures through HTTP: 50 connections sending the 39 real
// queries of search-cases.ts back to back (the server's capacity), then 50 people each
// searching four times a second at moments of their own (the latency a person sees when many
// search at once; see paced in bench/lib.ts for why not autocannon's connectionRate),
// the same with a made-up word added to every query (so a cache of answers cannot hide the
// cost of searching), and the hit rate: the expected procedure among the first three.
import type autocannon from 'autocannon';
import { SEARCH_CASES } from '../../server/src/modules/procedures/search-cases.ts';
import { load, paced } from '../lib.ts';
import { random } from '../workload.ts';
import { ms, type EngineRun, type SuiteResult } from './common.ts';

const USERS = 50;
const PER_USER_PER_SEC = 4;

export async function searchSuite(run: EngineRun): Promise<SuiteResult> {
  const { server, volume, opts } = run;
  const db = volume.label;
  const rnd = random(11);
  const query = () => SEARCH_CASES[Math.floor(rnd() * SEARCH_CASES.length)]![0];
  const queries: autocannon.Request[] = [{
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: `/api/procedures?q=${encodeURIComponent(query())}&limit=20` }),
  }];
  // the same queries with a made-up extra word each time, so no cache of answers can serve them
  let n = 0;
  const uniquePath = () => `/api/procedures?q=${encodeURIComponent(`${query()} x${(n++).toString(36)}`)}&limit=20`;

  let top3 = 0;
  const misses: string[] = [];
  for (const [q, code] of SEARCH_CASES) {
    const res = await fetch(`${server.url}/api/procedures?q=${encodeURIComponent(q)}&limit=3`);
    const items = ((await res.json()) as { items: { code: string }[] }).items;
    if (items.some((i) => i.code === code)) top3 += 1;
    else misses.push(`"${q}"`);
  }
  const count = ((await (await fetch(`${server.url}/api/procedures?limit=1`)).json()) as { total: number }).total;

  await load('warm-up', db, { url: server.url, connections: USERS, duration: 2, requests: queries });
  const closed = await load(`${USERS} connections back to back`, db, { url: server.url, connections: USERS, duration: opts.duration, requests: queries });
  const people = { url: server.url, users: USERS, perUserPerSec: PER_USER_PER_SEC, durationSec: opts.duration };
  const often = await paced(`${USERS} people, ${PER_USER_PER_SEC} searches/s each`, db, { ...people, path: () => `/api/procedures?q=${encodeURIComponent(query())}&limit=20` });
  const oftenUnique = await paced(`${USERS} people, ${PER_USER_PER_SEC} searches/s each, every query new`, db, { ...people, path: uniquePath });
  const markdown = [
    `### ${db}`,
    '',
    `${count} procedures in the catalogue.`,
    '',
    '| load | requests/s | p50 (ms) | p99 (ms) | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...[closed, often, oftenUnique].map((r) => `| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} |`),
    '',
    `Expected procedure in the first three: ${top3}/${SEARCH_CASES.length}${misses.length ? ` (missed: ${misses.join(', ')})` : ''}.`,
    '',
  ].join('\n');
  return {
    markdown,
    targets: [
      { what: `procedure search p99, ${USERS} connections back to back (no pause: beyond what 50 people do)`, database: db, target: '≤ 5 ms', measured: ms(closed.p99), met: closed.p99 <= 5 },
      { what: `procedure search p99, ${USERS} people searching ${PER_USER_PER_SEC}×/s`, database: db, target: '≤ 5 ms', measured: ms(often.p99), met: often.p99 <= 5 },
      { what: `procedure search p99, ${USERS} people searching ${PER_USER_PER_SEC}×/s, every query new`, database: db, target: '≤ 5 ms', measured: ms(oftenUnique.p99), met: oftenUnique.p99 <= 5 },
      { what: 'procedure search hit rate (39 real queries, top 3)', database: db, target: `${SEARCH_CASES.length}/${SEARCH_CASES.length}`, measured: `${top3}/${SEARCH_CASES.length}`, met: top3 === SEARCH_CASES.length },
    ],
  };
}
