// SQL of environment monitoring: stations (with the hash of their key) and readings.
import { sql, type Generated, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { StationKind } from '@cds/contracts/environment.rules';

export interface StationTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: StationKind;
  lat: number;
  lon: number;
  commune_code: string | null;
  alarm1: number | null;
  alarm2: number | null;
  alarm3: number | null;
  key_hash: string;
  alarm_state: Generated<number>;
  alarm_state_at: Date | null;
  created_at: Generated<Date>;
}

export interface ReadingTable {
  station_id: string;
  measured_at: Date;
  pm25: number | null;
  pm10: number | null;
  o3: number | null;
  co: number | null;
  so2: number | null;
  no2: number | null;
  water_level: number | null;
  rainfall: number | null;
  received_at: Generated<Date>;
}

type Tables = { env_stations: StationTable; env_readings: ReadingTable };

export type StationRow = Selectable<StationTable>;
export type NewStation = Insertable<StationTable>;
export type ReadingRow = Selectable<ReadingTable>;
export type NewReading = Insertable<ReadingTable>;
export type Db = Kysely<object>;

const t = (db: Db) => db.withTables<Tables>();

export async function listStations(db: Db): Promise<StationRow[]> {
  return t(db).selectFrom('env_stations').selectAll().orderBy('kind').orderBy('name').execute();
}

export async function stationById(db: Db, id: string, forUpdate = false): Promise<StationRow | undefined> {
  let q = t(db).selectFrom('env_stations').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function stationByCode(db: Db, code: string): Promise<StationRow | undefined> {
  return t(db).selectFrom('env_stations').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function stationByKeyHash(db: Db, hash: string): Promise<StationRow | undefined> {
  return t(db).selectFrom('env_stations').selectAll().where('key_hash', '=', hash).executeTakeFirst();
}

export async function stationsByCodes(db: Db, codes: readonly string[]): Promise<StationRow[]> {
  if (codes.length === 0) return [];
  return t(db).selectFrom('env_stations').selectAll().where('code', 'in', codes).execute();
}

/**
 * Per station, the readings on whole hours from `from` to `to` (inclusive) and the newest of
 * them: the demo seed's check of what its series already holds.
 */
export async function hourlyCoverage(db: Db, stationIds: readonly string[], from: Date, to: Date): Promise<Map<string, { count: number; newest: Date }>> {
  if (stationIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('env_readings')
    .select(['station_id', sql<number>`count(*)::int`.as('n'), sql<Date>`max(measured_at)`.as('newest')])
    .where('station_id', 'in', stationIds).where('measured_at', '>=', from).where('measured_at', '<=', to)
    .where(sql<boolean>`extract(epoch from measured_at)::bigint % 3600 = 0`)
    .groupBy('station_id').execute();
  return new Map(rows.map((r) => [r.station_id, { count: r.n, newest: new Date(r.newest) }]));
}

export async function insertStation(db: Db, s: NewStation): Promise<StationRow | undefined> {
  return t(db).insertInto('env_stations').values(s).onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
}

export async function setKeyHash(db: Db, id: string, hash: string): Promise<void> {
  await t(db).updateTable('env_stations').set({ key_hash: hash }).where('id', '=', id).execute();
}

export async function setAlarmState(db: Db, id: string, state: number, at: Date): Promise<void> {
  await t(db).updateTable('env_stations').set({ alarm_state: state, alarm_state_at: at }).where('id', '=', id).execute();
}

/** Inserts readings; one already stored for that station and time is left as it was. Returns how many were new. */
export async function insertReadings(db: Db, rows: NewReading[]): Promise<number> {
  let inserted = 0;
  // bounded statements: a CSV of a month of several stations is thousands of rows
  for (let i = 0; i < rows.length; i += 500) {
    const res = await t(db)
      .insertInto('env_readings')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['station_id', 'measured_at']).doNothing())
      .returning('measured_at')
      .execute();
    inserted += res.length;
  }
  return inserted;
}

export async function readingsBetween(db: Db, stationId: string, from: Date, to: Date): Promise<ReadingRow[]> {
  return t(db)
    .selectFrom('env_readings')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('measured_at', '>=', from)
    .where('measured_at', '<=', to)
    .orderBy('measured_at')
    .execute();
}

export async function latestReading(db: Db, stationId: string): Promise<ReadingRow | undefined> {
  return t(db).selectFrom('env_readings').selectAll().where('station_id', '=', stationId).orderBy('measured_at', 'desc').limit(1).executeTakeFirst();
}

/** The latest reading time of every station, in one query. */
export async function latestTimes(db: Db): Promise<Map<string, Date>> {
  const { rows } = await sql<{ station_id: string; at: Date | string }>`SELECT station_id, max(measured_at) AS at FROM env_readings GROUP BY station_id`.execute(db);
  return new Map(rows.map((r) => [r.station_id, new Date(r.at)]));
}
