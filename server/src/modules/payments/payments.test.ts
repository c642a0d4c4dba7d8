// Payments over HTTP with the real modules: a dossier fee paid through the demo VNPay
// gateway and by VietQR with the demo bank; every forged, replayed or late callback.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { parseVietQr } from '@cds/contracts';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { dossierAwaitingFee, login, vnpCallback } from '../../../test/payments.ts';
import { paymentsModule } from './index.ts';
import { DEMO_BANK_SECRET, DEMO_HASH_SECRET } from './settings.ts';
import { verifyCallback } from './vnpay.ts';

let t: TestApp;
const tokens: Record<string, string> = {};

const call = (method: 'GET' | 'POST', url: string, who?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload: payload as object, headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers } });

async function newPayment(amount = 8000): Promise<{ dossierId: string; id: string; code: string }> {
  const dossierId = await dossierAwaitingFee(t, tokens.an!, tokens.officer!, amount);
  const res = await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId });
  assert.equal(res.statusCode, 201, res.body);
  return { dossierId, id: res.json().id, code: res.json().code };
}

const ipn = async (query: string) => (await call('GET', `/api/payments/vnpay/ipn?${query}`)).json() as { RspCode: string; Message: string };
const dossier = async (id: string) => (await call('GET', `/api/dossiers/${id}`, 'an')).json();
const payment = async (id: string) => (await call('GET', `/api/payments/${id}`, 'an')).json();

before(async () => {
  t = await createTestApp();
  for (const [who, phone] of Object.entries({ an: '0900000001', binh: '0900000002', officer: '0900000101', finance: '0900000501', admin: '0900000901' })) {
    tokens[who] = await login(t, phone);
  }
});
after(() => t.teardown());

describe('paying a dossier fee', () => {
  it('creates one payment for the amount the server computes, whatever the client taps', async () => {
    const dossierId = await dossierAwaitingFee(t, tokens.an!, tokens.officer!, 12000);
    const first = await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().amountVnd, 12000);
    assert.match(first.json().code, /^TT\d{10}$/);
    assert.equal(first.json().status, 'pending');
    // a double tap, a second tab at once: the same payment
    const again = await Promise.all([1, 2, 3].map(() => call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId })));
    for (const r of again) {
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().id, first.json().id);
    }
    assert.ok((await call('GET', '/api/me/payments', 'an')).json().items.some((p: { id: string }) => p.id === first.json().id));
  });

  it('refuses bad input naming the field, an amount from the client, strangers and the signed-out', async () => {
    const dossierId = await dossierAwaitingFee(t, tokens.an!, tokens.officer!);
    const bad = await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: 'not-a-uuid' });
    assert.equal(bad.statusCode, 400);
    assert.ok(JSON.stringify(bad.json().error.details).includes('reference'));
    assert.equal((await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId, amountVnd: 1 })).statusCode, 400);
    assert.equal((await call('POST', '/api/payments', 'an', { purpose: 'tip', reference: dossierId })).statusCode, 400);
    assert.equal((await call('POST', '/api/payments', undefined, { purpose: 'dossier_fee', reference: dossierId })).statusCode, 401);
    assert.equal((await call('POST', '/api/payments', 'binh', { purpose: 'dossier_fee', reference: dossierId })).statusCode, 404);
    const mine = (await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId })).json();
    assert.equal((await call('GET', `/api/payments/${mine.id}`, 'binh')).statusCode, 404);
    assert.equal((await call('POST', `/api/payments/${mine.id}/vnpay`, 'binh', {})).statusCode, 404);
    assert.equal((await call('POST', `/api/payments/${mine.id}/vietqr`, 'binh')).statusCode, 404);
    assert.equal((await call('POST', `/api/payments/${mine.id}/vnpay`, 'an', { bankCode: 'ncb lower' })).statusCode, 400);
  });

  it('pays through the demo VNPay gateway; the dossier moves on by itself', async () => {
    const { dossierId, id, code } = await newPayment(8000);
    const start = await call('POST', `/api/payments/${id}/vnpay`, 'an', { locale: 'vn' });
    assert.equal(start.statusCode, 200, start.body);
    const url = new URL(start.json().redirectUrl);
    assert.equal(url.pathname, '/demo/vnpay/paymentv2/vpcpay.html');
    const params = Object.fromEntries(url.searchParams);
    assert.equal(params.vnp_Amount, '800000');
    assert.equal(params.vnp_TxnRef, code);
    assert.equal(params.vnp_Version, '2.1.0');
    assert.equal(params.vnp_SecureHashType, undefined);
    assert.match(params.vnp_CreateDate!, /^\d{14}$/);
    assert.ok(verifyCallback(params, DEMO_HASH_SECRET), 'the URL is signed');

    const pageRes = await call('GET', url.pathname + url.search);
    assert.equal(pageRes.statusCode, 200);
    assert.ok(pageRes.body.includes('8.000 đ'));
    // the gateway refuses a tampered amount
    const tampered = url.search.replace('vnp_Amount=800000', 'vnp_Amount=100');
    assert.equal((await call('GET', url.pathname + tampered)).statusCode, 400);

    const done = await t.app.inject({ method: 'POST', url: '/demo/vnpay/paymentv2/complete', payload: new URLSearchParams({ q: url.search.slice(1), decision: 'pay' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(done.statusCode, 302);
    const back = new URL(done.headers.location as string);
    assert.equal(back.pathname, '/api/payments/vnpay/return');
    const shown = await call('GET', back.pathname + back.search);
    assert.equal(shown.statusCode, 302);
    assert.equal(shown.headers.location, `/payments/${id}?ket-qua=thanh-cong`);

    const paid = await payment(id);
    assert.equal(paid.status, 'succeeded');
    assert.equal(paid.channel, 'vnpay');
    await t.platform.events.drain();
    const d = await dossier(dossierId);
    assert.equal(d.status, 4, 'payment requested → processing');
    assert.equal(d.fees[0].method, 'online');
    assert.ok(d.fees[0].paidAt);
    // the gateway's repeated IPN was answered 02 and kept
    const outcomes = (await t.db.query<{ outcome: string }>("SELECT outcome FROM payment_callbacks WHERE payment_id = $1 AND source = 'vnpay_ipn' ORDER BY id", [id])).rows.map((r) => r.outcome);
    assert.deepEqual(outcomes, ['confirmed', 'already_confirmed']);
    // nothing to pay any more
    assert.equal((await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId })).statusCode, 409);
  });

  it('a cancelled payment at the gateway changes nothing and can be started again', async () => {
    const { dossierId, id, code } = await newPayment();
    assert.deepEqual(await ipn(vnpCallback(code, 8000, { responseCode: '24', status: '02', transactionNo: '0' })), { RspCode: '00', Message: 'Confirm Success' });
    assert.equal((await payment(id)).status, 'failed');
    const again = await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId });
    assert.equal(again.statusCode, 201);
    assert.notEqual(again.json().code, code, 'a fresh TxnRef');
    assert.equal((await dossier(dossierId)).status, 6);
  });
});

describe('the VNPay IPN refuses what it should', () => {
  it('answers 97 to a bad checksum, 01 to an unknown order, 04 to another amount, 02 to a repeat', async () => {
    const { id, code } = await newPayment(8000);
    assert.equal((await ipn(vnpCallback(code, 8000, { secret: 'someone-elses-secret-value' }))).RspCode, '97');
    const forged = vnpCallback(code, 8000).replace(/vnp_SecureHash=[0-9a-f]+/, `vnp_SecureHash=${'0'.repeat(128)}`);
    assert.equal((await ipn(forged)).RspCode, '97');
    assert.equal((await ipn(vnpCallback(code, 8000).replace('vnp_Amount=800000', 'vnp_Amount=900000'))).RspCode, '97', 'changed after signing');
    assert.equal((await ipn(vnpCallback('TT9912310001', 8000))).RspCode, '01');
    assert.equal((await ipn(vnpCallback(code, 80))).RspCode, '04');
    assert.equal((await payment(id)).status, 'pending');
    assert.equal((await ipn(vnpCallback(code, 8000))).RspCode, '00');
    assert.equal((await ipn(vnpCallback(code, 8000))).RspCode, '02');
    const kept = (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM payment_callbacks WHERE source = 'vnpay_ipn' AND raw->>'vnp_TxnRef' = $1", [code])).rows[0]!.n;
    assert.equal(kept, 6, 'every raw callback is stored');
  });

  it('20 identical IPNs at once confirm once, with one event', async () => {
    const { id, code } = await newPayment(15000);
    const query = vnpCallback(code, 15000);
    const replies = await Promise.all(Array.from({ length: 20 }, () => ipn(query)));
    assert.equal(replies.filter((r) => r.RspCode === '00').length, 1);
    assert.equal(replies.filter((r) => r.RspCode === '02').length, 19);
    const events = (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox_events WHERE type = 'payments.confirmed' AND aggregate_id = $1", [id])).rows[0]!.n;
    assert.equal(events, 1);
  });

  it('money after the payment expired is recorded and refunded through the refund API', async () => {
    const { dossierId, id } = await newPayment(8000);
    const url = new URL((await call('POST', `/api/payments/${id}/vnpay`, 'an', {})).json().redirectUrl);
    // past its time and past the grace a trailing confirmation gets
    await t.db.query("UPDATE payments SET expires_at = now() - interval '11 minutes' WHERE id = $1", [id]);
    const done = await t.app.inject({ method: 'POST', url: '/demo/vnpay/paymentv2/complete', payload: new URLSearchParams({ q: url.search.slice(1), decision: 'pay' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(done.statusCode, 302);
    const p = await payment(id);
    assert.equal(p.status, 'refunded');
    const ledger = (await t.db.query<{ refunded: string }>('SELECT refunded_amount::text AS refunded FROM payment_demo_gateway WHERE txn_ref = $1', [p.code])).rows[0]!;
    assert.equal(ledger.refunded, '800000', 'the gateway gave the money back');
    await t.platform.events.drain();
    assert.equal((await dossier(dossierId)).status, 6, 'the dossier still waits');
  });

  it('the return URL only shows: a forged one changes nothing', async () => {
    const { id, code } = await newPayment();
    const res = await call('GET', `/api/payments/vnpay/return?${vnpCallback(code, 8000, { secret: 'someone-elses-secret-value' })}`);
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/payments?ket-qua=loi-chu-ky');
    const ok = await call('GET', `/api/payments/vnpay/return?${vnpCallback(code, 8000)}`);
    assert.equal(ok.headers.location, `/payments/${id}?ket-qua=thanh-cong`);
    assert.equal((await payment(id)).status, 'pending', 'only the IPN confirms');
  });

  it('reconciles a payment whose IPN was lost with querydr, and expires the rest', async () => {
    const lost = await newPayment(8000);
    const url = new URL((await call('POST', `/api/payments/${lost.id}/vnpay`, 'an', {})).json().redirectUrl);
    // the gateway charged but its IPN never arrived
    await t.db.query("INSERT INTO payment_demo_gateway (txn_ref, tmn_code, transaction_no, amount, order_info, response_code, transaction_status, bank_code, pay_date) VALUES ($1, $2, '55500011', 800000, 'x', '00', '00', 'NCB', '20261207100000')", [lost.code, url.searchParams.get('vnp_TmnCode')]);
    const abandoned = await newPayment(8000);
    await call('POST', `/api/payments/${abandoned.id}/vietqr`, 'an');
    const result = await t.platform.use(paymentsModule).reconcileStale(new Date(Date.now() + 26 * 60_000));
    assert.ok(result.confirmed >= 1 && result.expired >= 1, JSON.stringify(result));
    assert.equal((await payment(lost.id)).status, 'succeeded');
    assert.equal((await payment(lost.id)).providerTransactionNo, '55500011');
    assert.equal((await payment(abandoned.id)).status, 'expired');
  });
});

describe('VietQR and the bank notification', () => {
  const notify = (body: string, signature?: string) =>
    t.app.inject({ method: 'POST', url: '/api/payments/bank/notify', payload: body, headers: { 'content-type': 'application/json', ...(signature ? { 'x-signature': signature } : {}) } });
  const sign = (body: string) => createHmac('sha256', DEMO_BANK_SECRET).update(body).digest('hex');

  it('shows a dynamic VietQR with the amount and the payment code, and confirms on the demo bank transfer', async () => {
    const { dossierId, id, code } = await newPayment(8000);
    const qr = await call('POST', `/api/payments/${id}/vietqr`, 'an');
    assert.equal(qr.statusCode, 200, qr.body);
    const fields = parseVietQr(qr.json().payload)!;
    assert.ok(fields, 'the CRC is right');
    assert.equal(fields.get('01'), '12');
    assert.equal(fields.get('54'), '8000');
    assert.ok(fields.get('62')!.includes(code));
    assert.ok(qr.json().svg.startsWith('<svg'));
    assert.equal(qr.json().bankBin, '970436');
    const res = await call('POST', `/api/payments/${id}/vietqr/demo-transfer`, 'an');
    assert.equal(res.json().outcome, 'confirmed', res.body);
    assert.equal((await payment(id)).channel, 'vietqr');
    await t.platform.events.drain();
    assert.equal((await dossier(dossierId)).status, 4);
    assert.equal((await call('POST', `/api/payments/${id}/vietqr/demo-transfer`, 'an')).statusCode, 409, 'already paid');
  });

  it('refuses an unsigned or forged notification before reading it, and bad fields by name; a replay settles nothing twice', async () => {
    const { id, code } = await newPayment(8000);
    const body = JSON.stringify({ transactionId: 'FT26341000001', bankBin: '970436', accountNumber: '0011001932418', amount: 8000, description: `${code} nop phi`, transactionTime: new Date().toISOString() });
    assert.equal((await notify(body)).statusCode, 401);
    assert.equal((await notify(body, 'ab'.repeat(32))).statusCode, 401);
    const bad = JSON.stringify({ transactionId: 'FT1', bankBin: '97', accountNumber: '1', amount: 8000, description: code, transactionTime: 'yesterday' });
    const badRes = await notify(bad, sign(bad));
    assert.equal(badRes.statusCode, 400);
    assert.ok(JSON.stringify(badRes.json()).includes('bankBin'));
    assert.equal((await notify(body, sign(body))).json().outcome, 'confirmed');
    assert.equal((await notify(body, sign(body))).json().outcome, 'duplicate');
    const second = body.replace('FT26341000001', 'FT26341000002');
    assert.equal((await notify(second, sign(second))).json().outcome, 'refund_due', 'a second transfer is owed back');
    assert.equal((await payment(id)).status, 'succeeded');
    const other = JSON.stringify({ transactionId: 'FT26341000003', bankBin: '970436', accountNumber: '0011001932418', amount: 8000, description: 'chuyen tien', transactionTime: new Date().toISOString() });
    assert.equal((await notify(other, sign(other))).json().outcome, 'unmatched');
  });
});

describe('receipts, reconciliation and refunds', () => {
  let paid: { id: string; code: string };
  before(async () => {
    const p = await newPayment(8000);
    await call('POST', `/api/payments/${p.id}/vietqr/demo-transfer`, 'an');
    paid = p;
  });

  it('gives the payer a PDF receipt with a QR to a public check', async () => {
    const res = await call('GET', `/api/payments/${paid.id}/receipt.pdf`, 'an');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal((await call('GET', `/api/payments/${paid.id}/receipt.pdf`, 'binh')).statusCode, 404);
    const pending = await newPayment(8000);
    assert.equal((await call('GET', `/api/payments/${pending.id}/receipt.pdf`, 'an')).statusCode, 409);

    const checkUrl = new URL((await payment(paid.id)).receiptCheckUrl);
    assert.equal(checkUrl.pathname, '/bien-lai');
    const check = await call('GET', `/api/payments/receipts/check${checkUrl.search}`);
    assert.equal(check.statusCode, 200, check.body);
    assert.equal(check.json().code, paid.code);
    assert.equal(check.json().amountVnd, 8000);
    assert.equal(check.json().payer, 'Nguyễn V. A.', 'the name is masked');
    const guessed = await call('GET', `/api/payments/receipts/check?code=${paid.code}&k=${'0'.repeat(32)}`);
    assert.equal(guessed.statusCode, 404, 'a guessed key shows nothing');
    assert.equal((await call('GET', '/api/payments/receipts/check?code=abc&k=zz')).statusCode, 400);
  });

  it('lets the finance officer reconcile the day as JSON and CSV, and nobody else', async () => {
    const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const res = await call('GET', `/api/payments/reconciliation?day=${day}`, 'finance');
    assert.equal(res.statusCode, 200, res.body);
    const vietqr = res.json().totals.find((x: { channel: string }) => x.channel === 'vietqr');
    assert.ok(vietqr.count >= 1 && vietqr.amountVnd >= 8000);
    assert.ok(res.json().items.some((i: { code: string }) => i.code === paid.code));
    const csv = await call('GET', `/api/payments/reconciliation.csv?day=${day}`, 'finance');
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.includes(paid.code));
    assert.ok(csv.body.startsWith('\uFEFFma_thanh_toan,'));
    assert.equal((await call('GET', `/api/payments/reconciliation?day=${day}`, 'an')).statusCode, 403);
    assert.equal((await call('GET', `/api/payments/reconciliation?day=${day}`, 'officer')).statusCode, 403);
    assert.equal((await call('GET', '/api/payments/reconciliation?day=07-12-2026', 'finance')).statusCode, 400);
  });

  it('refunds with a reason, audited; refuses the citizen, a short reason and a second refund', async () => {
    assert.equal((await call('POST', `/api/payments/${paid.id}/refund`, 'an', { reason: 'Tôi muốn lấy lại tiền' })).statusCode, 403);
    assert.equal((await call('POST', `/api/payments/${paid.id}/refund`, 'finance', { reason: 'x' })).statusCode, 400);
    const res = await call('POST', `/api/payments/${paid.id}/refund`, 'finance', { reason: 'Nộp trùng, hoàn lại cho công dân' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'refunded');
    assert.equal((await call('POST', `/api/payments/${paid.id}/refund`, 'finance', { reason: 'Nộp trùng, hoàn lại cho công dân' })).statusCode, 409);
    const audit = (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'payment.refunded' AND subject_id = $1", [paid.id])).rows[0]!.n;
    assert.equal(audit, 1);
  });
});

describe('household bills through the biller adapter', () => {
  it('looks up the unpaid bills of a customer code, typed loosely', async () => {
    const res = await call('GET', '/api/payments/bills?service=electricity&customerCode=pa11%20tx0012345', 'an');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.customerCode, 'PA11TX0012345');
    assert.equal(body.customerName, 'Nguyễn Văn An');
    assert.deepEqual(body.bills.map((b: { period: string; amountVnd: number }) => [b.period, b.amountVnd]), [['10/2026', 386500], ['11/2026', 412300]]);
  });

  it('refuses a malformed code naming the field, an unknown one, a bad service and the signed-out', async () => {
    const bad = await call('GET', '/api/payments/bills?service=electricity&customerCode=12345', 'an');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'customerCode');
    assert.equal((await call('GET', '/api/payments/bills?service=electricity&customerCode=PA11TX9999999', 'an')).statusCode, 404);
    assert.equal((await call('GET', '/api/payments/bills?service=gas&customerCode=PA11TX0012345', 'an')).statusCode, 400);
    assert.equal((await call('GET', '/api/payments/bills?service=electricity&customerCode=PA11TX0012345')).statusCode, 401);
  });

  it('pays chosen bills once for the amount the biller reports; the biller learns of it and the bills are gone', async () => {
    const lookup = (await call('GET', '/api/payments/bills?service=water&customerCode=NLS0012345', 'an')).json();
    const billIds = lookup.bills.map((b: { billId: string }) => b.billId);
    const body = { purpose: 'bill', service: 'water', customerCode: 'NLS0012345', billIds };
    const created = await call('POST', '/api/payments', 'an', body);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().amountVnd, 96000);
    assert.match(created.json().description, /^Tiền nước kỳ 11\/2026/);
    assert.equal((await call('POST', '/api/payments', 'an', body)).json().id, created.json().id, 'a double tap pays once');
    assert.equal((await call('POST', '/api/payments', 'binh', body)).statusCode, 409, 'someone else cannot start the same bills meanwhile');
    assert.equal((await call('POST', '/api/payments', 'an', { ...body, billIds: ['NLS0012345-209901'] })).statusCode, 409);
    assert.equal((await call('POST', '/api/payments', 'an', { ...body, amountVnd: 1 })).statusCode, 400);
    assert.equal((await call('POST', `/api/payments/${created.json().id}/vietqr/demo-transfer`, 'an')).json().outcome, 'confirmed');
    await t.platform.events.drain();
    assert.deepEqual((await call('GET', '/api/payments/bills?service=water&customerCode=NLS0012345', 'an')).json().bills, []);
    assert.equal((await call('POST', '/api/payments', 'an', body)).statusCode, 409);
  });
});
