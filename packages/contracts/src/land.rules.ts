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
