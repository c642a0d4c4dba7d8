// Demo stations across Lạng Sơn with a plausible 30-day hourly series. Values come from a
// generator seeded by the station code and the hour, so every start fills the hours up to
// now with the same numbers it would have given before (idempotent: stored hours stay).
// Alarm levels and the readings are demo values, not the hydrological service's.
import { createHash } from 'node:crypto';
import type { StationKind } from '@cds/contracts/environment.rules';
import * as repo from './repo.ts';
import { hashKey } from './service.ts';

export interface DemoStation {
  code: string;
  name: string;
  kind: StationKind;
  lat: number;
  lon: number;
  communeCode: string;
  alarms?: [number, number, number];
  /** Typical level (m) or dust (µg/m³ PM2.5) around which the series moves. */
  base: number;
}

export const DEMO_STATIONS: DemoStation[] = [
  { code: 'KK-LANGSON-AIR', name: 'Trạm không khí Phường Lương Văn Tri (TP Lạng Sơn cũ)', kind: 'air', lat: 21.8537, lon: 106.7613, communeCode: '05983', base: 32 },
  { code: 'KK-DONGDANG-AIR', name: 'Trạm không khí cửa khẩu Hữu Nghị (Đồng Đăng)', kind: 'air', lat: 21.9707, lon: 106.7081, communeCode: '06184', base: 40 },
  { code: 'KK-HUULUNG-AIR', name: 'Trạm không khí Xã Hữu Lũng', kind: 'air', lat: 21.5077, lon: 106.3425, communeCode: '06385', base: 24 },
  { code: 'TV-KYCUNG-LANGSON', name: 'Trạm thủy văn sông Kỳ Cùng tại Lạng Sơn', kind: 'water_level', lat: 21.8466, lon: 106.7574, communeCode: '05977', alarms: [252, 254, 256], base: 250.7 },
  { code: 'TV-KYCUNG-THATKHE', name: 'Trạm thủy văn sông Kỳ Cùng tại Thất Khê', kind: 'water_level', lat: 22.2553, lon: 106.4733, communeCode: '06040', alarms: [216, 218, 220], base: 213.9 },
  { code: 'MUA-BACSON', name: 'Trạm đo mưa Xã Bắc Sơn', kind: 'rainfall', lat: 21.8997, lon: 106.3214, communeCode: '06325', base: 0 },
];

/** The demo key of a station (demo mode only), so a stand-in station can push with curl. */
export const demoKey = (code: string) => `cds-demo-station-${code.toLowerCase()}`;

const HOUR = 3_600_000;

/** A number in [0, 1) fixed by the station and the hour. */
function unit(code: string, hour: number, salt: string): number {
  return createHash('sha256').update(`${code}|${hour}|${salt}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** Smooth day-to-day weather: a few slow waves fixed by the station code. */
function wave(code: string, hour: number): number {
  const d = hour / 24;
  const phase = unit(code, 0, 'phase') * 2 * Math.PI;
  return 0.6 * Math.sin((2 * Math.PI * d) / 7.3 + phase) + 0.4 * Math.sin((2 * Math.PI * d) / 3.1 + 2 * phase);
}

export function demoReading(s: DemoStation, hourMs: number): repo.NewReading {
  const hour = Math.round(hourMs / HOUR);
  const vnHour = (new Date(hourMs).getUTCHours() + 7) % 24;
  const noise = (salt: string) => unit(s.code, hour, salt) - 0.5;
  const row: repo.NewReading = { station_id: '', measured_at: new Date(hourMs), pm25: null, pm10: null, o3: null, co: null, so2: null, no2: null, water_level: null, rainfall: null };
  if (s.kind === 'air') {
    // winter inversions: dust peaks in the morning and late evening rush hours
    const rush = Math.exp(-(((vnHour - 7.5) / 1.8) ** 2)) + 0.8 * Math.exp(-(((vnHour - 19) / 2.2) ** 2));
    const pm25 = Math.max(3, s.base * (1 + 0.5 * wave(s.code, hour)) + 18 * rush + 10 * noise('pm25'));
    row.pm25 = Math.round(pm25 * 10) / 10;
    row.pm10 = Math.round(pm25 * (1.5 + 0.3 * unit(s.code, hour, 'ratio')) * 10) / 10;
    const sun = Math.max(0, Math.sin(((vnHour - 6) / 12) * Math.PI));
    row.o3 = Math.round(25 + 70 * sun + 15 * noise('o3'));
    row.co = Math.round(700 + 900 * rush + 200 * noise('co'));
    row.so2 = Math.round(12 + 8 * rush + 4 * noise('so2'));
    row.no2 = Math.round(22 + 35 * rush + 8 * noise('no2'));
  } else if (s.kind === 'water_level') {
    // dry season: the river moves slowly around its usual level, a little after rain upstream
    row.water_level = Math.round((s.base + 0.35 * wave(s.code, hour) + 0.04 * noise('level')) * 100) / 100;
  } else {
    const rainy = wave(s.code, hour) > 0.55 && unit(s.code, hour, 'rain') > 0.6;
    row.rainfall = rainy ? Math.round(unit(s.code, hour, 'mm') * 60) / 10 : 0;
  }
  return row;
}

/**
 * Creates the demo stations once and fills their last 30 days up to this hour. A restart
 * writes only the hours since the newest reading (two queries when nothing is missing): the
 * whole series is a few thousand rows and some 35,000 hashes.
 */
export async function seedDemoStations(db: repo.Db, now = Date.now()): Promise<void> {
  const end = Math.floor(now / HOUR) * HOUR;
  const start = end - (30 * 24 - 1) * HOUR;
  const known = new Map((await repo.stationsByCodes(db, DEMO_STATIONS.map((s) => s.code))).map((r) => [r.code, r]));
  for (const s of DEMO_STATIONS) {
    if (known.has(s.code)) continue;
    const row = (await repo.insertStation(db, {
      code: s.code, name: s.name, kind: s.kind, lat: s.lat, lon: s.lon, commune_code: s.communeCode,
      alarm1: s.alarms?.[0] ?? null, alarm2: s.alarms?.[1] ?? null, alarm3: s.alarms?.[2] ?? null,
      key_hash: hashKey(demoKey(s.code)), alarm_state_at: null,
    })) ?? (await repo.stationByCode(db, s.code));
    if (row) known.set(s.code, row);
  }
  const coverage = await repo.hourlyCoverage(db, [...known.values()].map((r) => r.id), new Date(start), new Date(end));
  for (const s of DEMO_STATIONS) {
    const row = known.get(s.code);
    if (!row) continue;
    const has = coverage.get(row.id);
    // every hour up to the newest is there: only the hours after it are missing
    const from = has && has.count === (has.newest.getTime() - start) / HOUR + 1 ? has.newest.getTime() + HOUR : start;
    const rows = Array.from({ length: Math.max(0, (end - from) / HOUR + 1) }, (_, i) => ({ ...demoReading(s, end - i * HOUR), station_id: row.id }));
    if (rows.length) await repo.insertReadings(db, rows);
  }
}
