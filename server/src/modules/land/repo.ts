// All SQL of the land module: parcels (thửa đất), zoning plans and zones, their tiles.
import { sql, type Generated, type JSONColumnType, type Kysely, type Selectable } from 'kysely';
import type { ImportReply } from '@cds/contracts/land';
import { encodeLayer, tileBoundsSql, tileGeometrySql, type TileGeometry } from '../../platform/mvt.ts';

export type Db = Kysely<object>;

/** One land-use entry of a parcel as stored: today's code, the source's older code, the area. */
export interface StoredLandUse {
  code: string;
  legacyCode: string | null;
  areaM2: number;
}

export interface ParcelTable {
  id: Generated<string>;
  commune_code: string;
  former_commune_code: string | null;
  key_commune: Generated<string>;
  sheet: number;
  parcel: number;
  area_m2: number;
  address: string | null;
  land_uses: JSONColumnType<StoredLandUse[], string, string>;
  geom: unknown;
  source_geom: unknown;
  source_srid: number;
  synthetic: Generated<boolean>;
  source: string;
  search_text: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlanTable {
  id: Generated<string>;
  name: string;
  decision_number: string;
  decision_date: string;
  synthetic: Generated<boolean>;
  source: string;
  status: Generated<'draft' | 'published'>;
  imported_by: string | null;
  published_by: string | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ZoneTable {
  id: Generated<string>;
  plan_id: string;
  zone_code: string;
  land_use_code: string;
  building_density_pct: number | null;
  max_floors: number | null;
  geom: unknown;
  source_geom: unknown;
  source_srid: number;
  updated_at: Generated<Date>;
}

export type ImportRunState = 'reading' | 'done' | 'failed';

export interface ImportRunTable {
  id: string;
  started_by: string;
  kind: 'parcels' | 'zones';
  file_name: string;
  state: Generated<ImportRunState>;
  read: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  rejected: Generated<number>;
  report: JSONColumnType<ImportReply | null, string | null, string | null>;
  failure_code: string | null;
  failure_params: JSONColumnType<Record<string, string | number> | null, string | null, string | null>;
  started_at: Generated<Date>;
  updated_at: Generated<Date>;
  finished_at: Date | null;
}

type Tables = {
  land_parcels: ParcelTable;
  land_zoning_plans: PlanTable;
  land_zoning_zones: ZoneTable;
  land_import_runs: ImportRunTable;
};

const t = (db: Db) => db.withTables<Tables>();

export type PlanRow = Selectable<PlanTable>;
export type ImportRunRow = Selectable<ImportRunTable>;

/** A parcel as the service reads it: columns plus its centre and (when asked) outline. */
export interface ParcelRow {
  id: string;
  commune_code: string;
  former_commune_code: string | null;
  sheet: number;
  parcel: number;
  area_m2: number;
  address: string | null;
  land_uses: StoredLandUse[];
  synthetic: boolean;
  source: string;
  updated_at: Date;
  lat: number;
  lon: number;
  geometry: string | null;
}

const parcelColumns = (withGeometry: boolean) => sql`p.id, p.commune_code, p.former_commune_code, p.sheet, p.parcel, p.area_m2, p.address,
  p.land_uses, p.synthetic, p.source, p.updated_at,
  ST_Y(ST_PointOnSurface(p.geom)) AS lat, ST_X(ST_PointOnSurface(p.geom)) AS lon,
  ${withGeometry ? sql`ST_AsGeoJSON(p.geom, 7)` : sql`NULL`} AS geometry`;

// the columns are named one by one: a row read with its zoning carries the zones' columns too
const normalise = (r: ParcelRow): ParcelRow => ({
  id: r.id,
  commune_code: r.commune_code,
  former_commune_code: r.former_commune_code,
  sheet: r.sheet,
  parcel: r.parcel,
  area_m2: Number(r.area_m2),
  address: r.address,
  land_uses: typeof r.land_uses === 'string' ? (JSON.parse(r.land_uses) as StoredLandUse[]) : r.land_uses,
  synthetic: r.synthetic,
  source: r.source,
  updated_at: r.updated_at,
  lat: Number(r.lat),
  lon: Number(r.lon),
  geometry: r.geometry,
});

/** A parcel and the zones of published plans overlapping it: what its sheet shows. */
export interface ParcelWithZoning {
  parcel: ParcelRow;
  zoning: ZoningRow[];
}

type ParcelZoningRow = ParcelRow & { [K in keyof ZoningRow as `z_${K}`]: ZoningRow[K] | null };

/**
 * One parcel (the smallest matching `where`, so a parcel drawn inside another wins) with its
 * zoning, in one statement. The zones are a LATERAL subquery fenced by OFFSET 0 so the planner
 * compares them with the one parcel's outline as a parameter: planned as a join of the two
 * tables, PostGIS estimates the && join selectivity from both tables' statistics, which cost
 * more than the lookup itself (about 8 ms of planning on PGlite at 1,000,000 parcels).
 */
async function parcelWithZoning(db: Db, where: ReturnType<typeof sql>): Promise<ParcelWithZoning | undefined> {
  const res = await sql<ParcelZoningRow>`
    SELECT p.id, p.commune_code, p.former_commune_code, p.sheet, p.parcel, p.area_m2, p.address, p.land_uses, p.synthetic,
      p.source, p.updated_at, p.lat, p.lon, p.geometry,
      zz.plan_id AS z_plan_id, zz.plan_name AS z_plan_name, zz.decision_number AS z_decision_number,
      zz.decision_date AS z_decision_date, zz.synthetic AS z_synthetic, zz.zone_code AS z_zone_code,
      zz.land_use_code AS z_land_use_code, zz.building_density_pct AS z_building_density_pct,
      zz.max_floors AS z_max_floors, zz.overlap_m2 AS z_overlap_m2
    FROM (SELECT ${parcelColumns(true)}, p.geom AS outline FROM land_parcels p WHERE ${where} ORDER BY p.area_m2, p.id LIMIT 1) p
    LEFT JOIN LATERAL (
      SELECT pl.id AS plan_id, pl.name AS plan_name, pl.decision_number, to_char(pl.decision_date, 'YYYY-MM-DD') AS decision_date,
        pl.synthetic, z.zone_code, z.land_use_code, z.building_density_pct, z.max_floors,
        ST_Area(ST_Intersection(z.geom, p.outline)::geography) AS overlap_m2, pl.decision_date AS decided
      FROM land_zoning_zones z JOIN land_zoning_plans pl ON pl.id = z.plan_id AND pl.status = 'published'
      WHERE z.geom && p.outline AND ST_Intersects(z.geom, p.outline)
      OFFSET 0
    ) zz ON true
    ORDER BY zz.overlap_m2 DESC NULLS LAST, zz.decided DESC`.execute(db);
  const first = res.rows[0];
  if (!first) return undefined;
  const zoning = res.rows.flatMap((r): ZoningRow[] => (r.z_plan_id === null ? [] : [{
    plan_id: r.z_plan_id,
    plan_name: r.z_plan_name!,
    decision_number: r.z_decision_number!,
    decision_date: r.z_decision_date!,
    synthetic: r.z_synthetic!,
    zone_code: r.z_zone_code!,
    land_use_code: r.z_land_use_code!,
    building_density_pct: r.z_building_density_pct === null ? null : Number(r.z_building_density_pct),
    max_floors: r.z_max_floors,
    overlap_m2: Number(r.z_overlap_m2),
  }]))
    // a shared edge is not an overlap
    .filter((z) => z.overlap_m2 >= 0.5);
  return { parcel: normalise(first), zoning };
}

/** The parcel under a point (a tap or GPS) with its zoning. */
export async function parcelAt(db: Db, lon: number, lat: number): Promise<ParcelWithZoning | undefined> {
  return parcelWithZoning(db, sql`ST_Covers(p.geom, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326))`);
}

/** A parcel by id with its zoning. */
export async function parcelSheetById(db: Db, id: string): Promise<ParcelWithZoning | undefined> {
  return parcelWithZoning(db, sql`p.id = ${id}::uuid`);
}

export async function parcelById(db: Db, id: string): Promise<ParcelRow | undefined> {
  const res = await sql<ParcelRow>`SELECT ${parcelColumns(true)} FROM land_parcels p WHERE p.id = ${id}::uuid`.execute(db);
  return res.rows[0] && normalise(res.rows[0]);
}

export interface KeyFilter {
  /** today's or a former commune code */
  commune?: string;
  sheet?: number;
  parcel?: number;
}

/**
 * A page of parcels and how many match (counted up to 10,000). A page shorter than asked for is
 * every match, so the count is only read when the page is full: a whole key finds one parcel in
 * one round trip.
 */
async function pageWithTotal(db: Db, where: ReturnType<typeof sql>, limit: number): Promise<{ rows: ParcelRow[]; total: number }> {
  const rows = (await sql<ParcelRow>`SELECT ${parcelColumns(false)} FROM land_parcels p WHERE ${where}
    ORDER BY p.commune_code, p.key_commune, p.sheet, p.parcel LIMIT ${limit}`.execute(db)).rows.map(normalise);
  if (rows.length < limit) return { rows, total: rows.length };
  const count = await sql<{ n: string }>`SELECT count(*) AS n FROM (SELECT 1 FROM land_parcels p WHERE ${where} LIMIT 10000) q`.execute(db);
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function searchByKey(db: Db, f: KeyFilter, limit: number): Promise<{ rows: ParcelRow[]; total: number }> {
  const where = sql.join([
    f.commune !== undefined ? sql`(p.commune_code = ${f.commune} OR p.key_commune = ${f.commune})` : sql`true`,
    f.sheet !== undefined ? sql`p.sheet = ${f.sheet}` : sql`true`,
    f.parcel !== undefined ? sql`p.parcel = ${f.parcel}` : sql`true`,
  ], sql` AND `);
  return pageWithTotal(db, where, limit);
}

/** Parcels whose search text (address, commune, former commune, folded) holds every word at a word's start, and the key parts given. */
export async function searchByText(db: Db, f: KeyFilter & { words: string[] }, limit: number): Promise<{ rows: ParcelRow[]; total: number }> {
  const where = sql.join([
    // a word matches at the start of a word ("trieu" in "ba trieu"); a number only whole ("1" is not "12")
    ...f.words.map((w) => sql`p.search_text LIKE ${/^[0-9]+$/.test(w) ? `% ${w} %` : `% ${w.replace(/[%_\\]/g, '')}%`}`),
    f.commune !== undefined ? sql`(p.commune_code = ${f.commune} OR p.key_commune = ${f.commune})` : sql`true`,
    f.sheet !== undefined ? sql`p.sheet = ${f.sheet}` : sql`true`,
    f.parcel !== undefined ? sql`p.parcel = ${f.parcel}` : sql`true`,
  ], sql` AND `);
  return pageWithTotal(db, where, limit);
}

export interface ZoningRow {
  plan_id: string;
  plan_name: string;
  decision_number: string;
  decision_date: string;
  synthetic: boolean;
  zone_code: string;
  land_use_code: string;
  building_density_pct: number | null;
  max_floors: number | null;
  overlap_m2: number;
}

/** Plans with their zone counts: the published ones (what citizens see), or all of them (staff). */
export async function plans(db: Db, which: 'published' | 'all', id?: string): Promise<(PlanRow & { zones: number })[]> {
  const res = await sql<PlanRow & { zones: string }>`
    SELECT pl.id, pl.name, pl.decision_number, to_char(pl.decision_date, 'YYYY-MM-DD') AS decision_date, pl.synthetic, pl.source,
      pl.status, pl.imported_by, pl.published_by, pl.published_at,
      pl.created_at, pl.updated_at, (SELECT count(*) FROM land_zoning_zones z WHERE z.plan_id = pl.id) AS zones
    FROM land_zoning_plans pl
    WHERE ${which === 'published' ? sql`pl.status = 'published'` : sql`true`} AND ${id ? sql`pl.id = ${id}::uuid` : sql`true`}
    ORDER BY pl.status, pl.decision_date DESC, pl.name`.execute(db);
  return res.rows.map((r) => ({ ...r, zones: Number(r.zones) }));
}

/** Every zone of a plan as one GeoJSON geometry (lon/lat), or null for a plan without zones. */
export async function planOutline(db: Db, planId: string): Promise<string | null> {
  const res = await sql<{ g: string | null }>`SELECT ST_AsGeoJSON(ST_Collect(geom), 6) AS g FROM land_zoning_zones WHERE plan_id = ${planId}::uuid`.execute(db);
  return res.rows[0]?.g ?? null;
}

export async function zoneLandUses(db: Db): Promise<string[]> {
  const res = await t(db).selectFrom('land_zoning_zones as z').innerJoin('land_zoning_plans as pl', 'pl.id', 'z.plan_id')
    .where('pl.status', '=', 'published').select('z.land_use_code').distinct().orderBy('z.land_use_code').execute();
  return res.map((r) => r.land_use_code);
}

/** Publishes a draft plan with its decision; false when it was not a draft any more (someone was first). */
export async function publishPlan(db: Db, id: string, p: { decisionNumber: string; decisionDate: string; by: string }): Promise<boolean> {
  const res = await t(db).updateTable('land_zoning_plans')
    .set({ status: 'published', decision_number: p.decisionNumber, decision_date: p.decisionDate, published_by: p.by, published_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Marks a plan published without a second officer: demo plans only, generated at seed. */
export async function markPublished(db: Db, id: string): Promise<void> {
  await t(db).updateTable('land_zoning_plans').set({ status: 'published', published_at: sql`now()` }).where('id', '=', id).execute();
}

export async function planByDecision(db: Db, decisionNumber: string): Promise<PlanRow | undefined> {
  return t(db).selectFrom('land_zoning_plans').selectAll().where('decision_number', '=', decisionNumber).executeTakeFirst();
}

/** Creates a plan as a draft, or turns it back into a draft when its zones are imported again: changed zones are published anew. */
export async function upsertPlan(db: Db, plan: { name: string; decisionNumber: string; decisionDate: string; synthetic: boolean; source: string; importedBy: string | null }): Promise<string> {
  const row = await t(db).insertInto('land_zoning_plans')
    .values({ name: plan.name, decision_number: plan.decisionNumber, decision_date: plan.decisionDate, synthetic: plan.synthetic, source: plan.source, imported_by: plan.importedBy })
    .onConflict((oc) => oc.column('decision_number').doUpdateSet({
      name: plan.name, decision_date: plan.decisionDate, updated_at: sql`now()`,
      status: 'draft', imported_by: plan.importedBy, published_by: null, published_at: null,
    }))
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A feature ready to store: WGS 84 and source geometries as GeoJSON text. */
export interface ParcelInput {
  communeCode: string;
  formerCommuneCode: string | null;
  sheet: number;
  parcel: number;
  areaM2: number | null;
  address: string | null;
  landUses: StoredLandUse[];
  geometry: string;
  sourceGeometry: string;
  sourceSrid: number;
  synthetic: boolean;
  source: string;
  /** parcelSearchText of its address and place names */
  searchText: string;
}

export interface ZoneInput {
  zoneCode: string;
  landUseCode: string;
  buildingDensityPct: number | null;
  maxFloors: number | null;
  geometry: string;
  sourceGeometry: string;
  sourceSrid: number;
}

/** Why each of these GeoJSON geometries is not a valid polygon (by position); valid ones are absent. */
export async function invalidGeometries(db: Db, geometries: string[]): Promise<Map<number, string>> {
  if (geometries.length === 0) return new Map();
  const res = await sql<{ i: number; reason: string }>`
    SELECT (g.ord - 1)::int AS i, ST_IsValidReason(ST_GeomFromGeoJSON(g.value)) AS reason
    FROM jsonb_array_elements_text(${JSON.stringify(geometries)}::jsonb) WITH ORDINALITY AS g(value, ord)
    WHERE NOT ST_IsValid(ST_GeomFromGeoJSON(g.value)) OR ST_IsEmpty(ST_GeomFromGeoJSON(g.value))`.execute(db);
  return new Map(res.rows.map((r) => [Number(r.i), r.reason]));
}

/** Inserts parcels or updates them by key (former or today's commune, sheet, parcel); counts each. */
export async function upsertParcels(db: Db, items: ParcelInput[]): Promise<{ inserted: number; updated: number }> {
  if (items.length === 0) return { inserted: 0, updated: 0 };
  const res = await sql<{ inserted: boolean }>`
    INSERT INTO land_parcels (commune_code, former_commune_code, sheet, parcel, area_m2, address, land_uses, geom, source_geom, source_srid, synthetic, source, search_text)
    SELECT r."communeCode", r."formerCommuneCode", r.sheet, r.parcel,
      COALESCE(r."areaM2", ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326)::geography)),
      r.address, r."landUses", ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326)),
      ST_SetSRID(ST_GeomFromGeoJSON(r."sourceGeometry"), r."sourceSrid"), r."sourceSrid", r.synthetic, r.source, r."searchText"
    FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS r("communeCode" text, "formerCommuneCode" text, sheet int, parcel int,
      "areaM2" float8, address text, "landUses" jsonb, geometry text, "sourceGeometry" text, "sourceSrid" int, synthetic boolean, source text, "searchText" text)
    ON CONFLICT (key_commune, sheet, parcel) DO UPDATE SET
      commune_code = EXCLUDED.commune_code, area_m2 = EXCLUDED.area_m2, address = EXCLUDED.address, land_uses = EXCLUDED.land_uses,
      geom = EXCLUDED.geom, source_geom = EXCLUDED.source_geom, source_srid = EXCLUDED.source_srid, source = EXCLUDED.source,
      search_text = EXCLUDED.search_text, updated_at = now()
    RETURNING (xmax = 0) AS inserted`.execute(db);
  const inserted = res.rows.filter((r) => r.inserted).length;
  return { inserted, updated: res.rows.length - inserted };
}

export async function upsertZones(db: Db, planId: string, items: ZoneInput[]): Promise<{ inserted: number; updated: number }> {
  if (items.length === 0) return { inserted: 0, updated: 0 };
  const res = await sql<{ inserted: boolean }>`
    INSERT INTO land_zoning_zones (plan_id, zone_code, land_use_code, building_density_pct, max_floors, geom, source_geom, source_srid)
    SELECT ${planId}::uuid, r."zoneCode", r."landUseCode", r."buildingDensityPct", r."maxFloors",
      ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326)), ST_SetSRID(ST_GeomFromGeoJSON(r."sourceGeometry"), r."sourceSrid"), r."sourceSrid"
    FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS r("zoneCode" text, "landUseCode" text, "buildingDensityPct" float8,
      "maxFloors" int, geometry text, "sourceGeometry" text, "sourceSrid" int)
    ON CONFLICT (plan_id, zone_code) DO UPDATE SET land_use_code = EXCLUDED.land_use_code, building_density_pct = EXCLUDED.building_density_pct,
      max_floors = EXCLUDED.max_floors, geom = EXCLUDED.geom, source_geom = EXCLUDED.source_geom, source_srid = EXCLUDED.source_srid, updated_at = now()
    RETURNING (xmax = 0) AS inserted`.execute(db);
  const inserted = res.rows.filter((r) => r.inserted).length;
  return { inserted, updated: res.rows.length - inserted };
}

export async function countSynthetic(db: Db): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM land_parcels WHERE synthetic`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Layers 'parcels' (from zoom 15, where a parcel is a few pixels) and 'zoning' (from zoom 12) of one tile. */
export async function landTile(db: Db, z: number, x: number, y: number, maxParcels: number): Promise<Buffer> {
  const layers: Buffer[] = [];
  if (z >= 12) {
    const zones = await sql<{ zone_code: string; land_use_code: string; plan_id: string; max_floors: number | null; building_density_pct: number | null; g: string }>`
      SELECT z.zone_code, z.land_use_code, z.plan_id, z.max_floors, z.building_density_pct, ${tileGeometrySql(sql`z.geom`, z, x, y)} AS g
      FROM land_zoning_zones z JOIN land_zoning_plans pl ON pl.id = z.plan_id AND pl.status = 'published'
      WHERE z.geom && ${tileBoundsSql(z, x, y)}`.execute(db);
    layers.push(encodeLayer('zoning', zones.rows.map((r) => ({
      geometry: JSON.parse(r.g) as TileGeometry,
      properties: { zone: r.zone_code, use: r.land_use_code, plan: r.plan_id, floors: r.max_floors, density: r.building_density_pct === null ? null : Number(r.building_density_pct) },
    }))));
  }
  if (z >= 15) {
    // not simplified: at z15 half a tile unit is 15 cm, closer than surveyed vertices stand, so
    // simplifying (GEOS, per parcel) cost a quarter of the tile's time and removed nothing the
    // encoder's rounding to tile units does not
    const parcels = await sql<{ id: string; sheet: number; parcel: number; use: string | null; g: string }>`
      SELECT p.id, p.sheet, p.parcel, p.land_uses->0->>'code' AS use, ${tileGeometrySql(sql`p.geom`, z, x, y, 16, { simplify: false })} AS g
      FROM land_parcels p WHERE p.geom && ${tileBoundsSql(z, x, y)} LIMIT ${maxParcels}`.execute(db);
    layers.push(encodeLayer('parcels', parcels.rows.map((r) => ({
      geometry: JSON.parse(r.g) as TileGeometry,
      properties: { id: r.id, sheet: r.sheet, parcel: r.parcel, label: `${r.sheet}/${r.parcel}`, use: r.use },
    }))));
  }
  return Buffer.concat(layers);
}

/** Outlines near a parcel for the map extract of its sheet: other parcels and zoning zones within `metres`. */
export async function surroundings(db: Db, parcelId: string, metres: number): Promise<{ kind: 'parcel' | 'zone'; use: string | null; label: string; g: string }[]> {
  const res = await sql<{ kind: 'parcel' | 'zone'; use: string | null; label: string; g: string }>`
    WITH box AS (SELECT ST_Expand(p.geom, ${metres / 100_000}::float8) AS b FROM land_parcels p WHERE p.id = ${parcelId}::uuid)
    SELECT 'zone' AS kind, z.land_use_code AS use, z.zone_code AS label, ST_AsGeoJSON(ST_Intersection(z.geom, box.b), 7) AS g
      FROM land_zoning_zones z JOIN land_zoning_plans pl ON pl.id = z.plan_id AND pl.status = 'published', box WHERE z.geom && box.b
    UNION ALL
    SELECT 'parcel', NULL, p.parcel::text, ST_AsGeoJSON(p.geom, 7)
      FROM land_parcels p, box WHERE p.geom && box.b AND p.id <> ${parcelId}::uuid
    LIMIT 400`.execute(db);
  return res.rows;
}

export async function updateParcel(db: Db, id: string, patch: { landUses?: StoredLandUse[]; areaM2?: number; address?: string | null; searchText?: string }): Promise<void> {
  await t(db).updateTable('land_parcels').set({
    ...(patch.searchText !== undefined ? { search_text: patch.searchText } : {}),
    ...(patch.landUses ? { land_uses: JSON.stringify(patch.landUses) } : {}),
    ...(patch.areaM2 !== undefined ? { area_m2: patch.areaM2 } : {}),
    ...(patch.address !== undefined ? { address: patch.address } : {}),
    updated_at: sql`now()`,
  }).where('id', '=', id).execute();
}

/** Whether the administrative units are in the database (the server seeds them at its first start). */
export async function communesLoaded(db: Db): Promise<boolean> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM (SELECT 1 FROM communes LIMIT 1) q`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

// ------------------------------------------------------------ import runs

/** Starts a run; false when the id is taken already (another upload chose it). */
export async function insertImportRun(db: Db, run: { id: string; startedBy: string; kind: 'parcels' | 'zones'; fileName: string }): Promise<boolean> {
  const res = await t(db).insertInto('land_import_runs')
    .values({ id: run.id, started_by: run.startedBy, kind: run.kind, file_name: run.fileName, report: null, failure_code: null, failure_params: null, finished_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id').executeTakeFirst();
  return res !== undefined;
}

export async function importRunExists(db: Db, id: string): Promise<boolean> {
  return (await t(db).selectFrom('land_import_runs').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The counts after a batch; only while the run is reading, so a late batch never undoes its end. */
export async function updateImportRunCounts(db: Db, id: string, c: { read: number; inserted: number; updated: number; rejected: number }): Promise<void> {
  await t(db).updateTable('land_import_runs')
    .set({ read: c.read, inserted: c.inserted, updated: c.updated, rejected: c.rejected, updated_at: sql`now()` })
    .where('id', '=', id).where('state', '=', 'reading').execute();
}

export async function finishImportRun(db: Db, id: string, end:
  | { state: 'done'; counts: { read: number; inserted: number; updated: number; rejected: number }; report: ImportReply }
  | { state: 'failed'; failureCode: string; failureParams: Record<string, string | number> }): Promise<void> {
  const set = end.state === 'done'
    ? { state: 'done' as const, ...end.counts, report: JSON.stringify(end.report) }
    : { state: 'failed' as const, failure_code: end.failureCode, failure_params: JSON.stringify(end.failureParams) };
  await t(db).updateTable('land_import_runs').set({ ...set, updated_at: sql`now()`, finished_at: sql`now()` })
    .where('id', '=', id).where('state', '=', 'reading').execute();
}

/** jsonb as the driver gave it: parsed by pg and PGlite, text should a driver leave it so. */
const fromJson = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export async function importRun(db: Db, id: string): Promise<ImportRunRow | undefined> {
  const row = await t(db).selectFrom('land_import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...row, report: fromJson(row.report), failure_params: fromJson(row.failure_params) };
}

/** A person's latest runs, newest first, without their reports. */
export async function importRunsBy(db: Db, userId: string, limit: number): Promise<Omit<ImportRunRow, 'report'>[]> {
  return t(db).selectFrom('land_import_runs')
    .select(['id', 'started_by', 'kind', 'file_name', 'state', 'read', 'inserted', 'updated', 'rejected', 'failure_code', 'failure_params', 'started_at', 'updated_at', 'finished_at'])
    .where('started_by', '=', userId).orderBy('started_at', 'desc').orderBy('id').limit(limit).execute()
    .then((rows) => rows.map((r) => ({ ...r, failure_params: fromJson(r.failure_params) })));
}
