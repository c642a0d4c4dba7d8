import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import proj4 from 'proj4';
import { fromWgs84, isSupportedSrid, toWgs84, vn2000Proj } from './vn2000.ts';
import type { Vn2000Srid } from '@cds/contracts/land.rules';

type Fixture = { points: { epsg: Vn2000Srid; place: string; easting: number; northing: number; lon: number; lat: number }[] };
const fixture = JSON.parse(fs.readFileSync(new URL('./fixtures/vn2000-cs2cs.json', import.meta.url), 'utf8')) as Fixture;

/** Distance in metres between two WGS 84 points (equirectangular, exact enough under a km). */
function metres(a: readonly number[], b: readonly number[]): number {
  const lat = ((a[1]! + b[1]!) / 2) * (Math.PI / 180);
  const dx = (a[0]! - b[0]!) * 111_320 * Math.cos(lat);
  const dy = (a[1]! - b[1]!) * 110_574;
  return Math.hypot(dx, dy);
}

test('VN-2000 TM-3 points reproject to the WGS 84 positions PROJ cs2cs gives, within 1 m', () => {
  assert.ok(fixture.points.length >= 8);
  for (const p of fixture.points) {
    const got = toWgs84(p.epsg)([p.easting, p.northing]);
    const d = metres(got, [p.lon, p.lat]);
    assert.ok(d < 1, `${p.place} (EPSG:${p.epsg}) is ${d.toFixed(3)} m from cs2cs`);
  }
});

test('the datum shift is applied: without it a Lạng Sơn point lands about 200 m away', () => {
  const p = fixture.points.find((x) => x.epsg === 9215)!;
  const noShift = proj4(vn2000Proj(9215).replace(/\+towgs84=\S+ /, ''), 'WGS84').forward([p.easting, p.northing]);
  const d = metres(noShift, [p.lon, p.lat]);
  assert.ok(d > 150 && d < 300, `without the shift: ${d.toFixed(1)} m`);
  const back = fromWgs84(9215)(toWgs84(9215)([p.easting, p.northing]));
  assert.ok(Math.abs(back[0] - p.easting) < 0.01 && Math.abs(back[1] - p.northing) < 0.01, 'round trip within a centimetre');
});

test('only the VN-2000 zones of the packs and WGS 84 are accepted', () => {
  for (const s of [9215, 9210, 5897, 5899, 4326]) assert.equal(isSupportedSrid(s), true, String(s));
  for (const s of [3857, 9999, 0, 32648]) assert.equal(isSupportedSrid(s), false, String(s));
});
