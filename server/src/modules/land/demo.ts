// Demo mode: clearly labelled synthetic parcels and two synthetic zoning plans, so every
// screen works out of the box. Parcels line up along straight "village roads" through each
// commune's centre (inside its boundary, synthetic or real), a few hundred m² each, and are
// numbered the way cadastral sheets are: one sheet per road, sheets numbered per former
// commune. Deterministic: the same count gives the same parcels.
import { fromWgs84, type Position } from './vn2000.ts';
import type { ParcelInput, StoredLandUse, ZoneInput } from './repo.ts';
import { parcelSearchText } from '@cds/contracts/land.rules';
import { seededRandom } from '../../platform/random.ts';

export const DEMO_SOURCE = 'demo-synthetic';
const PARCELS_PER_SIDE = 10;
const ROAD_SPACING_M = 90;
/** Street names (wards) and village names (communes) of the demo addresses: common in Lạng Sơn, not tied to the real places. */
const STREETS = ['Bà Triệu', 'Lê Lợi', 'Trần Đăng Ninh', 'Hùng Vương', 'Phai Vệ', 'Ngô Quyền', 'Tam Thanh', 'Lý Thái Tổ', 'Bắc Sơn', 'Minh Khai'];
const VILLAGES = ['Nà Phải', 'Bản Slằng', 'Khau Khoang', 'Pác Cáp', 'Còn Quan', 'Nà Lìn', 'Bản Chu', 'Khòn Pát', 'Nà Thâm', 'Pò Mã'];


/** A local frame in metres around a point, turned by `bearing` radians. */
function frame(centre: { lat: number; lon: number }, bearing: number) {
  const mLat = 110_574;
  const mLon = 111_320 * Math.cos((centre.lat * Math.PI) / 180);
  const cos = Math.cos(bearing);
  const sin = Math.sin(bearing);
  return (along: number, across: number): Position => {
    const east = along * cos - across * sin;
    const north = along * sin + across * cos;
    return [round7(centre.lon + east / mLon), round7(centre.lat + north / mLat)];
  };
}

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

const rect = (at: ReturnType<typeof frame>, a0: number, a1: number, c0: number, c1: number): Position[][] =>
  [[at(a0, c0), at(a1, c0), at(a1, c1), at(a0, c1), at(a0, c0)]];

export interface DemoCommune {
  code: string;
  name: string;
  /** Names of its former communes, by code. */
  formerNames: Record<string, string>;
  type: 'commune' | 'ward' | 'special';
  centre: { lat: number; lon: number };
  formerCodes: string[];
}

/** Source geometry as the province's VN-2000 file would hold it (metres, rounded to mm). */
function toSource(rings: Position[][], srid: 9215): string {
  const f = fromWgs84(srid);
  return JSON.stringify({ type: 'Polygon', coordinates: rings.map((r) => r.map((p) => f(p).map((v) => Math.round(v * 1000) / 1000))) });
}

/**
 * `total` parcels spread over the communes (the first communes get the remainder). The
 * first parcel of every commune covers its centre, so tapping a commune's centre finds one.
 */
export function demoParcels(communes: DemoCommune[], total: number): ParcelInput[] {
  const out: ParcelInput[] = [];
  if (communes.length === 0 || total <= 0) return out;
  const used = new Set<string>();
  communes.forEach((c, ci) => {
    const count = Math.floor(total / communes.length) + (ci < total % communes.length ? 1 : 0);
    const rnd = seededRandom(Number(c.code));
    const at = frame(c.centre, rnd() * Math.PI);
    const residential = c.type === 'ward' ? 'ODT' : 'ONT';
    const sheets = new Map<string, number>();
    const perRoad = PARCELS_PER_SIDE * 2;
    for (let i = 0; i < count; i++) {
      const road = Math.floor(i / perRoad);
      const inRoad = i % perRoad;
      const side = inRoad < PARCELS_PER_SIDE ? 1 : -1;
      const slot = inRoad % PARCELS_PER_SIDE;
      // roads alternate north and south of the centre road: 0, +1, -1, +2, …
      const roadOffset = (road % 2 === 0 ? 1 : -1) * Math.ceil(road / 2) * ROAD_SPACING_M;
      const width = 16 + Math.floor(rnd() * 8);
      const depth = 22 + Math.floor(rnd() * 12);
      // slots every 24 m along the road; slot 0 on the first side spans the centre point
      const a0 = slot * 24 - 8;
      // a 4 m road between across -6 and -2 (shifted for the other roads)
      const across = side === 1 ? [roadOffset - 2, roadOffset - 2 + depth] : [roadOffset - 6 - depth, roadOffset - 6];
      const rings = rect(at, a0, a0 + width, across[0]!, across[1]!);
      const former = c.formerCodes.length ? c.formerCodes[road % c.formerCodes.length]! : null;
      const sheetKey = former ?? c.code;
      if (slot === 0 && side === 1) sheets.set(sheetKey, (sheets.get(sheetKey) ?? 0) + 1);
      const sheet = sheets.get(sheetKey) ?? 1;
      const key = `${sheetKey}-${sheet}-${inRoad + 1}`;
      if (used.has(key)) continue;
      used.add(key);
      const area = Math.round(width * depth * 10) / 10;
      const homeArea = Math.min(area, 100 + Math.floor(rnd() * 200));
      const farm: StoredLandUse = { code: 'CLN', legacyCode: null, areaM2: Math.round((area - homeArea) * 10) / 10 };
      if (i % 7 === 3) Object.assign(farm, { code: 'HNK', legacyCode: 'BHK' });
      const landUses: StoredLandUse[] = [{ code: residential, legacyCode: null, areaM2: homeArea }];
      if (farm.areaM2 > 0) landUses.push(farm);
      // house numbers odd on one side of the road, even on the other, as streets are numbered
      const address = c.type === 'ward'
        ? `Số ${slot * 2 + (side === 1 ? 1 : 2)}, đường ${STREETS[road % STREETS.length]!}`
        : `Thôn ${VILLAGES[road % VILLAGES.length]!}`;
      out.push({
        communeCode: c.code,
        formerCommuneCode: former,
        sheet,
        parcel: inRoad + 1,
        areaM2: area,
        address,
        landUses,
        geometry: JSON.stringify({ type: 'Polygon', coordinates: rings }),
        sourceGeometry: toSource(rings, 9215),
        sourceSrid: 9215,
        synthetic: true,
        source: DEMO_SOURCE,
        searchText: parcelSearchText([address, c.name, former ? c.formerNames[former] : null]),
      });
    }
  });
  return out;
}

export interface DemoPlan {
  name: string;
  decisionNumber: string;
  decisionDate: string;
  zones: ZoneInput[];
}

/**
 * Two synthetic detailed plans (quy hoạch chi tiết 1/500) over the first parcels of two
 * communes: a commercial strip along the centre road, housing behind it, green space and a
 * road widening on the other side.
 */
export function demoPlans(communes: DemoCommune[]): DemoPlan[] {
  return communes.slice(0, 2).map((c, i) => {
    const rnd = seededRandom(Number(c.code));
    const at = frame(c.centre, rnd() * Math.PI);
    const zone = (zoneCode: string, landUseCode: string, density: number | null, floors: number | null, a0: number, a1: number, c0: number, c1: number): ZoneInput => {
      const rings = rect(at, a0, a1, c0, c1);
      return { zoneCode, landUseCode, buildingDensityPct: density, maxFloors: floors, geometry: JSON.stringify({ type: 'Polygon', coordinates: rings }), sourceGeometry: toSource(rings, 9215), sourceSrid: 9215 };
    };
    return {
      name: `Quy hoạch chi tiết 1/500 khu trung tâm (mô phỏng) – ${c.code}`,
      decisionNumber: `DEMO-${i + 1}/QĐ-UBND`,
      decisionDate: i === 0 ? '2024-06-14' : '2025-03-20',
      zones: [
        zone('TM-01', 'TMD', 80, 5, -20, 240, -2, 14),
        zone('OM-01', residentialOf(c), 60, 4, -20, 240, 14, 40),
        zone('GT-01', 'DGT', null, null, -20, 240, -6, -2),
        zone('CX-01', 'DTT', 5, 1, -20, 240, -46, -6),
      ],
    };
  });
}

const residentialOf = (c: DemoCommune) => (c.type === 'ward' ? 'ODT' : 'ONT');
