import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeRing, polygonProblem, textsFor } from './alerts.rules.ts';

describe('alerts rules', () => {
  it('accepts a closed simple polygon and names what is wrong with the others', () => {
    const square = closeRing([[106, 22], [106.1, 22], [106.1, 22.1], [106, 22.1]]);
    assert.deepEqual(square[square.length - 1], [106, 22]);
    assert.equal(polygonProblem(square), null);
    assert.equal(polygonProblem([[106, 22], [106.1, 22], [106.1, 22.1], [106, 22.1]]), 'open');
    assert.equal(polygonProblem([[106, 22], [106.1, 22], [106, 22], [106, 22]]), 'too_few');
    // a bow tie: the edges (106,22)-(106.1,22.1) and (106.1,22)-(106,22.1) cross
    assert.equal(polygonProblem(closeRing([[106, 22], [106.1, 22.1], [106.1, 22], [106, 22.1]])), 'self_crossing');
    // a concave (L-shaped) polygon is fine
    assert.equal(polygonProblem(closeRing([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]])), null);
  });

  it('closeRing does not repeat a corner that already closes the ring', () => {
    assert.equal(closeRing([[0, 0], [1, 0], [1, 1], [0, 0]]).length, 4);
  });

  it('shows the block of the person’s language, with Vietnamese as fallback', () => {
    const main = { headline: 'Lũ quét' };
    const tr = [{ language: 'en', headline: 'Flash flood' }, { language: 'tyz', headline: 'Nặm lũ' }];
    assert.equal(textsFor(main, tr, 'vi').headline, 'Lũ quét');
    assert.equal(textsFor(main, tr, 'en-US').headline, 'Flash flood');
    assert.equal(textsFor(main, tr, 'tyz').headline, 'Nặm lũ');
    assert.equal(textsFor(main, tr, 'fr').headline, 'Lũ quét');
    assert.equal(textsFor(main, tr.slice(0, 0), 'en').headline, 'Lũ quét');
  });
});
