// Rules of environment monitoring (quan trắc môi trường) both sides run: station kinds,
// VN_AQI of Decision 1459/QĐ-TCMT (2019, Tổng cục Môi trường) — its breakpoint tables,
// hourly (NowCast for dust) and daily indices, colour bands and health advice — and the
// river alarm levels (báo động I, II, III). Pure functions, no I/O.

export const STATION_KINDS = ['air', 'water_level', 'rainfall'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** The pollutants of VN_AQI, all in µg/m³ as the decision states them. */
export const POLLUTANTS = ['pm25', 'pm10', 'o3', 'co', 'so2', 'no2'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** Index breakpoints I_i (Bảng 1/2 of the decision, first row). */
export const AQI_BREAKPOINTS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/**
 * Concentration breakpoints BP_i (µg/m³) matching AQI_BREAKPOINTS. Hourly table (Bảng 1) for
 * O3, CO, SO2, NO2 (1-hour values); PM10 and PM2.5 use the 24-hour row both for the daily
 * index and for the hourly one (on the NowCast). O3 8-hour (Bảng 2) stops at 400 µg/m³
 * (AQI 300): above it the 1-hour value decides.
 */
export const CONCENTRATION_BREAKPOINTS: Record<Pollutant | 'o3_8h', readonly number[]> = {
  o3: [0, 160, 200, 300, 400, 800, 1000, 1200],
  o3_8h: [0, 100, 120, 170, 210, 400],
  co: [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000],
  so2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  no2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  pm10: [0, 50, 150, 250, 350, 420, 500, 600],
  pm25: [0, 25, 50, 80, 150, 250, 350, 500],
};

/**
 * Sub-index of one pollutant: AQI_x = (I_{i+1} − I_i) / (BP_{i+1} − BP_i) × (C_x − BP_i) + I_i,
 * rounded to a whole number. A concentration above the last breakpoint is given 500 (the
 * top of the scale); a missing or negative one gives null.
 */
export function subIndex(pollutant: Pollutant | 'o3_8h', concentration: number | null | undefined): number | null {
  if (concentration === null || concentration === undefined || !Number.isFinite(concentration) || concentration < 0) return null;
  const bp = CONCENTRATION_BREAKPOINTS[pollutant];
  for (let i = 0; i < bp.length - 1; i++) {
    const lo = bp[i]!;
    const hi = bp[i + 1]!;
    if (concentration <= hi) {
      const iLo = AQI_BREAKPOINTS[i]!;
      const iHi = AQI_BREAKPOINTS[i + 1]!;
      return Math.round(((iHi - iLo) / (hi - lo)) * (concentration - lo) + iLo);
    }
  }
  // past the 8-hour ozone table the decision uses the 1-hour value; elsewhere the scale's top
  return pollutant === 'o3_8h' ? null : 500;
}

/**
 * NowCast of PM2.5 or PM10 (mục 2.2 of the decision's annex): `hours[0]` is the most recent
 * hour, then back to 12 hours; null for an hour without data. Needs at least 2 of the 3
 * most recent hours. w* = c_min / c_max over the 12 hours; w = max(w*, 0.5);
 * NowCast = Σ w^(i−1)·c_i / Σ w^(i−1) over the hours that have data.
 */
export function nowCast(hours: readonly (number | null | undefined)[]): number | null {
  const last12 = hours.slice(0, 12);
  const recent = last12.slice(0, 3).filter((c) => typeof c === 'number').length;
  if (recent < 2) return null;
  const present = last12.filter((c): c is number => typeof c === 'number' && c >= 0);
  const max = Math.max(...present);
  const min = Math.min(...present);
  const wStar = max === 0 ? 1 : min / max;
  const w = Math.max(wStar, 0.5);
  let num = 0;
  let den = 0;
  last12.forEach((c, i) => {
    if (typeof c !== 'number' || c < 0) return;
    num += w ** i * c;
    den += w ** i;
  });
  return num / den;
}

/** One hour's readings of an air station (µg/m³), the most recent first. */
export interface AirHour {
  pm25?: number | null;
  pm10?: number | null;
  o3?: number | null;
  co?: number | null;
  so2?: number | null;
  no2?: number | null;
}

export interface AqiResult {
  aqi: number;
  /** The pollutant whose sub-index is the index (chất ô nhiễm chính). */
  dominant: Pollutant;
  subIndices: Partial<Record<Pollutant, number>>;
}

function maxOf(sub: Partial<Record<Pollutant, number>>): AqiResult | null {
  let best: AqiResult | null = null;
  for (const p of POLLUTANTS) {
    const v = sub[p];
    if (v === undefined) continue;
    if (!best || v > best.aqi) best = { aqi: v, dominant: p, subIndices: sub };
  }
  return best;
}

/**
 * Hourly VN_AQI (AQI_h) from the last 12 hours, most recent first (an hour with no reading is
 * an empty object). Dust on its NowCast, gases on the latest hour. The decision requires at
 * least one of PM10 or PM2.5; without it there is no index (null).
 */
export function hourlyAqi(hours: readonly AirHour[]): AqiResult | null {
  const sub: Partial<Record<Pollutant, number>> = {};
  for (const p of ['pm25', 'pm10'] as const) {
    const v = subIndex(p, nowCast(hours.map((h) => h[p])));
    if (v !== null) sub[p] = v;
  }
  if (sub.pm25 === undefined && sub.pm10 === undefined) return null;
  const now = hours[0] ?? {};
  for (const p of ['o3', 'co', 'so2', 'no2'] as const) {
    const v = subIndex(p, now[p]);
    if (v !== null) sub[p] = v;
  }
  return maxOf(sub);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const numbers = (xs: readonly (number | null | undefined)[]) => xs.filter((x): x is number => typeof x === 'number' && x >= 0);

/**
 * Daily VN_AQI (AQI_d) from one day's hourly readings (24 entries, in hour order). Dust on the
 * 24-hour mean (we ask for 18 of the 24 hours before trusting a mean), gases on the day's highest hour; ozone on
 * the larger of its 1-hour maximum and its highest 8-hour running mean.
 */
export function dailyAqi(day: readonly AirHour[]): AqiResult | null {
  const sub: Partial<Record<Pollutant, number>> = {};
  for (const p of ['pm25', 'pm10'] as const) {
    const xs = numbers(day.map((h) => h[p]));
    if (xs.length >= 18) {
      const v = subIndex(p, mean(xs));
      if (v !== null) sub[p] = v;
    }
  }
  if (sub.pm25 === undefined && sub.pm10 === undefined) return null;
  for (const p of ['co', 'so2', 'no2'] as const) {
    const xs = numbers(day.map((h) => h[p]));
    if (xs.length > 0) sub[p] = subIndex(p, Math.max(...xs))!;
  }
  const o3 = day.map((h) => h.o3);
  const o3Hours = numbers(o3);
  if (o3Hours.length > 0) {
    let best8: number | null = null;
    for (let i = 0; i + 8 <= o3.length; i++) {
      const window = numbers(o3.slice(i, i + 8));
      if (window.length >= 6) best8 = Math.max(best8 ?? 0, mean(window));
    }
    const by1 = subIndex('o3', Math.max(...o3Hours))!;
    const by8 = best8 === null ? null : subIndex('o3_8h', best8);
    sub.o3 = by8 === null ? by1 : Math.max(by1, by8);
  }
  return maxOf(sub);
}

/** The six bands of the decision (Bảng 3), with their colours. */
export const AQI_BANDS = [
  { key: 'good', max: 50, colour: '#00e400', text: '#000000' },
  { key: 'moderate', max: 100, colour: '#ffff00', text: '#000000' },
  { key: 'poor', max: 150, colour: '#ff7e00', text: '#000000' },
  { key: 'bad', max: 200, colour: '#ff0000', text: '#ffffff' },
  { key: 'very_bad', max: 300, colour: '#8f3f97', text: '#ffffff' },
  { key: 'hazardous', max: Infinity, colour: '#7e0023', text: '#ffffff' },
] as const;
export type AqiBand = (typeof AQI_BANDS)[number]['key'];
export const AQI_BAND_KEYS = AQI_BANDS.map((b) => b.key) as readonly AqiBand[];

export function aqiBand(aqi: number): AqiBand {
  return AQI_BANDS.find((b) => aqi <= b.max)!.key;
}

export function bandStyle(band: AqiBand): { colour: string; text: string } {
  const b = AQI_BANDS.find((x) => x.key === band)!;
  return { colour: b.colour, text: b.text };
}

/** River alarm levels (mực nước báo động I, II, III) of a station, in metres; null = not set. */
export interface AlarmLevels {
  alarm1: number | null;
  alarm2: number | null;
  alarm3: number | null;
}

/** 0 below báo động I, then 1, 2 or 3: the highest alarm level the water has reached. */
export function alarmLevel(level: number, alarms: AlarmLevels): 0 | 1 | 2 | 3 {
  if (alarms.alarm3 !== null && level >= alarms.alarm3) return 3;
  if (alarms.alarm2 !== null && level >= alarms.alarm2) return 2;
  if (alarms.alarm1 !== null && level >= alarms.alarm1) return 1;
  return 0;
}
