import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchesEtag, weakEtag } from './etag.ts';

describe('weak validators', () => {
  it('are weak, differ with the bytes and match themselves, strong or weak, in a list or as *', () => {
    const a = weakEtag(Buffer.from('tile a'));
    const b = weakEtag(Buffer.from('tile b'));
    assert.match(a, /^W\/"[\w-]+"$/);
    assert.notEqual(a, b);
    assert.equal(matchesEtag(a, a), true);
    assert.equal(matchesEtag(a.slice(2), a), true, 'the same tag sent back strong');
    assert.equal(matchesEtag(`${b}, ${a}`, a), true);
    assert.equal(matchesEtag('*', a), true);
    assert.equal(matchesEtag(b, a), false);
    assert.equal(matchesEtag(undefined, a), false);
    assert.equal(matchesEtag('', a), false);
  });
});
