// The synthetic tiling and the boundary import, against the seeded test database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers.ts';
import { TEST_ENCRYPTION_KEY, withDatabase } from '../../../test/template.ts';
import { AdminUnits } from './admin-units.ts';
import { importBoundaries, ImportFileError, SYNTHETIC_SOURCE } from './boundaries.ts';

const BOX = 'ST_MakeEnvelope(106.1, 21.3, 107.4, 22.5, 4326)';
const units = AdminUnits.load();
const LVT = '05983';
const square = (x: number, y: number, d: number) => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});

/** Area of the union, sum of areas and box area of the province's boundaries. */
async function tiling(db: Database) {
  const { rows } = await db.query<{ n: number; union_area: number; sum_area: number; box_area: number; synthetic: number }>(`
    SELECT count(*)::int AS n, ST_Area(ST_Union(b.geom)) AS union_area, sum(ST_Area(b.geom)) AS sum_area,
      ST_Area(${BOX}) AS box_area, count(*) FILTER (WHERE b.synthetic)::int AS synthetic
    FROM commune_boundaries b JOIN communes c ON c.code = b.commune_code WHERE c.province_code = '20'`);
  return rows[0]!;
}

describe('synthetic boundaries (demo mode)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());

  it('gives every one of the 65 communes a synthetic polygon, labelled as such', async () => {
    const { rows } = await t.db.query<{ n: number; labelled: number }>(`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE b.synthetic AND b.source = '${SYNTHETIC_SOURCE}')::int AS labelled
      FROM communes c JOIN commune_boundaries b ON b.commune_code = c.code WHERE c.province_code = '20'`);
    assert.deepEqual(rows[0], { n: 65, labelled: 65 });
  });

  it('covers the bounding box with no gap and no overlap', async () => {
    const s = await tiling(t.db);
    assert.ok(Math.abs(s.union_area - s.box_area) < 1e-9, `union ${s.union_area} = box ${s.box_area}`);
    assert.ok(Math.abs(s.sum_area - s.box_area) < 1e-9, `sum ${s.sum_area} = box ${s.box_area} (no overlap)`);
    const { rows } = await t.db.query<{ overlap: number | null }>(`
      SELECT sum(ST_Area(ST_Intersection(a.geom, b.geom))) AS overlap
      FROM commune_boundaries a JOIN commune_boundaries b ON a.commune_code < b.commune_code AND ST_Intersects(a.geom, b.geom)`);
    assert.ok((rows[0]?.overlap ?? 0) < 1e-12);
  });

  it('places known communes at their centre', async () => {
    const { rows } = await t.db.query<{ code: string }>(`
      SELECT commune_code AS code FROM commune_boundaries WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(106.47, 22.25), 4326))`);
    assert.deepEqual(rows.map((r) => r.code), ['06040']);
  });
});

describe('boundary import', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());

  it('imports known codes, reports the rest, replaces synthetic rows and re-tiles around them', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[106.2, 22.3], [106.3, 22.4], [106.3, 22.3], [106.2, 22.4], [106.2, 22.3]]] };
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { ma_xa: LVT }, geometry: square(106.74, 21.83, 0.04) },
        { type: 'Feature', properties: { MA_XA: 6040 }, geometry: bowtie },
        { type: 'Feature', properties: { code: '99999' }, geometry: square(106.5, 21.5, 0.01) },
        { type: 'Feature', properties: { name: 'no code' }, geometry: square(106.5, 21.5, 0.01) },
        { type: 'Feature', properties: { code: '06001' }, geometry: { type: 'Point', coordinates: [106.5, 21.5] } },
        { type: 'Feature', properties: { code: '00070' }, geometry: square(105.84, 21.02, 0.02) },
      ],
    };
    const progress: number[] = [];
    const report = await importBoundaries(t.db.kysely, units, fc, {
      source: 'test-fixture',
      onProgress: (done) => progress.push(done),
      refill: { provinceCode: '20', bbox: [106.1, 21.3, 107.4, 22.5], centres: { [LVT]: [106.76, 21.85] } },
    });
    assert.equal(report.features, 6);
    assert.equal(report.imported, 3);
    assert.equal(report.replacedSynthetic, 2);
    assert.deepEqual(report.unknownCodes, ['99999']);
    assert.deepEqual(report.missingCode, [3]);
    assert.equal(report.invalid.length, 1);
    assert.equal(report.invalid[0]!.code, '06001');
    assert.equal(report.syntheticRemoved, 63);
    assert.equal(report.syntheticRefilled, 63);
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);

    const { rows } = await t.db.query<{ code: string; synthetic: boolean; source: string; valid: boolean; type: string }>(`
      SELECT commune_code AS code, synthetic, source, ST_IsValid(geom) AS valid, GeometryType(geom) AS type
      FROM commune_boundaries WHERE commune_code IN ('05983', '06040', '00070') ORDER BY commune_code`);
    assert.deepEqual(rows.map((r) => [r.code, r.synthetic, r.source, r.valid, r.type]), [
      ['00070', false, 'test-fixture', true, 'MULTIPOLYGON'],
      ['05983', false, 'test-fixture', true, 'MULTIPOLYGON'],
      ['06040', false, 'test-fixture', true, 'MULTIPOLYGON'],
    ]);
    // the re-tiled synthetic polygons stay clear of the real ones
    const overlap = await t.db.query<{ a: number | null }>(`
      SELECT sum(ST_Area(ST_Intersection(s.geom, r.geom))) AS a FROM commune_boundaries s, commune_boundaries r
      WHERE s.synthetic AND NOT r.synthetic AND ST_Intersects(s.geom, r.geom)`);
    assert.ok((overlap.rows[0]?.a ?? 0) < 1e-12);
    const s = await tiling(t.db);
    assert.equal(s.n, 65);
    assert.equal(s.synthetic, 63);
  });

  it('refuses a file that is not a FeatureCollection', async () => {
    await assert.rejects(importBoundaries(t.db.kysely, units, { type: 'Feature' }, { source: 'x' }), ImportFileError);
  });
});

const execFileP = promisify(execFile);

/** A database the CLI can open by itself: a copy of the run's template. */
async function cliDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (url && template) {
    const name = `cds_cli_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    return {
      env: { DATABASE_URL: withDatabase(url, name) },
      open: () => openPostgres(withDatabase(url, name), 1),
      drop: async () => {
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-cli-'));
  const templateDir = process.env.TEST_TEMPLATE_DIR;
  if (!templateDir) throw new Error('run through test/run.ts (needs TEST_TEMPLATE_DIR)');
  await fs.cp(templateDir, path.join(dir, 'pglite'), { recursive: true });
  return { env: { DATA_DIR: dir }, open: () => openPglite(path.join(dir, 'pglite')), drop: () => fs.rm(dir, { recursive: true, force: true }) };
}

describe('npm run import:boundaries', () => {
  it('imports a file from the command line and prints a report', async () => {
    const target = await cliDatabase();
    const file = path.join(os.tmpdir(), `cds-boundaries-${randomUUID()}.geojson`);
    await fs.writeFile(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: LVT }, geometry: square(106.74, 21.83, 0.04) },
        { type: 'Feature', properties: { code: '12345' }, geometry: square(106.5, 21.5, 0.01) },
      ],
    }));
    try {
      const cli = path.resolve(import.meta.dirname, '../../cli/import-boundaries.ts');
      const { stdout } = await execFileP(process.execPath, ['--import', 'tsx', cli, file, '--source', 'cli-fixture'], {
        env: { ...process.env, ...target.env, DEMO_MODE: 'true', DATA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'silent' },
      });
      assert.match(stdout, /imported: 1 \(replacing 1 synthetic\)/);
      assert.match(stdout, /unknown commune codes \(skipped\): 12345/);
      const db = await target.open();
      try {
        const { rows } = await db.query<{ source: string; synthetic: boolean }>(`SELECT source, synthetic FROM commune_boundaries WHERE commune_code = '${LVT}'`);
        assert.deepEqual(rows, [{ source: 'cli-fixture', synthetic: false }]);
      } finally {
        await db.close();
      }
    } finally {
      await fs.rm(file, { force: true });
      await target.drop();
    }
  });
});
