// Ranking: real queries, typed the way people type them, must find the right procedure
// in the top 3 of the seeded Lạng Sơn catalogue.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createProceduresTestApp, type ProceduresTestApp } from '../../../test/procedures.ts';
import { SEARCH_CASES as QUERIES } from './search-cases.ts';

describe('procedure search ranking', () => {
  let t: ProceduresTestApp;
  before(async () => {
    t = await createProceduresTestApp();
  });
  after(() => t.teardown());

  it(`finds the expected procedure in the top 3 for ${QUERIES.length} real queries`, async () => {
    const misses: string[] = [];
    for (const [q, code, kind] of QUERIES) {
      const res = await t.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent(q)}&limit=3` });
      assert.equal(res.statusCode, 200);
      const codes = (res.json().items as { code: string }[]).map((i) => i.code);
      if (!codes.includes(code)) misses.push(`"${q}" (${kind}) → expected ${code}, got ${codes.join(', ') || 'nothing'}`);
    }
    assert.deepEqual(misses, []);
  });

  it('puts the exact legal name first', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent('Đăng ký khai sinh')}` });
    assert.equal(res.json().items[0].code, '1.001193');
  });

  it('falls back to trigrams when no word matches (typos in every word)', async () => {
    for (const q of ['khaisinh', 'ket honn']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent(q)}&limit=3` });
      assert.ok(res.json().total > 0, q);
    }
    const birth = await t.app.inject({ method: 'GET', url: '/api/procedures?q=khaisinh&limit=3' });
    assert.ok(birth.json().items.some((i: { code: string }) => i.code === '1.001193'), birth.body);
  });

  it('pages through the typo matches like any others', async () => {
    const first = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=khaisinh&limit=2' })).json<{ items: { code: string }[]; total: number }>();
    assert.ok(first.total > 2, `needs more than one page: ${first.total}`);
    const second = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=khaisinh&limit=2&offset=2' })).json<{ items: { code: string }[]; total: number }>();
    assert.equal(second.total, first.total);
    assert.ok(second.items.length > 0);
    assert.ok(second.items.every((i) => !first.items.some((f) => f.code === i.code)));
  });

  it('returns nothing for words unrelated to any procedure', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/procedures?q=qwxzv%20plokij' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { items: [], total: 0 });
  });
});
