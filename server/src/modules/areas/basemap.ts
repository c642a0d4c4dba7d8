// The base map (bản đồ nền) the platform draws itself, with no outside tile service:
// - from the province pack: real commune boundaries, the province outline and the national
//   border (packs/<id>/pack.json "map"), loaded at start when the database has none yet;
// - from an OpenStreetMap extract a province supplies (npm run import:basemap -- file.osm.pbf):
//   roads, rivers and streams, and named places (towns, villages, hamlets).
// The synthetic tiling (boundaries.ts) stays the fallback for packs without boundaries.
import fs from 'node:fs';
import path from 'node:path';
import type { OSMOptions } from 'osm-pbf-parser-node';
import type { Kysely } from 'kysely';
import type { ProvincePack } from '../../platform/pack.ts';
import type { AdminUnits } from './admin-units.ts';
import { importBoundaries, ImportFileError, type ImportReport } from './boundaries.ts';
import { basemapCount, realBoundaryCount, replaceBasemap, type BasemapFeature } from './repo.ts';

type Executor = Kysely<object>;

/** pack.json "map": files of the pack folder, each optional. */
export interface PackMap {
  communes?: string;
  province?: string;
  border?: string;
}

export interface PackMapReport {
  boundaries: ImportReport | null;
  basemapRows: number;
}

type GeoJson = { type?: unknown; features?: Array<{ geometry?: unknown; properties?: Record<string, unknown> | null }> };

function readGeoJson(pack: ProvincePack, file: string): GeoJson {
  return JSON.parse(fs.readFileSync(path.join(pack.dir, file), 'utf8')) as GeoJson;
}

export function packMapOf(pack: ProvincePack): PackMap | undefined {
  return pack.readJson<{ map?: PackMap }>('pack.json').map;
}

/**
 * Loads the pack's real map data once: commune boundaries when the province has no real ones
 * (an operator's own import is never overwritten), and the province outline and national
 * border when the pack's rows are not there yet. Returns what it wrote.
 */
export async function loadPackMap(db: Executor, units: AdminUnits, pack: ProvincePack): Promise<PackMapReport> {
  const map = packMapOf(pack);
  const report: PackMapReport = { boundaries: null, basemapRows: 0 };
  if (!map) return report;
  if (map.communes && (await realBoundaryCount(db, pack.provinceCode)) === 0) {
    report.boundaries = await importBoundaries(db, units, readGeoJson(pack, map.communes), { source: `pack:${pack.id}` });
  }
  const source = `pack:${pack.id}`;
  if ((await basemapCount(db, source)) === 0) {
    const features: BasemapFeature[] = [];
    if (map.province) for (const f of readGeoJson(pack, map.province).features ?? []) features.push({ layer: 'province', kind: 'province', name: String(f.properties?.name ?? pack.provinceName), geometry: f.geometry });
    if (map.border) for (const f of readGeoJson(pack, map.border).features ?? []) features.push({ layer: 'border', kind: 'national', name: null, geometry: f.geometry });
    if (features.length) report.basemapRows = await db.transaction().execute((trx) => replaceBasemap(trx, source, features));
  }
  return report;
}

// ---------------------------------------------------------------- OpenStreetMap extracts

/** OSM `highway` values drawn as roads, major first; paths and footways are left out of a citizen's map. */
export const ROAD_KINDS = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'track'] as const;
export const WATER_KINDS = ['river', 'stream', 'canal'] as const;
export const PLACE_KINDS = ['city', 'town', 'suburb', 'village', 'hamlet', 'quarter', 'neighbourhood', 'isolated_dwelling', 'locality'] as const;

type Tags = Record<string, string>;
type OsmNode = { type: 'node'; id: number; lat: number; lon: number; tags?: Tags };
type OsmWay = { type: 'way'; id: number; refs: number[]; tags?: Tags };

const includes = <T extends string>(list: readonly T[], v: string | undefined): v is T => v !== undefined && (list as readonly string[]).includes(v);

/** The Vietnamese name when the extract has one, else the local name. */
function nameOf(tags: Tags | undefined): string | null {
  return tags?.['name:vi']?.trim() || tags?.name?.trim() || null;
}

/** What layer and kind an OSM element belongs to, or null when the base map does not draw it. */
export function classify(item: { type: string; tags?: Tags }): { layer: 'road' | 'water' | 'place'; kind: string } | null {
  const t = item.tags;
  if (!t) return null;
  if (item.type === 'node' && includes(PLACE_KINDS, t.place) && nameOf(t)) return { layer: 'place', kind: t.place };
  if (item.type === 'way' && includes(ROAD_KINDS, t.highway)) return { layer: 'road', kind: t.highway };
  if (item.type === 'way' && includes(WATER_KINDS, t.waterway)) return { layer: 'water', kind: t.waterway };
  return null;
}

export interface OsmReadReport {
  features: BasemapFeature[];
  nodes: number;
  ways: number;
  /** Ways drawn without some of their nodes (an extract cut at its edge). */
  incompleteWays: number;
}

/**
 * The elements of an extract, block by block. The library's own createOSMStream lets a damaged
 * file's error escape the stream as an uncaught exception (its transform throws inside write),
 * which would kill the process; writing to the transform ourselves turns it into a rejection.
 */
async function* osmElements(file: string, opts: OSMOptions): AsyncGenerator<object> {
  // only the import command reads OpenStreetMap extracts: loaded then, not at start
  const { OSMTransform } = await import('osm-pbf-parser-node');
  const transform = new OSMTransform(opts);
  const ready: object[] = [];
  transform.on('data', (items: object | object[]) => {
    if (Array.isArray(items)) for (const item of items) ready.push(item);
    else ready.push(items);
  });
  const feed = (chunk?: Buffer) =>
    new Promise<void>((resolve, reject) => {
      transform.once('error', reject);
      try {
        if (chunk) transform.write(chunk, (err) => (err ? reject(err) : resolve()));
        else transform.end(() => resolve());
      } catch (err) {
        reject(err as Error);
      }
    }).finally(() => transform.removeAllListeners('error'));
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    await feed(chunk as Buffer);
    yield* ready.splice(0);
  }
  await feed();
  yield* ready.splice(0);
}

const isOsmFile = (file: string) => /\.osm\.pbf$|\.pbf$/i.test(file);

/**
 * Reads an .osm.pbf extract in two passes, so memory holds only the ways worth drawing and
 * their nodes' positions, not every node of the extract: first the ways (and place nodes),
 * then the positions of the nodes those ways use.
 */
export async function readOsmExtract(file: string): Promise<OsmReadReport> {
  if (!isOsmFile(file)) throw new ImportFileError(`${path.basename(file)} is not an OpenStreetMap extract (.osm.pbf)`);
  if (!fs.existsSync(file)) throw new ImportFileError(`cannot read ${file}`);
  const report: OsmReadReport = { features: [], nodes: 0, ways: 0, incompleteWays: 0 };
  const ways: { way: OsmWay; layer: 'road' | 'water'; kind: string }[] = [];
  const wanted = new Set<number>();
  try {
    for await (const item of osmElements(file, { withTags: true })) {
      const el = item as OsmNode | OsmWay | { type?: undefined };
      if (el.type === 'node') {
        report.nodes++;
        const c = classify(el);
        if (c) report.features.push({ layer: c.layer, kind: c.kind, name: nameOf(el.tags), osmId: `n${el.id}`, geometry: { type: 'Point', coordinates: [el.lon, el.lat] } });
      } else if (el.type === 'way') {
        report.ways++;
        const c = classify(el);
        if (c && c.layer !== 'place') {
          ways.push({ way: el, layer: c.layer, kind: c.kind });
          for (const ref of el.refs) wanted.add(ref);
        }
      }
    }
    const positions = new Map<number, [number, number]>();
    if (wanted.size) {
      for await (const item of osmElements(file, { withTags: false })) {
        const el = item as OsmNode | { type?: string };
        if (el.type === 'node' && wanted.has((el as OsmNode).id)) positions.set((el as OsmNode).id, [(el as OsmNode).lon, (el as OsmNode).lat]);
      }
    }
    for (const { way, layer, kind } of ways) {
      const line = way.refs.map((r) => positions.get(r)).filter((p): p is [number, number] => !!p);
      if (line.length < way.refs.length) report.incompleteWays++;
      if (line.length < 2) continue;
      report.features.push({ layer, kind, name: nameOf(way.tags), osmId: `w${way.id}`, geometry: { type: 'LineString', coordinates: line } });
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError(`${path.basename(file)} could not be read as .osm.pbf: ${(err as Error).message}`);
  }
  return report;
}

/** Replaces the rows of one extract (by source name) with what it holds now. */
export async function importOsmExtract(db: Executor, file: string, source: string): Promise<OsmReadReport & { written: number }> {
  const read = await readOsmExtract(file);
  const written = await db.transaction().execute((trx) => replaceBasemap(trx, `osm:${source}`, read.features));
  return { ...read, written };
}
