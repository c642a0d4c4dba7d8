// Rules of environment monitoring: a station's state now (VN_AQI, river level against its
// alarm levels, rain), its 24-hour and 30-day series, readings pushed by stations (key,
// idempotency, late data, alarm crossings announced as events), CSV import, and stations
// managed by the province's staff.
import { createHash, randomBytes } from 'node:crypto';
import { alarmLevel, aqiBand, dailyAqi, hourlyAqi, type AirHour, type StationKind } from '@cds/contracts/environment.rules';
import type * as S from '@cds/contracts/environment';
import type { Principal } from '../../platform/auth.ts';
import { conflict, invalidField, notFound, unauthorized } from '../../platform/errors.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy, type Policy } from '../../platform/policy.ts';
import type { AreasApi } from '../areas/index.ts';
import { stationRules, type StationSubject } from './policy.ts';
import * as repo from './repo.ts';

export const RIVER_LEVEL_CROSSED = 'environment.river_level_crossed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Vietnam time is UTC+7 all year (no daylight saving). */
const VN_OFFSET = 7 * HOUR;
/** A station clock a little ahead of ours is tolerated; beyond this a reading is refused. */
const FUTURE_TOLERANCE = 10 * 60_000;

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');
const newKey = () => `cds_env_${randomBytes(24).toString('base64url')}`;

const floorHour = (ms: number) => Math.floor(ms / HOUR) * HOUR;
/** Start (UTC ms) of the Vietnam calendar day holding `ms`. */
const vnDayStart = (ms: number) => Math.floor((ms + VN_OFFSET) / DAY) * DAY - VN_OFFSET;

type Hourly = Map<number, repo.ReadingRow[]>;

/** Readings grouped by the hour they fall in (several in one hour are averaged later). */
function byHour(rows: repo.ReadingRow[]): Hourly {
  const m: Hourly = new Map();
  for (const r of rows) {
    const h = floorHour(new Date(r.measured_at).getTime());
    m.set(h, [...(m.get(h) ?? []), r]);
  }
  return m;
}

type Field = 'pm25' | 'pm10' | 'o3' | 'co' | 'so2' | 'no2' | 'water_level' | 'rainfall';

function avg(rows: repo.ReadingRow[] | undefined, f: Field): number | null {
  const xs = (rows ?? []).map((r) => r[f]).filter((x): x is number => x !== null && x !== undefined).map(Number);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

function airHour(rows: repo.ReadingRow[] | undefined): AirHour {
  return { pm25: avg(rows, 'pm25'), pm10: avg(rows, 'pm10'), o3: avg(rows, 'o3'), co: avg(rows, 'co'), so2: avg(rows, 'so2'), no2: avg(rows, 'no2') };
}

/** The 12 hours ending at `hour`, most recent first, as hourlyAqi wants them. */
const last12 = (h: Hourly, hour: number) => Array.from({ length: 12 }, (_, i) => airHour(h.get(hour - i * HOUR)));

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const x = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(x));
}

export interface ParsedCsv {
  byStation: Map<string, S.Reading[]>;
}

const CSV_COLUMNS: Record<string, keyof S.Reading> = {
  pm25: 'pm25', pm10: 'pm10', o3: 'o3', co: 'co', so2: 'so2', no2: 'no2', water_level: 'waterLevel', rainfall: 'rainfall',
};

/**
 * Reads the import CSV: header `station,at,` then any of pm25, pm10, o3, co, so2, no2,
 * water_level, rainfall. Fields are codes, ISO times and numbers, so no quoting is needed;
 * a quoted or malformed line is refused with its line number.
 */
export function parseReadingsCsv(text: string): ParsedCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  for (const need of ['station', 'at']) if (!header.includes(need)) throw invalidField('csv', 'environment.csv_header', { column: need });
  const unknown = header.find((h) => h !== 'station' && h !== 'at' && !(h in CSV_COLUMNS));
  if (unknown !== undefined) throw invalidField('csv', 'environment.csv_header', { column: unknown });
  const byStation = new Map<string, S.Reading[]>();
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const bad = (reason: string) => invalidField('csv', 'environment.csv_row', { line: i + 2, reason });
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== header.length) throw bad(`${cells.length} ô, cần ${header.length}`);
    const reading: Record<string, unknown> = {};
    let station = '';
    header.forEach((h, j) => {
      const cell = cells[j]!;
      if (h === 'station') station = cell;
      else if (h === 'at') {
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(cell) || Number.isNaN(Date.parse(cell))) throw bad(`at "${cell.slice(0, 40)}"`);
        reading.at = cell;
      } else if (cell !== '') {
        const v = Number(cell);
        if (!Number.isFinite(v) || v < (h === 'water_level' ? -100 : 0) || v > 100000) throw bad(`${h} "${cell.slice(0, 40)}"`);
        reading[CSV_COLUMNS[h]!] = v;
      }
    });
    if (!/^[A-Z0-9-]{2,30}$/.test(station)) throw bad(`station "${station.slice(0, 40)}"`);
    byStation.set(station, [...(byStation.get(station) ?? []), reading as S.Reading]);
  });
  return { byStation };
}

export class EnvironmentService {
  private readonly policy: Policy<StationSubject, 'manage'>;

  /** Only what it uses of the platform, so the import command can run it without the app. */
  constructor(private readonly platform: Pick<Platform, 'db' | 'events' | 'audit'>, private readonly deps: { areas: Pick<AreasApi, 'isWithin' | 'getCommune'> }) {
    this.policy = bindPolicy(stationRules, { isWithin: (code, scope) => deps.areas.isWithin(code, scope) }, 'environment.forbidden');
  }

  private get db() {
    return this.platform.db.kysely;
  }

  // ---------------------------------------------------------------- reading

  /** A station as citizens see it, with its state at its newest reading. */
  private async present(row: repo.StationRow, now = Date.now()): Promise<S.Station> {
    const latest = await repo.latestReading(this.db, row.id);
    const base: S.Station = {
      id: row.id, code: row.code, name: row.name, kind: row.kind, lat: Number(row.lat), lon: Number(row.lon), communeCode: row.commune_code,
      alarm1: row.alarm1 === null ? null : Number(row.alarm1), alarm2: row.alarm2 === null ? null : Number(row.alarm2), alarm3: row.alarm3 === null ? null : Number(row.alarm3),
      air: null, river: null, rain24h: null, lastReadingAt: latest ? new Date(latest.measured_at).toISOString() : null,
    };
    if (!latest) return base;
    const lastHour = floorHour(Math.min(new Date(latest.measured_at).getTime(), now));
    if (row.kind === 'air') {
      const h = byHour(await repo.readingsBetween(this.db, row.id, new Date(lastHour - 11 * HOUR), new Date(lastHour + HOUR - 1)));
      const r = hourlyAqi(last12(h, lastHour));
      if (r) base.air = { aqi: r.aqi, band: aqiBand(r.aqi), dominant: r.dominant, at: new Date(lastHour).toISOString() };
    } else if (row.kind === 'water_level' && latest.water_level !== null) {
      const level = Number(latest.water_level);
      base.river = { level: round(level, 2), alarm: alarmLevel(level, base), at: new Date(latest.measured_at).toISOString() };
    } else if (row.kind === 'rainfall') {
      const rows = await repo.readingsBetween(this.db, row.id, new Date(lastHour - 23 * HOUR), new Date(lastHour + HOUR - 1));
      base.rain24h = round(rows.reduce((a, r) => a + Number(r.rainfall ?? 0), 0), 1);
    }
    return base;
  }

  async list(): Promise<S.StationList> {
    const rows = await repo.listStations(this.db);
    return { items: await Promise.all(rows.map((r) => this.present(r))) };
  }

  async station(id: string): Promise<S.Station> {
    const row = await repo.stationById(this.db, id);
    if (!row) throw notFound('environment.not_found');
    return this.present(row);
  }

  /** The nearest station of a kind (air by default) to where the person is. */
  async nearest(q: S.NearestQuery): Promise<S.NearestReply> {
    const kind: StationKind = q.kind ?? 'air';
    const rows = (await repo.listStations(this.db)).filter((r) => r.kind === kind);
    if (rows.length === 0) throw notFound('environment.no_station');
    const ranked = rows.map((r) => ({ r, d: haversineKm(q, { lat: Number(r.lat), lon: Number(r.lon) }) })).sort((a, b) => a.d - b.d);
    const best = ranked[0]!;
    return { station: await this.present(best.r), distanceKm: round(best.d, 1) };
  }

  /**
   * 24 hourly points ending at the current hour, or 30 daily points (Vietnam days) ending
   * today: VN_AQI (hourly or daily) for air, the level (daily: highest) for rivers, rain
   * (daily: total) for rain gauges. An hour or day without data is null.
   */
  async series(id: string, range: '24h' | '30d', now = Date.now()): Promise<S.Series> {
    const row = await repo.stationById(this.db, id);
    if (!row) throw notFound('environment.not_found');
    const thisHour = floorHour(now);
    if (range === '24h') {
      const from = thisHour - 23 * HOUR;
      // NowCast looks 11 hours further back than the first point
      const h = byHour(await repo.readingsBetween(this.db, id, new Date(from - 11 * HOUR), new Date(thisHour + HOUR - 1)));
      const points = Array.from({ length: 24 }, (_, i) => {
        const hour = from + i * HOUR;
        let value: number | null;
        if (row.kind === 'air') value = hourlyAqi(last12(h, hour))?.aqi ?? null;
        else if (row.kind === 'water_level') value = avg(h.get(hour), 'water_level');
        else value = h.has(hour) ? (h.get(hour) ?? []).reduce((a, r) => a + Number(r.rainfall ?? 0), 0) : null;
        return { at: new Date(hour).toISOString(), value: value === null ? null : round(value, 2) };
      });
      return { stationId: id, kind: row.kind, range, points };
    }
    const today = vnDayStart(now);
    const from = today - 29 * DAY;
    const h = byHour(await repo.readingsBetween(this.db, id, new Date(from), new Date(today + DAY - 1)));
    const points = Array.from({ length: 30 }, (_, d) => {
      const dayStart = from + d * DAY;
      const hours = Array.from({ length: 24 }, (_, i) => h.get(dayStart + i * HOUR));
      let value: number | null = null;
      if (row.kind === 'air') value = dailyAqi(hours.map(airHour))?.aqi ?? null;
      else {
        const field: Field = row.kind === 'water_level' ? 'water_level' : 'rainfall';
        const xs = hours.map((rows) => avg(rows, field)).filter((x): x is number => x !== null);
        if (xs.length) value = row.kind === 'water_level' ? Math.max(...xs) : xs.reduce((a, b) => a + b, 0);
      }
      return { at: new Date(dayStart).toISOString(), value: value === null ? null : round(value, 2) };
    });
    return { stationId: id, kind: row.kind, range, points };
  }

  // ---------------------------------------------------------------- stations pushing

  /** The station a key belongs to; 401 without a key or with a wrong one. */
  async stationForKey(authorization: string | undefined): Promise<repo.StationRow> {
    const key = /^Bearer\s+(\S{16,200})$/i.exec(authorization ?? '')?.[1];
    if (!key) throw unauthorized('environment.station_key');
    const row = await repo.stationByKeyHash(this.db, hashKey(key));
    if (!row) throw unauthorized('environment.station_key');
    return row;
  }

  /**
   * Stores a batch of readings of one station. A reading already stored for that time is
   * left as it was (a retry after a lost reply changes nothing); late and out-of-order
   * readings fill their place. When the newest reading of a river station reaches a higher
   * alarm level than the one before, `environment.river_level_crossed` is announced once.
   */
  async ingest(station: repo.StationRow, readings: S.Reading[], field = 'readings', now = Date.now()): Promise<S.IngestReply> {
    const rows: repo.NewReading[] = [];
    const seen = new Set<number>();
    readings.forEach((r, i) => {
      const at = Date.parse(r.at);
            if (Number.isNaN(at) || at > now + FUTURE_TOLERANCE) throw invalidField(`${field}/${i}/at`, 'environment.future');
      // a reading that measures nothing would show as a gap that looks like data
      if ([r.pm25, r.pm10, r.o3, r.co, r.so2, r.no2, r.waterLevel, r.rainfall].every((v) => v === undefined)) throw invalidField(`${field}/${i}`, 'environment.empty_reading');
      // the same time twice in one batch counts as a duplicate, like a retry
      if (seen.has(at)) return;
      seen.add(at);
      rows.push({
        station_id: station.id, measured_at: new Date(at),
        pm25: r.pm25 ?? null, pm10: r.pm10 ?? null, o3: r.o3 ?? null, co: r.co ?? null, so2: r.so2 ?? null, no2: r.no2 ?? null,
        water_level: r.waterLevel ?? null, rainfall: r.rainfall ?? null,
      });
    });
    return this.db.transaction().execute(async (trx) => {
      const accepted = await repo.insertReadings(trx, rows);
      if (station.kind === 'water_level') await this.checkAlarm(trx, station.id);
      return { accepted, duplicates: readings.length - accepted };
    });
  }

  private async checkAlarm(trx: repo.Db, stationId: string): Promise<void> {
    const s = await repo.stationById(trx, stationId, true);
    const latest = await repo.latestReading(trx, stationId);
    if (!s || !latest || latest.water_level === null) return;
    const at = new Date(latest.measured_at);
    // only a newer reading moves the state: late data fills the chart but does not re-alarm
    if (s.alarm_state_at && new Date(s.alarm_state_at).getTime() >= at.getTime()) return;
    const level = Number(latest.water_level);
    const alarms = { alarm1: s.alarm1 === null ? null : Number(s.alarm1), alarm2: s.alarm2 === null ? null : Number(s.alarm2), alarm3: s.alarm3 === null ? null : Number(s.alarm3) };
    const state = alarmLevel(level, alarms);
    if (state > s.alarm_state) {
      await this.platform.events.publish(trx, RIVER_LEVEL_CROSSED, s.id, {
        stationId: s.id, stationCode: s.code, stationName: s.name, communeCode: s.commune_code,
        lat: Number(s.lat), lon: Number(s.lon),
        alarm: state, previousAlarm: s.alarm_state, level, alarmLevel: alarms[`alarm${state}` as 'alarm1'], measuredAt: at.toISOString(),
      });
    }
    await repo.setAlarmState(trx, s.id, state, at);
  }

  // ---------------------------------------------------------------- staff

  async createStation(p: Principal, input: S.StationInput): Promise<S.StationWithKey> {
    if (!this.deps.areas.getCommune(input.communeCode)) throw invalidField('communeCode', 'environment.unknown_commune');
    this.policy.authorize(p, 'manage', { areaCode: input.communeCode });
    const key = newKey();
    const row = await this.db.transaction().execute(async (trx) => {
      const inserted = await repo.insertStation(trx, {
        code: input.code, name: input.name, kind: input.kind, lat: input.lat, lon: input.lon, commune_code: input.communeCode,
        alarm1: input.alarm1 ?? null, alarm2: input.alarm2 ?? null, alarm3: input.alarm3 ?? null, key_hash: hashKey(key), alarm_state_at: null,
      });
      if (!inserted) throw conflict('environment.code_taken');
      await this.platform.audit.record({ actorUserId: p.userId, action: 'environment.station_created', subjectType: 'env_station', subjectId: inserted.id, details: { code: input.code } }, trx);
      return inserted;
    });
    return { station: await this.present(row), key };
  }

  /** A new key for a station (the old one stops working at once). */
  async rotateKey(p: Principal, id: string): Promise<S.StationWithKey> {
    const row = await repo.stationById(this.db, id);
    if (!row) throw notFound('environment.not_found');
    this.policy.authorize(p, 'manage', { areaCode: row.commune_code });
    const key = newKey();
    await this.db.transaction().execute(async (trx) => {
      await repo.setKeyHash(trx, id, hashKey(key));
      await this.platform.audit.record({ actorUserId: p.userId, action: 'environment.key_rotated', subjectType: 'env_station', subjectId: id, details: { code: row.code } }, trx);
    });
    return { station: await this.present(row), key };
  }

  /** Imports readings from CSV for stations the person manages (or, from the command line, any: p = null). */
  async importCsv(p: Principal | null, csv: string): Promise<S.CsvImportReply> {
    const { byStation } = parseReadingsCsv(csv);
    const stations = new Map<string, repo.StationRow>();
    for (const code of byStation.keys()) {
      const row = await repo.stationByCode(this.db, code);
      if (!row) throw invalidField('csv', 'environment.csv_station', { code });
      if (p) this.policy.authorize(p, 'manage', { areaCode: row.commune_code });
      stations.set(code, row);
    }
    let accepted = 0;
    let duplicates = 0;
    for (const [code, readings] of byStation) {
      const r = await this.ingest(stations.get(code)!, readings, 'csv');
      accepted += r.accepted;
      duplicates += r.duplicates;
    }
    if (p) await this.platform.audit.record({ actorUserId: p.userId, action: 'environment.csv_imported', subjectType: 'env_station', details: { stations: [...byStation.keys()], accepted } });
    return { accepted, duplicates };
  }
}

