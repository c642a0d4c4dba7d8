// Vector tiles (Mapbox Vector Tile) for every map of the platform: commune boundaries and
// labels from the areas module as the base layer, and public reports on top.
// Tiles are cached briefly in memory; report points change often, boundaries rarely.
import { LRUCache } from 'lru-cache';
import { weakEtag } from '../../platform/etag.ts';
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
  // lru-cache's fetch builds a missing tile once for everyone asking for it at the same moment
  private readonly cache: LRUCache<string, Tile, { z: number; x: number; y: number }>;

  constructor(private readonly db: repo.Db, private readonly boundaries: (z: number, x: number, y: number) => Promise<Buffer>) {
    this.cache = new LRUCache({ max: CACHE_SIZE, ttl: TTL_MS, fetchMethod: (_key, _stale, { context: { z, x, y } }) => this.build(z, x, y) });
  }

  static check(z: number, x: number, y: number): void {
    if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) throw invalidField('z', 'validation.maximum', { limit: MAX_ZOOM });
    const n = 2 ** z;
    if (!Number.isInteger(x) || x < 0 || x >= n) throw invalidField('x', 'validation.maximum', { limit: n - 1 });
    if (!Number.isInteger(y) || y < 0 || y >= n) throw invalidField('y', 'validation.maximum', { limit: n - 1 });
  }

  async tile(z: number, x: number, y: number): Promise<Tile> {
    TileService.check(z, x, y);
    const tile = await this.cache.fetch(`${z}/${x}/${y}`, { context: { z, x, y } });
    // only an aborted fetch answers undefined, and this cache never aborts one
    if (!tile) throw new Error(`tile ${z}/${x}/${y} was not built`);
    return tile;
  }

  private async build(z: number, x: number, y: number): Promise<Tile> {
    // an MVT is a protobuf of layers, so two tiles concatenate into one with both layers
    const [base, reports] = await Promise.all([this.boundaries(z, x, y), this.reports(z, x, y)]);
    const bytes = Buffer.concat([base, reports]);
    return { bytes, etag: weakEtag(bytes) };
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
