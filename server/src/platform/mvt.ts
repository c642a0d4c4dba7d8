// Mapbox Vector Tile (MVT 2.1) encoding. PostGIS's ST_AsMVT needs protobuf-c, which the
// embedded PGlite build lacks, so SQL returns geometries already clipped and scaled to tile
// pixels (see tileGeometrySql), this file turns them into MVT commands, and pbf (the protobuf
// writer MapLibre's own tile code uses) writes the bytes.
import { PbfWriter } from 'pbf';
import { sql, type RawBuilder } from 'kysely';

export const EXTENT = 4096;

type Pos = [number, number];
export type TileGeometry =
  | { type: 'Point'; coordinates: Pos }
  | { type: 'MultiPoint'; coordinates: Pos[] }
  | { type: 'LineString'; coordinates: Pos[] }
  | { type: 'MultiLineString'; coordinates: Pos[][] }
  | { type: 'Polygon'; coordinates: Pos[][] }
  | { type: 'MultiPolygon'; coordinates: Pos[][][] }
  | { type: 'GeometryCollection'; geometries: TileGeometry[] };

export interface TileFeature {
  geometry: TileGeometry;
  properties: Record<string, string | number | boolean | null>;
}

/**
 * SQL for a geometry column in EPSG:4326 → GeoJSON in tile pixels (0..4096, y down),
 * clipped to the tile plus a buffer and simplified to about a pixel.
 */
export function tileGeometrySql(geom: RawBuilder<unknown>, z: number, x: number, y: number, bufferPx = 64, opts: { simplify?: boolean } = {}): RawBuilder<string> {
  const size = 40075016.68557849 / 2 ** z;
  const minX = -20037508.342789244 + x * size;
  const maxY = 20037508.342789244 - y * size;
  const scale = EXTENT / size;
  const pad = (bufferPx / EXTENT) * size;
  const clipped = sql`ST_ClipByBox2D(ST_Transform(${geom}, 3857), ST_MakeEnvelope(${minX - pad}::float8, ${maxY - size - pad}::float8, ${minX + size + pad}::float8, ${maxY + pad}::float8, 3857))`;
  // `simplify: false` where no vertex can be closer than half a tile unit (small shapes at high zoom): the step costs without removing anything
  const shape = opts.simplify === false ? clipped : sql`ST_SimplifyPreserveTopology(${clipped}, ${size / EXTENT / 2}::float8)`;
  return sql<string>`ST_AsGeoJSON(ST_Affine(${shape}, ${scale}::float8, 0, 0, ${-scale}::float8, ${-minX * scale}::float8, ${maxY * scale}::float8), 0)`;
}

/** The tile's bounds in EPSG:4326, for an index-friendly `geom && bounds` filter. */
export function tileBoundsSql(z: number, x: number, y: number): RawBuilder<unknown> {
  const size = 40075016.68557849 / 2 ** z;
  const minX = -20037508.342789244 + x * size;
  const maxY = 20037508.342789244 - y * size;
  return sql`ST_Transform(ST_MakeEnvelope(${minX}::float8, ${maxY - size}::float8, ${minX + size}::float8, ${maxY}::float8, 3857), 4326)`;
}

/** A tile's edges in degrees, grown by `bufferPx` tile pixels on every side. */
export function tileLonLatBounds(z: number, x: number, y: number, bufferPx = 0): { west: number; south: number; east: number; north: number } {
  const n = 2 ** z;
  const pad = bufferPx / EXTENT;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return { west: ((x - pad) / n) * 360 - 180, east: ((x + 1 + pad) / n) * 360 - 180, north: lat(y - pad), south: lat(y + 1 + pad) };
}

/**
 * A WGS84 position in a tile's pixels (Web Mercator, y down), in plain arithmetic: for points
 * this is what tileGeometrySql does in the database, without a PostGIS call per point.
 */
export function tilePixel(lat: number, lon: number, z: number, x: number, y: number): [number, number] {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  const ty = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n;
  return [Math.round((((lon + 180) / 360) * n - x) * EXTENT), Math.round((ty - y) * EXTENT)];
}

const zigzag = (n: number) => (n << 1) ^ (n >> 31);
const command = (id: number, count: number) => (id & 0x7) | (count << 3);

function ringArea(ring: Pos[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return a / 2;
}

/** Rounds to pixels, drops repeated points and the closing point of rings. */
function clean(line: Pos[], ring: boolean): Pos[] {
  const out: Pos[] = [];
  for (const [px, py] of line) {
    // an empty clip comes back as a point without coordinates
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    const p: Pos = [Math.round(px), Math.round(py)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (ring && out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  return out;
}

function encodeGeometry(g: TileGeometry): { type: 1 | 2 | 3; commands: number[] } | null {
  const cmds: number[] = [];
  let cx = 0;
  let cy = 0;
  const moveTo = (points: Pos[]) => {
    cmds.push(command(1, points.length));
    for (const [px, py] of points) {
      cmds.push(zigzag(px - cx), zigzag(py - cy));
      cx = px;
      cy = py;
    }
  };
  const path = (pts: Pos[], close: boolean) => {
    moveTo([pts[0]!]);
    cmds.push(command(2, pts.length - 1));
    for (const [px, py] of pts.slice(1)) {
      cmds.push(zigzag(px - cx), zigzag(py - cy));
      cx = px;
      cy = py;
    }
    if (close) cmds.push(command(7, 1));
  };
  const polygon = (rings: Pos[][]) => {
    rings.forEach((raw, i) => {
      let ring = clean(raw, true);
      if (ring.length < 3) return;
      // exterior rings have positive area in tile pixels (y down), holes negative
      if ((ringArea(ring) > 0) !== (i === 0)) ring = [...ring].reverse();
      path(ring, true);
    });
  };
  switch (g.type) {
    case 'Point':
    case 'MultiPoint': {
      const points = clean(g.type === 'Point' ? [g.coordinates] : g.coordinates, false);
      if (points.length === 0) return null;
      moveTo(points);
      return { type: 1, commands: cmds };
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = (g.type === 'LineString' ? [g.coordinates] : g.coordinates).map((l) => clean(l, false)).filter((l) => l.length >= 2);
      lines.forEach((l) => path(l, false));
      return cmds.length ? { type: 2, commands: cmds } : null;
    }
    case 'Polygon':
    case 'MultiPolygon':
      (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).forEach(polygon);
      return cmds.length ? { type: 3, commands: cmds } : null;
    case 'GeometryCollection': {
      const polys = g.geometries.filter((x): x is Extract<TileGeometry, { type: 'Polygon' | 'MultiPolygon' }> => x.type === 'Polygon' || x.type === 'MultiPolygon');
      if (polys.length === 0) return null;
      return encodeGeometry({ type: 'MultiPolygon', coordinates: polys.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.coordinates)) });
    }
  }
}

interface EncodedFeature {
  tags: number[];
  type: 1 | 2 | 3;
  commands: number[];
}

interface EncodedLayer {
  name: string;
  features: EncodedFeature[];
  keys: string[];
  values: (string | number | boolean)[];
}

/** One layer of a tile; tiles are layers concatenated, so `Buffer.concat` joins them. */
export function encodeLayer(name: string, features: TileFeature[]): Buffer {
  const layer: EncodedLayer = { name, features: [], keys: [], values: [] };
  const keyIndex = new Map<string, number>();
  // a Map tells "1" from 1, as the tile's value table must
  const valueIndex = new Map<string | number | boolean, number>();
  for (const f of features) {
    const geom = encodeGeometry(f.geometry);
    if (!geom) continue;
    const tags: number[] = [];
    for (const k in f.properties) {
      const v = f.properties[k];
      if (v === null || v === undefined) continue;
      let ki = keyIndex.get(k);
      if (ki === undefined) keyIndex.set(k, (ki = layer.keys.push(k) - 1));
      let vi = valueIndex.get(v);
      if (vi === undefined) valueIndex.set(v, (vi = layer.values.push(v) - 1));
      tags.push(ki, vi);
    }
    layer.features.push({ tags, type: geom.type, commands: geom.commands });
  }
  if (layer.features.length === 0) return Buffer.alloc(0);
  const pbf = new PbfWriter();
  pbf.writeMessage(3, writeLayer, layer);
  const bytes = pbf.finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// field numbers of vector_tile.proto (MVT 2.1)
function writeLayer(layer: EncodedLayer, pbf: PbfWriter): void {
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, layer.name);
  for (const f of layer.features) pbf.writeMessage(2, writeFeature, f);
  for (const k of layer.keys) pbf.writeStringField(3, k);
  for (const v of layer.values) pbf.writeMessage(4, writeValue, v);
  pbf.writeVarintField(5, EXTENT);
}

function writeFeature(f: EncodedFeature, pbf: PbfWriter): void {
  if (f.tags.length) pbf.writePackedVarint(2, f.tags);
  pbf.writeVarintField(3, f.type);
  pbf.writePackedVarint(4, f.commands);
}

function writeValue(v: string | number | boolean, pbf: PbfWriter): void {
  if (typeof v === 'string') pbf.writeStringField(1, v);
  else if (typeof v === 'boolean') pbf.writeBooleanField(7, v);
  else if (Number.isInteger(v) && v >= 0) pbf.writeVarintField(5, v);
  else pbf.writeDoubleField(3, v);
}
