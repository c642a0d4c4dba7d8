// Vector tiles (Mapbox Vector Tile) for every map of the platform: commune boundaries and
// labels from the areas module as the base layer, and public report points on top.
// Tiles are cached briefly in memory; report points change often, boundaries rarely.
import { createHash } from 'node:crypto';
import { invalidField } from '../../platform/errors.ts';
import * as repo from './repo.ts';

const MAX_ZOOM = 20;
const POINTS_PER_TILE = 5000;
const TTL_MS = 30_000;
const CACHE_SIZE = 500;

export interface Tile {
  bytes: Buffer;
  etag: string;
}

export class TileService {
  private readonly cache = new Map<string, { tile: Tile; at: number }>();

  constructor(private readonly db: repo.Db, private readonly boundaries: (z: number, x: number, y: number) => Promise<Buffer>) {}

  static check(z: number, x: number, y: number): void {
    if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) throw invalidField('z', 'validation.maximum', { limit: MAX_ZOOM });
    const n = 2 ** z;
    if (!Number.isInteger(x) || x < 0 || x >= n) throw invalidField('x', 'validation.maximum', { limit: n - 1 });
    if (!Number.isInteger(y) || y < 0 || y >= n) throw invalidField('y', 'validation.maximum', { limit: n - 1 });
  }

  async tile(z: number, x: number, y: number, now = Date.now()): Promise<Tile> {
    TileService.check(z, x, y);
    const key = `${z}/${x}/${y}`;
    const hit = this.cache.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.tile;
    // an MVT is a protobuf of layers, so two tiles concatenate into one with both layers
    const bytes = Buffer.concat([await this.boundaries(z, x, y), await repo.reportTile(this.db, z, x, y, POINTS_PER_TILE)]);
    const tile = { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` };
    this.cache.delete(key);
    this.cache.set(key, { tile, at: now });
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return tile;
  }
}
