// Map names: each drawn once, never on top of another, the more important winning a clash.
import { describe, expect, it } from 'vitest';
import { baseLayers, placeLabels, type LabelCandidate } from './basemap.ts';

const c = (key: string, text: string, x: number, y: number, priority: number): LabelCandidate => ({ key, text, x, y, priority, className: 'map-label' });
const view = { width: 400, height: 400 };

describe('placeLabels', () => {
  it('keeps the more important of two names that would overlap', () => {
    const placed = placeLabels([c('p1', 'Thôn Nà Chuông', 200, 200, 5), c('c1', 'Phường Lương Văn Tri', 205, 203, 2)], 12.8, view);
    expect(placed.map((p) => p.key)).toEqual(['c1']);
  });

  it('draws a name once even when several tiles carry its label point', () => {
    const placed = placeLabels([c('c1', 'Xã Đồng Đăng', 100, 100, 2), c('c1', 'Xã Đồng Đăng', 300, 300, 2)], 12.8, view);
    expect(placed).toHaveLength(1);
  });

  it('places names that do not touch, and none cut by the edge of the map', () => {
    const placed = placeLabels([c('a', 'Xã A', 100, 100, 2), c('b', 'Xã B', 100, 200, 2), c('edge', 'Xã Ở Rìa Bản Đồ', 5, 390, 2)], 12.8, view);
    expect(placed.map((p) => p.key)).toEqual(['a', 'b']);
    const [a, b] = placed;
    expect(a!.box[3] <= b!.box[1] || b!.box[3] <= a!.box[1]).toBe(true);
  });

  it('grows the boxes with the font, so large text keeps names apart too', () => {
    const near = [c('a', 'Phường Tam Thanh', 200, 100, 2), c('b', 'Phường Kỳ Lừa', 200, 118, 2)];
    expect(placeLabels(near, 10, view)).toHaveLength(2);
    expect(placeLabels(near, 16, view)).toHaveLength(1);
  });
});

describe('baseLayers', () => {
  it('draws the province outline and the national border above the communes', () => {
    const ids = baseLayers('cds').map((l) => l.id);
    expect(ids.indexOf('province-line')).toBeGreaterThan(ids.indexOf('communes'));
    expect(ids.indexOf('border-line')).toBeGreaterThan(ids.indexOf('communes-line'));
    expect(ids).toEqual(expect.arrayContaining(['water', 'roads']));
  });
});
