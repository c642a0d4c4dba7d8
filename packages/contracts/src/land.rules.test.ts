import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCadastralKey, LAND_USE_CODES, LEGACY_LAND_USE, lineLengthM, measureReadout, parcelSearchText, parseCadastralKey, parseParcelQuery, polygonAreaM2, resolveLandUse, sridFromPrj } from './land.rules.ts';

test('current land-use codes resolve to their Circular 08/2024 names and groups', () => {
  assert.deepEqual(resolveLandUse('ONT'), { code: 'ONT', name: 'Đất ở tại nông thôn', group: 'non_agricultural', legacyCode: null, ambiguous: false });
  assert.equal(resolveLandUse(' luc ')?.name, 'Đất chuyên trồng lúa');
  assert.equal(resolveLandUse('CNT')?.group, 'agricultural');
  assert.equal(resolveLandUse('NCS')?.group, 'unused');
  for (const code of ['ONT', 'ODT', 'LUC', 'LUK', 'HNK', 'CLN', 'RSX', 'RPH', 'RDD', 'NTS', 'CNT', 'TMD', 'SKC', 'DGT', 'DTL', 'TSC', 'DYT', 'DGD']) {
    assert.ok(resolveLandUse(code), code);
  }
});

test('older codes map onto today\'s, and say which code the source used', () => {
  assert.deepEqual(resolveLandUse('BHK'), { code: 'HNK', name: LAND_USE_CODES.HNK.name, group: 'agricultural', legacyCode: 'BHK', ambiguous: false });
  assert.equal(resolveLandUse('NHK')?.code, 'HNK');
  assert.equal(resolveLandUse('LUN')?.code, 'LUK');
  const ttn = resolveLandUse('TTN');
  assert.equal(ttn?.code, 'TON');
  assert.equal(ttn?.ambiguous, true, 'TTN covered both religious and belief land');
  for (const [old, targets] of Object.entries(LEGACY_LAND_USE)) {
    assert.equal(Object.hasOwn(LAND_USE_CODES, old), false, `${old} is not also a current code`);
    for (const t of targets) assert.ok(Object.hasOwn(LAND_USE_CODES, t), `${old} → ${t}`);
  }
});

test('unknown land-use codes are refused', () => {
  for (const bad of ['', 'XYZ', 'ON', 'ONTT', '123']) assert.equal(resolveLandUse(bad), null, bad);
});

test('cadastral keys parse from the ways people write them', () => {
  assert.deepEqual(parseCadastralKey('05983-12-345'), { commune: '05983', sheet: 12, parcel: 345 });
  assert.deepEqual(parseCadastralKey('05983/12/345'), { commune: '05983', sheet: 12, parcel: 345 });
  assert.deepEqual(parseCadastralKey(' 12/345 '), { sheet: 12, parcel: 345 });
  assert.deepEqual(parseCadastralKey('Tờ 12 thửa 345'), { sheet: 12, parcel: 345 });
  assert.deepEqual(parseCadastralKey('Thửa đất số 345, tờ bản đồ số 12, xã 06052'), { commune: '06052', sheet: 12, parcel: 345 });
  assert.deepEqual(parseCadastralKey('thửa 7'), { parcel: 7 });
});

test('malformed cadastral keys are refused', () => {
  for (const bad of ['', 'abc', '05983-0-1', '05983-12-0', '1-12345-1', '12/999999', 'tờ 0', 'thửa 123456']) {
    assert.equal(parseCadastralKey(bad), null, bad);
  }
});

test('the canonical key is commune-sheet-parcel', () => {
  assert.equal(formatCadastralKey({ commune: '05983', sheet: 12, parcel: 345 }), '05983-12-345');
});

test('a free-text parcel search reads key parts and leaves the place words, folded', () => {
  assert.deepEqual(parseParcelQuery('tờ 5 thửa 12 Quảng Lạc'), { sheet: 5, parcel: 12, words: ['quang', 'lac'] });
  assert.deepEqual(parseParcelQuery('thua so 12, to ban do so 5'), { sheet: 5, parcel: 12, words: [] });
  assert.deepEqual(parseParcelQuery('05989-5-12'), { commune: '05989', sheet: 5, parcel: 12, words: [] });
  assert.deepEqual(parseParcelQuery('5/12 xã Quảng Lạc'), { sheet: 5, parcel: 12, words: ['quang', 'lac'] });
  // a house number is a word of the address, not a key
  assert.deepEqual(parseParcelQuery('Số 12 đường Bà Triệu'), { words: ['12', 'ba', 'trieu'] });
  assert.deepEqual(parseParcelQuery('THÔN NÀ PHẢI'), { words: ['na', 'phai'] });
  assert.deepEqual(parseParcelQuery('06040 Nà Phải'), { commune: '06040', words: ['na', 'phai'] });
  assert.equal(parseParcelQuery('  , '), null);
  assert.equal(parseParcelQuery('xã'), null);
  assert.equal(parseParcelQuery('tờ 0'), null, 'sheet numbers start at 1');
  assert.equal(parseParcelQuery('thửa 123456'), null);
});

test('the search text of a parcel is folded and spaced so words match at their start', () => {
  assert.equal(parcelSearchText(['Số 12, đường Bà Triệu', 'Phường Lương Văn Tri', null, 'Xã Quảng Lạc']), ' so 12 duong ba trieu phuong luong van tri xa quang lac ');
  assert.equal(parcelSearchText([null, undefined]), '  ');
});

test('measuring: great-circle lengths and spherical areas match known values', () => {
  // one degree of latitude on the mean sphere
  assert.ok(Math.abs(lineLengthM([[106.76, 21.0], [106.76, 22.0]]) - 111_195) < 1);
  // a 0.001° square near Lạng Sơn: 0.001° lat ≈ 111.2 m, lon ≈ 111.2·cos(21.85°) ≈ 103.4 m (on the sphere)
  const sq: [number, number][] = [[106.76, 21.85], [106.761, 21.85], [106.761, 21.851], [106.76, 21.851]];
  const area = polygonAreaM2(sq);
  const expected = 111_319.49 * 0.001 * 111_319.49 * 0.001 * Math.cos((21.8505 * Math.PI) / 180);
  assert.ok(Math.abs(area - expected) / expected < 0.001, `${area} vs ${expected}`);
  assert.equal(polygonAreaM2([...sq, sq[0]!]), area, 'a closed ring is the same polygon');
  assert.equal(polygonAreaM2([...sq].reverse()), area, 'either winding');
  assert.equal(polygonAreaM2(sq.slice(0, 2)), 0);
  assert.equal(lineLengthM([[106.76, 21.85]]), 0);
});

test('a measurement reads in m, km, m² or ha', () => {
  const f = (n: number, d: number) => n.toFixed(d);
  assert.deepEqual(measureReadout('distance', 8.44, f), { value: '8.4', unit: 'm' });
  assert.deepEqual(measureReadout('distance', 512.4, f), { value: '512', unit: 'm' });
  assert.deepEqual(measureReadout('distance', 1530, f), { value: '1.53', unit: 'km' });
  assert.deepEqual(measureReadout('area', 352.46, f), { value: '352', unit: 'm²' });
  assert.deepEqual(measureReadout('area', 25_000, f), { value: '2.50', unit: 'ha' });
});

test('a Shapefile .prj names the VN-2000 zone by its central meridian, or WGS 84', () => {
  const vn = (meridian: string, scale = '0.9999') => `PROJCS["VN_2000_KT_107_15_mui_3",GEOGCS["GCS_VN-2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${meridian}],PARAMETER["Scale_Factor",${scale}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
  assert.equal(sridFromPrj(vn('107.25')), 9215);
  assert.equal(sridFromPrj(vn('105.75')), 9210);
  assert.equal(sridFromPrj(vn('105.0')), 5897);
  assert.equal(sridFromPrj(vn('104.5')), null, 'a zone we do not import');
  assert.equal(sridFromPrj(vn('105.0', '0.9996')), null, 'UTM is not TM-3');
  assert.equal(sridFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'), 4326);
  assert.equal(sridFromPrj('PROJCS["WGS_1984_Web_Mercator"]'), null);
});
