// Citizen service tiles. A tile shows on the home page only when the server lists its
// feature key (GET /api/features, face 'citizen') AND a feature of the web app declares it
// (its feature.ts `tile`), so a feature switched off on the server, or not yet built in the
// app, never shows a dead tile.
import type { Installation } from '@cds/contracts/system';
import type { FeatureTile } from '../app/feature.ts';
import { FEATURES } from './index.ts';

export type FeatureRegistry = Readonly<Record<string, FeatureTile>>;

export const FEATURE_REGISTRY: FeatureRegistry = Object.fromEntries(FEATURES.flatMap((f) => (f.tile ? [[f.key, f.tile]] : [])));

export interface CitizenTile extends FeatureTile {
  key: string;
}

/** The tiles to show, in the server's order, skipping keys the app does not know. */
export function citizenTiles(features: Installation['features'], registry: FeatureRegistry = FEATURE_REGISTRY): CitizenTile[] {
  const seen = new Set<string>();
  const tiles: CitizenTile[] = [];
  for (const f of features) {
    const tile = registry[f.key];
    if (f.face !== 'citizen' || !tile || seen.has(f.key)) continue;
    seen.add(f.key);
    tiles.push({ key: f.key, ...tile });
  }
  return tiles;
}
