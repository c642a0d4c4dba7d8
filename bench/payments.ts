// Payments: how fast the IPN is handled (the gateway's callbacks: a replay answered 02, a
// forged one answered 97, and first confirmations of fresh payments) and payment creation
// (the same request again finds the open payment), on the embedded database and (when
// BENCH_DATABASE_URL is set) on PostgreSQL.
// Usage: npx tsx bench/payments.ts   (writes bench/results/payments.md)
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEMO_HASH_SECRET, DEMO_TMN_CODE } from '../server/src/modules/payments/settings.ts';
import { signedQuery } from '../server/src/modules/payments/vnpay.ts';
import { ROOT, load, loadAverage, machine, signIn, startPlatform, table, type Row } from './lib.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
const FRESH = 40;

const ipnQuery = (code: string, amountVnd: number, transactionNo: string, secret = DEMO_HASH_SECRET) => signedQuery({
  vnp_Amount: String(amountVnd * 100), vnp_BankCode: 'NCB', vnp_CardType: 'ATM', vnp_OrderInfo: `Thanh toan ${code}`, vnp_PayDate: '20261207091806',
  vnp_ResponseCode: '00', vnp_TmnCode: DEMO_TMN_CODE, vnp_TransactionNo: transactionNo, vnp_TransactionStatus: '00', vnp_TxnRef: code,
}, secret);

/** A dossier of citizen 0900000001 waiting for an 8,000 đ fee, and its payment. */
async function pendingPayment(url: string, citizen: Record<string, string>, officer: Record<string, string>, procedureId: string): Promise<{ code: string; id: string }> {
  const body = JSON.stringify({
    procedureId, communeCode: '05983', submit: true,
    formData: {
      applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', applicantPhone: '0900000001', applicantAddress: 'Phường Lương Văn Tri',
      childName: 'Nguyễn Văn Bình', childBirthDate: '2026-11-01', childSex: 'Nam', birthPlace: 'Bệnh viện Đa khoa tỉnh', motherName: 'Trần Thị Cúc', applicantRelationship: 'Cha',
    },
    attachments: ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: PDF })),
  });
  const d = (await (await fetch(`${url}/api/dossiers`, { method: 'POST', headers: { ...citizen, 'idempotency-key': randomUUID() }, body })).json()) as { id: string };
  await fetch(`${url}/api/dossiers/${d.id}/accept`, { method: 'POST', headers: officer, body: '{}' });
  await fetch(`${url}/api/dossiers/${d.id}/request-payment`, { method: 'POST', headers: officer, body: JSON.stringify({ fees: [{ name: 'Lệ phí', amountVnd: 8000 }] }) });
  const p = (await (await fetch(`${url}/api/payments`, { method: 'POST', headers: citizen, body: JSON.stringify({ purpose: 'dossier_fee', reference: d.id }) })).json()) as { id: string; code: string };
  return p;
}

const percentile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

async function rows(database: string, databaseUrl: string | undefined, port: number): Promise<{ rows: Row[]; note: string }> {
  const server = await startPlatform({ databaseUrl, port, env: { LOG_LEVEL: 'warn' } });
  try {
    const citizen = await signIn(server.url, '0900000001');
    const officer = await signIn(server.url, '0900000101');
    const search = (await (await fetch(`${server.url}/api/procedures?q=dang%20ky%20khai%20sinh&limit=5`)).json()) as { items: { id: string; code: string }[] };
    const procedureId = search.items.find((p) => p.code === '1.001193')!.id;
    const fresh = [];
    for (let i = 0; i < FRESH + 1; i++) fresh.push(await pendingPayment(server.url, citizen, officer, procedureId));
    const replayed = fresh.pop()!;
    await fetch(`${server.url}/api/payments/vnpay/ipn?${ipnQuery(replayed.code, 8000, '90000001')}`);

    // first confirmations, one at a time as VNPay sends them: each locks, confirms, writes the outbox and the callback
    const times: number[] = [];
    let confirmed = 0;
    for (const [i, p] of fresh.entries()) {
      const started = performance.now();
      const reply = (await (await fetch(`${server.url}/api/payments/vnpay/ipn?${ipnQuery(p.code, 8000, String(91000000 + i))}`)).json()) as { RspCode: string };
      times.push(performance.now() - started);
      if (reply.RspCode === '00') confirmed++;
    }
    const out: Row[] = [
      await load('IPN replay of a confirmed payment (→ 02)', database, { url: `${server.url}/api/payments/vnpay/ipn?${ipnQuery(replayed.code, 8000, '90000001')}` }),
      await load('IPN with a forged hash (→ 97)', database, { url: `${server.url}/api/payments/vnpay/ipn?${ipnQuery(replayed.code, 8000, '90000001', 'forged-secret-forged-secret')}` }),
      await load('POST /api/payments again (open payment found)', database, {
        url: `${server.url}/api/payments`, method: 'POST', headers: citizen, body: JSON.stringify({ purpose: 'bill', service: 'water', customerCode: 'NLS0012345', billIds: ['NLS0012345-202611'] }),
      }),
    ];
    const note = `${database}: ${confirmed}/${FRESH} fresh payments confirmed by their first IPN, sent one at a time: p50 ${Math.round(percentile(times, 0.5))} ms, p99 ${Math.round(percentile(times, 0.99))} ms.`;
    return { rows: out, note };
  } finally {
    await server.stop();
  }
}

const results: Row[] = [];
const notes: string[] = [];
const embedded = await rows('PGlite (embedded)', undefined, 3921);
results.push(...embedded.rows);
notes.push(embedded.note);
if (process.env.BENCH_DATABASE_URL) {
  const pg = await rows('PostgreSQL', process.env.BENCH_DATABASE_URL, 3922);
  results.push(...pg.rows);
  notes.push(pg.note);
}

const report = `# Payments: IPN handling and payment creation\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}; load average ${loadAverage()}.\n` +
  `autocannon, 10 connections, 10 s each; the platform runs in its own process. Every IPN verifies HMAC-SHA512 in constant time\n` +
  `and stores the raw callback; a replay also locks the payment row. Creating again takes the open payment under a row lock.\n\n${table(results)}\n\n${notes.join('\n')}\n`;
await fs.writeFile(path.join(ROOT, 'bench/results/payments.md'), report);
console.log(report);
