import { describe, expect, it } from 'vitest';
import { citizenTiles, type FeatureRegistry } from './registry.ts';

const REGISTRY: FeatureRegistry = {
  reports: { icon: 'megaphone', labelKey: 'x.reports', route: '/reports' },
  procedures: { icon: 'document', labelKey: 'x.procedures', route: '/procedures' },
};

describe('citizenTiles', () => {
  it('shows only keys the server lists for citizens and the app has registered, in server order', () => {
    const tiles = citizenTiles(
      [
        { key: 'procedures', face: 'citizen' },
        { key: 'unknown', face: 'citizen' },
        { key: 'reports', face: 'staff' },
        { key: 'reports', face: 'citizen' },
        { key: 'reports', face: 'citizen' },
      ],
      REGISTRY,
    );
    expect(tiles.map((t) => t.key)).toEqual(['procedures', 'reports']);
  });

  it('shows nothing when the server lists nothing', () => {
    expect(citizenTiles([], REGISTRY)).toEqual([]);
  });
});
