// Checks the in-memory search spike (procedure-index.ts) against the SQL search it ports, on
// PostgreSQL (BENCH_DATABASE_URL, an admin URL) with the 2,000 procedures of the volume:
// the same rows in the same order and the same total for the 39 real queries and more, the
// same word_similarity on sampled pairs, and the time an in-memory search takes.
// Usage: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/spikes/procedure-index-parity.ts
import { openPostgres } from '../../server/src/db/connection.ts';
import { ProceduresRepo } from '../../server/src/modules/procedures/repo.ts';
import { prepareQuery } from '../../server/src/modules/procedures/search.ts';
import { SEARCH_CASES } from '../../server/src/modules/procedures/search-cases.ts';
import { postgresVolume } from '../volume.ts';
import { ProcedureIndex, type IndexedProcedure } from './procedure-index.ts';

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) throw new Error('set BENCH_DATABASE_URL');
const volume = await postgresVolume(adminUrl, { citizens: 10, reports: 10, dossiers: 10, procedures: 2000 });
const db = await openPostgres(volume.env.DATABASE_URL!, 2);
try {
  const rows = (await db.query<IndexedProcedure>(
    'SELECT id, code, name, essential, search_name, search_aliases, search_sector, name_words, alias_words, alias_phrases FROM procedures')).rows;
  let started = performance.now();
  const index = new ProcedureIndex(rows);
  console.log(`${rows.length} procedures indexed in ${Math.round(performance.now() - started)} ms`);

  const repo = new ProceduresRepo(db);
  const more = ['khai sinh', 'xyzzy qwerty', 'giay phep', 'dat dai', 'cap', 'ho chieu', 'tam tru tam vang', 'kinh doanh karaoke', 'lam so do', 'giay to',
    'nguoi nuoc ngoai', 'cap lai', 'dang ky', 'ket hon voi nguoi nuoc ngoai', 'khai sihn', 'chung thuc', 'thue', 'bao hiem y te', 'xay dung nha o', 'dang ky thuong tru'];
  let same = 0;
  for (const q of [...SEARCH_CASES.map((c) => c[0]), ...more]) {
    const p = prepareQuery(q);
    for (const [limit, offset] of [[20, 0], [20, 20], [3, 0]] as const) {
      const a = await repo.search(p, {}, limit, offset);
      const b = index.search(p, limit, offset);
      const codes = (xs: { code: string }[]) => xs.map((x) => x.code).join(',');
      if (codes(a.rows) === codes(b.rows) && a.total === b.total) same++;
      else console.log(`DIFFERENT: "${q}" limit ${limit} offset ${offset}\n  sql    ${a.total} ${codes(a.rows)}\n  memory ${b.total} ${codes(b.rows)}`);
    }
  }
  const cases = (SEARCH_CASES.length + more.length) * 3;
  const top3 = SEARCH_CASES.filter(([q, code]) => index.search(prepareQuery(q), 3, 0).rows.some((r) => r.code === code)).length;

  const prepared = SEARCH_CASES.map(([q]) => prepareQuery(q));
  started = performance.now();
  const runs = 2000;
  for (let i = 0; i < runs; i++) index.search(prepared[i % prepared.length]!, 20, 0);
  const mean = (performance.now() - started) / runs;
  console.log(`same rows, order and total: ${same}/${cases}; expected procedure in the first three: ${top3}/${SEARCH_CASES.length}; ` +
    `mean in-memory search (prepared query, 20 rows): ${mean.toFixed(2)} ms`);
  if (same !== cases) process.exitCode = 1;
} finally {
  await db.close();
  await volume.cleanup();
}
