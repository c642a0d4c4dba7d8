// Import of parcels and zoning zones from GeoJSON or Shapefile, in VN-2000 (or WGS 84).
// Streamed: features are read one by one and written in batches, never the whole file in
// memory. Each feature is reprojected once; the source geometry and SRID are kept. A
// feature that cannot be stored (no key, unknown commune, bad land-use code, invalid
// geometry, outside the importer's area) goes to the report and the import goes on.
// Importing the same keys again updates those parcels.
import fs from 'node:fs';
import path from 'node:path';
import { formatCadastralKey, MAX_PARCEL, MAX_SHEET, parcelSearchText, resolveLandUse, type Vn2000Srid } from '@cds/contracts/land.rules';
import type { ImportReply } from '@cds/contracts/land';
import type { Locale } from '../../platform/i18n.ts';
import type { FormerCommunes } from './former-communes.ts';
import { messages } from './messages.ts';
import * as repo from './repo.ts';
import { toWgs84, WGS84, type Position } from './vn2000.ts';

export interface SourceFeature {
  properties: Record<string, unknown> | null;
  geometry: unknown;
}

/** The features of a GeoJSON FeatureCollection file, streamed. */
export async function* geojsonFeatures(file: string): AsyncGenerator<SourceFeature> {
  // the format readers load with the first import, not at start
  const [{ default: chain }, { parser }, { pick }, { streamArray }] = await Promise.all([
    import('stream-chain'), import('stream-json'), import('stream-json/filters/pick.js'), import('stream-json/streamers/stream-array.js'),
  ]);
  const pipeline = chain([fs.createReadStream(file), parser(), pick({ filter: 'features' }), streamArray()]);
  for await (const item of pipeline as AsyncIterable<{ value: SourceFeature }>) yield item.value ?? { properties: null, geometry: null };
}

/** The features of a Shapefile (.shp geometry and .dbf attributes), streamed. */
export async function* shapefileFeatures(shp: string, dbf: string): AsyncGenerator<SourceFeature> {
  const shapefile = await import('shapefile');
  const source = await shapefile.open(shp, dbf, { encoding: 'utf-8' });
  for (;;) {
    const r = await source.read();
    if (r.done) return;
    yield { properties: r.value.properties as Record<string, unknown>, geometry: r.value.geometry };
  }
}

/** The parts of a zipped Shapefile (or a zipped GeoJSON) written out to `dir`, by kind. */
export interface UnzippedParts {
  shp?: string;
  dbf?: string;
  prj?: string;
  file?: string;
}

/** Whether a spooled upload is a zip archive (a zipped Shapefile), by its first bytes. */
export async function isZip(file: string): Promise<boolean> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    return head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await fh.close();
  }
}

/**
 * Extracts the first .shp, .dbf, .prj (or .geojson/.json) of a zip into `dir`, streamed
 * chunk by chunk (a province's archive can be gigabytes); anything else in it is skipped.
 * Stops at `maxBytes` unpacked, so a zip bomb cannot fill the disk.
 */
export async function unzipParts(zip: string, dir: string, maxBytes: number): Promise<UnzippedParts> {
  const { Unzip, UnzipInflate } = await import('fflate');
  const parts: UnzippedParts = {};
  const fds: number[] = [];
  let written = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((entry) => {
    const ext = path.extname(entry.name).toLowerCase().slice(1);
    const kind = ext === 'shp' || ext === 'dbf' || ext === 'prj' ? ext : ext === 'geojson' || ext === 'json' ? 'file' : null;
    // macOS archives carry "__MACOSX/._x.shp" resource forks: not the data
    if (!kind || parts[kind] || entry.name.includes('__MACOSX/')) return;
    const to = path.join(dir, `unzipped.${kind === 'file' ? 'json' : kind}`);
    parts[kind] = to;
    const fd = fs.openSync(to, 'w');
    fds.push(fd);
    entry.ondata = (err, chunk) => {
      if (err) {
        failure ??= err;
        return;
      }
      written += chunk.length;
      if (written > maxBytes) {
        failure ??= new Error('the zip unpacks to more than the import limit');
        entry.terminate();
        return;
      }
      fs.writeSync(fd, chunk);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of fs.createReadStream(zip)) {
      unzip.push(chunk as Uint8Array);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } finally {
    for (const fd of fds) fs.closeSync(fd);
  }
  if (failure) throw new Error(`zip: ${(failure as Error).message}`);
  return parts;
}

/** Attribute names seen in cadastral files (ViLIS/ELIS exports, Shapefile-truncated, plain). */
const ALIASES = {
  commune: ['commune', 'communecode', 'maxa', 'ma_xa', 'madvhc', 'xa'],
  formerCommune: ['formercommune', 'formercommunecode', 'maxacu', 'ma_xa_cu'],
  sheet: ['sheet', 'sohieutobando', 'sohieutobd', 'soto', 'so_to', 'tobando', 'shbando'],
  parcel: ['parcel', 'sothututhua', 'sothututhu', 'sothua', 'so_thua', 'sttthua', 'sh_thua'],
  area: ['area', 'aream2', 'dientich', 'dien_tich'],
  landUse: ['landuse', 'landuses', 'kyhieumucdichsudung', 'kyhieumdsd', 'mucdichsudung', 'loaidat', 'loai_dat', 'mdsd', 'kh_mdsd'],
  address: ['address', 'diachi', 'dia_chi'],
  zone: ['zone', 'zonecode', 'maokhu', 'ma_o', 'kyhieuo', 'kyhieu'],
  density: ['density', 'buildingdensity', 'matdo', 'mat_do', 'matdoxd', 'mdxd'],
  floors: ['floors', 'maxfloors', 'tangcao', 'tang_cao', 'tangcaotoida'],
} as const;

type Field = keyof typeof ALIASES;

function reader(props: Record<string, unknown> | null): (f: Field) => unknown {
  const byName = new Map<string, unknown>();
  for (const [k, v] of Object.entries(props ?? {})) byName.set(k.toLowerCase().replace(/[\s-]/g, ''), v);
  return (f) => {
    for (const name of ALIASES[f]) {
      const v = byName.get(name);
      if (v !== undefined && v !== null && v !== '') return v;
    }
    return undefined;
  };
}

const asInt = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
  return Number.isInteger(n) ? n : undefined;
};
const asNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim().replace(',', '.')) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const asCode = (v: unknown): string | undefined => {
  const s = typeof v === 'number' ? String(v).padStart(5, '0') : typeof v === 'string' ? v.trim().padStart(5, '0') : '';
  return /^[0-9]{5}$/.test(s) ? s : undefined;
};

/** Why a feature was left out: a message key under land.reject.* and its values. */
class Rejected extends Error {
  constructor(readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(code);
  }
}

type Ring = Position[];

/** Checks a Polygon or MultiPolygon's structure and reprojects it; throws Rejected with why. */
/** Shoelace area of rings in metres (holes subtract by their opposite winding, so take each ring's absolute area). */
function planarArea(polygons: Position[][][]): number {
  let total = 0;
  for (const poly of polygons) {
    poly.forEach((ring, i) => {
      let a = 0;
      for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) a += ring[j]![0] * ring[k]![1] - ring[k]![0] * ring[j]![1];
      total += (i === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  }
  return total;
}

function reproject(geometry: unknown, project: (p: readonly number[]) => Position, metric: boolean): { wgs: string; source: string; areaM2: number } {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new Rejected('geometry_type', { type: g ? String(g.type) : '–' });
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) throw new Rejected('no_coordinates');
  const ring = (r: unknown): Ring => {
    if (!Array.isArray(r) || r.length < 4) throw new Rejected('ring_short');
    const pts = r.map((p: unknown) => {
      if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) throw new Rejected('position');
      return [p[0] as number, p[1] as number] as Position;
    });
    const [f, l] = [pts[0]!, pts[pts.length - 1]!];
    if (f[0] !== l[0] || f[1] !== l[1]) throw new Rejected('ring_open');
    return pts;
  };
  const source = polygons.map((poly: unknown) => {
    if (!Array.isArray(poly) || poly.length === 0) throw new Rejected('no_rings');
    return poly.map(ring);
  });
  const wgs = source.map((poly) => poly.map((r) => r.map((p) => {
    const [lon, lat] = project(p);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new Rejected('outside_system');
    return [Math.round(lon * 1e8) / 1e8, Math.round(lat * 1e8) / 1e8] as Position;
  })));
  // the grid area in a TM-3 zone is within 0.1 % of the ground area; for WGS 84 input, metres around the first point
  const lat0 = wgs[0]![0]![0]![1];
  const local = wgs.map((poly) => poly.map((r) => r.map(([lo, la]) => [lo * 111_320 * Math.cos((lat0 * Math.PI) / 180), la * 110_574] as Position)));
  return {
    wgs: JSON.stringify({ type: 'MultiPolygon', coordinates: wgs }),
    source: JSON.stringify({ type: 'MultiPolygon', coordinates: source }),
    areaM2: Math.round(planarArea(metric ? source : local) * 10) / 10,
  };
}

/** "ONT+CLN", "ONT:120;CLN:80", ["ONT", …] or [{code, areaM2}] → stored land uses. */
function landUsesOf(v: unknown, total: number | undefined): repo.StoredLandUse[] {
  const parts: { code: string; area?: number }[] = [];
  if (Array.isArray(v)) {
    for (const x of v) {
      if (typeof x === 'string') parts.push({ code: x });
      else if (x && typeof x === 'object' && typeof (x as { code?: unknown }).code === 'string') parts.push({ code: (x as { code: string }).code, area: asNumber((x as { areaM2?: unknown }).areaM2) });
    }
  } else if (typeof v === 'string') {
    for (const piece of v.split(/[+;,]/)) {
      const [code, area] = piece.split(':');
      if (code?.trim()) parts.push({ code: code.trim(), area: asNumber(area) });
    }
  }
  if (parts.length === 0) throw new Rejected('no_land_use');
  return parts.map((p, i) => {
    const use = resolveLandUse(p.code);
    if (!use) throw new Rejected('land_use', { code: p.code });
    // without areas per use, the whole parcel is counted under the first (main) use
    const area = p.area ?? (i === 0 && total !== undefined ? total : 0);
    return { code: use.code, legacyCode: use.legacyCode, areaM2: area };
  });
}

export interface ImportOptions {
  kind: 'parcels' | 'zones';
  srid: Vn2000Srid | typeof WGS84;
  /** The file's name or where it came from, stored with each parcel. */
  sourceName: string;
  /** For zones: the plan they belong to (created or updated by decision number). */
  plan?: { name: string; decisionNumber: string; decisionDate: string };
  /** Whether the importer may write in this commune (their area). */
  mayWrite: (communeCode: string) => boolean;
  isCommune: (code: string) => boolean;
  /** Names of today's commune and the former one, for finding the parcel by place name. */
  placeNames: (communeCode: string, formerCode: string | null) => (string | undefined)[];
  /** The language of the rejection reasons (default Vietnamese). */
  locale?: Locale;
  /** Who imports (null: the command line), kept on a plan until it is published. */
  importedBy?: string | null;
  onProgress?: (read: number) => void;
  /**
   * The counts so far, after each batch written (and every `batchSize` features read, so a
   * file whose features are all rejected moves too) and once at the end with the final
   * counts; awaited, so the import waits for it.
   */
  onBatch?: (counts: ImportCounts) => Promise<void>;
  batchSize?: number;
  /** At most this many rejections listed (all are counted). */
  maxListed?: number;
}

/** How far an import is: features read, stored new, stored over an existing one, left out. */
export interface ImportCounts {
  read: number;
  inserted: number;
  updated: number;
  /** every rejection, also those beyond the report's list */
  rejected: number;
}

export class LandImporter {
  constructor(private readonly db: repo.Db, private readonly former: FormerCommunes) {}

  async run(features: AsyncIterable<SourceFeature>, opts: ImportOptions): Promise<ImportReply> {
    const project = toWgs84(opts.srid);
    // the module's own texts, read directly: the CLI runs without the app's message registry
    const describe = (code: string, params: Record<string, string | number> = {}) =>
      (messages[opts.locale ?? 'vi']![`land.reject.${code}`] ?? code).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
    const report: ImportReply = { read: 0, inserted: 0, updated: 0, rejected: [], srid: opts.srid };
    let rejected = 0;
    const reject = (feature: number, key: string | null, reason: string) => {
      rejected++;
      if (report.rejected.length < (opts.maxListed ?? 1000)) report.rejected.push({ feature, key, reason });
    };
    const planId = opts.kind === 'zones' && opts.plan
      ? await repo.upsertPlan(this.db, { ...opts.plan, synthetic: false, source: opts.sourceName, importedBy: opts.importedBy ?? null })
      : null;
    const batchSize = opts.batchSize ?? 500;
    let toldAt = 0;
    const tell = async () => {
      toldAt = report.read;
      await opts.onBatch?.({ read: report.read, inserted: report.inserted, updated: report.updated, rejected });
    };
    let batch: { index: number; key: string; parcel?: repo.ParcelInput; zone?: repo.ZoneInput }[] = [];

    const flush = async () => {
      if (batch.length === 0) return;
      // the later feature with the same key wins, as a re-import would
      const unique = [...new Map(batch.map((b) => [b.key, b])).values()];
      const invalid = await repo.invalidGeometries(this.db, unique.map((b) => (b.parcel ?? b.zone)!.geometry));
      const valid = unique.filter((b, i) => {
        const why = invalid.get(i);
        if (why !== undefined) reject(b.index, b.key, describe('invalid', { why }));
        return why === undefined;
      });
      const counts = opts.kind === 'parcels'
        ? await repo.upsertParcels(this.db, valid.map((b) => b.parcel!))
        : await repo.upsertZones(this.db, planId!, valid.map((b) => b.zone!));
      report.inserted += counts.inserted;
      report.updated += counts.updated;
      batch = [];
    };

    for await (const f of features) {
      const index = ++report.read;
      let key: string | null = null;
      try {
        const get = reader(f?.properties ?? null);
        if (opts.kind === 'parcels') {
          key = this.keyOf(get);
          const g = reproject(f?.geometry, project, opts.srid !== WGS84);
          const item = this.parcel(get, opts, g.areaM2);
          key = formatCadastralKey({ commune: item.formerCommuneCode ?? item.communeCode, sheet: item.sheet, parcel: item.parcel });
          batch.push({ index, key, parcel: { ...item, geometry: g.wgs, sourceGeometry: g.source } });
        } else {
          const zoneCode = String(get('zone') ?? '').trim();
          if (!zoneCode) throw new Rejected('no_zone');
          key = zoneCode;
          const use = resolveLandUse(String(get('landUse') ?? ''));
          if (!use) throw new Rejected('land_use', { code: String(get('landUse') ?? '') });
          const density = asNumber(get('density'));
          const floors = asInt(get('floors'));
          if (density !== undefined && (density < 0 || density > 100)) throw new Rejected('density');
          const g = reproject(f?.geometry, project, opts.srid !== WGS84);
          batch.push({ index, key, zone: { zoneCode, landUseCode: use.code, buildingDensityPct: density ?? null, maxFloors: floors ?? null, geometry: g.wgs, sourceGeometry: g.source, sourceSrid: opts.srid } });
        }
      } catch (err) {
        if (!(err instanceof Rejected)) throw err;
        reject(index, key, describe(err.code, err.params));
      }
      if (batch.length >= batchSize) {
        await flush();
        await tell();
      } else if (index - toldAt >= batchSize) await tell();
      if (index % 1000 === 0) opts.onProgress?.(index);
    }
    await flush();
    // the last call has the final counts
    await tell();
    opts.onProgress?.(report.read);
    return report;
  }

  /** The key as the file writes it, for the report (null when a part is missing). */
  private keyOf(get: (f: Field) => unknown): string | null {
    const [c, s, p] = [asCode(get('formerCommune')) ?? asCode(get('commune')), asInt(get('sheet')), asInt(get('parcel'))];
    return c && s !== undefined && p !== undefined ? formatCadastralKey({ commune: c, sheet: s, parcel: p }) : null;
  }

  private parcel(get: (f: Field) => unknown, opts: ImportOptions, geometryArea: number): Omit<repo.ParcelInput, 'geometry' | 'sourceGeometry'> {
    const sheet = asInt(get('sheet'));
    const parcel = asInt(get('parcel'));
    if (sheet === undefined || sheet < 1 || sheet > MAX_SHEET) throw new Rejected('sheet');
    if (parcel === undefined || parcel < 1 || parcel > MAX_PARCEL) throw new Rejected('parcel');
    const code = asCode(get('commune'));
    let formerCode = asCode(get('formerCommune')) ?? null;
    if (!code) throw new Rejected('no_commune');
    let communeCode = code;
    if (!opts.isCommune(code)) {
      // a pre-2025 code in the commune column: the key stays on the former commune
      const former = this.former.get(code);
      if (!former) throw new Rejected('commune', { code });
      formerCode = code;
      communeCode = former.into[0]!;
    }
    if (formerCode && !this.former.get(formerCode)) throw new Rejected('former', { code: formerCode });
    if (!opts.mayWrite(communeCode)) throw new Rejected('outside_area', { code: communeCode });
    const area = asNumber(get('area'));
    if (area !== undefined && area <= 0) throw new Rejected('area');
    const address = get('address');
    const addressText = typeof address === 'string' ? address.trim().slice(0, 500) : null;
    return {
      communeCode,
      formerCommuneCode: formerCode,
      sheet,
      parcel,
      areaM2: area ?? null,
      address: addressText,
      landUses: landUsesOf(get('landUse'), area ?? geometryArea),
      sourceSrid: opts.srid,
      synthetic: false,
      source: opts.sourceName,
      searchText: parcelSearchText([addressText, ...opts.placeNames(communeCode, formerCode)]),
    };
  }
}
