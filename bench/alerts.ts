// Fan-out of one emergency alert to every push subscription of a province: Lạng Sơn's adoption
// target is 412,180 devices. The platform runs in its own process on PostgreSQL; the
// subscriptions are generated in SQL (anonymous devices that chose Xã Thất Khê, keys from a
// pool of real P-256 key pairs, so every message is really encrypted, RFC 8291); a local
// RFC 8030 push service in this process answers 201 and checks what it gets: the headers of
// every message, and for a sample the VAPID signature (RFC 8292) and the decrypted payload.
// Measured: from the leader's "send" to the last push accepted, and to the report's
// fan-out done (which also writes last_success_at of every subscription).
//
// Usage: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/alerts.ts [--scale=0.1]
// (writes bench/results/alerts.md)
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { THAT_KHE, benchDatabase, draftFloodAlert, sendAndFollow } from './alert-run.ts';
import { ROOT, loadAverage, machine, startPlatform } from './lib.ts';

const require = createRequire(import.meta.url);
const ece = require('http_ece') as { decrypt(buf: Buffer, params: { version: string; privateKey: ReturnType<typeof createECDH>; authSecret: Buffer }): Buffer };

const TARGET = 412_180;
const POOL = 256;
/** One message in this many is fully checked (VAPID signature and decryption): the check costs as much CPU as the sending. */
const SAMPLE_EVERY = 1000;

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const scale = Number(arg('scale') ?? '1');
const count = Math.round(TARGET * scale);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const b64url = (b: Buffer) => b.toString('base64url');

/** CPU seconds a process has used so far (user + system), from /proc: on a shared machine this, not the wall clock, says what the work costs. */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// ------------------------------------------------------------------ the push service stand-in

interface PushStats {
  received: number;
  badHeaders: number;
  sampled: number;
  sampleFailures: string[];
  firstAcceptedAt: number;
  lastAcceptedAt: number;
}

function pushService(pool: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }[], vapidKey: () => string): { server: http.Server; stats: PushStats } {
  const stats: PushStats = { received: 0, badHeaders: 0, sampled: 0, sampleFailures: [], firstAcceptedAt: 0, lastAcceptedAt: 0 };
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = Number(/^\/push\/(\d+)$/.exec(req.url ?? '')?.[1] ?? NaN);
      const auth = String(req.headers.authorization ?? '');
      const m = /^vapid t=([^,]+), k=(.+)$/.exec(auth);
      const ok = req.method === 'POST' && Number.isInteger(n) && req.headers['content-encoding'] === 'aes128gcm' && req.headers.ttl !== undefined && !!m && m[2] === vapidKey();
      if (!ok) {
        stats.badHeaders++;
        res.writeHead(400).end();
        return;
      }
      stats.received++;
      if (stats.received % SAMPLE_EVERY === 1) {
        stats.sampled++;
        try {
          const [h, p, s] = m[1]!.split('.') as [string, string, string];
          const raw = Buffer.from(m[2]!, 'base64url');
          const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33, 65)) }, format: 'jwk' });
          if (!verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))) throw new Error('VAPID signature');
          const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { aud: string; exp: number };
          if (!claims.aud.startsWith('http://127.0.0.1')) throw new Error(`aud ${claims.aud}`);
          const k = pool[n % POOL]!;
          const body = JSON.parse(ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: k.ecdh, authSecret: k.auth }).toString()) as { title: string };
          if (!body.title.includes('Lũ quét')) throw new Error('payload');
        } catch (err) {
          stats.sampleFailures.push((err as Error).message);
        }
      }
      stats.lastAcceptedAt = performance.now();
      stats.firstAcceptedAt ||= stats.lastAcceptedAt;
      res.writeHead(201).end();
    });
  });
  return { server, stats };
}

// ------------------------------------------------------------------ the run

const pool = Array.from({ length: POOL }, () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, auth: randomBytes(16) };
});
let vapid = '';
const push = pushService(pool, () => vapid);
await new Promise<void>((resolve) => push.server.listen(0, '127.0.0.1', resolve));
const pushUrl = `http://127.0.0.1:${(push.server.address() as AddressInfo).port}`;

const bench = await benchDatabase(adminUrl, 'cds_bench_alerts');
const loadBefore = loadAverage();
const server = await startPlatform({ databaseUrl: bench.url, env: { LOG_LEVEL: 'warn' } });
const db = new pg.Client({ connectionString: bench.url });
try {
  await db.connect();
  vapid = ((await (await fetch(`${server.url}/api/push/vapid-public-key`)).json()) as { publicKey: string }).publicKey;

  // the subscriptions, in SQL: keys cycle through the pool, endpoints are distinct
  const started = performance.now();
  await db.query(
    `INSERT INTO push_subscriptions (endpoint, p256dh, auth, communes)
     SELECT $1 || g, ($2::text[])[1 + g % ${POOL}], ($3::text[])[1 + g % ${POOL}], ARRAY[$4]
     FROM generate_series(0, $5::int - 1) g`,
    [`${pushUrl}/push/`, pool.map((k) => b64url(k.ecdh.getPublicKey())), pool.map((k) => b64url(k.auth)), THAT_KHE, count],
  );
  const insertS = (performance.now() - started) / 1000;

  const alertId = await draftFloodAlert(server.url);
  const memBefore = await server.memory();
  const cpuBefore = await cpuSeconds(server.pid);
  const { sendAt, doneAt, report, peakMb } = await sendAndFollow(server, db, alertId, 20);
  const doneS = (doneAt - sendAt) / 1000;
  const cpuS = (await cpuSeconds(server.pid)) - cpuBefore;
  const lastPushS = (push.stats.lastAcceptedAt - sendAt) / 1000;
  const d = report.delivery;
  const s = push.stats;
  const round = (n: number) => Math.round(n * 10) / 10;
  const lines = [
    '# Alert fan-out over Web Push',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, PostgreSQL ${(await db.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version}.`,
    `Load average before the run: ${loadBefore}; after: ${loadAverage()} (a run right after another starts with the first one's load in the 1-minute figure).`,
    '',
    `Scale ${scale}: **${count.toLocaleString('en')} subscriptions** (the target is ${TARGET.toLocaleString('en')}). The platform sends on ${process.env.PUSH_THREADS ?? 'one worker thread per core (the default)'}${process.env.PUSH_THREADS ? ' worker threads (PUSH_THREADS)' : ''}, ${process.env.PUSH_CONCURRENCY ?? '64'} requests in flight.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| subscriptions generated in SQL | ${count.toLocaleString('en')} in ${round(insertS)} s |`,
    `| send → first push accepted (the job starts, the audience and its devices are read) | ${round((s.firstAcceptedAt - sendAt) / 1000)} s |`,
    `| send → last push accepted by the push service | **${round(lastPushS)} s** (${Math.round(s.received / Math.max(lastPushS, 0.001)).toLocaleString('en')} pushes/s) |`,
    `| send → fan-out done (report written, last_success_at of every device) | ${round(doneS)} s |`,
    `| platform CPU used from send to done (user + system) | ${round(cpuS)} s: ${((cpuS * 1000) / Math.max(count, 1)).toFixed(2)} ms per push |`,
    `| the same at ${TARGET.toLocaleString('en')}, from the CPU per push, on two free cores | about ${round((cpuS / Math.max(count, 1)) * TARGET / 2)} s |`,
    `| targeted / pushed / accepted / failed / expired | ${d.targeted} / ${d.pushed} / ${d.pushAccepted} / ${d.pushFailed} / ${d.pushExpired} |`,
    `| received by the push service (headers checked on every one) | ${s.received.toLocaleString('en')}, bad headers ${s.badHeaders} |`,
    `| fully checked (VAPID ES256 signature, aes128gcm decryption, payload) | ${s.sampled} sampled, ${s.sampleFailures.length} failed${s.sampleFailures.length ? ` (${[...new Set(s.sampleFailures)].join('; ')})` : ''} |`,
    `| platform memory (RSS) before the send → peak while sending | ${memBefore.rssMb} → ${peakMb} MiB |`,
    '',
    'Target: ≤ 60 s to the last accepted push at 412,180 subscriptions on this 2-core box (one RFC 8291 encryption is about 0.14 ms of a core: the floor is about 29 s on two cores).',
    'The push service here runs in the benchmark process on the same two cores and checks one message in ' + SAMPLE_EVERY + ' fully, so it takes CPU a real push service would not.',
    'SMS fan-out to 412,180 residents through a brandname gateway stand-in: `bench/alerts-sms.ts` (results in alerts-sms.md).',
    '',
  ];
  await fs.writeFile(path.join(ROOT, 'bench/results/alerts.md'), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await db.end().catch(() => undefined);
  await server.stop();
  push.server.close();
  await bench.drop();
}
