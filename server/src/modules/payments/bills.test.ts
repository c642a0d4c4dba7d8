// Telecom and school-fee bills through the aggregator protocol, "my bills" with their daily
// reminders, paying a dossier's fee right at submission, and the leaders' figures.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { USER_ANONYMISED } from '../identity/index.ts';
import { proceduresModule } from '../procedures/index.ts';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { login } from '../../../test/payments.ts';
import { signBody } from './billers.ts';
import { paymentsModule } from './index.ts';
import { DEMO_BILLER_PARTNER, DEMO_BILLER_SECRET } from './settings.ts';

let t: TestApp;
const tokens: Record<string, string> = {};

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who?: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

/** Pays a payment through the demo bank's signed VietQR notification, then lets the outbox run. */
async function payByVietQr(id: string, who = 'an'): Promise<void> {
  const res = await call('POST', `/api/payments/${id}/vietqr/demo-transfer`, who);
  assert.equal(res.json().outcome, 'confirmed', res.body);
  await t.platform.events.drain();
}

before(async () => {
  t = await createTestApp();
  for (const [who, phone] of Object.entries({ an: '0900000001', binh: '0900000002', officer: '0900000101', leader: '0900000201' })) {
    tokens[who] = await login(t, phone);
  }
});
after(() => t.teardown());

describe('telecom and school fees through the aggregator', () => {
  it('looks up a postpaid line typed as +84, a prepaid line with its top-up amounts, and a pupil\'s fees', async () => {
    const postpaid = await call('GET', `/api/payments/bills?service=telecom&customerCode=${encodeURIComponent('+84 900 000 001')}`, 'an');
    assert.equal(postpaid.statusCode, 200, postpaid.body);
    assert.equal(postpaid.json().customerCode, '0900000001');
    assert.deepEqual(postpaid.json().bills.map((b: { amountVnd: number }) => b.amountVnd), [187000]);
    assert.equal(postpaid.json().topUpAmounts, undefined);
    const prepaid = (await call('GET', '/api/payments/bills?service=telecom&customerCode=0900000002', 'binh')).json();
    assert.deepEqual(prepaid.bills, []);
    assert.deepEqual(prepaid.topUpAmounts, [10000, 20000, 50000, 100000, 200000, 500000]);
    const school = (await call('GET', '/api/payments/bills?service=school&customerCode=hs0598300123', 'an')).json();
    assert.equal(school.customerName, 'Nguyễn Minh Khang (lớp 3A)');
    assert.deepEqual(school.bills.map((b: { period: string }) => b.period), ['09/2026', '12/2026']);
    const bad = await call('GET', '/api/payments/bills?service=telecom&customerCode=12345', 'an');
    assert.equal(bad.statusCode, 400);
    assert.ok(JSON.stringify(bad.json().error.details).includes('customerCode'));
    assert.equal((await call('GET', '/api/payments/bills?service=school&customerCode=HS9999999999', 'an')).statusCode, 404);
  });

  it('tops up a prepaid line once per request id, only for an amount the carrier sells', async () => {
    const requestId = randomUUID();
    const body = { purpose: 'bill', service: 'telecom', customerCode: '0900000002', topUpVnd: 50000, requestId };
    const created = await call('POST', '/api/payments', 'binh', body);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().amountVnd, 50000);
    assert.match(created.json().description, /^Nạp tiền điện thoại 50\.000 đ — thuê bao 0900000002/);
    assert.equal((await call('POST', '/api/payments', 'binh', body)).json().id, created.json().id, 'a retry is the same top-up');
    const odd = await call('POST', '/api/payments', 'binh', { ...body, topUpVnd: 12345, requestId: randomUUID() });
    assert.equal(odd.statusCode, 400);
    assert.ok(JSON.stringify(odd.json().error.details).includes('topUpVnd'));
    // a postpaid line has no top-ups
    assert.equal((await call('POST', '/api/payments', 'an', { ...body, customerCode: '0900000001', requestId: randomUUID() })).statusCode, 400);
    await payByVietQr(created.json().id, 'binh');
    const settled = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM payment_demo_bills WHERE payment_id = $1', [created.json().id]);
    assert.equal(settled.rows[0]!.n, 1, 'the aggregator was told of the top-up');
    // another top-up later is a new payment
    assert.equal((await call('POST', '/api/payments', 'binh', { ...body, requestId: randomUUID() })).statusCode, 201);
  });

  it('pays the school fee of the term; the aggregator settles it and it is no longer due', async () => {
    const lookup = (await call('GET', '/api/payments/bills?service=school&customerCode=HS0598300123', 'an')).json();
    const first = lookup.bills[0].billId as string;
    const created = await call('POST', '/api/payments', 'an', { purpose: 'bill', service: 'school', customerCode: 'HS0598300123', billIds: [first] });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().amountVnd, 450000);
    assert.match(created.json().description, /^Học phí kỳ 09\/2026/);
    await payByVietQr(created.json().id);
    const after = (await call('GET', '/api/payments/bills?service=school&customerCode=HS0598300123', 'an')).json();
    assert.deepEqual(after.bills.map((b: { period: string }) => b.period), ['12/2026']);
  });

  it('the demo aggregator refuses an unsigned or wrongly signed request, as a real one does', async () => {
    const raw = JSON.stringify({ partnerCode: DEMO_BILLER_PARTNER, requestId: 'r1', requestTime: new Date().toISOString(), serviceCode: 'EVN', customerCode: 'PA11TX0012345' });
    const ask = (signature: string) => t.app.inject({ method: 'POST', url: '/demo/biller/api/v1/bill/query', payload: raw, headers: { 'content-type': 'application/json', 'x-signature': signature } });
    assert.equal((await ask('00'.repeat(32))).json().resultCode, '97');
    assert.equal((await ask(signBody('another-secret-of-some-length', raw))).json().resultCode, '97');
    const ok = (await ask(signBody(DEMO_BILLER_SECRET, raw))).json();
    assert.equal(ok.resultCode, '00');
    assert.equal(ok.customer.name, 'Nguyễn Văn An');
  });
});

describe('my bills (hóa đơn của tôi)', () => {
  it('saves a code with a label, shows what is due on it, and pays from there', async () => {
    const saved = await call('POST', '/api/me/bills', 'an', { service: 'electricity', customerCode: 'pa11 tx0012345', label: 'Điện nhà mẹ' });
    assert.equal(saved.statusCode, 201, saved.body);
    assert.equal(saved.json().customerCode, 'PA11TX0012345');
    assert.equal(saved.json().reminders, true);
    assert.equal(saved.json().lookup.customerName, 'Nguyễn Văn An');
    const list = (await call('GET', '/api/me/bills', 'an')).json();
    const mine = list.items.find((i: { id: string }) => i.id === saved.json().id);
    assert.equal(mine.label, 'Điện nhà mẹ');
    assert.ok(mine.lookup.bills.length >= 1);
    assert.ok(!(await call('GET', '/api/me/bills', 'binh')).json().items.some((i: { id: string }) => i.id === saved.json().id), 'nobody else sees it');
    // pay what is due straight from the saved code
    const pay = await call('POST', '/api/payments', 'an', { purpose: 'bill', service: mine.service, customerCode: mine.customerCode, billIds: mine.lookup.bills.map((b: { billId: string }) => b.billId) });
    assert.equal(pay.statusCode, 201, pay.body);
    await payByVietQr(pay.json().id);
    const again = (await call('GET', '/api/me/bills', 'an')).json().items.find((i: { id: string }) => i.id === saved.json().id);
    assert.deepEqual(again.lookup.bills, []);
  });

  it('refuses bad input naming the field, a code twice, an unknown code, the signed-out and other people', async () => {
    const bad = await call('POST', '/api/me/bills', 'an', { service: 'water', customerCode: '!!', label: 'Nước' });
    assert.equal(bad.statusCode, 400);
    assert.ok(JSON.stringify(bad.json().error.details).includes('customerCode'));
    const noLabel = await call('POST', '/api/me/bills', 'an', { service: 'water', customerCode: 'NLS0012345', label: '   ' });
    assert.equal(noLabel.statusCode, 400);
    assert.ok(JSON.stringify(noLabel.json().error.details).includes('label'));
    assert.equal((await call('POST', '/api/me/bills', 'an', { service: 'water', customerCode: 'NLS0012345' })).statusCode, 400);
    assert.equal((await call('POST', '/api/me/bills', 'an', { service: 'water', customerCode: 'NLS9999999', label: 'Nước' })).statusCode, 404);
    assert.equal((await call('POST', '/api/me/bills', undefined, { service: 'water', customerCode: 'NLS0012345', label: 'Nước' })).statusCode, 401);
    assert.equal((await call('GET', '/api/me/bills')).statusCode, 401);
    const saved = await call('POST', '/api/me/bills', 'an', { service: 'water', customerCode: 'NLS0012345', label: 'Nước nhà mình' });
    assert.equal(saved.statusCode, 201, saved.body);
    assert.equal((await call('POST', '/api/me/bills', 'an', { service: 'water', customerCode: 'nls 0012345', label: 'Lần nữa' })).statusCode, 409);
    const id = saved.json().id as string;
    assert.equal((await call('PATCH', `/api/me/bills/${id}`, 'binh', { reminders: false })).statusCode, 404);
    assert.equal((await call('DELETE', `/api/me/bills/${id}`, 'binh')).statusCode, 404);
    assert.equal((await call('PATCH', `/api/me/bills/${id}`, 'an', {})).statusCode, 400);
    assert.equal((await call('PATCH', `/api/me/bills/${id}`, 'an', { label: '' })).statusCode, 400);
    assert.equal((await call('PATCH', '/api/me/bills/not-a-uuid', 'an', { reminders: false })).statusCode, 400);
    const renamed = await call('PATCH', `/api/me/bills/${id}`, 'an', { label: 'Nước nhà bà', reminders: false });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.deepEqual([renamed.json().label, renamed.json().reminders], ['Nước nhà bà', false]);
    assert.equal((await call('DELETE', `/api/me/bills/${id}`, 'an')).statusCode, 204);
    assert.equal((await call('DELETE', `/api/me/bills/${id}`, 'an')).statusCode, 404);
  });

  it('reminds a few days before a due date, once per bill, and not when reminders are off', async () => {
    const school = await call('POST', '/api/me/bills', 'an', { service: 'school', customerCode: 'HS0598300123', label: 'Học phí của Khang' });
    assert.equal(school.statusCode, 201, school.body);
    const phone = await call('POST', '/api/me/bills', 'an', { service: 'telecom', customerCode: '0900000001', label: 'Điện thoại của tôi', reminders: false });
    assert.equal(phone.statusCode, 201, phone.body);
    const notices = async () => (await t.db.query<{ title: string; link: string }>("SELECT title, link FROM notifications WHERE kind = 'bill_due' AND user_id = (SELECT id FROM users WHERE phone = '0900000001')")).rows;
    const payments = t.platform.use(paymentsModule);
    // 01/12: the December fee (due 12/12) is too far off
    await payments.remindBills(new Date('2026-12-01T01:00:00Z'));
    assert.equal((await notices()).filter((n) => n.title.includes('Học phí của Khang')).length, 0);
    // 09/12 (Vietnam): due in three days
    await payments.remindBills(new Date('2026-12-09T01:00:00Z'));
    const sent = (await notices()).filter((n) => n.title.includes('Học phí của Khang'));
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.title, /hạn 12\/12\/2026/);
    assert.equal(sent[0]!.link, '/payments/my-bills');
    // the next day's run sends nothing new; the phone bill (due 10/12) had reminders off
    await payments.remindBills(new Date('2026-12-10T01:00:00Z'));
    assert.equal((await notices()).filter((n) => n.title.includes('Học phí của Khang')).length, 1);
    assert.equal((await notices()).filter((n) => n.title.includes('Điện thoại của tôi')).length, 0);
  });

  it('tells once when a new bill appears for a saved code, not about the bills seen when saving', async () => {
    const saved = await call('POST', '/api/me/bills', 'an', { service: 'water', customerCode: 'NLS0012345', label: 'Nước nhà tôi' });
    assert.equal(saved.statusCode, 201, saved.body);
    const savedId = saved.json().id as string;
    const notices = async (kind: string) => (await t.db.query<{ title: string }>(
      "SELECT title FROM notifications WHERE kind = $1 AND user_id = (SELECT id FROM users WHERE phone = '0900000001') AND title LIKE '%Nước nhà tôi%'", [kind])).rows;
    const payments = t.platform.use(paymentsModule);
    // 20/11: the bill was on the page when the code was saved, and it is not due within 3 days
    await payments.remindBills(new Date('2026-11-20T01:00:00Z'));
    assert.deepEqual(await notices('bill_new'), []);
    // the biller issues the November bill after the code was saved (as if never seen)
    await t.db.query("DELETE FROM payment_bill_reminders WHERE saved_bill_id = $1 AND bill_id = 'NLS0012345-202611' AND kind = 'new'", [savedId]);
    await payments.remindBills(new Date('2026-11-20T01:00:00Z'));
    const fresh = await notices('bill_new');
    assert.equal(fresh.length, 1);
    assert.match(fresh[0]!.title, /^Có hóa đơn mới: Nước nhà tôi \(hạn 20\/12\/2026\)$/);
    await payments.remindBills(new Date('2026-11-21T01:00:00Z'));
    assert.equal((await notices('bill_new')).length, 1, 'once per bill');
    // and its due date still brings the reminder
    await payments.remindBills(new Date('2026-12-18T01:00:00Z'));
    assert.equal((await notices('bill_due')).filter((n) => n.title.includes('20/12/2026')).length, 1);
    assert.equal((await call('DELETE', `/api/me/bills/${savedId}`, 'an')).statusCode, 204);
  });

  it('are in the person\'s data export, and go when the account is anonymised', async () => {
    const saved = await call('POST', '/api/me/bills', 'binh', { service: 'electricity', customerCode: 'PA11TK0023456', label: 'Điện nhà tôi' });
    assert.equal(saved.statusCode, 201, saved.body);
    const data = (await call('GET', '/api/me/export', 'binh')).json();
    assert.deepEqual(data.modules.payments_saved_bills.map((b: { label: string }) => b.label), ['Điện nhà tôi']);
    const userId = (await t.db.query<{ id: string }>("SELECT id FROM users WHERE phone = '0900000002'")).rows[0]!.id;
    await t.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, USER_ANONYMISED, userId, { userId }));
    await t.platform.events.drain();
    assert.equal((await t.db.query('SELECT 1 FROM payment_saved_bills WHERE user_id = $1', [userId])).rows.length, 0);
  });
});

describe('paying a dossier fee at submission', () => {
  it('pays a known fee right after submitting; the fee shows paid with its receipt, and the dossier stays in the queue', async () => {
    const procedure = (await t.platform.use(proceduresModule).getProcedure('LS.HT.09'))!;
    const formData = { applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', applicantPhone: '0900000001', applicantAddress: 'Phường Lương Văn Tri, Lạng Sơn', recordType: 'Khai sinh', personName: 'Nguyễn Văn An', copiesRequested: 1 };
    const attachments = [{ docKey: 'identity', fileName: 'cccd.pdf', contentBase64: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64') }];
    const created = await t.app.inject({
      method: 'POST', url: '/api/dossiers', headers: { authorization: `Bearer ${tokens.an}`, 'idempotency-key': randomUUID() },
      payload: { procedureId: procedure.id, communeCode: '05983', formData, attachments, submit: true },
    });
    assert.equal(created.statusCode, 201, created.body);
    const dossierId = created.json().id as string;
    assert.equal(created.json().status, 1);
    assert.equal((await call('POST', '/api/payments', 'binh', { purpose: 'dossier_fee', reference: dossierId })).statusCode, 404, 'not somebody else');
    const pay = await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId });
    assert.equal(pay.statusCode, 201, pay.body);
    assert.equal(pay.json().amountVnd, 8000);
    await payByVietQr(pay.json().id);
    const d = (await call('GET', `/api/dossiers/${dossierId}`, 'an')).json();
    assert.equal(d.status, 1, 'paying does not skip the officers');
    assert.ok(d.fees.every((f: { paidAt: string | null; method: string }) => f.paidAt && f.method === 'online'));
    // the dossier page finds its receipt among my payments
    const mine = (await call('GET', `/api/me/payments?reference=${dossierId}`, 'an')).json();
    assert.deepEqual(mine.items.map((p: { id: string; status: string }) => [p.id, p.status]), [[pay.json().id, 'succeeded']]);
    assert.equal((await call('GET', `/api/me/payments?reference=${dossierId}`, 'binh')).json().total, 0);
    assert.equal((await call('POST', '/api/payments', 'an', { purpose: 'dossier_fee', reference: dossierId })).statusCode, 409, 'paid once');
  });
});

describe('leaders\' payment figures', () => {
  it('gives per Vietnam day the share of fees paid online and of cashless payments, to leaders only', async () => {
    const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const res = await call('GET', `/api/payments/figures?from=${day}&to=${day}`, 'leader');
    assert.equal(res.statusCode, 200, res.body);
    const today = res.json().days[0];
    assert.equal(today.day, day);
    // the tests above paid fees and bills online today and nothing at the counter
    assert.ok(today.feesPaidOnline >= 1);
    assert.equal(today.feesOnlineShare, 100);
    assert.ok(today.cashless >= 4);
    assert.equal(today.cashlessShare, 100);
    assert.equal(res.json().total.cashless, today.cashless);
    // per agency and per commune of the dossiers: the same fees, named
    const { byAgency, byCommune } = res.json() as { byAgency: { key: string; name: string; feesPaid: number; feesOnlineShare: number }[]; byCommune: typeof byAgency };
    assert.equal(byAgency.reduce((s, p) => s + p.feesPaid, 0), today.feesPaid);
    assert.equal(byCommune.reduce((s, p) => s + p.feesPaid, 0), today.feesPaid);
    assert.ok(byAgency.every((p) => p.name && p.name !== p.key && p.feesOnlineShare === 100), JSON.stringify(byAgency));
    assert.ok(byCommune.every((p) => /^(Phường|Xã|Thị trấn) /.test(p.name)), JSON.stringify(byCommune));
    assert.equal((await call('GET', `/api/payments/figures?from=${day}&to=${day}`, 'an')).statusCode, 403);
    assert.equal((await call('GET', `/api/payments/figures?from=${day}&to=${day}`)).statusCode, 401);
    const bad = await call('GET', `/api/payments/figures?from=${day}&to=nope`, 'leader');
    assert.equal(bad.statusCode, 400);
    assert.ok(JSON.stringify(bad.json().error.details ?? bad.json()).includes('to'));
    assert.equal((await call('GET', '/api/payments/figures?from=2026-12-07&to=2026-12-01', 'leader')).statusCode, 400);
    assert.equal((await call('GET', '/api/payments/figures?from=2026-01-01&to=2026-12-01', 'leader')).statusCode, 400);
  });
});
