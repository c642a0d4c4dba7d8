// Local market: catalogue search latency at 50,000 products and order placement throughput,
// in a fresh database per engine (PGlite, and PostgreSQL when BENCH_DATABASE_URL, an admin
// URL, is set). Requests go through the HTTP layer (app.inject: routing, validation, SQL,
// serialisation). Searches run one at a time (the latency one person sees); orders run 10
// at a time, each taking stock in its own transaction, so the number is what the stock
// rule allows, not the network.
// Usage: npx tsx bench/market.ts   (writes bench/results/market.md)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { foldVietnamese } from '@cds/contracts';
import { buildApp } from '../server/src/app.ts';
import { openPglite, openPostgres, type Database } from '../server/src/db/connection.ts';
import { collectMigrations, migrateUp } from '../server/src/db/migrate.ts';
import { MODULES } from '../server/src/modules/index.ts';
import { areasModule } from '../server/src/modules/areas/index.ts';
import { identityModule } from '../server/src/modules/identity/index.ts';
import { notificationsModule } from '../server/src/modules/notifications/index.ts';
import { marketModule } from '../server/src/modules/market/index.ts';
import { testConfig } from '../server/test/template.ts';
import { ROOT, machine } from './lib.ts';

const TARGET = 50_000;
const SEARCHES = 1000;
const ORDERS = 500;
const PARALLEL = 10;
const WORDS = ['Khẩu sli', 'Na Chi Lăng', 'Hoa hồi', 'Tinh dầu hồi', 'Thạch đen Tràng Định', 'Hồng không hạt', 'Miến dong', 'Mật ong rừng', 'Chè Shan tuyết', 'Rượu men lá', 'Lạp sườn', 'Măng khô'];
const KINDS = ['loại 1', 'đặc biệt', 'hộp quà', 'gia đình', 'vụ mới', 'nhà làm'];
const CATEGORIES = ['produce', 'processed_food', 'drinks', 'herbal', 'handicraft', 'other'];
const COMMUNES = ['06040', '06046', '06463', '06253', '06211', '06325', '05983', '05986'];
const QUERIES = [
  'q=khau%20sli', 'q=na%20chi%20lang', 'q=hoa%20hoi', 'q=tinh%20dau%20hoi', 'q=thach%20den%20trang%20dinh', 'q=hong%20khong%20hat', 'q=che%20shan%20tuyet%20hop%20qua',
  'q=mat%20ong', 'q=khong%20co%20san%20pham%20nay', 'stars=4', 'commune=06463', 'category=herbal', 'q=hoi&commune=06253', '',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Result = { database: string; products: number; p50: number; p95: number; p99: number; mean: number; ordersPerSecond: number; orders: number; stockTaken: number; seedMs: number };

async function measure(database: string, db: Database): Promise<Result> {
  const seedStart = Date.now();
  await migrateUp(db, await collectMigrations(MODULES));
  const built = await buildApp({ config: testConfig(), db, logger: false, modules: [areasModule, identityModule, notificationsModule, marketModule] });
  await built.start({ seed: true, work: false });
  try {
    const shop = (await db.query<{ id: string }>("SELECT id FROM market_shops WHERE name = 'HTX Na Chi Lăng'")).rows[0]!.id;
    for (let start = 0; start < TARGET; start += 1000) {
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let i = start; i < Math.min(TARGET, start + 1000); i++) {
        const name = `${WORDS[i % WORDS.length]} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length]} ${i}`;
        const commune = COMMUNES[i % COMMUNES.length]!;
        const stars = i % 7 === 0 ? 3 + (i % 3) : null;
        const at = values.length;
        rows.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, 'kg', 1000000, 500, '', $${at + 6}, $${at + 7}, $${at + 8})`);
        values.push(shop, name, foldVietnamese(`${name} HTX Na Chi Lăng`), CATEGORIES[i % CATEGORIES.length], 10_000 + (i % 50) * 1000, stars ? 'verified' : null, stars, commune);
      }
      await db.query(`INSERT INTO market_products (shop_id, name, search_text, category, price_vnd, unit, stock, weight_grams, description, ocop_status, ocop_stars, commune_code) VALUES ${rows.join(', ')}`, values);
    }
    await db.query('ANALYZE market_products');
    const seedMs = Date.now() - seedStart;
    const products = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM market_products')).rows[0]!.n;
    console.log(`${database}: ${products} products ready in ${seedMs} ms; searching…`);
    const url = (q: string) => `/api/market/products?${q}${q ? '&' : ''}limit=24`;
    for (let i = 0; i < 50; i++) await built.app.inject({ url: url(QUERIES[i % QUERIES.length]!) });
    const times: number[] = [];
    for (let i = 0; i < SEARCHES; i++) {
      const started = process.hrtime.bigint();
      const res = await built.app.inject({ url: url(QUERIES[i % QUERIES.length]!) });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
    }
    times.sort((a, b) => a - b);

    const login = await built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000001', password: 'Demo@2026' } });
    const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
    const ids = (await db.query<{ id: string }>('SELECT id FROM market_products WHERE shop_id = $1 AND stock = 1000000 ORDER BY id LIMIT 50', [shop])).rows.map((r) => r.id);
    const body = (i: number) => ({
      shopId: shop, items: [{ productId: ids[i % ids.length]!, quantity: 1 }], address: 'Số 12 đường Bà Triệu', phone: '0900000001', communeCode: '05983', paymentMethod: 'cod', deliveryMethod: 'seller',
    });
    const started = Date.now();
    let placed = 0;
    for (let i = 0; i < ORDERS; i += PARALLEL) {
      const batch = await Promise.all(Array.from({ length: PARALLEL }, (_, j) => built.app.inject({ method: 'POST', url: '/api/market/orders', headers: { ...headers, 'idempotency-key': randomUUID() }, payload: body(i + j) })));
      for (const r of batch) {
        if (r.statusCode !== 201) throw new Error(`order failed: ${r.statusCode} ${r.body}`);
        placed += 1;
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const taken = (await db.query<{ n: number }>('SELECT (count(*) * 1000000 - sum(stock))::int AS n FROM market_products WHERE id = ANY($1)', [ids])).rows[0]!.n;
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      database, products, seedMs, orders: placed, stockTaken: taken, ordersPerSecond: round(placed / seconds),
      p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), mean: round(times.reduce((a, b) => a + b, 0) / times.length),
    };
  } finally {
    await built.close();
  }
}

async function onPglite(): Promise<Result> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-market-'));
  const db = await openPglite(path.join(dir, 'pglite'));
  try {
    return await measure('PGlite (embedded)', db);
  } finally {
    await db.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(adminUrl: string): Promise<Result> {
  const name = `cds_bench_market_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 10);
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

const search = results.map((r) => `| ${r.database} | ${r.products} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.mean} |`);
const orders = results.map((r) => `| ${r.database} | ${r.orders} | ${r.ordersPerSecond} | ${r.stockTaken} |`);
const report = `# Local market\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}.\n\n` +
  `## Catalogue search at ${TARGET.toLocaleString('en')} products\n\n` +
  `The demo shops plus ${TARGET.toLocaleString('en')} synthetic products (Lạng Sơn product names × kinds × a number, across 8 communes and\n` +
  `6 categories, one in seven with verified OCOP stars), in a fresh database per engine. ${SEARCHES} searches, one at a time\n` +
  `through the HTTP layer (\`app.inject\`), cycling through ${QUERIES.length} queries typed without diacritics, with filters\n` +
  `(commune, category, OCOP stars) and a query that finds nothing; 50 warm-up searches first. Each search is a page of 24\n` +
  `and the total count; every folded word must occur in the folded name, shop and commune (pg_trgm GIN index).\n\n` +
  `| database | products | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n${search.join('\n')}\n\n` +
  `## Order placement\n\n` +
  `${ORDERS} orders by one signed-in buyer, ${PARALLEL} at a time, each with its own Idempotency-Key, cash on delivery, one line\n` +
  `of one of 50 products; each order takes its stock and writes the order, its line, the seller's inbox entry and an outbox\n` +
  `event in one transaction. "stock taken" must equal the orders placed.\n\n` +
  `| database | orders | orders per second | stock taken |\n| --- | ---: | ---: | ---: |\n${orders.join('\n')}\n\n` +
  `Run: \`npx tsx bench/market.ts\` (add \`BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres\` for PostgreSQL).\n` +
  `The machine is shared with other work (other engineers' test suites ran on the same 2 cores), so treat single numbers as indicative.\n`;
await fs.writeFile(path.join(ROOT, 'bench/results/market.md'), report);
console.log(report);
