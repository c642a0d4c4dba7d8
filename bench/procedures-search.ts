// Procedure search latency at 2,000 procedures: the 154 real procedures of the Lạng Sơn
// pack plus synthetic variations of them, in a separate database, on PGlite and (when
// BENCH_DATABASE_URL is set, an admin URL) on PostgreSQL. Each search goes through the
// HTTP layer (app.inject: routing, validation, SQL, serialisation), one at a time, so the
// numbers are the latency one person sees, not throughput.
// Usage: npx tsx bench/procedures-search.ts   (writes bench/results/procedures-search.md)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { openPglite, openPostgres, type Database } from '../server/src/db/connection.ts';
import { collectMigrations, migrateUp } from '../server/src/db/migrate.ts';
import { MODULES } from '../server/src/modules/index.ts';
import { testConfig } from '../server/test/template.ts';
import { areasModule } from '../server/src/modules/areas/index.ts';
import { proceduresModule } from '../server/src/modules/procedures/index.ts';
import { ProceduresRepo } from '../server/src/modules/procedures/repo.ts';
import { toValues } from '../server/src/modules/procedures/service.ts';
import type { ProcedureInput } from '@cds/contracts/procedures';
import { SEARCH_CASES } from '../server/src/modules/procedures/search-cases.ts';
import { ROOT, machine } from './lib.ts';

const TARGET = 2000;
const RUNS = 1000;
const VARIANTS = ['(trường hợp đặc biệt)', 'đối với tổ chức', 'cho người nước ngoài', 'tại khu kinh tế cửa khẩu', '(thực hiện lại)', 'trong khu công nghiệp', 'có yếu tố nước ngoài', '(cấp lần hai)'];
const PREFIXES = ['', 'Điều chỉnh ', 'Gia hạn ', 'Cấp lại ', 'Thông báo '];

/** Synthetic procedures: real ones with another prefix or suffix and code, without the everyday aliases. */
function variations(real: ProcedureInput[], count: number): ProcedureInput[] {
  const out: ProcedureInput[] = [];
  for (let i = 0; out.length < count; i++) {
    const base = real[i % real.length]!;
    const prefix = PREFIXES[Math.floor(i / real.length) % PREFIXES.length]!;
    const suffix = VARIANTS[i % VARIANTS.length]!;
    const name = `${prefix}${prefix ? base.name.charAt(0).toLowerCase() + base.name.slice(1) : base.name} ${suffix}`;
    out.push({ ...base, code: `SYN.${i}`, name, keywords: [], essential: false });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Result = { database: string; count: number; p50: number; p95: number; p99: number; mean: number; top3: number; seedMs: number };

async function measure(database: string, db: Database): Promise<Result> {
  const seedStart = Date.now();
  await migrateUp(db, await collectMigrations(MODULES));
  const built = await buildApp({ config: testConfig(), db, logger: false, modules: [areasModule, proceduresModule] });
  await built.start({ seed: true, work: false });
  try {
    const { procedures } = built.platform.pack.readJson<{ procedures: ProcedureInput[] }>('procedures/procedures.json');
    const repo = new ProceduresRepo(db);
    await db.kysely.transaction().execute(async (trx) => {
      for (const p of variations(procedures, TARGET - procedures.length)) await repo.insert({ ...toValues(p), source: 'admin', pack_hash: null }, trx);
    });
    await db.query('ANALYZE procedures');
    const seedMs = Date.now() - seedStart;
    console.log(`${database}: ${TARGET} procedures ready in ${seedMs} ms; searching…`);
    const { count } = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM procedures')).rows[0]!;
    const url = (q: string) => `/api/procedures?q=${encodeURIComponent(q)}&limit=20`;
    for (let i = 0; i < 50; i++) await built.app.inject({ url: url(SEARCH_CASES[i % SEARCH_CASES.length]![0]) });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      const res = await built.app.inject({ url: url(SEARCH_CASES[i % SEARCH_CASES.length]![0]) });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
    }
    let top3 = 0;
    for (const [q, code] of SEARCH_CASES) {
      const items = (await built.app.inject({ url: `/api/procedures?q=${encodeURIComponent(q)}&limit=3` })).json().items as { code: string }[];
      if (items.some((i) => i.code === code)) top3 += 1;
    }
    times.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      database, count, seedMs, top3,
      p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)),
      mean: round(times.reduce((a, b) => a + b, 0) / times.length),
    };
  } finally {
    await built.close();
  }
}

async function onPglite(): Promise<Result> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-procedures-'));
  const db = await openPglite(path.join(dir, 'pglite'));
  try {
    return await measure('PGlite (embedded)', db);
  } finally {
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(adminUrl: string): Promise<Result> {
  const name = `cds_bench_procedures_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 5);
  try {
    return await measure('PostgreSQL', db);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const results = [await onPglite()];
if (process.env.BENCH_DATABASE_URL) results.push(await onPostgres(process.env.BENCH_DATABASE_URL));

const rows = results.map((r) => `| ${r.database} | ${r.count} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.mean} | ${r.top3}/${SEARCH_CASES.length} |`);
const report = `# Procedure search latency\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}.\n\n` +
  `${TARGET} procedures: the Lạng Sơn pack's real ones plus synthetic variations (another prefix or suffix on a real name,\n` +
  `no everyday aliases), in a fresh database per engine. ${RUNS} searches, one at a time through the HTTP layer (\`app.inject\`),\n` +
  `cycling through the ${SEARCH_CASES.length} real queries of \`server/src/modules/procedures/search-cases.ts\` (no diacritics,\n` +
  `abbreviations, typos, everyday phrasing); 50 warm-up searches first. Ranking is pg_trgm word_similarity over folded\n` +
  `name/aliases/sector plus whole-word and alias-phrase matches, computed only for candidates that share a rarer word\n` +
  `or an everyday phrase with the query (GIN word-array indexes); a trigram (<%) pass runs only when there is no candidate.\n\n` +
  `| database | procedures | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) | expected procedure in top 3 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n${rows.join('\n')}\n\n` +
  `Run: \`npx tsx bench/procedures-search.ts\` (add \`BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres\` for PostgreSQL).\n` +
  `The machine is shared with other work, so treat single numbers as indicative.\n`;
await fs.writeFile(path.join(ROOT, 'bench/results/procedures-search.md'), report);
console.log(report);
