// HTTP tests of the land module on the seeded demo data (synthetic parcels and plans):
// lookups by point and key (former communes included), the sheet without owner data, the
// PDF, tiles, plans, and imports of VN-2000 GeoJSON by a land officer.
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VectorTile } from '@mapbox/vector-tile';
import * as P from 'pbf';
import { zipSync } from 'fflate';
import type { ImportReply, ImportRun, ImportRunsReply, ParcelSearchReply, ParcelSheet, StaffPlansReply, ZoningPlan, ZoningPlansReply } from '@cds/contracts/land';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn, type TestSession } from '../../../test/identity.ts';
import { polygonShapefile } from '../../../test/land.ts';
import { identityModule } from '../identity/index.ts';
import { FormerCommunes } from './former-communes.ts';
import { LandImporter } from './import.ts';
import { ImportRuns } from './import-runs.ts';
import { formerCommunesFile } from './index.ts';
import { fromWgs84 } from './vn2000.ts';

const Pbf = ((P as unknown as { default?: unknown }).default ?? (P as unknown as { PbfReader?: unknown }).PbfReader) as new (b: Buffer) => never;
const LVT = '05983';
const SHEET_KEYS = ['id', 'key', 'commune', 'formerCommune', 'sheet', 'parcel', 'areaM2', 'address', 'landUses', 'centre', 'synthetic', 'geometry', 'zoning', 'source', 'updatedAt', 'disclaimer'].sort();

function tileOf(lat: number, lon: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

/** A multipart body with one file part per entry. */
function multipart(files: Record<string, string | Buffer>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----cdsland' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.dat"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.isBuffer(content) ? content : Buffer.from(content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A square parcel of `side` metres at a WGS 84 point, written in VN-2000 / Lạng Sơn TM-3 (EPSG:9215). */
function vn2000Square(lat: number, lon: number, side: number): number[][][] {
  const [e, n] = fromWgs84(9215)([lon, lat]);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return [[[r(e), r(n)], [r(e + side), r(n)], [r(e + side), r(n + side)], [r(e), r(n + side)], [r(e), r(n)]]];
}

const feature = (properties: Record<string, unknown>, coordinates: unknown) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates } });

describe('land routes', () => {
  let t: TestApp;
  let officer: TestSession;
  let secondOfficer: TestSession;
  let citizen: TestSession;
  let first: ParcelSheet;

  before(async () => {
    t = await createTestApp();
    officer = await signIn(t.app, '0900000601');
    secondOfficer = await signIn(t.app, '0900000602');
    citizen = await signIn(t.app, '0900000001');
  });
  after(async () => {
    await t.teardown();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('finds parcels by any part of the key; sheet numbers restart per former commune', async () => {
    const res = await get(`/api/land/parcels?commune=${LVT}&sheet=1&parcel=1`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as ParcelSearchReply;
    assert.ok(body.items.length >= 2, 'one parcel 1 on sheet 1 per former commune');
    const formers = new Set(body.items.map((p) => p.formerCommune?.code));
    assert.ok(formers.has('05983') && formers.has('05989'), [...formers].join(','));
    for (const p of body.items) {
      assert.equal(p.commune.code, LVT);
      assert.equal(p.synthetic, true);
      assert.ok(p.landUses.length >= 1 && p.landUses[0]!.name.startsWith('Đất'));
    }
    // the old key alone (former commune Xã Quảng Lạc) still finds its parcel
    const old = (await get('/api/land/parcels?commune=05989&sheet=1&parcel=1')).json() as ParcelSearchReply;
    assert.equal(old.items.length, 1);
    assert.equal(old.items[0]!.formerCommune?.name, 'Xã Quảng Lạc');
    assert.equal(old.items[0]!.commune.name, 'Phường Lương Văn Tri');
  });

  it('refuses a search without any key part, an unknown commune, or a malformed number', async () => {
    const empty = await get('/api/land/parcels');
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().error.details[0].field, 'commune');
    const unknown = await get('/api/land/parcels?commune=99999&sheet=1');
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details[0].field, 'commune');
    assert.equal((await get('/api/land/parcels?sheet=abc')).statusCode, 400);
    assert.equal((await get('/api/land/parcels?parcel=0')).statusCode, 400);
    const none = (await get(`/api/land/parcels?commune=${LVT}&sheet=9999`)).json() as ParcelSearchReply;
    assert.deepEqual(none, { items: [], total: 0 });
  });

  it('finds the parcel under a tapped point with its land use, zoning and disclaimer, and no owner data', async () => {
    const hit = ((await get(`/api/land/parcels?commune=${LVT}&sheet=1&parcel=1`)).json() as ParcelSearchReply).items.find((p) => p.formerCommune?.code === '05983')!;
    const res = await get(`/api/land/parcels/at?lat=${hit.centre.lat}&lon=${hit.centre.lon}`);
    assert.equal(res.statusCode, 200, res.body);
    first = res.json() as ParcelSheet;
    assert.equal(first.id, hit.id);
    assert.deepEqual(Object.keys(first).sort(), SHEET_KEYS, 'exactly the public fields');
    assert.doesNotMatch(res.body, /owner|certificate|chủ sử dụng|giấy chứng nhận số|cccd|phone/i);
    assert.match(first.disclaimer, /tham khảo/);
    assert.equal(first.geometry.type, 'MultiPolygon');
    const sum = first.landUses.reduce((s, u) => s + u.areaM2, 0);
    assert.ok(Math.abs(sum - first.areaM2) < 1, `land-use areas add up (${sum} of ${first.areaM2})`);
    // the first synthetic plan lies over the centre road of this ward
    assert.ok(first.zoning.length >= 1, 'within a zoning plan');
    const z = first.zoning[0]!;
    assert.equal(z.plan.decisionNumber, 'DEMO-1/QĐ-UBND');
    assert.equal(z.plan.decisionDate, '2024-06-14');
    assert.ok(z.landUse.name.length > 0 && z.overlapM2 > 0);
    const en = (await get(`/api/land/parcels/${first.id}`, { 'accept-language': 'en' })).json() as ParcelSheet;
    assert.match(en.disclaimer, /reference only/);
  });

  it('answers 400 for a point outside the province and 404 where no parcel is', async () => {
    const hanoi = await get('/api/land/parcels/at?lat=21.0285&lon=105.8542');
    assert.equal(hanoi.statusCode, 400);
    assert.equal(hanoi.json().error.details[0].field, 'lat');
    const bad = await get('/api/land/parcels/at?lat=95&lon=106');
    assert.equal(bad.statusCode, 400);
    // a few kilometres from the commune's centre road: inside the province, no parcel
    const empty = await get(`/api/land/parcels/at?lat=${first.centre.lat + 0.03}&lon=${first.centre.lon + 0.03}`);
    assert.equal(empty.statusCode, 404, empty.body);
    assert.equal((await get('/api/land/parcels/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await get('/api/land/parcels/not-a-uuid')).statusCode, 400);
  });

  it('downloads the sheet as a PDF', async () => {
    const res = await get(`/api/land/parcels/${first.id}/sheet.pdf`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), new RegExp(`thua-dat-${first.key}\\.pdf`));
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.ok(res.rawPayload.length > 5000);
    assert.equal((await get('/api/land/parcels/00000000-0000-4000-8000-000000000000/sheet.pdf')).statusCode, 404);
  });

  it('lists the two synthetic plans with a legend', async () => {
    const body = (await get('/api/land/plans')).json() as ZoningPlansReply;
    assert.equal(body.items.filter((p) => p.synthetic).length, 2);
    assert.ok(body.items.every((p) => p.zones === 4 && p.status === 'published'));
    assert.ok(body.legend.some((l) => l.code === 'TMD' && l.name === 'Đất thương mại, dịch vụ' && /^#[0-9a-f]{6}$/.test(l.colour)));
  });

  it('serves parcels from zoom 15 and zoning from zoom 12 as vector tiles', async () => {
    const [x16, y16] = tileOf(first.centre.lat, first.centre.lon, 16);
    const res = await get(`/api/land/tiles/16/${x16}/${y16}.mvt`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.mapbox-vector-tile');
    const tile = new VectorTile(new Pbf(res.rawPayload));
    assert.ok(tile.layers.parcels && tile.layers.parcels.length > 0, 'parcels layer');
    assert.ok(tile.layers.zoning && tile.layers.zoning.length > 0, 'zoning layer');
    const ids = Array.from({ length: tile.layers.parcels.length }, (_, i) => tile.layers.parcels!.feature(i).properties.id);
    assert.ok(ids.includes(first.id));
    const again = await get(`/api/land/tiles/16/${x16}/${y16}.mvt`, { 'if-none-match': String(res.headers.etag) });
    assert.equal(again.statusCode, 304, 'a tile the map already holds is not sent again');
    const [x13, y13] = tileOf(first.centre.lat, first.centre.lon, 13);
    const low = new VectorTile(new Pbf((await get(`/api/land/tiles/13/${x13}/${y13}.mvt`)).rawPayload));
    assert.equal(low.layers.parcels, undefined, 'no parcels below zoom 15');
    assert.ok(low.layers.zoning);
    assert.equal((await get('/api/land/tiles/16/99999999/1.mvt')).statusCode, 400);
    assert.equal((await get('/api/land/tiles/21/0/0.mvt')).statusCode, 400);
  });

  it('finds parcels by address, by place or former commune name without diacritics, and by "tờ … thửa …"', async () => {
    const find = async (q: string) => {
      const res = await get(`/api/land/parcels/find?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
      return res.json() as ParcelSearchReply;
    };
    // the demo's first ward parcel: house number 1 on the first street of Phường Lương Văn Tri
    const byAddress = await find('so 1 duong ba trieu luong van tri');
    assert.ok(byAddress.items.length >= 1);
    for (const p of byAddress.items) {
      assert.equal(p.commune.code, LVT);
      assert.match(p.address ?? '', /^Số 1, đường Bà Triệu$/);
    }
    assert.deepEqual((await find('Số 1, đường Bà Triệu, Lương Văn Tri')).items.map((p) => p.id), byAddress.items.map((p) => p.id), 'with diacritics, the same parcels');
    // the former Xã Quảng Lạc, now part of Phường Lương Văn Tri, by its name alone
    const former = await find('quang lac');
    assert.ok(former.items.length >= 1 && former.items.every((p) => p.formerCommune?.code === '05989'));
    // sheet and parcel numbers in words, with the former commune's name
    const key = await find('thửa 2 tờ 1 Quảng Lạc');
    assert.equal(key.items.length, 1);
    assert.deepEqual([key.items[0]!.formerCommune?.code, key.items[0]!.sheet, key.items[0]!.parcel], ['05989', 1, 2]);
    assert.deepEqual((await find('05989-1-2')).items.map((p) => p.id), key.items.map((p) => p.id));
    assert.deepEqual(await find('thon khong co that'), { items: [], total: 0 });
  });

  it('refuses an empty or meaningless address search and an unknown commune code', async () => {
    for (const q of ['', '%20', ',,,', 'x%C3%A3']) {
      const res = await get(`/api/land/parcels/find?q=${q}`);
      assert.equal(res.statusCode, 400, q);
      assert.equal(res.json().error.details[0].field, 'q', q);
    }
    const unknown = await get('/api/land/parcels/find?q=99999%20to%201');
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details[0].field, 'q');
    assert.equal((await get('/api/land/parcels/find?q=ab&limit=0')).statusCode, 400);
  });

  it('lets a land officer correct a parcel\'s land use with a reason kept in the audit trail', async () => {
    const url = `/api/land/parcels/${first.id}`;
    const patch = { landUses: [{ code: 'odt', areaM2: 150 }, { code: 'NHK', areaM2: first.areaM2 - 150 }], reason: 'Đo đạc lại theo hồ sơ năm 2025' };
    assert.equal((await t.app.inject({ method: 'PATCH', url, payload: patch })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'PATCH', url, payload: patch, headers: citizen.headers })).statusCode, 403);
    const badCode = await t.app.inject({ method: 'PATCH', url, payload: { ...patch, landUses: [{ code: 'XYZ', areaM2: 10 }] }, headers: officer.headers });
    assert.equal(badCode.statusCode, 400);
    assert.equal(badCode.json().error.details[0].field, 'landUses/0/code');
    const noReason = await t.app.inject({ method: 'PATCH', url, payload: { landUses: patch.landUses }, headers: officer.headers });
    assert.equal(noReason.statusCode, 400);
    assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/land/parcels/00000000-0000-4000-8000-000000000000', payload: patch, headers: officer.headers })).statusCode, 404);
    const res = await t.app.inject({ method: 'PATCH', url, payload: patch, headers: officer.headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((res.json() as ParcelSheet).landUses.map((u) => [u.code, u.legacyCode, u.areaM2]), [['ODT', null, 150], ['HNK', 'NHK', first.areaM2 - 150]]);
    const { rows } = await t.db.query<{ action: string; details: { reason: string; before: { landUses: unknown[] } } }>(
      'SELECT action, details FROM audit_log WHERE subject_type = $1 AND subject_id = $2', ['land_parcel', first.id]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.details.reason, patch.reason);
    assert.deepEqual(rows[0]!.details.before.landUses, first.landUses.map((u) => ({ code: u.code, legacyCode: u.legacyCode, areaM2: u.areaM2 })));
  });

  describe('imports', () => {
    // a spot in Xã Thất Khê away from the demo roads
    const lat = 22.2505;
    const lon = 106.4705;
    const file = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    const post = (url: string, session: TestSession | null, files: Record<string, string | Buffer>) => {
      const m = multipart(files);
      return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, ...(session?.headers ?? {}) } });
    };
    let placeLat = lat;
    let placeLon = lon;

    before(async () => {
      // use the commune's own centre road area shifted 1 km, so the point is surely inside Thất Khê
      const thatKhe = ((await get('/api/land/parcels?commune=06040&sheet=1&parcel=1')).json() as ParcelSearchReply).items[0]!;
      placeLat = thatKhe.centre.lat + 0.004;
      placeLon = thatKhe.centre.lon + 0.004;
    });

    it('is refused to the public and to citizens before the file is read', async () => {
      const body = file([]);
      assert.equal((await post('/api/land/imports?kind=parcels&srid=9215', null, { file: body })).statusCode, 401);
      assert.equal((await post('/api/land/imports?kind=parcels&srid=9215', citizen, { file: body })).statusCode, 403);
    });

    it('imports VN-2000 parcels, reports rejected features and updates by key on re-import', async () => {
      const good = feature({ MaXa: '06040', SoHieuToBanDo: 77, SoThuTuThua: 12, DienTich: 400, KyHieuMucDichSuDung: 'ONT+BHK', DiaChi: 'Thôn Nà Phải' }, vn2000Square(placeLat, placeLon, 20));
      const oldKey = feature({ commune: '06013', sheet: 5, parcel: 3, landUse: 'LUC' }, vn2000Square(placeLat + 0.0005, placeLon, 15));
      const bowtie = feature({ commune: '06040', sheet: 77, parcel: 13, landUse: 'ONT' }, [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]].map(([dx, dy]) => {
        const [e, n] = fromWgs84(9215)([placeLon, placeLat + 0.001]);
        return [e + dx!, n + dy!];
      })]);
      const noSheet = feature({ commune: '06040', parcel: 14, landUse: 'ONT' }, vn2000Square(placeLat + 0.0015, placeLon, 10));
      const badUse = feature({ commune: '06040', sheet: 77, parcel: 15, landUse: 'XYZ' }, vn2000Square(placeLat + 0.002, placeLon, 10));
      const notPolygon = { type: 'Feature', properties: { commune: '06040', sheet: 77, parcel: 16, landUse: 'ONT' }, geometry: { type: 'Point', coordinates: [1, 2] } };
      const res = await post('/api/land/imports?kind=parcels&srid=9215', officer, { file: file([good, oldKey, bowtie, noSheet, badUse, notPolygon]) });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json() as ImportReply;
      assert.equal(report.read, 6);
      assert.equal(report.inserted, 2);
      assert.equal(report.updated, 0);
      assert.deepEqual(report.rejected.map((r) => r.feature).sort(), [3, 4, 5, 6]);
      assert.match(report.rejected.find((r) => r.feature === 3)!.reason, /^Hình không hợp lệ: Self-intersection/);
      assert.equal(report.rejected.find((r) => r.feature === 4)!.reason, 'Thiếu hoặc sai số tờ bản đồ');
      assert.match(report.rejected.find((r) => r.feature === 5)!.reason, /XYZ/);
      assert.equal(report.rejected.find((r) => r.feature === 6)!.reason, 'Hình phải là vùng (Polygon hoặc MultiPolygon), tệp ghi Point');

      // reprojected: the parcel is found at the WGS 84 point it was drawn from, within a metre
      const at = await get(`/api/land/parcels/at?lat=${placeLat + 0.00005}&lon=${placeLon + 0.00005}`);
      assert.equal(at.statusCode, 200, at.body);
      const sheet = at.json() as ParcelSheet;
      assert.equal(sheet.key, '06040-77-12');
      assert.equal(sheet.areaM2, 400);
      assert.equal(sheet.address, 'Thôn Nà Phải');
      assert.deepEqual(sheet.landUses.map((u) => [u.code, u.legacyCode]), [['ONT', null], ['HNK', 'BHK']]);
      const ring = (sheet.geometry.coordinates as number[][][][])[0]![0]!;
      assert.ok(Math.abs(ring[0]![0]! - placeLon) * 103_000 < 1 && Math.abs(ring[0]![1]! - placeLat) * 110_600 < 1, 'corner within a metre');
      // the old key (former Xã Chí Minh) finds the second parcel, filed under today's Xã Thất Khê
      const old = (await get('/api/land/parcels?commune=06013&sheet=5&parcel=3')).json() as ParcelSearchReply;
      assert.equal(old.items.length, 1);
      assert.equal(old.items[0]!.commune.code, '06040');

      const again = await post('/api/land/imports?kind=parcels&srid=9215', officer, {
        file: file([feature({ MaXa: '06040', SoHieuToBanDo: 77, SoThuTuThua: 12, DienTich: 410, KyHieuMucDichSuDung: 'ODT' }, vn2000Square(placeLat, placeLon, 20))]),
      });
      assert.deepEqual({ ...(again.json() as ImportReply), rejected: undefined }, { read: 1, inserted: 0, updated: 1, rejected: undefined, srid: 9215 });
      const updated = (await get(`/api/land/parcels/${sheet.id}`)).json() as ParcelSheet;
      assert.equal(updated.areaM2, 410);
      assert.deepEqual(updated.landUses.map((u) => u.code), ['ODT']);
    });

    it('imports a VN-2000 Shapefile (.shp + .dbf) with its Vietnamese attribute names', async () => {
      const { shp, dbf } = polygonShapefile([
        { rings: vn2000Square(placeLat - 0.001, placeLon, 18), props: { MaXa: '06040', SoHieuToBD: 78, SoThuTuThu: 1, DienTich: 324, KyHieuMDSD: 'CLN', DiaChi: 'Thôn Bản Slằng' } },
        { rings: vn2000Square(placeLat - 0.0013, placeLon, 18), props: { MaXa: '06040', SoHieuToBD: 0, SoThuTuThu: 2, DienTich: 324, KyHieuMDSD: 'CLN', DiaChi: '' } },
      ], [
        { name: 'MaXa', type: 'C', length: 5 }, { name: 'SoHieuToBD', type: 'N', length: 4 }, { name: 'SoThuTuThu', type: 'N', length: 5 },
        { name: 'DienTich', type: 'N', length: 10 }, { name: 'KyHieuMDSD', type: 'C', length: 20 }, { name: 'DiaChi', type: 'C', length: 60 },
      ]);
      const res = await post('/api/land/imports?kind=parcels&srid=9215', officer, { shp, dbf });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json() as ImportReply;
      assert.equal(report.inserted, 1);
      assert.deepEqual(report.rejected.map((r) => [r.feature, r.reason]), [[2, 'Thiếu hoặc sai số tờ bản đồ']]);
      const sheet = (await get(`/api/land/parcels/at?lat=${placeLat - 0.001 + 0.00005}&lon=${placeLon + 0.00005}`)).json() as ParcelSheet;
      assert.equal(sheet.key, '06040-78-1');
      assert.equal(sheet.address, 'Thôn Bản Slằng');
      assert.deepEqual(sheet.landUses.map((u) => [u.code, u.areaM2]), [['CLN', 324]]);
    });

    it('rejects parcels outside the land officer\'s area without stopping the import', async () => {
      const hanoi = feature({ commune: '00070', sheet: 1, parcel: 1, landUse: 'ODT' }, vn2000Square(placeLat + 0.003, placeLon, 10));
      const here = feature({ commune: '06040', sheet: 79, parcel: 1, landUse: 'ONT' }, vn2000Square(placeLat + 0.003, placeLon, 10));
      const res = await post('/api/land/imports?kind=parcels&srid=9215', officer, { file: file([hanoi, here]) });
      const inEnglish = await t.app.inject({ method: 'POST', url: '/api/land/imports?kind=parcels&srid=9215', ...(() => {
        const m = multipart({ file: file([hanoi]) });
        return { payload: m.payload, headers: { ...m.headers, ...officer.headers, 'accept-language': 'en' } };
      })() });
      assert.deepEqual((inEnglish.json() as ImportReply).rejected.map((r) => r.reason), ['commune 00070 is outside your area']);
      const report = res.json() as ImportReply;
      assert.equal(report.inserted, 1);
      assert.deepEqual(report.rejected.map((r) => [r.feature, r.reason]), [[1, 'Xã 00070 nằm ngoài địa bàn của bạn']]);
    });

    it('imports zoning zones into a draft plan that a second officer publishes with its decision', async () => {
      const zone = { type: 'Feature', properties: { zone: 'OM-09', landUse: 'ONT', density: 70, floors: 3 }, geometry: { type: 'Polygon', coordinates: vn2000Square(placeLat - 0.0002, placeLon - 0.0002, 60) } };
      const url = `/api/land/imports?kind=zones&srid=9215&planName=${encodeURIComponent('Quy hoạch thử')}&decisionNumber=${encodeURIComponent('12/QĐ-UBND')}&decisionDate=2025-09-01`;
      const res = await post(url, officer, { file: file([zone]) });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((res.json() as ImportReply).inserted, 1);
      const zoningHere = async () => ((await get(`/api/land/parcels/at?lat=${placeLat + 0.00005}&lon=${placeLon + 0.00005}`)).json() as ParcelSheet).zoning.find((x) => x.zoneCode === 'OM-09');
      // a draft: citizens see neither the plan nor its zones
      assert.equal(await zoningHere(), undefined, 'a draft designates nothing yet');
      assert.ok(!((await get('/api/land/plans')).json() as ZoningPlansReply).items.some((p) => p.name === 'Quy hoạch thử'));
      const staff = await t.app.inject({ method: 'GET', url: '/api/land/staff/plans', headers: officer.headers });
      assert.equal(staff.statusCode, 200, staff.body);
      const draft = (staff.json() as StaffPlansReply).items.find((p) => p.name === 'Quy hoạch thử')!;
      assert.deepEqual([draft.status, draft.publishedAt, draft.zones], ['draft', null, 1]);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/land/staff/plans', headers: citizen.headers })).statusCode, 403);
      assert.equal((await get('/api/land/staff/plans')).statusCode, 401);

      const publish = (session: TestSession | null, payload: unknown, id = draft.id) =>
        t.app.inject({ method: 'POST', url: `/api/land/plans/${id}/publish`, payload: payload as object, headers: session?.headers ?? {} });
      const decision = { decisionNumber: '12/QĐ-UBND', decisionDate: '2025-09-02' };
      assert.equal((await publish(null, decision)).statusCode, 401);
      assert.equal((await publish(citizen, decision)).statusCode, 403);
      const self = await publish(officer, decision);
      assert.equal(self.statusCode, 403, 'whoever imported may not publish');
      assert.match(self.json().error.message, /cán bộ khác/);
      const badDate = await publish(secondOfficer, { ...decision, decisionDate: '2025-13-40' });
      assert.equal(badDate.statusCode, 400);
      assert.equal(badDate.json().error.details[0].field, 'decisionDate');
      assert.equal((await publish(secondOfficer, { decisionDate: '2025-09-02' })).statusCode, 400);
      const taken = await publish(secondOfficer, { ...decision, decisionNumber: 'DEMO-1/QĐ-UBND' });
      assert.equal(taken.statusCode, 409, 'another plan holds that decision number');
      assert.equal((await publish(secondOfficer, decision, '00000000-0000-4000-8000-000000000000')).statusCode, 404);

      // a land officer of another commune may not publish a plan lying in Thất Khê
      await t.platform.use(identityModule).seedDemoAccounts([{ phone: '0900000699', fullName: 'Cán bộ Lương Văn Tri', communeCode: '05977', memberships: [{ role: 'land_officer', agencyCode: 'SNNMT-20', areaCode: '05977' }] }]);
      const elsewhere = await publish(await signIn(t.app, '0900000699'), decision);
      assert.equal(elsewhere.statusCode, 403, elsewhere.body);
      assert.match(elsewhere.json().error.message, /Thất Khê.*ngoài địa bàn/);

      const ok = await publish(secondOfficer, decision);
      assert.equal(ok.statusCode, 200, ok.body);
      const published = ok.json() as ZoningPlan;
      assert.deepEqual([published.status, published.decisionDate], ['published', '2025-09-02']);
      assert.ok(published.publishedAt);
      assert.equal((await publish(secondOfficer, decision)).statusCode, 409, 'published once');
      const z = await zoningHere();
      assert.ok(z, 'the published plan designates the parcel');
      assert.deepEqual([z.zoneCode, z.landUse.code, z.buildingDensityPct, z.maxFloors, z.plan.decisionDate], ['OM-09', 'ONT', 70, 3, '2025-09-02']);
      const { rows } = await t.db.query<{ actor_user_id: string; details: { decisionNumber: string } }>(
        'SELECT actor_user_id, details FROM audit_log WHERE action = $1 AND subject_id = $2', ['land.plan.publish', draft.id]);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.details.decisionNumber, '12/QĐ-UBND');

      // zones imported again: the plan is a draft again until someone publishes the change
      assert.equal((await post(url, secondOfficer, { file: file([zone]) })).statusCode, 200);
      assert.equal(await zoningHere(), undefined);
      assert.equal((await publish(secondOfficer, decision)).statusCode, 403, 'now the second officer imported it');
      assert.equal((await publish(officer, decision)).statusCode, 200);
    });

    it('imports a zipped Shapefile, reading its VN-2000 zone from the .prj', async () => {
      const { shp, dbf } = polygonShapefile([
        { rings: vn2000Square(placeLat - 0.002, placeLon, 18), props: { MaXa: '06040', SoHieuToBD: 80, SoThuTuThu: 1, DienTich: 324, KyHieuMDSD: 'ONT', DiaChi: 'Thôn Khau Slôm' } },
      ], [
        { name: 'MaXa', type: 'C', length: 5 }, { name: 'SoHieuToBD', type: 'N', length: 4 }, { name: 'SoThuTuThu', type: 'N', length: 5 },
        { name: 'DienTich', type: 'N', length: 10 }, { name: 'KyHieuMDSD', type: 'C', length: 20 }, { name: 'DiaChi', type: 'C', length: 60 },
      ]);
      const prj = 'PROJCS["VN_2000_KT_107_15_mui_3",GEOGCS["GCS_VN-2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",107.25],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
      const zip = Buffer.from(zipSync({ 'thua_dat/ThuaDat.shp': shp, 'thua_dat/ThuaDat.dbf': dbf, 'thua_dat/ThuaDat.prj': Buffer.from(prj), 'thua_dat/ThuaDat.shx': Buffer.alloc(100) }));
      const res = await post('/api/land/imports?kind=parcels', officer, { file: zip });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json() as ImportReply;
      assert.deepEqual([report.srid, report.inserted, report.rejected.length], [9215, 1, 0]);
      const sheet = (await get(`/api/land/parcels/at?lat=${placeLat - 0.002 + 0.00005}&lon=${placeLon + 0.00005}`)).json() as ParcelSheet;
      assert.equal(sheet.key, '06040-80-1');
      // and it is found by its address, folded
      const found = (await get('/api/land/parcels/find?q=khau%20slom%20that%20khe')).json() as ParcelSearchReply;
      assert.deepEqual(found.items.map((p) => p.id), [sheet.id]);

      // without a .prj the zone must be chosen; a .prj of another system is refused by name
      const noPrj = await post('/api/land/imports?kind=parcels', officer, { file: Buffer.from(zipSync({ 'a.shp': shp, 'a.dbf': dbf })) });
      assert.equal(noPrj.statusCode, 400);
      assert.equal(noPrj.json().error.details[0].field, 'srid');
      const utm = await post('/api/land/imports?kind=parcels', officer, { file: Buffer.from(zipSync({ 'a.shp': shp, 'a.dbf': dbf, 'a.prj': Buffer.from(prj.replace('0.9999', '0.9996')) })) });
      assert.equal(utm.statusCode, 400);
      assert.match(utm.json().error.details[0].message, /\.prj/);
      const empty = await post('/api/land/imports?kind=parcels&srid=9215', officer, { file: Buffer.from(zipSync({ 'readme.txt': Buffer.from('x') })) });
      assert.equal(empty.statusCode, 400);
      const broken = await post('/api/land/imports?kind=parcels&srid=9215', officer, { file: zip.subarray(0, 60) });
      assert.equal(broken.statusCode, 400, broken.body);
    });

    describe('runs the page follows', () => {
      type RunView = ImportRun & { status?: number };
      const getRun = async (id: string, session: TestSession | null = officer): Promise<RunView> => {
        const res = await get(`/api/land/imports/${id}`, session?.headers ?? {});
        return res.statusCode === 200 ? res.json() as ImportRun : { status: res.statusCode } as RunView;
      };
      const counts = (r: Pick<ImportRun, 'state' | 'read' | 'inserted' | 'updated' | 'rejected'>) => ({ state: r.state, read: r.read, inserted: r.inserted, updated: r.updated, rejected: r.rejected });
      // a row of small parcels 450 m north of the spot, away from the other imports
      const row = (sheet: number, n: number) => feature({ MaXa: '06040', SoHieuToBanDo: sheet, SoThuTuThua: n, KyHieuMucDichSuDung: 'ONT' }, vn2000Square(placeLat + 0.004 + (sheet - 81) * 0.0002, placeLon + n * 0.0002, 10));
      const noSheet = (n: number) => feature({ MaXa: '06040', SoThuTuThua: n, KyHieuMucDichSuDung: 'ONT' }, vn2000Square(placeLat + 0.004, placeLon, 10));

      it('follows the run by the id the page chose while the upload is open; its counts end as the report\'s', async () => {
        const runId = randomUUID();
        const sending = post(`/api/land/imports?kind=parcels&srid=9215&runId=${runId}`, officer, { file: file([row(81, 1), row(81, 2), noSheet(3), row(81, 4)]) });
        // what the page sees while it waits: not there yet (the file is still being spooled), or counts that only grow
        const seen: RunView[] = [];
        let answered = false;
        void sending.finally(() => { answered = true; });
        while (!answered) {
          seen.push(await getRun(runId));
          await new Promise((r) => setImmediate(r));
        }
        const res = await sending;
        assert.equal(res.statusCode, 200, res.body);
        const report = res.json() as ImportReply;
        assert.deepEqual([report.read, report.inserted, report.updated, report.rejected.length], [4, 3, 0, 1]);
        for (const [i, v] of seen.entries()) {
          if (v.status !== undefined) {
            assert.equal(v.status, 404, 'a run not yet started is not there');
            continue;
          }
          assert.ok(v.read <= 4 && v.inserted <= 3 && v.rejected <= 1, JSON.stringify(v));
          const before = seen.slice(0, i).filter((p) => p.status === undefined).at(-1);
          if (before) assert.ok(v.read >= before.read && v.inserted >= before.inserted, 'counts never go back');
        }

        const run = await getRun(runId);
        assert.deepEqual(counts(run), { state: 'done', read: 4, inserted: 3, updated: 0, rejected: 1 });
        assert.equal(run.fileName, 'file.dat');
        assert.equal(run.kind, 'parcels');
        assert.ok(run.finishedAt && run.finishedAt >= run.startedAt);
        assert.equal(run.failure, null);
        assert.deepEqual(run.report, report, 'the report as the upload was answered');
        const { rows } = await t.db.query<{ subject_id: string }>('SELECT subject_id FROM audit_log WHERE action = $1 AND subject_id = $2', ['land.import.parcels', runId]);
        assert.equal(rows.length, 1, 'the audit trail names the run');

        // the recent runs: the officer's own, newest first; a colleague sees none of them
        const recent = await get('/api/land/imports', officer.headers);
        assert.equal(recent.statusCode, 200, recent.body);
        const items = (recent.json() as ImportRunsReply).items;
        assert.equal(items[0]!.id, runId);
        assert.deepEqual(counts(items[0]!), counts(run));
        assert.ok(!('report' in items[0]!), 'the list carries no reports');
        const theirs = (await get('/api/land/imports', secondOfficer.headers)).json() as ImportRunsReply;
        assert.ok(!theirs.items.some((r) => r.id === runId));

        // someone else's run is not there for them; citizens and the public are refused the route
        assert.equal((await getRun(runId, secondOfficer)).status, 404);
        assert.equal((await getRun(runId, citizen)).status, 403);
        assert.equal((await getRun(runId, null)).status, 401);
        assert.equal((await get('/api/land/imports', citizen.headers)).statusCode, 403);
        assert.equal((await get('/api/land/imports')).statusCode, 401);
        assert.equal((await getRun(randomUUID())).status, 404);

        // an id already used is refused before the file is read
        const again = await post(`/api/land/imports?kind=parcels&srid=9215&runId=${runId}`, secondOfficer, { file: file([row(81, 5)]) });
        assert.equal(again.statusCode, 409, again.body);
        assert.equal((await getRun(runId)).read, 4, 'the first run is untouched');
      });

      it('names the field of a malformed run id', async () => {
        const bad = await post('/api/land/imports?kind=parcels&srid=9215&runId=not-a-uuid', officer, { file: file([row(82, 1)]) });
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().error.details[0].field, 'runId');
        const badId = await get('/api/land/imports/not-a-uuid', officer.headers);
        assert.equal(badId.statusCode, 400);
        assert.equal(badId.json().error.details[0].field, 'id');
      });

      it('writes the counts after every batch, before the file is read to its end', async () => {
        const runs = new ImportRuns(t.platform.db.kysely);
        const importer = new LandImporter(t.platform.db.kysely, FormerCommunes.load(formerCommunesFile(t.platform.pack.id)));
        const runId = randomUUID();
        const recorder = await runs.start({ userId: officer.userId, sessionId: 'test', roles: ['land_officer'], memberships: [] }, { id: runId, kind: 'parcels', fileName: 'lo-nho.geojson' });
        const followed: ReturnType<typeof counts>[] = [];
        async function* features() {
          for (const f of [row(83, 1), row(83, 2), noSheet(3), row(83, 4), row(83, 5)]) yield f;
        }
        const report = await importer.run(features(), {
          kind: 'parcels', srid: 9215, sourceName: 'test', batchSize: 2,
          mayWrite: () => true, isCommune: (code) => code === '06040', placeNames: () => [],
          onBatch: async (c) => {
            await recorder.onBatch(c);
            followed.push(counts(await getRun(runId)));
          },
        });
        assert.deepEqual(followed, [
          { state: 'reading', read: 2, inserted: 2, updated: 0, rejected: 0 },
          // two read since: one rejected, one waiting in the next batch
          { state: 'reading', read: 4, inserted: 2, updated: 0, rejected: 1 },
          { state: 'reading', read: 5, inserted: 4, updated: 0, rejected: 1 },
          { state: 'reading', read: 5, inserted: 4, updated: 0, rejected: 1 },
        ]);
        await recorder.done(report);
        assert.deepEqual(counts(await getRun(runId)), { state: 'done', read: 5, inserted: 4, updated: 0, rejected: 1 });
      });

      it('says why a run failed, and that a run the server stopped answering for has failed', async () => {
        const runId = randomUUID();
        const broken = await post(`/api/land/imports?kind=parcels&srid=9215&runId=${runId}`, officer, { file: '{"type":"FeatureCollection","features":[{"type":' });
        assert.equal(broken.statusCode, 400);
        const run = await getRun(runId);
        assert.equal(run.state, 'failed');
        assert.equal(run.report, null);
        assert.equal(run.failure, broken.json().error.message);
        assert.match(run.failure ?? '', /^Không đọc được tệp/);
        const noSrid = randomUUID();
        assert.equal((await post(`/api/land/imports?kind=parcels&runId=${noSrid}`, officer, { file: file([row(84, 1)]) })).statusCode, 400);
        const english = await get(`/api/land/imports/${noSrid}`, { ...officer.headers, 'accept-language': 'en' });
        assert.match((english.json() as ImportRun).failure ?? '', /^Choose the coordinate system/);

        // a process that died mid-file leaves its run reading: after ten minutes without a batch it shows as failed
        const stalled = randomUUID();
        await t.db.query(`INSERT INTO land_import_runs (id, started_by, kind, file_name, read, started_at, updated_at)
          VALUES ($1, $2, 'parcels', 'tinh.zip', 1500, now() - interval '20 minutes', now() - interval '11 minutes')`, [stalled, officer.userId]);
        const dead = await getRun(stalled);
        assert.deepEqual([dead.state, dead.read, dead.finishedAt], ['failed', 1500, null]);
        assert.match(dead.failure ?? '', /dừng giữa chừng/);
      });
    });

    it('refuses a wrong coordinate system, a zoning import without its decision, a missing or broken file', async () => {
      const srid = await post('/api/land/imports?kind=parcels&srid=3857', officer, { file: file([]) });
      assert.equal(srid.statusCode, 400);
      assert.equal(srid.json().error.details[0].field, 'srid');
      const plan = await post('/api/land/imports?kind=zones&srid=9215', officer, { file: file([]) });
      assert.equal(plan.statusCode, 400);
      assert.equal((await post('/api/land/imports?kind=parcels&srid=9215', officer, { other: 'x' })).statusCode, 400);
      const broken = await post('/api/land/imports?kind=parcels&srid=9215', officer, { file: '{"type":"FeatureCollection","features":[{"type":' });
      assert.equal(broken.statusCode, 400, broken.body);
      assert.equal((await post('/api/land/imports?kind=parcels', officer, { file: file([]) })).statusCode, 400);
    });
  });
});
