// Commune boundaries: the GeoJSON import, and the demo-mode synthetic tiling.
// Synthetic polygons are Voronoi cells of one seed point per commune, clipped to the
// province's bounding box, so they cover the box with no gaps or overlaps and come out
// the same on every run. They are stored with synthetic = true and never pass as real.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { ProvincePack } from '../../platform/pack.ts';
import type { AdminUnits, Commune } from './admin-units.ts';
import * as repo from './repo.ts';

type Executor = Kysely<object>;

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export type SeedPoint = { code: string; lon: number; lat: number };

export const SYNTHETIC_SOURCE = 'synthetic-demo';

export type TilingPlan = { provinceCode: string; bbox: BBox; centres: Record<string, [number, number]> };

/** What demo mode needs to tile the pack's province: its bbox (pack.json) and known centres. */
export function demoTilingPlan(pack: ProvincePack): TilingPlan | undefined {
  const bbox = pack.readJson<{ bbox?: BBox }>('pack.json').bbox;
  if (!bbox) return undefined;
  const centresFile = path.join(pack.dir, 'demo-boundaries.json');
  const centres = fs.existsSync(centresFile) ? pack.readJson<{ centres: Record<string, [number, number]> }>('demo-boundaries.json').centres : {};
  return { provinceCode: pack.provinceCode, bbox, centres };
}

/** Radical inverse in base b: the Halton low-discrepancy sequence spreads points evenly. */
function halton(index: number, base: number): number {
  let f = 1;
  let r = 0;
  for (let i = index; i > 0; i = Math.floor(i / base)) {
    f /= base;
    r += f * (i % base);
  }
  return r;
}

/**
 * One seed point per commune: the known centre when the pack gives one, otherwise the
 * next Halton point of the box that is not too close to a point already placed.
 */
export function syntheticSeedPoints(communes: Commune[], bbox: BBox, centres: Record<string, [number, number]>): SeedPoint[] {
  const [x0, y0, x1, y1] = bbox;
  const placed: SeedPoint[] = [];
  for (const c of communes) {
    const centre = centres[c.code];
    if (centre) placed.push({ code: c.code, lon: centre[0], lat: centre[1] });
  }
  const minGap = Math.min(x1 - x0, y1 - y0) / (2 * Math.sqrt(communes.length + 1));
  let index = 1;
  for (const c of [...communes].sort((a, b) => a.code.localeCompare(b.code))) {
    if (centres[c.code]) continue;
    for (;; index++) {
      const lon = x0 + halton(index, 2) * (x1 - x0);
      const lat = y0 + halton(index, 3) * (y1 - y0);
      if (placed.every((p) => Math.hypot(p.lon - lon, p.lat - lat) >= minGap) || index > 100_000) {
        placed.push({ code: c.code, lon: round6(lon), lat: round6(lat) });
        index++;
        break;
      }
    }
  }
  return placed;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Gives every commune of the province that has no boundary a synthetic one. Where real
 * boundaries exist in the province, synthetic cells are cut back so they never overlap.
 * Returns the number of rows written.
 */
export async function fillSyntheticBoundaries(
  db: Executor, units: AdminUnits, provinceCode: string, bbox: BBox, centres: Record<string, [number, number]>,
): Promise<number> {
  const communes = units.communesOf(provinceCode);
  if (communes.length === 0) return 0;
  if ((await repo.communesWithoutBoundary(db, provinceCode)) === 0) return 0;
  return repo.insertSyntheticCells(db, provinceCode, syntheticSeedPoints(communes, bbox, centres), bbox, SYNTHETIC_SOURCE);
}

// ---------------------------------------------------------------- GeoJSON import

/** Property names that carry the commune code in boundary files seen in the wild. */
export const CODE_PROPERTIES = ['code', 'ma_xa', 'maxa', 'commune_code', 'ma_dvhc', 'madvhc'];

export interface ImportProblem {
  index: number;
  code?: string;
  reason: string;
}

export interface ImportReport {
  features: number;
  imported: number;
  replacedSynthetic: number;
  /** Codes in the file that are not a commune of the 2025 list. */
  unknownCodes: string[];
  /** Features whose properties carry no commune code. */
  missingCode: number[];
  invalid: ImportProblem[];
  /** Synthetic rows removed from provinces that received real boundaries. */
  syntheticRemoved: number;
  /** Synthetic rows regenerated (demo mode) around the imported boundaries. */
  syntheticRefilled: number;
}

type Position = number[];
type GeoJsonGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export class ImportFileError extends Error {}

/** The commune code of a feature, padded to 5 digits; undefined when absent. */
export function featureCode(properties: unknown): string | undefined {
  if (!properties || typeof properties !== 'object') return undefined;
  for (const [key, value] of Object.entries(properties)) {
    if (!CODE_PROPERTIES.includes(key.toLowerCase())) continue;
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const text = String(value).trim();
    if (/^\d{1,5}$/.test(text)) return text.padStart(5, '0');
    if (text) return text;
  }
  return undefined;
}

const isPosition = (p: unknown): boolean =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' &&
  Number.isFinite(p[0]) && Number.isFinite(p[1]);

const inLonLat = (p: Position): boolean => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90;

function checkPolygon(rings: unknown): string | undefined {
  if (!Array.isArray(rings) || rings.length === 0) return 'polygon has no rings';
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return 'a ring has fewer than 4 positions';
    if (!ring.every(isPosition)) return 'a position is not a pair of numbers';
    if (!(ring as Position[]).every(inLonLat)) return 'coordinates are not longitude/latitude (WGS 84)';
  }
  return undefined;
}

/** Checks the shape of a geometry before PostGIS sees it; returns the reason it is unusable. */
export function geometryProblem(geometry: unknown): string | undefined {
  if (!geometry || typeof geometry !== 'object') return 'feature has no geometry';
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') return checkPolygon(g.coordinates);
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'multipolygon has no polygons';
    for (const poly of g.coordinates) {
      const problem = checkPolygon(poly);
      if (problem) return problem;
    }
    return undefined;
  }
  return `geometry type ${String(g.type)} is not Polygon or MultiPolygon`;
}

export interface ImportOptions {
  source: string;
  onProgress?: (done: number, total: number) => void;
  /** Demo mode: regenerate synthetic polygons for the pack province's communes still without one. */
  refill?: TilingPlan;
}

function featuresOf(input: unknown): unknown[] {
  const fc = input as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new ImportFileError('the file is not a GeoJSON FeatureCollection');
  }
  return fc.features;
}

/** Imports one feature inside a savepoint, so a geometry PostGIS rejects skips only itself. */
async function importFeature(trx: Executor, code: string, geometry: GeoJsonGeometry, source: string): Promise<string | undefined> {
  try {
    const ok = await repo.inSavepoint(trx, () => repo.upsertBoundary(trx, code, geometry, source));
    return ok ? undefined : 'geometry is empty once repaired';
  } catch (err) {
    return `PostGIS rejected the geometry: ${(err as Error).message}`;
  }
}

/**
 * Imports a GeoJSON FeatureCollection of commune boundaries in one transaction. Features
 * with unknown or missing codes or unusable geometry are reported and skipped; imported
 * rows replace synthetic ones, and the remaining synthetic rows of the provinces touched
 * are removed (and regenerated around the real ones when `refill` is given).
 */
export async function importBoundaries(db: Executor, units: AdminUnits, input: unknown, opts: ImportOptions): Promise<ImportReport> {
  const features = featuresOf(input);
  const report: ImportReport = { features: features.length, imported: 0, replacedSynthetic: 0, unknownCodes: [], missingCode: [], invalid: [], syntheticRemoved: 0, syntheticRefilled: 0 };
  await db.transaction().execute(async (trx) => {
    // the units must be in the database for the boundaries to reference them
    await repo.upsertUnits(trx, units.provinces, units.communes);
    const synthetic = new Set(await repo.syntheticBoundaryCodes(trx));
    const provinces = new Set<string>();
    for (const [index, feature] of features.entries()) {
      await importOne(trx, units, feature, index, opts.source, report, synthetic, provinces);
      opts.onProgress?.(index + 1, features.length);
    }
    for (const province of provinces) report.syntheticRemoved += await repo.deleteSyntheticBoundaries(trx, province);
    const refill = opts.refill;
    if (refill) report.syntheticRefilled = await fillSyntheticBoundaries(trx, units, refill.provinceCode, refill.bbox, refill.centres);
  });
  return report;
}

async function importOne(
  trx: Executor, units: AdminUnits, feature: unknown, index: number, source: string,
  report: ImportReport, synthetic: Set<string>, provinces: Set<string>,
): Promise<void> {
  const f = (feature ?? {}) as { properties?: unknown; geometry?: unknown };
  const code = featureCode(f.properties);
  if (!code) return void report.missingCode.push(index);
  const commune = units.getCommune(code);
  if (!commune) return void report.unknownCodes.push(code);
  const problem = geometryProblem(f.geometry) ?? (await importFeature(trx, code, f.geometry as GeoJsonGeometry, source));
  if (problem) return void report.invalid.push({ index, code, reason: problem });
  report.imported++;
  if (synthetic.delete(code)) report.replacedSynthetic++;
  provinces.add(commune.provinceCode);
}
