// SQL of the areas module: administrative units, boundaries, agencies, staff memberships.
import { encodeLayer, tileBoundsSql, tileGeometrySql, type TileGeometry } from '../../platform/mvt.ts';
import { createHash } from 'node:crypto';
import { sql, type Generated, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { AgencyKind, StaffRole } from '@cds/contracts';
import type { Commune, CommuneType, Province } from './admin-units.ts';

type Executor = Kysely<object>;

export { AGENCY_KINDS, type AgencyKind } from '@cds/contracts';

export interface ProvinceTable {
  code: string;
  name: string;
}

export interface CommuneTable {
  code: string;
  name: string;
  type: CommuneType;
  province_code: string;
}

export interface CommuneBoundaryTable {
  commune_code: string;
  geom: unknown;
  synthetic: boolean;
  source: string;
  updated_at: Generated<Date>;
}

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string;
  kind: AgencyKind;
  parent_id: string | null;
  area_code: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  electronic_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MembershipTable {
  id: Generated<string>;
  user_id: string;
  role: StaffRole;
  agency_id: string | null;
  area_code: string | null;
  granted_by: string | null;
  granted_at: Generated<Date>;
  revoked_at: Date | null;
  revoked_by: string | null;
}

type Tables = {
  provinces: ProvinceTable;
  communes: CommuneTable;
  commune_boundaries: CommuneBoundaryTable;
  agencies: AgencyTable;
  staff_memberships: MembershipTable;
};

const AGENCY_COLUMNS = ['id', 'code', 'name', 'short_name', 'kind', 'parent_id', 'area_code', 'address', 'phone', 'email', 'electronic_id'] as const;
export type AgencyRow = Pick<Selectable<AgencyTable>, (typeof AGENCY_COLUMNS)[number]>;
/** A membership with the name of its agency. */
export type MembershipRow = Selectable<MembershipTable> & { agency_name: string | null };

/** An agency as a pack file declares it. */
export type PackAgency = {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  parentCode: string | null;
  areaCode: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  electronicId: string | null;
};

export type LocatedRow = Pick<CommuneTable, 'code' | 'name' | 'type' | 'province_code'> & Pick<CommuneBoundaryTable, 'synthetic'>;
/** A boundary with its commune, the geometry as GeoJSON text. */
export type BoundaryRow = Pick<CommuneTable, 'code' | 'name' | 'type'> & Pick<CommuneBoundaryTable, 'synthetic' | 'source'> & { geometry: string };

// ------------------------------------------------------------ units and boundaries (any executor: seeding and imports run in transactions)

export async function upsertUnits(trx: Executor, provinces: Province[], communes: Commune[]): Promise<void> {
  await sql`
    INSERT INTO provinces (code, name)
    SELECT code, name FROM jsonb_to_recordset(${JSON.stringify(provinces)}::jsonb) AS p(code text, name text)
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE provinces.name IS DISTINCT FROM EXCLUDED.name`.execute(trx);
  await sql`
    INSERT INTO communes (code, name, type, province_code)
    SELECT code, name, type, "provinceCode"
    FROM jsonb_to_recordset(${JSON.stringify(communes)}::jsonb) AS c(code text, name text, type text, "provinceCode" text)
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, province_code = EXCLUDED.province_code
    WHERE (communes.name, communes.type, communes.province_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.type, EXCLUDED.province_code)`.execute(trx);
}

// A digest of rows, computed alike here and in SQL (md5 of the rows in code order, fields and
// rows joined by control characters, NULL as its own mark): a start compares what the tables
// hold with what the seed would write, and skips the upserts when nothing differs. Codes are
// ASCII, so JavaScript's order and COLLATE "C" agree.
const FIELD = '\u001f';
const ROW = '\u001e';
const NULL_MARK = '\u001d';

export function rowsDigest(rows: readonly (readonly (string | null)[])[]): string {
  const text = [...rows].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0))
    .map((r) => r.map((v) => v ?? NULL_MARK).join(FIELD)).join(ROW);
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** The digests of provinces, communes and agencies (with the parent's code) as stored. */
export async function unitsDigests(db: Executor): Promise<{ provinces: string; communes: string; agencies: string }> {
  const joined = (cols: string[]) => sql.raw(cols.map((c) => `coalesce(${c}, chr(29))`).join(' || chr(31) || '));
  const res = await sql<{ provinces: string; communes: string; agencies: string }>`
    SELECT
      (SELECT md5(coalesce(string_agg(${joined(['code', 'name'])}, chr(30) ORDER BY code COLLATE "C"), '')) FROM provinces) AS provinces,
      (SELECT md5(coalesce(string_agg(${joined(['code', 'name', 'type', 'province_code'])}, chr(30) ORDER BY code COLLATE "C"), '')) FROM communes) AS communes,
      (SELECT md5(coalesce(string_agg(${joined(['a.code', 'a.name', 'a.short_name', 'a.kind', 'a.area_code', 'a.address', 'a.phone', 'a.email', 'a.electronic_id', 'p.code'])}, chr(30) ORDER BY a.code COLLATE "C"), ''))
        FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id) AS agencies`.execute(db);
  return res.rows[0]!;
}

export async function communesWithoutBoundary(db: Executor, provinceCode: string): Promise<number> {
  const res = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM communes c
    WHERE c.province_code = ${provinceCode}
      AND NOT EXISTS (SELECT 1 FROM commune_boundaries b WHERE b.commune_code = c.code)`.execute(db);
  return res.rows[0]?.n ?? 0;
}

/**
 * Voronoi cells of the seed points clipped to the box, cut back where real boundaries of
 * the province exist, written for communes that have none. Returns the rows written.
 */
export async function insertSyntheticCells(
  db: Executor, provinceCode: string, seeds: { code: string; lon: number; lat: number }[],
  [x0, y0, x1, y1]: [number, number, number, number], source: string,
): Promise<number> {
  const res = await sql`
    WITH seeds AS (
      SELECT s.code, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) AS pt
      FROM jsonb_to_recordset(${JSON.stringify(seeds)}::jsonb) AS s(code text, lon float8, lat float8)
    ), box AS (
      SELECT ST_MakeEnvelope(${x0}::float8, ${y0}::float8, ${x1}::float8, ${y1}::float8, 4326) AS g
    ), cells AS (
      SELECT ST_SetSRID((ST_Dump(v)).geom, 4326) AS cell
      FROM (SELECT ST_VoronoiPolygons(ST_Collect(pt), 0, (SELECT g FROM box)) AS v FROM seeds) q
    ), known AS (
      SELECT ST_Union(b.geom) AS g FROM commune_boundaries b JOIN communes c ON c.code = b.commune_code
      WHERE c.province_code = ${provinceCode} AND NOT b.synthetic
    ), clipped AS (
      SELECT s.code, ST_Intersection(cells.cell, box.g) AS g, ST_Difference(ST_Intersection(cells.cell, box.g), known.g) AS trimmed
      FROM seeds s JOIN cells ON ST_Contains(cells.cell, s.pt) CROSS JOIN box CROSS JOIN known
    ), cut AS (
      -- a cell wholly covered by real boundaries keeps its full shape rather than vanish
      SELECT code, CASE WHEN trimmed IS NULL OR ST_IsEmpty(ST_CollectionExtract(trimmed, 3)) THEN g ELSE trimmed END AS g FROM clipped
    )
    INSERT INTO commune_boundaries (commune_code, geom, synthetic, source)
    SELECT cut.code, ST_Multi(ST_CollectionExtract(cut.g, 3)), true, ${source}
    FROM cut
    WHERE NOT ST_IsEmpty(ST_CollectionExtract(cut.g, 3))
      AND NOT EXISTS (SELECT 1 FROM commune_boundaries b WHERE b.commune_code = cut.code)
    ON CONFLICT (commune_code) DO NOTHING
    RETURNING commune_code`.execute(db);
  return res.rows.length;
}

export async function syntheticBoundaryCodes(db: Executor): Promise<string[]> {
  return (await sql<{ c: string }>`SELECT commune_code AS c FROM commune_boundaries WHERE synthetic`.execute(db)).rows.map((r) => r.c);
}

/** Writes a real boundary (repaired, polygons only); false when nothing is left once repaired. */
export async function upsertBoundary(trx: Executor, code: string, geometry: unknown, source: string): Promise<boolean> {
  const res = await sql<{ commune_code: string }>`
    INSERT INTO commune_boundaries (commune_code, geom, synthetic, source, updated_at)
    SELECT ${code}, q.g, false, ${source}, now()
    FROM (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326)), 3)) AS g) q
    WHERE NOT ST_IsEmpty(q.g)
    ON CONFLICT (commune_code) DO UPDATE
      SET geom = EXCLUDED.geom, synthetic = false, source = EXCLUDED.source, updated_at = now()
    RETURNING commune_code`.execute(trx);
  return res.rows.length > 0;
}

/** Runs `fn` inside a savepoint: if it throws, only its own writes are undone and the error is rethrown. */
export async function inSavepoint<T>(trx: Executor, fn: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT boundary_feature`.execute(trx);
  try {
    const result = await fn();
    await sql`RELEASE SAVEPOINT boundary_feature`.execute(trx);
    return result;
  } catch (err) {
    await sql`ROLLBACK TO SAVEPOINT boundary_feature`.execute(trx);
    throw err;
  }
}

export async function deleteSyntheticBoundaries(trx: Executor, provinceCode: string): Promise<number> {
  const removed = await sql`DELETE FROM commune_boundaries b USING communes c
    WHERE c.code = b.commune_code AND c.province_code = ${provinceCode} AND b.synthetic
    RETURNING b.commune_code`.execute(trx);
  return removed.rows.length;
}

// ---------------------------------------------------------------- base map

export type BasemapLayer = 'province' | 'border' | 'road' | 'water' | 'place';

/** One base-map feature to write: GeoJSON geometry in WGS 84. */
export interface BasemapFeature {
  layer: BasemapLayer;
  kind: string;
  name: string | null;
  osmId?: string | null;
  geometry: unknown;
}

/** Replaces every row of `source` with `features`, in batches (an extract has many thousands). */
export async function replaceBasemap(trx: Executor, source: string, features: BasemapFeature[]): Promise<number> {
  await sql`DELETE FROM basemap_features WHERE source = ${source}`.execute(trx);
  let written = 0;
  for (let i = 0; i < features.length; i += 500) {
    const batch = features.slice(i, i + 500).map((f) => ({ layer: f.layer, kind: f.kind, name: f.name, osm_id: f.osmId ?? null, g: JSON.stringify(f.geometry) }));
    const res = await sql`
      INSERT INTO basemap_features (layer, kind, name, osm_id, source, geom)
      SELECT r.layer, r.kind, r.name, r.osm_id, ${source}, ST_SetSRID(ST_GeomFromGeoJSON(r.g), 4326)
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r(layer text, kind text, name text, osm_id text, g text)
      RETURNING id`.execute(trx);
    written += res.rows.length;
  }
  return written;
}

export async function basemapCount(db: Executor, source: string): Promise<number> {
  const res = await sql<{ n: number }>`SELECT count(*)::int AS n FROM basemap_features WHERE source = ${source}`.execute(db);
  return res.rows[0]?.n ?? 0;
}

export async function realBoundaryCount(db: Executor, provinceCode: string): Promise<number> {
  const res = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM commune_boundaries b JOIN communes c ON c.code = b.commune_code
    WHERE c.province_code = ${provinceCode} AND NOT b.synthetic`.execute(db);
  return res.rows[0]?.n ?? 0;
}

/** Which base-map features a tile carries at each zoom: less detail when zoomed out. */
function basemapFilterSql(z: number) {
  if (z < 9) return sql`(f.layer IN ('province', 'border') OR (f.layer = 'place' AND f.kind IN ('city', 'town')) OR (f.layer = 'road' AND f.kind IN ('motorway', 'trunk', 'primary')))`;
  if (z < 12) return sql`(f.layer IN ('province', 'border') OR (f.layer = 'place' AND f.kind IN ('city', 'town', 'suburb', 'border_gate', 'village'))
    OR (f.layer = 'road' AND f.kind IN ('motorway', 'trunk', 'primary', 'secondary', 'tertiary')) OR (f.layer = 'water' AND f.kind = 'river'))`;
  return sql`true`;
}

export class AreasRepo {
  constructor(private readonly db: Database) {}

  /** The nearest named place (village, hamlet, town, gate…) within `maxM` metres of a point. */
  async nearestPlace(lat: number, lon: number, maxM: number): Promise<{ name: string; kind: string; distanceM: number } | undefined> {
    const res = await sql<{ name: string; kind: string; distance_m: number }>`
      SELECT name, kind, ST_Distance(geom::geography, p::geography) AS distance_m
      FROM basemap_features, (SELECT ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326) AS p) q
      WHERE layer = 'place' AND name IS NOT NULL AND ST_DWithin(geom::geography, p::geography, ${maxM}::float8)
      ORDER BY geom <-> p LIMIT 1`.execute(this.db.kysely);
    const row = res.rows[0];
    return row && { name: row.name, kind: row.kind, distanceM: Math.round(row.distance_m) };
  }

  private k(trx: Executor = this.db.kysely) {
    return trx.withTables<Tables>();
  }

  // ------------------------------------------------------------ units and boundaries

  async locate(lat: number, lon: number): Promise<LocatedRow | undefined> {
    // real boundaries win over synthetic ones; on a shared edge the lower code wins
    const res = await sql<LocatedRow>`
      SELECT c.code, c.name, c.type, c.province_code, b.synthetic
      FROM commune_boundaries b JOIN communes c ON c.code = b.commune_code
      WHERE ST_Covers(b.geom, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326))
      ORDER BY b.synthetic, c.code LIMIT 1`.execute(this.db.kysely);
    return res.rows[0];
  }

  /** Communes whose boundary intersects a polygon (GeoJSON ring, lon/lat) or a circle (metres on the ground). */
  async communesIntersecting(shape: { ring: [number, number][] } | { center: [number, number]; radiusM: number } | { geoJson: string }): Promise<string[]> {
    if ('geoJson' in shape) {
      // a shape that only touches a commune's edge is not in it (a plan drawn up to the boundary)
      const res = await sql<{ code: string }>`
        SELECT DISTINCT commune_code AS code FROM commune_boundaries b, (SELECT ST_SetSRID(ST_GeomFromGeoJSON(${shape.geoJson}), 4326) AS g) s
        WHERE ST_Intersects(b.geom, s.g) AND NOT ST_Touches(b.geom, s.g) ORDER BY 1`.execute(this.db.kysely);
      return res.rows.map((r) => r.code);
    }
    const g =
      'ring' in shape
        ? sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Polygon', coordinates: [shape.ring] })}), 4326)`
        : sql`ST_Buffer(ST_SetSRID(ST_MakePoint(${shape.center[0]}::float8, ${shape.center[1]}::float8), 4326)::geography, ${shape.radiusM}::float8)::geometry`;
    const res = await sql<{ code: string }>`
      SELECT DISTINCT commune_code AS code FROM commune_boundaries WHERE ST_Intersects(geom, ${g}) ORDER BY 1`.execute(this.db.kysely);
    return res.rows.map((r) => r.code);
  }

  /** A point inside the commune's boundary (its centroid when that lies inside). */
  async communeCentre(code: string): Promise<{ lat: number; lon: number } | undefined> {
    const res = await sql<{ lat: number; lon: number }>`
      SELECT ST_Y(p) AS lat, ST_X(p) AS lon
      FROM (SELECT CASE WHEN ST_Covers(geom, ST_Centroid(geom)) THEN ST_Centroid(geom) ELSE ST_PointOnSurface(geom) END AS p
            FROM commune_boundaries WHERE commune_code = ${code}) q`.execute(this.db.kysely);
    return res.rows[0];
  }

  /** Commune outlines ('communes') and label points ('commune_labels') of one vector tile. */
  async boundaryTile(z: number, x: number, y: number): Promise<Buffer> {
    const res = await sql<{ code: string; name: string; type: string; synthetic: boolean; outline: string; label: string }>`
      SELECT c.code, c.name, c.type, b.synthetic,
        ${tileGeometrySql(sql`b.geom`, z, x, y)} AS outline,
        ${tileGeometrySql(sql`ST_PointOnSurface(b.geom)`, z, x, y, 0)} AS label
      FROM commune_boundaries b JOIN communes c ON c.code = b.commune_code
      WHERE b.geom && ${tileBoundsSql(z, x, y)}`.execute(this.db.kysely);
    const props = (r: (typeof res.rows)[number]) => ({ code: r.code, name: r.name, type: r.type, synthetic: r.synthetic });
    const base = await sql<{ layer: BasemapLayer; kind: string; name: string | null; geom: string | null }>`
      SELECT f.layer, f.kind, f.name, ${tileGeometrySql(sql`f.geom`, z, x, y, 16)} AS geom
      FROM basemap_features f
      WHERE f.geom && ${tileBoundsSql(z, x, y)} AND ${basemapFilterSql(z)}`.execute(this.db.kysely);
    const layer = (name: BasemapLayer) =>
      base.rows.filter((r) => r.layer === name && r.geom).map((r) => ({ geometry: JSON.parse(r.geom!) as TileGeometry, properties: { kind: r.kind, name: r.name } }));
    return Buffer.concat([
      encodeLayer('communes', res.rows.map((r) => ({ geometry: JSON.parse(r.outline) as TileGeometry, properties: props(r) }))),
      encodeLayer('commune_labels', res.rows.map((r) => ({ geometry: JSON.parse(r.label) as TileGeometry, properties: props(r) }))),
      encodeLayer('province', layer('province')),
      encodeLayer('border', layer('border')),
      encodeLayer('water', layer('water')),
      encodeLayer('roads', layer('road')),
      encodeLayer('places', layer('place')),
    ]);
  }

  async boundaries(provinceCode: string, tolerance: number): Promise<BoundaryRow[]> {
    const res = await sql<BoundaryRow>`
      SELECT c.code, c.name, c.type, b.synthetic, b.source,
        ST_AsGeoJSON(ST_SimplifyPreserveTopology(b.geom, ${tolerance}::float8), 5) AS geometry
      FROM commune_boundaries b JOIN communes c ON c.code = b.commune_code
      WHERE c.province_code = ${provinceCode}
      ORDER BY c.code`.execute(this.db.kysely);
    return res.rows;
  }

  // ------------------------------------------------------------ agencies

  /** Upserts the pack's agencies by code, then links parents (a parent may come later in the file). */
  async upsertAgencies(trx: Executor, agencies: PackAgency[]): Promise<void> {
    await sql`
      INSERT INTO agencies (code, name, short_name, kind, area_code, address, phone, email, electronic_id)
      SELECT code, name, "shortName", kind, "areaCode", address, phone, email, "electronicId"
      FROM jsonb_to_recordset(${JSON.stringify(agencies)}::jsonb)
        AS a(code text, name text, "shortName" text, kind text, "areaCode" text, address text, phone text, email text, "electronicId" text)
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, kind = EXCLUDED.kind,
        area_code = EXCLUDED.area_code, address = EXCLUDED.address, phone = EXCLUDED.phone, email = EXCLUDED.email,
        electronic_id = EXCLUDED.electronic_id, updated_at = now()
      WHERE (agencies.name, agencies.short_name, agencies.kind, agencies.area_code, agencies.address, agencies.phone, agencies.email, agencies.electronic_id)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.short_name, EXCLUDED.kind, EXCLUDED.area_code, EXCLUDED.address, EXCLUDED.phone, EXCLUDED.email, EXCLUDED.electronic_id)`.execute(trx);
    const links = agencies.map((a) => ({ code: a.code, parentCode: a.parentCode }));
    await sql`
      UPDATE agencies a SET parent_id = p.id
      FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS l(code text, "parentCode" text)
      LEFT JOIN agencies p ON p.code = l."parentCode"
      WHERE a.code = l.code AND a.parent_id IS DISTINCT FROM p.id`.execute(trx);
  }

  async agencyById(id: string): Promise<AgencyRow | undefined> {
    return this.k().selectFrom('agencies').select(AGENCY_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async agencyByCode(code: string): Promise<AgencyRow | undefined> {
    return this.k().selectFrom('agencies').select(AGENCY_COLUMNS).where('code', '=', code).executeTakeFirst();
  }

  async agenciesByCodes(codes: readonly string[]): Promise<AgencyRow[]> {
    if (codes.length === 0) return [];
    return this.k().selectFrom('agencies').select(AGENCY_COLUMNS).where('code', 'in', codes).execute();
  }

  async agencyNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.k().selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Agencies whose area is one of `areaCodes` (all when undefined), optionally of one kind. */
  async listAgencies(filter: { areaCodes?: string[]; kind?: AgencyKind }): Promise<AgencyRow[]> {
    let q = this.k().selectFrom('agencies').select(AGENCY_COLUMNS);
    if (filter.areaCodes) {
      if (filter.areaCodes.length === 0) return [];
      q = q.where('area_code', 'in', filter.areaCodes);
    }
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    return q.orderBy('area_code').orderBy('kind').orderBy('code').execute();
  }

  async communeCommittee(communeCode: string): Promise<AgencyRow | undefined> {
    return this.k().selectFrom('agencies').select(AGENCY_COLUMNS)
      .where('area_code', '=', communeCode).where('kind', '=', 'commune_committee')
      .orderBy('code').executeTakeFirst();
  }

  // ------------------------------------------------------------ memberships

  /** Everyone who holds an active staff role (the dashboard does not count them as citizens). */
  async activeStaffUserIds(): Promise<string[]> {
    const rows = await this.k().selectFrom('staff_memberships').select('user_id').distinct().where('revoked_at', 'is', null).execute();
    return rows.map((r) => r.user_id);
  }

  /** Everyone with a membership row, revoked or not. */
  async everStaffUserIds(): Promise<string[]> {
    const rows = await this.k().selectFrom('staff_memberships').select('user_id').distinct().execute();
    return rows.map((r) => r.user_id);
  }

  private membershipQuery(trx?: Executor) {
    return this.k(trx).selectFrom('staff_memberships as m')
      .leftJoin('agencies as a', 'a.id', 'm.agency_id')
      .select(['m.id', 'm.user_id', 'm.role', 'm.agency_id', 'm.area_code', 'm.granted_by', 'm.granted_at', 'm.revoked_at', 'm.revoked_by', 'a.name as agency_name']);
  }

  async activeMembershipsOf(userId: string): Promise<MembershipRow[]> {
    return this.membershipQuery().where('m.user_id', '=', userId).where('m.revoked_at', 'is', null).orderBy('m.granted_at').orderBy('m.id').execute();
  }

  async listMemberships(filter: { userId?: string; agencyId?: string; includeRevoked: boolean; limit: number }): Promise<MembershipRow[]> {
    let q = this.membershipQuery();
    if (filter.userId) q = q.where('m.user_id', '=', filter.userId);
    if (filter.agencyId) q = q.where('m.agency_id', '=', filter.agencyId);
    if (!filter.includeRevoked) q = q.where('m.revoked_at', 'is', null);
    return q.orderBy('m.granted_at', 'desc').orderBy('m.id').limit(filter.limit).execute();
  }

  async membershipById(trx: Executor, id: string): Promise<MembershipRow | undefined> {
    return this.membershipQuery(trx).where('m.id', '=', id).executeTakeFirst();
  }

  /** The active roles of these people, each as user, role, agency and area. */
  async activeGrantsOf(userIds: readonly string[]): Promise<{ user_id: string; role: StaffRole; agency_id: string | null; area_code: string | null }[]> {
    if (userIds.length === 0) return [];
    return this.k().selectFrom('staff_memberships').select(['user_id', 'role', 'agency_id', 'area_code'])
      .where('user_id', 'in', userIds).where('revoked_at', 'is', null).execute();
  }

  async findActive(trx: Executor, m: { userId: string; role: StaffRole; agencyId: string | null; areaCode: string | null }): Promise<string | undefined> {
    const row = await this.k(trx).selectFrom('staff_memberships').select('id')
      .where('user_id', '=', m.userId).where('role', '=', m.role).where('revoked_at', 'is', null)
      .where((eb) => (m.agencyId === null ? eb('agency_id', 'is', null) : eb('agency_id', '=', m.agencyId)))
      .where((eb) => (m.areaCode === null ? eb('area_code', 'is', null) : eb('area_code', '=', m.areaCode)))
      .executeTakeFirst();
    return row?.id;
  }

  async insertMembership(trx: Executor, values: Insertable<MembershipTable>): Promise<string> {
    const row = await this.k(trx).insertInto('staff_memberships')
      .values(values)
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async revokeMembership(trx: Executor, id: string, revokedBy: string | null): Promise<void> {
    await this.k(trx).updateTable('staff_memberships').set({ revoked_at: sql<Date>`now()`, revoked_by: revokedBy })
      .where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  async countActiveSysadmins(trx: Executor): Promise<number> {
    const row = await this.k(trx).selectFrom('staff_memberships').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'sysadmin').where('revoked_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
