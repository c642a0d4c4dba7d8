// Fan-out of one Extreme alert by SMS to every resident of a province: 412,180 people with a
// phone (Lạng Sơn's adoption target), for those without the app or without data. The platform
// runs in its own process on PostgreSQL with SMS_CHANNEL=brandname: it posts each text in the
// eSMS.vn JSON shape (the brandname client the province would configure) to a gateway
// stand-in in this process, which checks the keys, drops a repeated RequestId as the real
// gateway does, and answers CodeResult 100. The residents are generated in SQL.
// Measured: from the leader's "send" to the last text accepted by the gateway, and to the
// report's fan-out done (every text's row written as handed over).
//
// Usage: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/alerts-sms.ts [--scale=0.1]
// (writes bench/results/alerts-sms.md)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { THAT_KHE, benchDatabase, draftFloodAlert, sendAndFollow } from './alert-run.ts';
import { ROOT, loadAverage, machine, startPlatform } from './lib.ts';

const TARGET = 412_180;
const API_KEY = 'bench-api-key';
const SECRET_KEY = 'bench-secret-key';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const scale = Number(arg('scale') ?? '1');
const count = Math.round(TARGET * scale);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const concurrency = process.env.SMS_CONCURRENCY ?? '32';

interface GatewayStats {
  accepted: number;
  repeated: number;
  refused: number;
  first: number;
  last: number;
}

/** The brandname gateway stand-in: eSMS's SendMultipleMessage_V4_post_json, one text per request. */
function gateway(): { server: http.Server; stats: GatewayStats } {
  const stats: GatewayStats = { accepted: 0, repeated: 0, refused: 0, first: 0, last: 0 };
  const seen = new Set<string>();
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let m: Record<string, string>;
      try {
        m = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, string>;
      } catch {
        m = {};
      }
      const reply = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (m.ApiKey !== API_KEY || m.SecretKey !== SECRET_KEY || !/^0\d{9}$/.test(m.Phone ?? '') || !m.Content || !m.RequestId) {
        stats.refused++;
        return reply({ CodeResult: '101', ErrorMessage: 'Authorize Failed' });
      }
      if (seen.has(m.RequestId)) {
        stats.repeated++;
        return reply({ CodeResult: '100', SMSID: `dup-${m.RequestId}` });
      }
      seen.add(m.RequestId);
      stats.accepted++;
      stats.last = performance.now();
      stats.first ||= stats.last;
      reply({ CodeResult: '100', SMSID: randomUUID() });
    });
  });
  return { server, stats };
}

const gw = gateway();
await new Promise<void>((resolve) => gw.server.listen(0, '127.0.0.1', resolve));
const gatewayUrl = `http://127.0.0.1:${(gw.server.address() as AddressInfo).port}/MainService.svc/json/SendMultipleMessage_V4_post_json/`;

const bench = await benchDatabase(adminUrl, 'cds_bench_sms');
const loadBefore = loadAverage();
const server = await startPlatform({
  databaseUrl: bench.url,
  env: { LOG_LEVEL: 'warn', SMS_CHANNEL: 'brandname', SMS_HTTP_URL: gatewayUrl, SMS_BRANDNAME_API_KEY: API_KEY, SMS_BRANDNAME_SECRET_KEY: SECRET_KEY, SMS_CONCURRENCY: concurrency },
});
const db = new pg.Client({ connectionString: bench.url });
try {
  await db.connect();
  const started = performance.now();
  // residents of Thất Khê with Viettel-style numbers 097xxxxxxx, away from the demo accounts' 0900…
  await db.query(
    `INSERT INTO users (phone, full_name, commune_code, status)
     SELECT '097' || lpad(g::text, 7, '0'), 'Cư dân ' || g, $1, 'active' FROM generate_series(1, $2::int) g`,
    [THAT_KHE, count],
  );
  const insertS = (performance.now() - started) / 1000;
  const demoResidents = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM users WHERE commune_code = $1 AND status = 'active' AND phone IS NOT NULL AND phone NOT LIKE '097%'`, [THAT_KHE])).rows[0]?.n ?? 0);

  const alertId = await draftFloodAlert(server.url);
  const memBefore = await server.memory();
  const { sendAt, doneAt, report, peakMb } = await sendAndFollow(server, db, alertId, 30);
  const doneS = (doneAt - sendAt) / 1000;
  const d = report.delivery;
  const s = gw.stats;
  const rows = (await db.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM sms_messages WHERE ref = $1 GROUP BY status ORDER BY status`, [`alert:${alertId}`])).rows;
  const round = (n: number) => Math.round(n * 10) / 10;
  const lastS = (s.last - sendAt) / 1000;
  const lines = [
    '# Alert fan-out by SMS',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, PostgreSQL ${(await db.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version}.`,
    `Load average before the run: ${loadBefore}; after: ${loadAverage()} (a run right after another starts with the first one's load in the 1-minute figure).`,
    '',
    `Scale ${scale}: **${count.toLocaleString('en')} residents with a phone** generated (the target is ${TARGET.toLocaleString('en')}), plus the demo's own ${demoResidents} in the commune. SMS_CONCURRENCY=${concurrency} texts in flight, rows written per 1,000 texts.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| residents generated in SQL | ${count.toLocaleString('en')} in ${round(insertS)} s |`,
    `| send → first text accepted by the gateway (the job starts, every resident's inbox notice is written) | ${round((s.first - sendAt) / 1000)} s |`,
    `| send → last text accepted by the gateway | **${round(lastS)} s** (${Math.round(s.accepted / Math.max(lastS - (s.first - sendAt) / 1000, 0.001)).toLocaleString('en')} texts/s once sending) |`,
    `| send → fan-out done (every text's row written as handed over, report saved) | ${round(doneS)} s |`,
    `| targeted / inbox / SMS sent / SMS failed (the alert's report) | ${d.targeted} / ${d.inbox} / ${d.smsSent} / ${d.smsFailed} |`,
    `| accepted by the gateway / repeated RequestId / refused | ${s.accepted.toLocaleString('en')} / ${s.repeated} / ${s.refused} |`,
    `| rows in sms_messages by status | ${rows.map((r) => `${r.status} ${Number(r.n).toLocaleString('en')}`).join(', ')} |`,
    `| platform memory (RSS) before the send → peak while sending | ${memBefore.rssMb} → ${peakMb} MiB |`,
    '',
    'Target (issue 13): the same as for Web Push, ≤ 60 s to the last message accepted at 412,180 on this 2-core box.',
    'The gateway stand-in runs in the benchmark process on the same two cores. A real brandname gateway limits the rate it takes texts at (by contract); SMS_CONCURRENCY is the knob that keeps within it.',
    '',
  ];
  await fs.writeFile(path.join(ROOT, 'bench/results/alerts-sms.md'), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await db.end().catch(() => undefined);
  await server.stop();
  gw.server.close();
  await bench.drop();
}
