// Vector tiles (Mapbox Vector Tile) for every map of the platform: commune boundaries and
// labels from the areas module as the base layer, and public reports on top.
// Tiles are cached briefly in memory; report points change often, boundaries rarely.
import { createHash } from 'node:crypto';
import { MAP_CLUSTER_BELOW_ZOOM } from '@cds/contracts';
import { invalidField } from '../../platform/errors.ts';
import { encodeLayer, tileLonLatBounds, tilePixel, type TileFeature } from '../../platform/mvt.ts';
import * as repo from './repo.ts';

const MAX_ZOOM = 20;
const POINTS_PER_TILE = 5000;
/** Cells of the cluster grid along a tile's side: a 512-pixel tile in cells of 32 pixels. */
const CLUSTER_CELLS = 16;
/** Tile pixels (of 4096) around a tile whose points are sent too, so a dot on the edge is drawn whole. */
const POINT_BUFFER = 64;
const TTL_MS = 30_000;
const CACHE_SIZE = 2000;

export interface Tile {
  bytes: Buffer;
  etag: string;
}

export class TileService {
  // promises, so that many people opening the same tile at once share one build of it
  private readonly cache = new Map<string, { tile: Promise<Tile>; at: number }>();

  constructor(private readonly db: repo.Db, private readonly boundaries: (z: number, x: number, y: number) => Promise<Buffer>) {}

  static check(z: number, x: number, y: number): void {
    if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) throw invalidField('z', 'validation.maximum', { limit: MAX_ZOOM });
    const n = 2 ** z;
    if (!Number.isInteger(x) || x < 0 || x >= n) throw invalidField('x', 'validation.maximum', { limit: n - 1 });
    if (!Number.isInteger(y) || y < 0 || y >= n) throw invalidField('y', 'validation.maximum', { limit: n - 1 });
  }

  tile(z: number, x: number, y: number, now = Date.now()): Promise<Tile> {
    TileService.check(z, x, y);
    const key = `${z}/${x}/${y}`;
    const hit = this.cache.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.tile;
    const tile = this.build(z, x, y);
    this.cache.delete(key);
    this.cache.set(key, { tile, at: now });
    tile.catch(() => this.cache.delete(key));
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return tile;
  }

  private async build(z: number, x: number, y: number): Promise<Tile> {
    // an MVT is a protobuf of layers, so two tiles concatenate into one with both layers
    const [base, reports] = await Promise.all([this.boundaries(z, x, y), this.reports(z, x, y)]);
    const bytes = Buffer.concat([base, reports]);
    return { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` };
  }

  /**
   * The `reports` layer. Zoomed out, a tile over a city would hold thousands of dots on top of
   * one another, costly to send and useless to tap: there it holds one circle per grid cell with
   * its `count` (a cell with a single report stays that report's dot).
   */
  private async reports(z: number, x: number, y: number): Promise<Buffer> {
    const at = (lat: number, lon: number): TileFeature['geometry'] => ({ type: 'Point', coordinates: tilePixel(lat, lon, z, x, y) });
    if (z < MAP_CLUSTER_BELOW_ZOOM) {
      const cells = await repo.tileClusters(this.db, tileLonLatBounds(z, x, y), CLUSTER_CELLS);
      return encodeLayer('reports', cells.map((c): TileFeature => ({
        geometry: at(c.lat, c.lon),
        properties: c.count === 1 ? { code: c.code, status: c.status, category: c.category } : { count: c.count },
      })));
    }
    const points = await repo.tilePoints(this.db, tileLonLatBounds(z, x, y, POINT_BUFFER), POINTS_PER_TILE);
    return encodeLayer('reports', points.map((p) => ({
      geometry: at(p.lat, p.lon),
      properties: { code: p.code, status: p.status, category: p.category, supporters: p.supporters },
    })));
  }
}
