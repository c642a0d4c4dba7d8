// Land information at scale: point lookup, key lookup, address search and vector tiles with
// N synthetic parcels generated in SQL (default 1,000,000), and the streamed import of a
// VN-2000 GeoJSON file, on PGlite and (with BENCH_DATABASE_URL, an admin URL) PostgreSQL.
// Requests go through the HTTP layer (app.inject: routing, validation, SQL, serialisation),
// one at a time: the latency one person sees.
// Usage: npx tsx bench/land.ts [--parcels=1000000] [--pglite-parcels=N] [--import=50000] [--engines=pglite,postgres]
//        (--import=0 skips the import and keeps that engine's last import measurement, dated, in the report)
//        (--engines=none rewrites land.md from land.json without measuring)
//        (writes bench/results/land.md)
import fs from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import pg from 'pg';
import { parcelSearchText } from '@cds/contracts';
import { buildApp } from '../server/src/app.ts';
import { openPglite, openPostgres, type Database } from '../server/src/db/connection.ts';
import { collectMigrations, migrateUp } from '../server/src/db/migrate.ts';
import { MODULES } from '../server/src/modules/index.ts';
import { areasModule } from '../server/src/modules/areas/index.ts';
import { identityModule } from '../server/src/modules/identity/index.ts';
import { FormerCommunes, formerCommunesFile, geojsonFeatures, LandImporter, landModule } from '../server/src/modules/land/index.ts';
import { fromWgs84 } from '../server/src/modules/land/vn2000.ts';
import { testConfig } from '../server/test/template.ts';
import { ROOT, loadAverage, machine, processMemory, withPlatformNodeFlags } from './lib.ts';

// the platform runs in this process (app.inject): with the heap settings it ships with
withPlatformNodeFlags();

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const PARCELS = Number(arg('parcels', '1000000'));
const PGLITE_PARCELS = Number(arg('pglite-parcels', String(PARCELS)));
const IMPORT = Number(arg('import', '50000'));
const ENGINES = arg('engines', 'pglite,postgres').split(',');
const LOOKUPS = 1000;
const CELL_M = 20;
const GAP_M = 2;
const M_PER_DEG_LAT = 110_574;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round = (n: number) => Math.round(n * 10) / 10;
const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), n: s.length };
};

function tileOf(lat: number, lon: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

/** A seeded generator, so both databases get the same lookups. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Grid { code: string; name: string; lat: number; lon: number; count: number; side: number }

type Result = {
  database: string; parcels: number; generateMs: number;
  point: ReturnType<typeof stats>; pointMissed: number; key: ReturnType<typeof stats>; find: ReturnType<typeof stats>;
  tiles: { z: number; cold: ReturnType<typeof stats>; warm: ReturnType<typeof stats>; maxKb: number; meanKb: number }[];
  /** null when this run skipped the import (--import=0) */
  import: { features: number; ms: number; perSecond: number; rssBeforeMb: number; peakMb: number; fileMb: number } | null;
};

const ZONE_USES = ['ONT', 'CLN', 'DGT', 'TMD', 'DGD', 'DYT', 'SKC', 'LUC'];
const VILLAGES = ['Nà Phải', 'Bản Slằng', 'Khau Khoang', 'Pác Cáp', 'Còn Quan', 'Nà Lìn', 'Bản Chu', 'Khòn Pát', 'Nà Thâm', 'Pò Mã'];
const FOLDED = VILLAGES.map((v) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd'));

const ZONE_CELLS = 10;
const EDGE_POINTS = 16;

/** A fixed pseudo-random number in [-1, 1] for a vertex: both zones sharing an edge compute the same. */
function wobble(...parts: number[]): number {
  const x = Math.sin(parts.reduce((a, p, i) => a + p * [12.9898, 78.233, 37.719, 4.581][i % 4]!, 0)) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

/**
 * The zones of a grid: blocks of 10 × 10 cells whose edges are not straight but wander up to
 * 0.4 of a cell (about 9 m) across 15 vertices per side, as real zones follow plots, streams
 * and roads. A neighbour computes the same vertices for a shared edge, so zones tile the plan
 * without gaps or overlaps, and a z14 tile carries about 64 vertices per zone, not 4.
 */
function zonesOf(g: Grid): { code: string; use: string; density: number; floors: number; wkt: string }[] {
  const dLat = (CELL_M + GAP_M) / M_PER_DEG_LAT;
  const dLon = (CELL_M + GAP_M) / (111_320 * Math.cos((g.lat * Math.PI) / 180));
  const lat0 = g.lat - (g.side / 2) * dLat;
  const lon0 = g.lon - (g.side / 2) * dLon;
  const n = Math.ceil(g.side / ZONE_CELLS);
  const seed = Number(g.code);
  const at = (i: number, j: number) => [lon0 + i * ZONE_CELLS * dLon, lat0 + j * ZONE_CELLS * dLat] as const;
  // the vertices of the edge on vertical line i from row j to j + 1 (or horizontal line j from column i to i + 1), corners excluded
  const vertical = (i: number, j: number) => Array.from({ length: EDGE_POINTS - 1 }, (_, k) => {
    const [x, y] = at(i, j);
    return [x + 0.4 * dLon * wobble(seed, 1, i * 1000 + j, k + 1), y + ((k + 1) / EDGE_POINTS) * ZONE_CELLS * dLat] as const;
  });
  const horizontal = (i: number, j: number) => Array.from({ length: EDGE_POINTS - 1 }, (_, k) => {
    const [x, y] = at(i, j);
    return [x + ((k + 1) / EDGE_POINTS) * ZONE_CELLS * dLon, y + 0.4 * dLat * wobble(seed, 2, i * 1000 + j, k + 1)] as const;
  });
  const zones = [];
  for (let bx = 0; bx < n; bx++) {
    for (let by = 0; by < n; by++) {
      const ring = [
        at(bx, by), ...horizontal(bx, by),
        at(bx + 1, by), ...vertical(bx + 1, by),
        at(bx + 1, by + 1), ...horizontal(bx, by + 1).reverse(),
        at(bx, by + 1), ...vertical(bx, by).reverse(),
        at(bx, by),
      ];
      zones.push({
        code: `${g.code}-${bx}-${by}`,
        use: ZONE_USES[(bx + by) % ZONE_USES.length]!,
        density: 40 + ((bx * 7 + by * 3) % 50),
        floors: 2 + ((bx + by) % 6),
        wkt: `POLYGON((${ring.map(([x, y]) => `${x.toFixed(8)} ${y.toFixed(8)}`).join(',')}))`,
      });
    }
  }
  return zones;
}

/** Parcels in square grids centred on each commune's centre: cells of 20 m with 2 m paths, sheets of 1,000 parcels from sheet 1000. */
async function generate(db: Database, grids: Grid[]): Promise<void> {
  for (const g of grids) {
    const dLat = (CELL_M + GAP_M) / M_PER_DEG_LAT;
    const dLon = (CELL_M + GAP_M) / (111_320 * Math.cos((g.lat * Math.PI) / 180));
    const wLat = (CELL_M / (CELL_M + GAP_M)) * dLat;
    const wLon = (CELL_M / (CELL_M + GAP_M)) * dLon;
    const lat0 = g.lat - (g.side / 2) * dLat;
    const lon0 = g.lon - (g.side / 2) * dLon;
    const villages = `ARRAY[${VILLAGES.map((v) => `'${v}'`).join(',')}]`;
    const folded = `ARRAY[${FOLDED.map((v) => `'${v}'`).join(',')}]`;
    await db.query(`
      INSERT INTO land_parcels (commune_code, sheet, parcel, area_m2, address, land_uses, geom, source_geom, source_srid, synthetic, source, search_text)
      SELECT $1, 1000 + s.i / 1000, s.i % 1000 + 1, ${CELL_M * CELL_M}, 'Thôn ' || (${villages})[(s.i / 1000) % 10 + 1] || ', số ' || (s.i % 1000 + 1),
        '[{"code":"ONT","legacyCode":null,"areaM2":200},{"code":"CLN","legacyCode":null,"areaM2":200}]'::jsonb,
        ST_Multi(e.g), e.g, 4326, true, 'bench', ' ' || (${folded})[(s.i / 1000) % 10 + 1] || ' so ' || (s.i % 1000 + 1) || ' ' || $10 || ' '
      FROM generate_series(0, $2::int - 1) AS s(i),
        LATERAL (SELECT ST_MakeEnvelope($3::float8 + (s.i % $5::int) * $6::float8, $4::float8 + (s.i / $5::int) * $7::float8,
          $3::float8 + (s.i % $5::int) * $6::float8 + $8::float8, $4::float8 + (s.i / $5::int) * $7::float8 + $9::float8, 4326) AS g) e`,
    [g.code, g.count, lon0, lat0, g.side, dLon, dLat, wLon, wLat, parcelSearchText([g.name]).trim()]);
  }
  // one published synthetic zoning plan over every grid, in blocks of 10 × 10 cells (about 220 m),
  // so z14 tiles (zoning only) and each parcel's zoning lookup have real zones to carry
  const plan = await db.query<{ id: string }>(`INSERT INTO land_zoning_plans (name, decision_number, decision_date, synthetic, source, status)
    VALUES ('Quy hoạch phân khu (benchmark)', 'BENCH-1/QĐ-UBND', '2026-01-01', true, 'bench', 'published') RETURNING id`);
  for (const g of grids) {
    const zones = zonesOf(g);
    for (let k = 0; k < zones.length; k += 500) {
      const part = zones.slice(k, k + 500);
      await db.query(`
        INSERT INTO land_zoning_zones (plan_id, zone_code, land_use_code, building_density_pct, max_floors, geom, source_geom, source_srid)
        SELECT $1, z.code, z.use, z.density, z.floors, ST_Multi(z.g), z.g, 4326
        FROM (SELECT unnest($2::text[]) AS code, unnest($3::text[]) AS use, unnest($4::int[]) AS density, unnest($5::int[]) AS floors,
          ST_GeomFromText(unnest($6::text[]), 4326) AS g) z`,
      [plan.rows[0]!.id, part.map((z) => z.code), part.map((z) => z.use), part.map((z) => z.density), part.map((z) => z.floors), part.map((z) => z.wkt)]);
    }
  }
  const invalid = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM land_zoning_zones WHERE NOT ST_IsValid(geom)');
  if (invalid.rows[0]!.n > 0) throw new Error(`${invalid.rows[0]!.n} generated zones are not valid polygons`);
  // VACUUM as well: the freshly written rows get their hint bits and the visibility map now, not
  // during the lookups (and PostgreSQL's autovacuum would otherwise scan them while they are timed)
  await db.query('VACUUM (ANALYZE) land_parcels');
  await db.query('VACUUM (ANALYZE) land_zoning_zones');
}

/** The centre of parcel i of a grid. */
function cellCentre(g: Grid, i: number): { lat: number; lon: number } {
  const dLat = (CELL_M + GAP_M) / M_PER_DEG_LAT;
  const dLon = (CELL_M + GAP_M) / (111_320 * Math.cos((g.lat * Math.PI) / 180));
  return {
    lat: g.lat - (g.side / 2) * dLat + Math.floor(i / g.side) * dLat + dLat * 0.45,
    lon: g.lon - (g.side / 2) * dLon + (i % g.side) * dLon + dLon * 0.45,
  };
}

/** A GeoJSON of `n` parcels in VN-2000 / Lạng Sơn, written feature by feature. */
async function importFile(file: string, grid: Grid, n: number): Promise<void> {
  const out = createWriteStream(file);
  const to = fromWgs84(9215);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('{"type":"FeatureCollection","features":[\n');
  const side = Math.ceil(Math.sqrt(n));
  for (let i = 0; i < n; i++) {
    // a grid beside the generated one (2 km north), so the import inserts new parcels
    const c = { lat: grid.lat + 0.02 + Math.floor(i / side) * (22 / M_PER_DEG_LAT), lon: grid.lon + (i % side) * (22 / (111_320 * Math.cos((grid.lat * Math.PI) / 180))) };
    const [e, nn] = to([c.lon, c.lat]);
    const r = (v: number) => Math.round(v * 1000) / 1000;
    const ring = [[r(e), r(nn)], [r(e + 20), r(nn)], [r(e + 20), r(nn + 20)], [r(e), r(nn + 20)], [r(e), r(nn)]];
    await write(`${i ? ',\n' : ''}${JSON.stringify({ type: 'Feature', properties: { MaXa: grid.code, SoHieuToBanDo: 5000 + Math.floor(i / 1000), SoThuTuThua: (i % 1000) + 1, KyHieuMucDichSuDung: 'ONT+CLN', DiaChi: `Thôn Bench, số ${i + 1}` }, geometry: { type: 'Polygon', coordinates: [ring] } })}`);
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
}

async function measure(database: string, db: Database, total: number): Promise<Result> {
  await migrateUp(db, await collectMigrations(MODULES));
  const config = testConfig({ LAND_DEMO_PARCELS: '0' });
  const built = await buildApp({ config, db, logger: false, modules: [areasModule, identityModule, landModule] });
  await built.start({ seed: true, work: false });
  try {
    const areas = built.platform.use(areasModule);
    const communes = areas.communesIn(built.platform.pack.provinceCode);
    const grids: Grid[] = [];
    for (const [i, c] of communes.entries()) {
      const centre = await areas.communeCentre(c.code);
      if (!centre) continue;
      const count = Math.floor(total / communes.length) + (i < total % communes.length ? 1 : 0);
      grids.push({ code: c.code, name: c.name, lat: centre.lat, lon: centre.lon, count, side: Math.ceil(Math.sqrt(count)) });
    }
    console.log(`${database}: platform ready; generating ${total} parcels…`);
    const started = Date.now();
    await generate(db, grids);
    const generateMs = Date.now() - started;
    const parcels = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM land_parcels')).rows[0]!.n;
    console.log(`${database}: ${parcels} parcels generated in ${generateMs} ms`);

    const random = rng(42);
    const pick = () => {
      const g = grids[Math.floor(random() * grids.length)]!;
      return { g, i: Math.floor(random() * g.count) };
    };
    const time = async (url: string, ok: (status: number) => boolean) => {
      const t0 = process.hrtime.bigint();
      const res = await built.app.inject({ url });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (!ok(res.statusCode)) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return { ms, res };
    };

    // point lookups (a tap or GPS); a point the province's outline leaves out answers 400, counted apart
    const point: number[] = [];
    let pointMissed = 0;
    for (let k = 0; k < LOOKUPS + 50; k++) {
      const { g, i } = pick();
      const c = cellCentre(g, i);
      const { ms, res } = await time(`/api/land/parcels/at?lat=${c.lat.toFixed(7)}&lon=${c.lon.toFixed(7)}`, (s) => s === 200 || s === 400 || s === 404);
      if (res.statusCode !== 200) pointMissed++;
      else if (k >= 50) point.push(ms);
    }
    const key: number[] = [];
    for (let k = 0; k < LOOKUPS + 50; k++) {
      const { g, i } = pick();
      const { ms, res } = await time(`/api/land/parcels?commune=${g.code}&sheet=${1000 + Math.floor(i / 1000)}&parcel=${(i % 1000) + 1}`, (s) => s === 200);
      if ((res.json() as { items: unknown[] }).items.length !== 1) throw new Error('key lookup did not find its parcel');
      if (k >= 50) key.push(ms);
    }
    const find: number[] = [];
    for (let k = 0; k < 200 + 20; k++) {
      const { g, i } = pick();
      const q = `${FOLDED[Math.floor(i / 1000) % 10]} so ${(i % 1000) + 1} ${communes.find((c) => c.code === g.code)!.name}`;
      const { ms, res } = await time(`/api/land/parcels/find?q=${encodeURIComponent(q)}`, (s) => s === 200);
      if ((res.json() as { items: unknown[] }).items.length < 1) throw new Error(`find ${q}: nothing`);
      if (k >= 20) find.push(ms);
    }

    // tiles: every tile asked once is cold (nothing cached in the app; the database's own cache is warm after the first few)
    const tiles: Result['tiles'] = [];
    for (const z of [14, 15, 16]) {
      const seen = new Set<string>();
      const cold: number[] = [];
      const warm: number[] = [];
      const sizes: number[] = [];
      for (let k = 0; k < (z === 14 ? 60 : 200); k++) {
        const { g, i } = pick();
        const c = cellCentre(g, i);
        const [x, y] = tileOf(c.lat, c.lon, z);
        if (seen.has(`${x}/${y}`)) continue;
        seen.add(`${x}/${y}`);
        const url = `/api/land/tiles/${z}/${x}/${y}.mvt`;
        const first = await time(url, (s) => s === 200);
        cold.push(first.ms);
        sizes.push(first.res.rawPayload.length);
        warm.push((await time(url, (s) => s === 200)).ms);
      }
      tiles.push({ z, cold: stats(cold), warm: stats(warm), maxKb: round(Math.max(...sizes) / 1024), meanKb: round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024) });
    }

    if (IMPORT === 0) return { database, parcels, generateMs, point: stats(point), pointMissed, key: stats(key), find: stats(find), tiles, import: null };
    // import: a VN-2000 GeoJSON streamed through the importer (what the CLI and the import page run)
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-land-'));
    const file = path.join(dir, 'parcels.geojson');
    await importFile(file, grids[0]!, IMPORT);
    const fileMb = round((await fs.stat(file)).size / 2 ** 20);
    const rssBefore = (await processMemory(process.pid)).rssMb;
    const importer = new LandImporter(db.kysely, FormerCommunes.load(formerCommunesFile(built.platform.pack.id)));
    const t0 = Date.now();
    const report = await importer.run(geojsonFeatures(file), {
      kind: 'parcels', srid: 9215, sourceName: 'bench', mayWrite: () => true,
      isCommune: (code) => areas.getCommune(code) !== undefined, placeNames: (code) => [areas.getCommune(code)?.name],
    });
    const importMs = Date.now() - t0;
    const peak = (await processMemory(process.pid)).peakMb;
    await fs.rm(dir, { recursive: true, force: true });
    if (report.inserted !== IMPORT) throw new Error(`import inserted ${report.inserted} of ${IMPORT}: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    console.log(`${database}: imported ${IMPORT} in ${importMs} ms`);
    return {
      database, parcels, generateMs, point: stats(point), pointMissed, key: stats(key), find: stats(find), tiles,
      import: { features: IMPORT, ms: importMs, perSecond: Math.round(IMPORT / (importMs / 1000)), rssBeforeMb: rssBefore, peakMb: peak, fileMb },
    };
  } finally {
    await built.close();
  }
}

async function onPglite(): Promise<Result> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-land-pglite-'));
  const db = await openPglite(path.join(dir, 'pglite'));
  try {
    return await measure('PGlite (embedded)', db, PGLITE_PARCELS);
  } finally {
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(adminUrl: string): Promise<Result> {
  const name = `cds_bench_land_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 10);
  try {
    return await measure('PostgreSQL', db, PARCELS);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

// each engine's latest run is kept in land.json, so the engines can be run one at a time (the
// shared machine rarely has room for both at once) and the report still shows both
const rawFile = path.join(ROOT, 'bench/results/land.json');
type Run = Result & { measured: string; loadBefore: string; loadAfter: string; args: string; importMeasured?: string };
const runs: Record<string, Run> = JSON.parse(await fs.readFile(rawFile, 'utf8').catch(() => '{}')) as Record<string, Run>;
const args = `--parcels=${PARCELS} --pglite-parcels=${PGLITE_PARCELS} --import=${IMPORT}`;
for (const engine of ['postgres', 'pglite'] as const) {
  if (!ENGINES.includes(engine) || (engine === 'postgres' && !process.env.BENCH_DATABASE_URL)) continue;
  const loadBefore = loadAverage();
  const r = engine === 'postgres' ? await onPostgres(process.env.BENCH_DATABASE_URL!) : await onPglite();
  // read again: another engine's run may have finished meanwhile
  Object.assign(runs, JSON.parse(await fs.readFile(rawFile, 'utf8').catch(() => '{}')) as Record<string, Run>);
  const measured = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const previous = runs[engine];
  // a run without the import keeps the engine's last import, with the date it was measured
  const imported = r.import ? { import: r.import, importMeasured: measured } : { import: previous?.import ?? null, importMeasured: previous?.importMeasured ?? previous?.measured };
  runs[engine] = { ...r, ...imported, measured, loadBefore, loadAfter: loadAverage(), args };
  await fs.writeFile(rawFile, JSON.stringify(runs, null, 2) + '\n');
}
const results = (['postgres', 'pglite'] as const).flatMap((e) => (runs[e] ? [runs[e]] : []));

const ms = (s: ReturnType<typeof stats>) => `${s.p50} / ${s.p95} / ${s.p99}`;
const report = `# Land information\n\nMeasured on ${machine()}.\n` +
  results.map((r) => `- ${r.database}: ${r.measured} UTC, load average (1, 5, 15 min) ${r.loadBefore} before and ${r.loadAfter} after; \`${r.args}\`\n`).join('') +
  `The load averages above say how busy the 2 cores were; a 1-minute figure near 1 is the benchmark itself (one query at a time).\n\n` +
  `Synthetic parcels generated in SQL: square grids of 20 m cells (2 m paths) centred on every commune's centre of the pack, 1,000 per\n` +
  `sheet, an address "Thôn …, số …" each. Requests one at a time through the HTTP layer (\`app.inject\`), after 50 warm-up requests.\n\n` +
  `## Lookups\n\n` +
  `| database | parcels | generated in (s) | by point p50 / p95 / p99 (ms) | by key p50 / p95 / p99 (ms) | by address p50 / p95 / p99 (ms) |\n| --- | ---: | ---: | --- | --- | --- |\n` +
  results.map((r) => `| ${r.database} | ${r.parcels.toLocaleString('en')} | ${round(r.generateMs / 1000)} | ${ms(r.point)} | ${ms(r.key)} | ${ms(r.find)} |`).join('\n') + '\n\n' +
  `By point: ${LOOKUPS} random parcel centres (\`GET /api/land/parcels/at\`: the province check, the smallest covering parcel, its zoning and outline);` +
  ` points the province outline leaves out (grids of border communes reach over it) answer 400 and are not timed: ${results.map((r) => `${r.pointMissed} on ${r.database}`).join(', ')}.\n` +
  `By key: ${LOOKUPS} random (commune, sheet, parcel) (\`GET /api/land/parcels\`). By address: 200 "village số N commune" searches (\`GET /api/land/parcels/find\`, pg_trgm).\n\n` +
  `Targets (issue 14): point p99 ≤ 10 ms, key p99 ≤ 5 ms.\n\n` +
  `## Vector tiles\n\n| database | zoom | tiles | cold p50 / p95 / p99 (ms) | again p50 (ms) | mean size (KB) | largest (KB) |\n| --- | ---: | ---: | --- | ---: | ---: | ---: |\n` +
  results.flatMap((r) => r.tiles.map((t) => `| ${r.database} | ${t.z} | ${t.cold.n} | ${ms(t.cold)} | ${t.warm.p50} | ${t.meanKb} | ${t.maxKb} |`)).join('\n') + '\n\n' +
  `Distinct tiles over random parcels; "cold" is the first request of each tile (no tile cache in the app), "again" the second.\n` +
  `Targets: z16 p50 ≤ 30 ms cold; a z14 tile under 500 KB. z14 carries zoning only (parcels start at z15): one published synthetic\n` +
  `plan covers every grid in zones of 10 × 10 cells (about 220 m) whose sides wander up to 9 m across 15 vertices each (64 vertices a zone,\n` +
  `shared with the neighbour, as real zones follow plots and streams), so z14 tiles hold a few hundred zones each. Point lookups compute each parcel's zoning against these zones.\n\n` +
  `## Import\n\n| database | measured (UTC) | features | time (s) | features/s | file (MB) | RSS before (MB) | peak RSS of the process (MB) |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n` +
  results.flatMap((r) => (r.import ? [`| ${r.database} | ${r.importMeasured ?? r.measured} | ${r.import.features.toLocaleString('en')} | ${round(r.import.ms / 1000)} | ${r.import.perSecond} | ${r.import.fileMb} | ${r.import.rssBeforeMb} | ${r.import.peakMb} |`] : [])).join('\n') + '\n\n' +
  `A VN-2000 / Lạng Sơn TM-3 GeoJSON written feature by feature, streamed through the importer the CLI and the import page use\n` +
  `(parse, reproject with proj4, validate with ST_IsValid, upsert by key in batches of 500, keep the source geometry), into the table\n` +
  `already holding the parcels above. Peak RSS is the whole benchmark process (PGlite's database lives in it too), so it bounds the importer's memory from above.\n` +
  `An import is measured when the run asks for one (\`--import=N\`); a run with \`--import=0\` keeps the engine's last import, under the date it was measured.\n\n` +
  `Run: \`npx tsx bench/land.ts [--parcels=1000000] [--pglite-parcels=N] [--import=50000] [--engines=postgres|pglite]\` with \`BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres\` for PostgreSQL;\n` +
  `each engine's latest numbers are kept in \`land.json\` and this file is written from it.\n`;
await fs.writeFile(path.join(ROOT, 'bench/results/land.md'), report);
console.log(report);
process.exit(0);
