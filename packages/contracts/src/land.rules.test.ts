import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCadastralKey, LAND_USE_CODES, LEGACY_LAND_USE, parseCadastralKey, resolveLandUse } from './land.rules.ts';

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
