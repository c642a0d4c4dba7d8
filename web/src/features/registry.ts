// Citizen service tiles. A tile shows on the home page only when the server lists its
// feature key (GET /api/features, face 'citizen') AND the web app has registered it here,
// so a feature switched off on the server, or not yet built in the app, never shows a dead tile.
// Later features add one entry each, e.g.
//   reports: { icon: 'megaphone', labelKey: 'features.reports.label', descriptionKey: 'features.reports.description', route: '/reports' },
import type { IconName } from '../ui/Icon.tsx';
import type { Installation } from '@cds/contracts/system';

export interface FeatureTile {
  icon: IconName;
  /** Key in locales/*.json for the tile's name. */
  labelKey: string;
  /** Key for one short line under the name. */
  descriptionKey?: string;
  route: string;
}

export type FeatureRegistry = Readonly<Record<string, FeatureTile>>;

export const FEATURE_REGISTRY: FeatureRegistry = {
  dossiers: { icon: 'document', labelKey: 'dossiers.tile.label', descriptionKey: 'dossiers.tile.description', route: '/dossiers' },
  procedures: { icon: 'search', labelKey: 'procedures.tile.label', descriptionKey: 'procedures.tile.description', route: '/procedures' },
  reports: { icon: 'megaphone', labelKey: 'reports.tile.label', descriptionKey: 'reports.tile.description', route: '/reports' },
  news: { icon: 'bell', labelKey: 'news.tile.label', descriptionKey: 'news.tile.description', route: '/news' },
};

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
