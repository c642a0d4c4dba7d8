// The in-process search (search-index.ts, search-catalogue.ts) against its oracle, the SQL
// search of repo.ts, on the seeded catalogue: same rows, same order, same total; and the
// index follows the catalogue when it changes (here, through NOTIFY, and by the version check).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { createProceduresTestApp, type ProceduresTestApp } from '../../../test/procedures.ts';
import { ProceduresRepo, type SearchFilter } from './repo.ts';
import { SearchCatalogue } from './search-catalogue.ts';
import { ProcedureIndex, trigrams } from './search-index.ts';
import { prepareQuery, type PreparedQuery } from './search.ts';
import { SEARCH_CASES } from './search-cases.ts';
import { toValues } from './service.ts';
import type { ProcedureInput } from '@cds/contracts/procedures';

const MORE = ['khai sinh', 'xyzzy qwerty', 'giay phep', 'dat dai', 'cap', 'ho chieu', 'tam tru tam vang', 'kinh doanh karaoke', 'lam so do',
  'giay to', 'nguoi nuoc ngoai', 'cap lai', 'dang ky', 'ket hon voi nguoi nuoc ngoai', 'khai sihn', 'khaisinh', 'ket honn', 'chung thuc',
  'thue', 'bao hiem y te', 'xay dung nha o', 'dang ky thuong tru', 'cong chung giay to', 'CCCD', 'gplx', 'Đăng ký khai sinh', 'a', '12'];
const PAGES = [[20, 0], [20, 20], [3, 0], [5, 3]] as const;
const FILTERS: SearchFilter[] = [{ tier: 'commune' }, { level: 'full_online' }, { essential: true }, { lifeEvent: 'having_baby' },
  { agency: 'STP-20' }, { sector: 'Hộ tịch', essential: false }];

const codes = (r: { rows: { code: string }[]; total: number }) => `${r.total}: ${r.rows.map((x) => x.code).join(',')}`;

function procedure(code: string, name: string, keywords: string[]): ProcedureInput {
  return {
    code, name, sector: 'Nông nghiệp', level: 'partial_online', tier: 'commune', agencyCode: null, agencyLabel: 'UBND cấp xã',
    processingDays: 5, processingNote: null, fees: [], requiredDocuments: [], applicants: 'Công dân', legalBasis: [], steps: ['Nộp hồ sơ'],
    result: 'Giấy xác nhận', formSchema: { type: 'object', properties: {}, required: [] }, lifeEvents: [], keywords, essential: false,
    online: false, externalUrl: null,
  };
}

describe('procedure search in process', () => {
  let t: ProceduresTestApp;
  let repo: ProceduresRepo;
  before(async () => {
    t = await createProceduresTestApp();
    repo = new ProceduresRepo(t.db);
  });
  after(() => t.teardown());

  it('gives the rows, order and total of the SQL search on the seeded catalogue', async () => {
    const index = new ProcedureIndex(await repo.searchIndexRows());
    assert.ok(index.rows.length >= 50, `catalogue of ${index.rows.length}`);
    const differences: string[] = [];
    let compared = 0;
    const catalogue = new SearchCatalogue(repo, console);
    const check = async (label: string, q: PreparedQuery | null, filter: SearchFilter, limit: number, offset: number) => {
      const sql = await repo.search(q, filter, limit, offset);
      const memory = await catalogue.search(q, filter, limit, offset);
      compared++;
      if (codes(sql) !== codes(memory)) differences.push(`${label} ${limit}/${offset}\n  sql    ${codes(sql)}\n  memory ${codes(memory)}`);
    };
    for (const text of [...SEARCH_CASES.map((c) => c[0]), ...MORE]) {
      const q = prepareQuery(text);
      for (const [limit, offset] of PAGES) await check(`"${text}"`, q, {}, limit, offset);
    }
    for (const filter of FILTERS) {
      for (const text of ['khai sinh', 'cap', 'dang ky kinh doanh', 'ket hon']) await check(`"${text}" ${JSON.stringify(filter)}`, prepareQuery(text), filter, 20, 0);
      await check(`list ${JSON.stringify(filter)}`, null, filter, 20, 0);
    }
    for (const [limit, offset] of PAGES) await check('list', null, {}, limit, offset);
    assert.deepEqual(differences, []);
    assert.ok(compared > 200);
  });

  it('has pg_trgm\'s trigrams and word_similarity', async () => {
    assert.deepEqual(trigrams('ab c'), ['  a', ' ab', 'ab ', '  c', ' c ']);
    const pairs: [string, string][] = [['khai sinh', 'dang ky khai sinh'], ['khaisinh', 'dang ky khai sinh'], ['ket honn', 'dang ky ket hon'],
      ['giay phep lai xe', 'doi giay phep lai xe do nganh giao thong van tai cap'], ['xyz', 'abc'], ['cap lai', 'cap giay chung nhan quyen su dung dat']];
    for (const [a, b] of pairs) {
      const index = new ProcedureIndex([{ essential: false, search_name: b, search_aliases: '', search_sector: '', name_words: b.split(' '),
        alias_words: [], alias_phrases: [] }]);
      const expected = (await t.db.query<{ s: number }>('SELECT word_similarity($1, $2) AS s', [a, b])).rows[0]!.s;
      const q = prepareQuery(a);
      const memory = index.search({ ...q, text: a, words: a.split(' '), pickWords: a.split(' '), phrases: [], typedWords: a.split(' ').length }, 1, 0);
      // the score of a lone name is its similarity plus the word and substring parts, which are 0 here only when no word is shared
      if (memory.rows.length && !b.split(' ').some((w) => a.split(' ').includes(w)) && !b.includes(a)) {
        assert.equal(memory.rows[0]!.score, Math.fround(expected), `${a} / ${b}`);
      }
    }
  });

  it('sees a procedure another process wrote, once its event arrives (NOTIFY)', async () => {
    const before = (await t.app.inject({ url: '/api/procedures?q=zorblat&limit=3' })).json();
    assert.equal(before.total, 0);
    const heard = once(t.platform.events.live, 'event');
    // what another process does: the row and its event in one transaction, no call into this process
    await t.db.kysely.transaction().execute(async (trx) => {
      const id = await repo.insert({ ...toValues(procedure('LS.TEST.FISH', 'Cấp phép nuôi cá zorblat', ['ca zorblat'])), source: 'admin', pack_hash: null }, trx);
      await t.platform.events.publish(trx as Kysely<object>, 'procedure.created', id, { code: 'LS.TEST.FISH' });
    });
    await heard;
    const after = (await t.app.inject({ url: '/api/procedures?q=zorblat&limit=3' })).json();
    assert.equal(after.items[0]?.code, 'LS.TEST.FISH');
  });

  it('notices a change that sent no event at its next version check', async () => {
    let now = 1_000_000;
    const catalogue = new SearchCatalogue(repo, console, () => now);
    const search = () => catalogue.search(prepareQuery('quexotl'), {}, 3, 0);
    assert.equal((await search()).total, 0);
    await repo.insert({ ...toValues(procedure('LS.TEST.GOAT', 'Cấp phép nuôi dê quexotl', ['de quexotl'])), source: 'admin', pack_hash: null });
    assert.equal((await search()).total, 0, 'served from the index until the check is due');
    now += 31_000;
    await search();
    await catalogue.stop();
    assert.equal((await search()).rows[0]?.code, 'LS.TEST.GOAT');
  });
});
