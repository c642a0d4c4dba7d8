// Citizen reports at scale: submission throughput (with and without a photo) and the
// public list, map and tile reads with 100,000 reports in the database, on the embedded
// database and (when BENCH_DATABASE_URL is set, an admin URL) on PostgreSQL.
// The 100k reports are generated in SQL (generateReports) before the platform starts.
// Usage: npx tsx bench/reports.ts   (writes bench/results/reports.md)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { buildApp } from '../server/src/app.ts';
import { openPglite, openPostgres, type Database } from '../server/src/db/connection.ts';
import { collectMigrations, migrateUp } from '../server/src/db/migrate.ts';
import { MODULES } from '../server/src/modules/index.ts';
import { TEST_ENCRYPTION_KEY, testConfig } from '../server/test/template.ts';
import { ROOT, load, machine, startPlatform, table, type Row } from './lib.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 100_000);
const HERE = { lat: 21.85, lon: 106.76 };

/** Migrates and seeds (categories, communes, agencies), then inserts `count` reports spread over the province. */
export async function generateReports(db: Database, count: number): Promise<number> {
  await migrateUp(db, await collectMigrations(MODULES));
  const built = await buildApp({ config: testConfig(), db, logger: false });
  await built.start({ seed: true, work: false });
  await built.close();
  const started = Date.now();
  // points fall in the province's bounding box; each takes the commune whose polygon covers it
  await db.exec(`
    INSERT INTO reports (tracking_code, category_code, description, lat, lon, geom, commune_code, province_code, agency_id,
                         deadline_days, due_date, status, received_at, updated_at, supporters)
    SELECT 'PA-B' || upper(lpad(to_hex(g.i), 7, '0')), cats.codes[1 + (g.i % array_length(cats.codes, 1))::int],
           'Phản ánh mẫu số ' || g.i || ': rác, ổ gà, đèn đường hỏng', p.lat, p.lon, p.geom, b.commune_code, '20', a.id,
           7, (current_date + (g.i % 30)::int - 15), (ARRAY['new','accepted','assigned','in_progress','resolved','closed'])[1 + (g.i % 6)::int],
           now() - make_interval(mins => (g.i * 5)::int), now() - make_interval(mins => (g.i * 5)::int), (g.i % 7)::int
    FROM generate_series(1::bigint, ${count}::bigint) AS g(i)
    CROSS JOIN LATERAL (SELECT 21.3 + 1.2 * ((g.i * 7919) % 10007) / 10007.0 AS lat, 106.1 + 1.3 * ((g.i * 104729) % 10009) / 10009.0 AS lon) AS ll
    CROSS JOIN LATERAL (SELECT ll.lat, ll.lon, ST_SetSRID(ST_MakePoint(ll.lon, ll.lat), 4326) AS geom) AS p
    CROSS JOIN LATERAL (SELECT commune_code FROM commune_boundaries cb WHERE ST_Covers(cb.geom, p.geom) ORDER BY commune_code LIMIT 1) AS b
    CROSS JOIN LATERAL (SELECT id FROM agencies WHERE kind = 'commune_committee' AND area_code = b.commune_code LIMIT 1) AS a
    CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM report_categories WHERE parent_code IS NOT NULL) AS cats;
    ANALYZE reports;`);
  const n = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]!.n;
  console.log(`generated ${n} reports in ${Date.now() - started} ms`);
  return n;
}

async function token(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '0900000001', password: 'Demo@2026' }) });
  if (!res.ok) throw new Error(`demo login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function measure(database: string, port: number, env: Record<string, string>): Promise<Row[]> {
  // the generator seeded the demo accounts with the test configuration's key
  const server = await startPlatform({ port, env: { ...env, LOG_LEVEL: 'warn', DATA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY }, databaseUrl: env.DATABASE_URL });
  try {
    const headers = { authorization: `Bearer ${await token(server.url)}`, 'content-type': 'application/json' };
    const photo = (await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#6a8' } }).jpeg({ quality: 80 }).toBuffer()).toString('base64');
    const report = { categoryCode: 'ha-tang.den-duong', description: 'Đèn đường trước nhà số 12 không sáng', ...HERE };
    const some = ((await (await fetch(`${server.url}/api/reports?limit=1`)).json()) as { items: { trackingCode: string }[] }).items[0]!.trackingCode;
    const z = 12;
    const x = Math.floor(((HERE.lon + 180) / 360) * 2 ** z);
    const rad = (HERE.lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
    const get = (name: string, p: string) => load(name, database, { url: `${server.url}${p}` });
    return [
      await load('POST /api/reports (no photo)', database, { url: `${server.url}/api/reports`, method: 'POST', headers, body: JSON.stringify(report) }),
      await load('POST /api/reports (one 1200×900 photo)', database, { url: `${server.url}/api/reports`, method: 'POST', headers, body: JSON.stringify({ ...report, photos: [photo] }) }),
      await get('GET /api/reports (newest 20)', '/api/reports?limit=20'),
      await get('GET /api/reports (category+status filter)', '/api/reports?category=moi-truong&status=new&limit=20'),
      await get('GET /api/reports (commune + date range)', '/api/reports?commune=05983&from=2026-01-01&to=2026-12-31&limit=20'),
      await get('GET /api/reports/map (bbox: clusters, or at most 500 points)', '/api/reports/map?bbox=106.6,21.7,106.9,22.0'),
      await get('GET /api/reports/:code', `/api/reports/${some}`),
      await get('GET /api/tiles/12/x/y.mvt (30 s cache)', `/api/tiles/${z}/${x}/${y}.mvt`),
      await get('GET /api/tiles/9/x/y.mvt (30 s cache)', `/api/tiles/9/${x >> 3}/${y >> 3}.mvt`),
    ];
  } finally {
    await server.stop();
  }
}

const results: Row[] = [];
const notes: string[] = [];

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-reports-'));
try {
  const db = await openPglite(path.join(dir, 'pglite'));
  const n = await generateReports(db, REPORTS);
  await db.close();
  notes.push(`PGlite: ${n} reports before the run.`);
  results.push(...(await measure('PGlite (embedded)', 3921, { DATA_DIR: dir })));
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}

if (process.env.BENCH_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  const name = `cds_bench_reports_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(process.env.BENCH_DATABASE_URL);
  u.pathname = `/${name}`;
  try {
    const db = await openPostgres(u.toString(), 2);
    const n = await generateReports(db, REPORTS);
    await db.close();
    notes.push(`PostgreSQL: ${n} reports before the run.`);
    results.push(...(await measure('PostgreSQL', 3922, { DATABASE_URL: u.toString() })));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const report = `# Citizen reports\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}.\n` +
  `autocannon, 10 connections, 10 s each; the platform runs in its own process. Reads run with ${REPORTS.toLocaleString('en')} generated\n` +
  `reports spread over the province (bench/reports.ts, generateReports). Submissions locate the commune (PostGIS), route to the\n` +
  `agency and, with a photo, decode, resize and re-encode it with sharp before the transaction. Tiles are cached in memory for\n` +
  `30 s, so the tile rows measure mostly the cache; a cold tile costs one boundary query and one points query.\n\n${table(results)}\n\n${notes.join('\n')}\n`;
await fs.writeFile(path.join(ROOT, 'bench/results/reports.md'), report);
console.log(report);
