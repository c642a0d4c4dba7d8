// Public reads at 100,000 reports: the list the public page loads, its filters and next
// page, the map endpoint, and map tiles spread over the province (mostly not cached), at
// 10 connections as in bench/results/reports.md.
import type autocannon from 'autocannon';
import { load, type Row } from '../lib.ts';
import { pathFor, random } from '../workload.ts';
import { ms, type EngineRun, type SuiteResult } from './common.ts';

const CONNECTIONS = 10;

export async function publicReadsSuite(run: EngineRun): Promise<SuiteResult> {
  const { server, volume, opts } = run;
  const db = volume.label;
  const base = { connections: CONNECTIONS, duration: opts.duration };
  const get = (name: string, path: string) => load(name, db, { ...base, url: `${server.url}${path}` });
  const rnd = random(5);
  const tiles: autocannon.Request[] = [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathFor('tile', { citizens: 1, reports: volume.reports }, rnd) }) }];

  await load('warm-up', db, { ...base, url: `${server.url}/api/reports?limit=50`, duration: 2 });
  // a page deep in the list by cursor (keyset): the 20th page of 50
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const res: Response = await fetch(`${server.url}/api/reports?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
    cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
  }
  const lists: Row[] = [
    await get('GET /api/reports?limit=50 (newest, as the public page loads it)', '/api/reports?limit=50'),
    await get('GET /api/reports?limit=20 (newest 20)', '/api/reports?limit=20'),
    await get('GET /api/reports?limit=50&offset=50 (next page)', '/api/reports?limit=50&offset=50'),
    await get('GET /api/reports?limit=50&cursor=… (21st page, by cursor)', `/api/reports?limit=50${cursor ? `&cursor=${cursor}` : ''}`),
    await get('GET /api/reports (category + status filter)', '/api/reports?category=moi-truong&status=new&limit=50'),
    await get('GET /api/reports (commune + date range)', '/api/reports?commune=05983&from=2026-01-01&to=2026-12-31&limit=50'),
  ];
  const maps: Row[] = [
    // more than 500 reports in the city: clusters, not thousands of points (issue 10)
    await get('GET /api/reports/map (city bbox: clusters, more than 500 points there)', '/api/reports/map?bbox=106.6,21.7,106.9,22.0'),
    await get('GET /api/reports/map (no bbox or zoom: the whole province as clusters)', '/api/reports/map'),
    await get('GET /api/reports/map?zoom=16 (a few streets: at most 500 points)', '/api/reports/map?bbox=106.755,21.845,106.765,21.855&zoom=16'),
    await get('GET /api/reports/map?zoom=9 (whole province as clusters)', '/api/reports/map?zoom=9'),
  ];
  const tileRow = await load('GET /api/tiles/z/x/y.mvt (random over the province, zoom 10–14)', db, { ...base, url: server.url, requests: tiles });
  const rows = [...lists, ...maps, tileRow];
  const markdown = [
    `### ${db}`,
    '',
    `${volume.counts.reports?.toLocaleString('en')} reports.`,
    '',
    '| request | requests/s | p50 (ms) | p99 (ms) | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.errors} |`),
    '',
  ].join('\n');
  const worst = (rs: Row[]) => rs.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const full = !opts.quick;
  const wl = worst(lists);
  const wm = worst(maps);
  return {
    markdown,
    targets: [
      { what: 'public list p99 at 100k reports (worst of the list rows)', database: db, target: '≤ 50 ms', measured: `${ms(wl.p99)} (${wl.name})`, met: full ? wl.p99 <= 50 : null },
      { what: 'map p99 at 100k reports (worst of the map rows)', database: db, target: '≤ 50 ms', measured: `${ms(wm.p99)} (${wm.name})`, met: full ? wm.p99 <= 50 : null },
    ],
  };
}
