// The news rule table: editors of the holding agency write; a second editor reviews.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Principal } from '../../platform/auth.ts';
import { can, type AreaTree } from '../../platform/policy.ts';
import { newsRules, type NewsSubject } from './policy.ts';

const PROVINCE_AGENCY = 'a0000000-0000-4000-8000-000000000020';
const COMMUNE_AGENCY = 'a0000000-0000-4000-8000-000000005983';
const areas: AreaTree = { isWithin: (code, scope) => scope === null || code === scope || (scope.length === 2 && code.startsWith(scope)) };

function editor(userId: string, agencyId: string, areaCode: string): Principal {
  return { userId, sessionId: 's', roles: ['citizen', 'news_editor'], memberships: [{ id: `m-${userId}`, role: 'news_editor', agencyId, areaCode }] };
}

const item = (over: Partial<NewsSubject> = {}): NewsSubject => ({ agencyId: PROVINCE_AGENCY, areaCode: '20', authorId: 'w', updatedBy: 'w', submittedBy: 'w', ...over });

describe('news rules table', () => {
  const writer = editor('w', PROVINCE_AGENCY, '20');
  const second = editor('r', PROVINCE_AGENCY, '20');
  const communeEditor = editor('c', COMMUNE_AGENCY, '05983');
  const officer: Principal = { userId: 'o', sessionId: 's', roles: ['citizen', 'officer'], memberships: [{ id: 'mo', role: 'officer', agencyId: PROVINCE_AGENCY, areaCode: '20' }] };
  const citizen: Principal = { userId: 'x', sessionId: 's', roles: ['citizen'], memberships: [] };

  it('lets the agency\'s editors write, and nobody else', () => {
    assert.equal(can(newsRules, 'write', writer, item(), areas), true);
    assert.equal(can(newsRules, 'write', second, item(), areas), true);
    assert.equal(can(newsRules, 'write', communeEditor, item(), areas), false);
    assert.equal(can(newsRules, 'write', officer, item(), areas), false);
    assert.equal(can(newsRules, 'write', citizen, item(), areas), false);
  });

  it('lets only a second editor of the agency review', () => {
    assert.equal(can(newsRules, 'review', writer, item(), areas), false);
    assert.equal(can(newsRules, 'review', second, item(), areas), true);
    assert.equal(can(newsRules, 'review', second, item({ updatedBy: 'r' }), areas), false, 'the last editor of the text is not a second pair of eyes');
    assert.equal(can(newsRules, 'review', communeEditor, item(), areas), false);
  });
});
