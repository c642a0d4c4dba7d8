// Mapbox Vector Tile (MVT 2.1) encoding in plain TypeScript. PostGIS's ST_AsMVT needs
// protobuf-c, which the embedded PGlite build lacks, so SQL returns geometries already
// clipped and scaled to tile pixels (see tileGeometrySql) and this file writes the protobuf.
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

class Writer {
  private readonly parts: number[] = [];
  varint(n: number): this {
    let v = n;
    while (v > 0x7f) {
      this.parts.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.parts.push(v);
    return this;
  }
  tag(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }
  bytes(field: number, data: Uint8Array | number[]): this {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.parts.push(b);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytes(field, Buffer.from(s, 'utf8'));
  }
  packed(field: number, values: number[]): this {
    const inner = new Writer();
    for (const v of values) inner.varint(v);
    return this.bytes(field, inner.parts);
  }
  double(field: number, n: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(n);
    this.tag(field, 1);
    for (const x of b) this.parts.push(x);
    return this;
  }
  done(): number[] {
    return this.parts;
  }
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

/** One layer of a tile; tiles are layers concatenated, so `Buffer.concat` joins them. */
export function encodeLayer(name: string, features: TileFeature[]): Buffer {
  const keys: string[] = [];
  const values: (string | number | boolean)[] = [];
  const keyIndex = new Map<string, number>();
  const valueIndex = new Map<string, number>();
  const layer = new Writer().varint((15 << 3) | 0).varint(2).string(1, name);
  let count = 0;
  for (const f of features) {
    const geom = encodeGeometry(f.geometry);
    if (!geom) continue;
    const tags: number[] = [];
    for (const [k, v] of Object.entries(f.properties)) {
      if (v === null) continue;
      if (!keyIndex.has(k)) keyIndex.set(k, keys.push(k) - 1);
      const vk = `${typeof v}:${String(v)}`;
      if (!valueIndex.has(vk)) valueIndex.set(vk, values.push(v) - 1);
      tags.push(keyIndex.get(k)!, valueIndex.get(vk)!);
    }
    const feature = new Writer().packed(2, tags).tag(3, 0).varint(geom.type).packed(4, geom.commands);
    layer.bytes(2, feature.done());
    count++;
  }
  if (count === 0) return Buffer.alloc(0);
  for (const k of keys) layer.string(3, k);
  for (const v of values) {
    const w = new Writer();
    if (typeof v === 'string') w.string(1, v);
    else if (typeof v === 'boolean') w.tag(7, 0).varint(v ? 1 : 0);
    else if (Number.isInteger(v) && v >= 0) w.tag(5, 0).varint(v);
    else w.double(3, v);
    layer.bytes(4, w.done());
  }
  layer.tag(5, 0).varint(EXTENT);
  return Buffer.from(new Writer().bytes(3, layer.done()).done());
}
