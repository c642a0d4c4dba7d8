// The platform's own base map: the pack's real boundaries, province outline and national
// border; an OpenStreetMap extract (a tiny .osm.pbf the test writes) imported into roads,
// rivers and places; vector tiles carrying them; and a point described in words.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildTestApp, createTestDatabase, type BuiltApp, type TestDatabase } from '../../../test/helpers.ts';
import { writeOsmPbf } from '../../../test/osm-pbf.ts';
import { loadPack } from '../../platform/pack.ts';
import { AdminUnits } from './admin-units.ts';
import { classify, importOsmExtract, loadPackMap, readOsmExtract } from './basemap.ts';
import { ImportFileError } from './boundaries.ts';
import { areasModule } from './index.ts';

// Cửa khẩu Hữu Nghị, inside Xã Đồng Đăng (06184) by the pack's sources
const HUU_NGHI = { lat: 21.97111, lon: 106.71083 };
const DONG_DANG = '06184';

/** Decodes which layers a Mapbox Vector Tile holds (field 3 = layer, its field 1 = name). */
function tileLayers(buf: Buffer): string[] {
  const names: string[] = [];
  let i = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const len = varint();
    assert.equal(key, (3 << 3) | 2, 'a tile is a list of layers');
    const end = i + len;
    const k = varint();
    assert.equal(k, (15 << 3) | 0);
    varint();
    assert.equal(varint(), (1 << 3) | 2);
    const n = varint();
    names.push(buf.subarray(i, i + n).toString('utf8'));
    i = end;
  }
  return names;
}

/** The slippy-map tile holding a point. */
function tileOf(lat: number, lon: number, z: number): [number, number, number] {
  const x = Math.floor(((lon + 180) / 360) * 2 ** z);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
  return [z, x, y];
}

describe('base map', () => {
  let db: TestDatabase;
  let built: BuiltApp;
  let dir: string;

  before(async () => {
    db = await createTestDatabase();
    built = await buildTestApp({ db: db.db, modules: [areasModule], config: { AREAS_PACK_MAP: 'true' } });
    await built.app.ready();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-basemap-'));
  });
  after(async () => {
    await built.close();
    await db.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("loads the pack's 65 real communes over the synthetic tiling, with the province and the border, once", async () => {
    const pack = loadPack('lang-son');
    const first = await loadPackMap(db.db.kysely, AdminUnits.load(), pack);
    assert.equal(first.boundaries?.imported, 65);
    assert.deepEqual(first.boundaries?.invalid, []);
    assert.equal(first.basemapRows, 2, 'the province outline and the national border');
    const { rows } = await db.db.query<{ real: number; synthetic: number }>(
      `SELECT count(*) FILTER (WHERE NOT synthetic)::int AS real, count(*) FILTER (WHERE synthetic)::int AS synthetic
       FROM commune_boundaries b JOIN communes c ON c.code = b.commune_code WHERE c.province_code = '20'`);
    assert.deepEqual(rows[0], { real: 65, synthetic: 0 });
    const again = await loadPackMap(db.db.kysely, AdminUnits.load(), pack);
    assert.equal(again.boundaries, null, 'real boundaries are never loaded over again');
    assert.equal(again.basemapRows, 0);
  });

  it('locates the Hữu Nghị border gate in Xã Đồng Đăng on the real boundaries', async () => {
    const res = await built.app.inject({ method: 'GET', url: `/api/areas/locate?lat=${HUU_NGHI.lat}&lon=${HUU_NGHI.lon}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().commune.code, DONG_DANG);
    assert.equal(res.json().synthetic, false);
  });

  it('serves tiles with the province outline and the national border beside the communes', async () => {
    const [z, x, y] = tileOf(HUU_NGHI.lat, HUU_NGHI.lon, 10);
    // the tile route (/api/tiles) belongs to the reports module; its base layers come from this api
    const layers = tileLayers(Buffer.from(await built.platform.use(areasModule).boundaryTile(z, x, y)));
    for (const l of ['communes', 'commune_labels', 'province', 'border']) assert.ok(layers.includes(l), `layer ${l} in ${layers.join(', ')}`);
  });

  it('classifies OpenStreetMap elements the way the map draws them', () => {
    assert.deepEqual(classify({ type: 'node', tags: { place: 'village', name: 'Nà Chuông' } }), { layer: 'place', kind: 'village' });
    assert.equal(classify({ type: 'node', tags: { place: 'village' } }), null, 'a place without a name says nothing');
    assert.deepEqual(classify({ type: 'way', tags: { highway: 'primary' } }), { layer: 'road', kind: 'primary' });
    assert.equal(classify({ type: 'way', tags: { highway: 'footway' } }), null);
    assert.deepEqual(classify({ type: 'way', tags: { waterway: 'river', name: 'Sông Kỳ Cùng' } }), { layer: 'water', kind: 'river' });
    assert.equal(classify({ type: 'way', tags: { building: 'yes' } }), null);
  });

  it('imports roads, rivers and places from an .osm.pbf extract, and describes a point in words', async () => {
    const file = path.join(dir, 'dong-dang.osm.pbf');
    const near = { lat: HUU_NGHI.lat + 0.004, lon: HUU_NGHI.lon + 0.002 };
    await fs.writeFile(file, writeOsmPbf(
      [
        { id: 1, lat: near.lat, lon: near.lon, tags: { place: 'hamlet', name: 'Nà Chuông', 'name:vi': 'Thôn Nà Chuông' } },
        { id: 2, lat: 21.9, lon: 106.7 },
        { id: 3, lat: 21.95, lon: 106.72 },
        { id: 4, lat: 21.96, lon: 106.73 },
        { id: 5, lat: 21.84, lon: 106.75, tags: { place: 'town', name: 'Lạng Sơn' } },
        { id: 6, lat: 21.8, lon: 106.6, tags: { amenity: 'school', name: 'Trường' } },
      ],
      [
        { id: 10, refs: [2, 3, 4], tags: { highway: 'trunk', ref: 'QL1A', name: 'Quốc lộ 1A' } },
        { id: 11, refs: [3, 4, 99], tags: { waterway: 'river', name: 'Sông Kỳ Cùng' } },
        { id: 12, refs: [2, 4], tags: { highway: 'footway' } },
      ],
    ));
    const read = await readOsmExtract(file);
    assert.equal(read.nodes, 6);
    assert.equal(read.ways, 3);
    assert.equal(read.incompleteWays, 1, 'the river leaves the extract');
    const r = await importOsmExtract(db.db.kysely, file, 'dong-dang');
    assert.equal(r.written, 4);
    const { rows } = await db.db.query<{ layer: string; kind: string; name: string | null; osm_id: string; points: number }>(
      `SELECT layer, kind, name, osm_id, ST_NPoints(geom)::int AS points FROM basemap_features WHERE source = 'osm:dong-dang' ORDER BY osm_id`);
    assert.deepEqual(rows, [
      { layer: 'place', kind: 'hamlet', name: 'Thôn Nà Chuông', osm_id: 'n1', points: 1 },
      { layer: 'place', kind: 'town', name: 'Lạng Sơn', osm_id: 'n5', points: 1 },
      { layer: 'road', kind: 'trunk', name: 'Quốc lộ 1A', osm_id: 'w10', points: 3 },
      { layer: 'water', kind: 'river', name: 'Sông Kỳ Cùng', osm_id: 'w11', points: 2 },
    ]);
    // importing the same extract again replaces its rows instead of doubling them
    assert.equal((await importOsmExtract(db.db.kysely, file, 'dong-dang')).written, 4);
    assert.equal((await db.db.query(`SELECT 1 FROM basemap_features WHERE source = 'osm:dong-dang'`)).rows.length, 4);

    const res = await built.app.inject({ method: 'GET', url: `/api/areas/place?lat=${HUU_NGHI.lat}&lon=${HUU_NGHI.lon}` });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.commune.name, 'Xã Đồng Đăng');
    assert.equal(body.near.name, 'Thôn Nà Chuông');
    assert.equal(body.near.kind, 'hamlet');
    assert.ok(body.near.distanceM > 300 && body.near.distanceM < 600, `about 490 m away (got ${body.near.distanceM})`);

    const [z, x, y] = tileOf(near.lat, near.lon, 14);
    const layers = tileLayers(Buffer.from(await built.platform.use(areasModule).boundaryTile(z, x, y)));
    assert.ok(layers.includes('places'), `places in ${layers.join(', ')}`);
  });

  it('names no place when none is within 3 km', async () => {
    const res = await built.app.inject({ method: 'GET', url: '/api/areas/place?lat=22.3&lon=106.6' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().near, null);
    assert.match(res.json().commune.code, /^\d{5}$/);
  });

  it('refuses bad input naming the field, and points outside the province', async () => {
    const bad = await built.app.inject({ method: 'GET', url: '/api/areas/place?lat=abc&lon=106.7' });
    assert.equal(bad.statusCode, 400);
    assert.match(JSON.stringify(bad.json().error), /lat/);
    const outside = await built.app.inject({ method: 'GET', url: '/api/areas/place?lat=21.03&lon=105.85' });
    assert.equal(outside.statusCode, 404);
    assert.equal(outside.json().error.code, 'areas.outside');
  });

  it('refuses a file that is not an extract, and an unreadable one, with a plain message', async () => {
    await assert.rejects(readOsmExtract(path.join(dir, 'communes.geojson')), (e: unknown) => e instanceof ImportFileError && /not an OpenStreetMap extract/.test(e.message));
    const broken = path.join(dir, 'broken.osm.pbf');
    await fs.writeFile(broken, Buffer.from([0, 0, 0, 5, 1, 2, 3, 4, 5, 6]));
    await assert.rejects(readOsmExtract(broken), (e: unknown) => e instanceof ImportFileError && /could not be read/.test(e.message));
  });
});
