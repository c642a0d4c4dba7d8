// Land information (thông tin đất đai): land-use codes, their older forms and cadastral keys.
// Pure rules both sides run; no TypeBox.

/** Land-use groups of the Land Law 2024 (nhóm đất). */
export type LandUseGroup = 'agricultural' | 'non_agricultural' | 'unused';

/**
 * Land-use codes (mã loại đất) of Circular 08/2024/TT-BTNMT with their official names.
 * Labels follow the circular's appendix; a province should still check them against the
 * gazette text before printing them on documents.
 */
export const LAND_USE_CODES = {
  // nhóm đất nông nghiệp
  LUC: { name: 'Đất chuyên trồng lúa', group: 'agricultural' },
  LUK: { name: 'Đất trồng lúa còn lại', group: 'agricultural' },
  HNK: { name: 'Đất trồng cây hằng năm khác', group: 'agricultural' },
  CLN: { name: 'Đất trồng cây lâu năm', group: 'agricultural' },
  RDD: { name: 'Đất rừng đặc dụng', group: 'agricultural' },
  RPH: { name: 'Đất rừng phòng hộ', group: 'agricultural' },
  RSX: { name: 'Đất rừng sản xuất', group: 'agricultural' },
  NTS: { name: 'Đất nuôi trồng thủy sản', group: 'agricultural' },
  CNT: { name: 'Đất chăn nuôi tập trung', group: 'agricultural' },
  LMU: { name: 'Đất làm muối', group: 'agricultural' },
  NKH: { name: 'Đất nông nghiệp khác', group: 'agricultural' },
  // nhóm đất phi nông nghiệp
  ONT: { name: 'Đất ở tại nông thôn', group: 'non_agricultural' },
  ODT: { name: 'Đất ở tại đô thị', group: 'non_agricultural' },
  TSC: { name: 'Đất xây dựng trụ sở cơ quan', group: 'non_agricultural' },
  CQP: { name: 'Đất quốc phòng', group: 'non_agricultural' },
  CAN: { name: 'Đất an ninh', group: 'non_agricultural' },
  DVH: { name: 'Đất xây dựng cơ sở văn hóa', group: 'non_agricultural' },
  DYT: { name: 'Đất xây dựng cơ sở y tế', group: 'non_agricultural' },
  DGD: { name: 'Đất xây dựng cơ sở giáo dục và đào tạo', group: 'non_agricultural' },
  DTT: { name: 'Đất xây dựng cơ sở thể dục, thể thao', group: 'non_agricultural' },
  DKH: { name: 'Đất xây dựng cơ sở khoa học và công nghệ', group: 'non_agricultural' },
  TMD: { name: 'Đất thương mại, dịch vụ', group: 'non_agricultural' },
  SKC: { name: 'Đất cơ sở sản xuất phi nông nghiệp', group: 'non_agricultural' },
  SKS: { name: 'Đất sử dụng cho hoạt động khoáng sản', group: 'non_agricultural' },
  DGT: { name: 'Đất công trình giao thông', group: 'non_agricultural' },
  DTL: { name: 'Đất công trình thủy lợi', group: 'non_agricultural' },
  DRA: { name: 'Đất công trình xử lý chất thải', group: 'non_agricultural' },
  TON: { name: 'Đất tôn giáo', group: 'non_agricultural' },
  TIN: { name: 'Đất tín ngưỡng', group: 'non_agricultural' },
  NTD: { name: 'Đất nghĩa trang, nhà tang lễ, cơ sở hỏa táng; đất cơ sở lưu giữ tro cốt', group: 'non_agricultural' },
  SON: { name: 'Đất có mặt nước là sông, ngòi, kênh, rạch, suối', group: 'non_agricultural' },
  MNC: { name: 'Đất có mặt nước chuyên dùng', group: 'non_agricultural' },
  PNK: { name: 'Đất phi nông nghiệp khác', group: 'non_agricultural' },
  // nhóm đất chưa sử dụng
  BCS: { name: 'Đất bằng chưa sử dụng', group: 'unused' },
  DCS: { name: 'Đất đồi núi chưa sử dụng', group: 'unused' },
  NCS: { name: 'Núi đá không có rừng cây', group: 'unused' },
} as const satisfies Record<string, { name: string; group: LandUseGroup }>;

export type LandUseCode = keyof typeof LAND_USE_CODES;

/**
 * Codes of older circulars (08/2007, 28/2014, 27/2018) still found in cadastral files,
 * mapped to the 2024 code. The first code is the one used; more than one means the old
 * code covered several of today's types and an officer should confirm it.
 */
export const LEGACY_LAND_USE: Record<string, readonly [LandUseCode, ...LandUseCode[]]> = {
  LUN: ['LUK'], // lúa nương
  BHK: ['HNK'], // bằng trồng cây hằng năm khác
  NHK: ['HNK'], // nương rẫy trồng cây hằng năm khác
  COC: ['HNK'], // đồng cỏ dùng vào chăn nuôi (2007)
  TTN: ['TON', 'TIN'], // tôn giáo, tín ngưỡng (2007), split in 2014
};

export function isLandUseCode(code: string): code is LandUseCode {
  return Object.hasOwn(LAND_USE_CODES, code);
}

export interface ResolvedLandUse {
  code: LandUseCode;
  name: string;
  group: LandUseGroup;
  /** The code as written in the source when it was an older one. */
  legacyCode: string | null;
  /** The old code covered several of today's types: the first was taken. */
  ambiguous: boolean;
}

/** Today's land-use type of a code, current or older (case and spaces ignored); null when unknown. */
export function resolveLandUse(raw: string): ResolvedLandUse | null {
  const code = raw.trim().toUpperCase();
  if (isLandUseCode(code)) return { code, ...LAND_USE_CODES[code], legacyCode: null, ambiguous: false };
  const mapped = LEGACY_LAND_USE[code];
  if (!mapped) return null;
  const current = mapped[0];
  return { code: current, ...LAND_USE_CODES[current], legacyCode: code, ambiguous: mapped.length > 1 };
}

/** A parcel's cadastral key (commune, số tờ bản đồ, số thửa); any part may be missing in a search. */
export interface CadastralKey {
  commune?: string;
  sheet?: number;
  parcel?: number;
}

export const MAX_SHEET = 9999;
export const MAX_PARCEL = 99999;

const positive = (s: string, max: number): number | undefined => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};

/**
 * Reads a cadastral key as people write it: "05983-12-345", "05983/12/345", "12/345",
 * "tờ 12 thửa 345", "thửa số 345, tờ bản đồ số 12". Null when the text is not a key.
 */
export function parseCadastralKey(text: string): CadastralKey | null {
  const t = text.normalize('NFC').trim().toLowerCase();
  if (!t) return null;
  const compact = /^(?:(\d{5})\s*[-/.:\s]\s*)?(\d{1,4})\s*[-/.:\s]\s*(\d{1,5})$/.exec(t);
  if (compact) {
    const sheet = positive(compact[2]!, MAX_SHEET);
    const parcel = positive(compact[3]!, MAX_PARCEL);
    if (sheet === undefined || parcel === undefined) return null;
    return { ...(compact[1] ? { commune: compact[1] } : {}), sheet, parcel };
  }
  const sheetM = /tờ(?:\s+bản\s+đồ)?(?:\s+số)?\s*[:.]?\s*(\d+)/.exec(t);
  const parcelM = /thửa(?:\s+đất)?(?:\s+số)?\s*[:.]?\s*(\d+)/.exec(t);
  const communeM = /(?:^|\D)(\d{5})(?:\D|$)/.exec(t.replace(sheetM?.[0] ?? '\u0000', ' ').replace(parcelM?.[0] ?? '\u0000', ' '));
  if (!sheetM && !parcelM) return null;
  const key: CadastralKey = {};
  if (communeM) key.commune = communeM[1]!;
  if (sheetM) {
    const s = positive(sheetM[1]!, MAX_SHEET);
    if (s === undefined) return null;
    key.sheet = s;
  }
  if (parcelM) {
    const p = positive(parcelM[1]!, MAX_PARCEL);
    if (p === undefined) return null;
    key.parcel = p;
  }
  return key;
}

/** The canonical written form: commune-sheet-parcel, e.g. "05983-12-345". */
export function formatCadastralKey(key: { commune: string; sheet: number; parcel: number }): string {
  return `${key.commune}-${key.sheet}-${key.parcel}`;
}

/** VN-2000 TM-3 zones (EPSG) of the province packs, with their central meridians. */
export const VN2000_ZONES = {
  9210: { province: 'Cao Bằng', centralMeridian: 105.75 },
  9215: { province: 'Lạng Sơn', centralMeridian: 107.25 },
  5897: { province: 'Ninh Bình', centralMeridian: 105 },
  5899: { province: 'Lâm Đồng', centralMeridian: 107.75 },
} as const;
export type Vn2000Srid = keyof typeof VN2000_ZONES;

/** Abilities of the land module (GET /api/me → abilities). */
export const LAND_ABILITIES = {
  /** Import parcels and zoning plans (land officers, within their area). */
  import: 'land.import',
} as const;

// ------------------------------------------------------------ free-text search

/** A search as typed in the one box: the key parts it names and the words left for the address or place. */
export interface ParcelQuery extends CadastralKey {
  /** Folded words (no diacritics, lower case) to find in the address, commune or former commune name. */
  words: string[];
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd');

/**
 * Reads what people type to find a parcel: an address ("12 Bà Triệu"), a place or former
 * commune name ("Quảng Lạc", without diacritics too), a key ("tờ 5 thửa 12", "5/12",
 * "05989-5-12") or a mix ("thửa 12 tờ 5 Quảng Lạc"). Null when nothing usable is left.
 */
export function parseParcelQuery(text: string): ParcelQuery | null {
  let t = ` ${fold(text.normalize('NFC'))} `;
  const key: CadastralKey = {};
  // "05989-5-12", "5/12": a separator between the numbers makes it a key, not a house number
  const compact = /\s(?:(\d{5})[-/.:])?(\d{1,4})[-/.:](\d{1,5})(?=[\s,;]|$)/.exec(t);
  if (compact) {
    const sheet = positive(compact[2]!, MAX_SHEET);
    const parcel = positive(compact[3]!, MAX_PARCEL);
    if (sheet !== undefined && parcel !== undefined) {
      if (compact[1]) key.commune = compact[1];
      key.sheet = sheet;
      key.parcel = parcel;
      t = t.replace(compact[0], ' ');
    }
  }
  t = ` ${t.replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const sheetM = / to(?: ban do)?(?: so)? (\d+) /.exec(t);
  if (sheetM && key.sheet === undefined) {
    key.sheet = positive(sheetM[1]!, MAX_SHEET);
    if (key.sheet === undefined) return null;
    t = t.replace(sheetM[0], ' ');
  }
  const parcelM = / thua(?: dat)?(?: so)? (\d+) /.exec(t);
  if (parcelM && key.parcel === undefined) {
    key.parcel = positive(parcelM[1]!, MAX_PARCEL);
    if (key.parcel === undefined) return null;
    t = t.replace(parcelM[0], ' ');
  }
  const communeM = / (\d{5}) /.exec(t);
  if (communeM && key.commune === undefined) {
    key.commune = communeM[1]!;
    t = t.replace(communeM[0], ' ');
  }
  // words that only say what kind of place follows carry no information
  const words = t.trim().split(/\s+/).filter((w) => w !== '' && !['so', 'xa', 'phuong', 'thi', 'tran', 'cu', 'thon', 'ban', 'duong', 'pho'].includes(w)).slice(0, 8);
  if (words.length === 0 && key.commune === undefined && key.sheet === undefined && key.parcel === undefined) return null;
  return { ...key, words };
}

/** The text a parcel is found by: its address and the names of its commune and former commune, folded, spaced at both ends. */
export function parcelSearchText(parts: (string | null | undefined)[]): string {
  const words = parts.filter((p): p is string => !!p).map((p) => fold(p.normalize('NFC')).replace(/[^a-z0-9]+/g, ' ').trim()).filter(Boolean);
  return ` ${words.join(' ')} `;
}

// ------------------------------------------------------------ measuring on the map

/** Mean Earth radius (IUGG), as turf's distance uses. */
const EARTH_RADIUS_M = 6_371_008.8;
/** WGS 84 equatorial radius, as turf's area (spherical excess) uses. */
const WGS84_RADIUS_M = 6_378_137;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle length of a line through [lon, lat] points, in metres (haversine). */
export function lineLengthM(points: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const [lon1, lat1] = points[i - 1]!;
    const [lon2, lat2] = points[i]!;
    const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
    total += 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
  return total;
}

/**
 * Area of a polygon given by its corners ([lon, lat], open or closed), in m², on the sphere
 * (Chamberlain & Duquette 2007, the formula of turf's `area`); within 0.5 % of the ellipsoidal
 * area at Vietnam's latitudes, plenty for a citizen measuring a plot.
 */
export function polygonAreaM2(corners: readonly (readonly [number, number])[]): number {
  const ring = corners.length > 1 && corners[0]![0] === corners[corners.length - 1]![0] && corners[0]![1] === corners[corners.length - 1]![1] ? corners.slice(0, -1) : corners;
  const n = ring.length;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[i]!;
    const middle = ring[(i + 1) % n]!;
    const upper = ring[(i + 2) % n]!;
    sum += (rad(upper[0]) - rad(lower[0])) * Math.sin(rad(middle[1]));
  }
  return Math.abs((sum * WGS84_RADIUS_M * WGS84_RADIUS_M) / 2);
}

/** A measured length or area as people read it: m / km, m² / ha, with the number formatted by `format`. */
export function measureReadout(kind: 'distance' | 'area', value: number, format: (n: number, digits: number) => string): { value: string; unit: string } {
  if (kind === 'distance') return value < 1000 ? { value: format(value, value < 10 ? 1 : 0), unit: 'm' } : { value: format(value / 1000, 2), unit: 'km' };
  return value < 10_000 ? { value: format(value, value < 100 ? 1 : 0), unit: 'm²' } : { value: format(value / 10_000, 2), unit: 'ha' };
}

// ------------------------------------------------------------ import files

/**
 * The EPSG code a Shapefile's .prj (ESRI WKT) describes, among those we import: a VN-2000
 * TM-3 zone by its central meridian, or plain WGS 84. Null when it is something else.
 */
export function sridFromPrj(wkt: string): Vn2000Srid | 4326 | null {
  const text = wkt.replace(/\s+/g, ' ');
  const isVn2000 = /VN[-_ ]?2000|Vietnam[_ ]2000/i.test(text);
  if (!/PROJCS\[/i.test(text)) return /GEOGCS\[[^\]]*WGS[_ ]?(19)?84/i.test(text) && !isVn2000 ? 4326 : null;
  if (!isVn2000) return null;
  const m = /PARAMETER\["central_meridian",\s*([0-9.+-]+)\]/i.exec(text);
  if (!m) return null;
  const meridian = Number(m[1]);
  const scale = /PARAMETER\["scale_factor",\s*([0-9.]+)\]/i.exec(text);
  // TM-3 zones have scale 0.9999; UTM (0.9996) is another system
  if (scale && Math.abs(Number(scale[1]) - 0.9999) > 1e-6) return null;
  for (const [srid, z] of Object.entries(VN2000_ZONES)) if (Math.abs(z.centralMeridian - meridian) < 1e-6) return Number(srid) as Vn2000Srid;
  return null;
}
