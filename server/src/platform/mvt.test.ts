// The vector tile encoder against the reference decoder MapLibre uses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VectorTile } from '@mapbox/vector-tile';
import * as P from 'pbf';
import { encodeLayer } from './mvt.ts';

const Pbf = ((P as unknown as { default?: unknown }).default ?? (P as unknown as { PbfReader?: unknown }).PbfReader) as new (b: Buffer) => never;

describe('MVT encoding', () => {
  it('writes points and polygons that decode back, with exterior rings clockwise', () => {
    const tile = Buffer.concat([
      encodeLayer('shapes', [
        { geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 100], [100, 100], [100, 0], [0, 0]], [[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]]] }, properties: { name: 'Xã Thất Khê', n: 3, ok: true } },
      ]),
      encodeLayer('dots', [
        { geometry: { type: 'Point', coordinates: [5.4, 7.6] }, properties: { code: 'PA-1', x: -1.5 } },
        { geometry: { type: 'Point', coordinates: [] as unknown as [number, number] }, properties: { code: 'empty' } },
      ]),
      encodeLayer('none', []),
    ]);
    const vt = new VectorTile(new Pbf(tile));
    assert.deepEqual(Object.keys(vt.layers).sort(), ['dots', 'shapes']);
    const poly = vt.layers.shapes!.feature(0);
    assert.equal(poly.type, 3);
    assert.deepEqual({ ...poly.properties }, { name: 'Xã Thất Khê', n: 3, ok: true });
    const rings = poly.loadGeometry();
    assert.equal(rings.length, 2);
    const area = (r: { x: number; y: number }[]) => r.reduce((a, p, i) => { const q = r[(i + 1) % r.length]!; return a + p.x * q.y - q.x * p.y; }, 0);
    assert.ok(area(rings[0]!) > 0, 'exterior ring positive');
    assert.ok(area(rings[1]!) < 0, 'hole negative');
    assert.equal(vt.layers.dots!.length, 1, 'an empty point is dropped');
    const dot = vt.layers.dots!.feature(0);
    assert.deepEqual(dot.loadGeometry().map((r) => r.map((p) => ({ x: p.x, y: p.y }))), [[{ x: 5, y: 8 }]]);
    assert.deepEqual({ ...dot.properties }, { code: 'PA-1', x: -1.5 });
    assert.equal(vt.layers.dots!.extent, 4096);
  });
});
