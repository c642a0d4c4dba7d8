// Unit tests of the rules that need no database: scope, membership rules, import checks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { AdminUnits } from './admin-units.ts';
import { featureCode, geometryProblem, syntheticSeedPoints, type BBox } from './boundaries.ts';
import { checkGrant } from './policy.ts';
import { fold } from './service.ts';

const units = AdminUnits.load();
const LVT = '05983'; // Phường Lương Văn Tri, Lạng Sơn
const THAT_KHE = '06040'; // Xã Thất Khê, Lạng Sơn
const HOAN_KIEM = '00070'; // Phường Hoàn Kiếm, Hà Nội

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError);
    return `${(err.details as FieldProblem[])[0]!.field}:${(err.details as FieldProblem[])[0]!.message}`;
  }
  assert.fail('expected a validation error');
}

describe('administrative units', () => {
  it('holds 34 provinces, 3,321 communes and 65 in Lạng Sơn', () => {
    assert.equal(units.provinces.length, 34);
    assert.equal(units.communes.length, 3321);
    assert.equal(units.communesOf('20').length, 65);
    assert.equal(units.getProvince('20')?.name, 'Lạng Sơn');
    assert.deepEqual(units.getCommune(LVT), { code: LVT, name: 'Phường Lương Văn Tri', type: 'ward', provinceCode: '20' });
  });

  it('isWithin: null scope is everywhere, a province covers its communes, a commune only itself', () => {
    assert.equal(units.isWithin(LVT, null), true);
    assert.equal(units.isWithin(LVT, '20'), true);
    assert.equal(units.isWithin(LVT, LVT), true);
    assert.equal(units.isWithin(LVT, THAT_KHE), false);
    assert.equal(units.isWithin(HOAN_KIEM, '20'), false);
    assert.equal(units.isWithin('20', '20'), true);
    assert.equal(units.isWithin('20', LVT), false, 'a commune does not cover its province');
    assert.equal(units.isWithin('01', '20'), false);
    assert.equal(units.isWithin('99999', null), false, 'unknown codes are nowhere');
  });

  it('names areas and lists the communes an area covers', () => {
    assert.equal(units.areaName('20'), 'Lạng Sơn');
    assert.equal(units.areaName(THAT_KHE), 'Xã Thất Khê');
    assert.equal(units.areaName(null), null);
    assert.deepEqual(units.communesIn(THAT_KHE).map((c) => c.code), [THAT_KHE]);
    assert.equal(units.communesIn('20').length, 65);
    assert.deepEqual(units.communesIn('98765'), []);
  });
});

describe('membership rules', () => {
  const lvtAgency = { area_code: LVT };
  const provinceAgency = { area_code: '20' };

  it('officers and agency admins need an agency', () => {
    assert.equal(fieldOf(() => checkGrant({ role: 'officer', areaCode: LVT }, undefined, units)), 'agencyId:areas.membership.agency_required');
    assert.equal(fieldOf(() => checkGrant({ role: 'agency_admin' }, undefined, units)), 'agencyId:areas.membership.agency_required');
  });

  it('an agency that does not exist is refused', () => {
    assert.equal(fieldOf(() => checkGrant({ role: 'officer', agencyId: 'x' }, undefined, units)), 'agencyId:areas.agency.unknown');
  });

  it("takes the agency's area when none is given, and accepts an area inside it", () => {
    assert.deepEqual(checkGrant({ role: 'officer', agencyId: 'a' }, lvtAgency, units), { agencyId: 'a', areaCode: LVT });
    assert.deepEqual(checkGrant({ role: 'officer', agencyId: 'p', areaCode: THAT_KHE }, provinceAgency, units), { agencyId: 'p', areaCode: THAT_KHE });
  });

  it("refuses an area outside the agency's area", () => {
    assert.equal(fieldOf(() => checkGrant({ role: 'officer', agencyId: 'a', areaCode: THAT_KHE }, lvtAgency, units)), 'areaCode:areas.membership.area_outside_agency');
    assert.equal(fieldOf(() => checkGrant({ role: 'officer', agencyId: 'a', areaCode: '20' }, lvtAgency, units)), 'areaCode:areas.membership.area_outside_agency');
    assert.equal(fieldOf(() => checkGrant({ role: 'leader', agencyId: 'p', areaCode: HOAN_KIEM }, provinceAgency, units)), 'areaCode:areas.membership.area_outside_agency');
  });

  it('refuses unknown area codes', () => {
    assert.equal(fieldOf(() => checkGrant({ role: 'leader', areaCode: '99' }, undefined, units)), 'areaCode:areas.area.unknown');
  });

  it('a sysadmin has no agency and no area', () => {
    assert.deepEqual(checkGrant({ role: 'sysadmin' }, undefined, units), { agencyId: null, areaCode: null });
    assert.equal(fieldOf(() => checkGrant({ role: 'sysadmin', agencyId: 'p' }, provinceAgency, units)), 'agencyId:areas.membership.sysadmin_no_agency');
    assert.equal(fieldOf(() => checkGrant({ role: 'sysadmin', areaCode: '20' }, undefined, units)), 'areaCode:areas.membership.sysadmin_no_area');
  });

  it('other roles need an area, from the request or the agency', () => {
    assert.equal(fieldOf(() => checkGrant({ role: 'leader' }, undefined, units)), 'areaCode:areas.membership.area_required');
    assert.deepEqual(checkGrant({ role: 'leader', areaCode: '20' }, undefined, units), { agencyId: null, areaCode: '20' });
    assert.deepEqual(checkGrant({ role: 'community_helper', agencyId: 'a' }, lvtAgency, units), { agencyId: 'a', areaCode: LVT });
  });
});

describe('boundary import checks', () => {
  it('finds the commune code under the usual property names and pads it', () => {
    assert.equal(featureCode({ code: '05983' }), '05983');
    assert.equal(featureCode({ ma_xa: 5983 }), '05983');
    assert.equal(featureCode({ maXa: '6040' }), '06040');
    assert.equal(featureCode({ MA_XA: '06040' }), '06040');
    assert.equal(featureCode({ commune_code: '06040', name: 'x' }), '06040');
    assert.equal(featureCode({ name: 'Thất Khê' }), undefined);
    assert.equal(featureCode(null), undefined);
  });

  it('accepts polygons and multipolygons in longitude/latitude only', () => {
    const ring = [[106, 21], [106.1, 21], [106.1, 21.1], [106, 21]];
    assert.equal(geometryProblem({ type: 'Polygon', coordinates: [ring] }), undefined);
    assert.equal(geometryProblem({ type: 'MultiPolygon', coordinates: [[ring]] }), undefined);
    assert.match(geometryProblem({ type: 'Point', coordinates: [106, 21] }) ?? '', /not Polygon/);
    assert.match(geometryProblem({ type: 'Polygon', coordinates: [[[106, 21], [106.1, 21], [106, 21]]] }) ?? '', /fewer than 4/);
    assert.match(geometryProblem({ type: 'Polygon', coordinates: [[[450000, 2400000], [450100, 2400000], [450100, 2400100], [450000, 2400000]]] }) ?? '', /WGS 84/);
    assert.match(geometryProblem({ type: 'Polygon', coordinates: [[['a', 1], [1, 2], [2, 2], [1, 1]]] }) ?? '', /pair of numbers/);
    assert.match(geometryProblem(undefined) ?? '', /no geometry/);
  });
});

describe('synthetic seed points', () => {
  const bbox: BBox = [106.1, 21.3, 107.4, 22.5];
  const communes = units.communesOf('20');

  it('gives each commune one point inside the box, known centres kept, the same every time', () => {
    const centres: Record<string, [number, number]> = { [LVT]: [106.76, 21.85] };
    const a = syntheticSeedPoints(communes, bbox, centres);
    const b = syntheticSeedPoints([...communes].reverse(), bbox, centres);
    assert.equal(a.length, 65);
    assert.deepEqual(new Set(a.map((p) => p.code)).size, 65);
    assert.deepEqual([...a].sort((x, y) => x.code.localeCompare(y.code)), [...b].sort((x, y) => x.code.localeCompare(y.code)));
    assert.deepEqual(a.find((p) => p.code === LVT), { code: LVT, lon: 106.76, lat: 21.85 });
    for (const p of a) assert.ok(p.lon >= 106.1 && p.lon <= 107.4 && p.lat >= 21.3 && p.lat <= 22.5, `${p.code} inside the box`);
  });
});

describe('search folding', () => {
  it('ignores Vietnamese diacritics and case', () => {
    assert.equal(fold('UBND Phường Lương Văn Tri'), 'ubnd phuong luong van tri');
    assert.equal(fold('Sở Y tế ĐÀ'), 'so y te da');
  });
});
