// Demo mode's stand-in for a bill-payment aggregator, speaking the protocol the client in
// billers.ts speaks to a real one (signed JSON: query a service + customer code → bills;
// pay named bills with the partner's transaction id → settled), with plausible customers
// for the demo citizens: electricity (EVN), water, telecom (a postpaid line and a prepaid
// one to top up) and school fees (học phí). Paid bills are kept in its own table.
import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import { TOP_UP_AMOUNTS } from '@cds/contracts/payments.rules';
import { policy } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import { PayRequest, QueryRequest, RESULT, SERVICE_CODES, signBody } from './billers.ts';
import * as repo from './repo.ts';
import type { PaymentsSettings } from './settings.ts';

interface DemoCustomer {
  serviceCode: string;
  code: string;
  name: string;
  address: string;
  provider: string;
  /** Unpaid charges, oldest first: [period MM/yyyy, amount, due day]. */
  bills: [string, number, string][];
  /** A prepaid mobile line: no bills, top-ups instead. */
  prepaid?: boolean;
}

const EVN = 'Công ty Điện lực Lạng Sơn (EVNNPC)';
const WATER = 'Công ty CP Cấp thoát nước Lạng Sơn';
const MOBIFONE = 'MobiFone — Công ty Dịch vụ MobiFone Khu vực 1';
const SCHOOL = 'Trường Tiểu học Chi Lăng, TP Lạng Sơn';
const AN_HOME = 'Số 12 đường Lê Lợi, Phường Lương Văn Tri, Lạng Sơn';

const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { serviceCode: SERVICE_CODES.electricity, code: 'PA11TX0012345', name: 'Nguyễn Văn An', address: AN_HOME, provider: EVN, bills: [['10/2026', 386_500, '2026-11-15'], ['11/2026', 412_300, '2026-12-15']] },
  { serviceCode: SERVICE_CODES.electricity, code: 'PA11TK0023456', name: 'Hoàng Thị Bình', address: 'Thôn Nà Pài, Xã Thất Khê, Lạng Sơn', provider: EVN, bills: [['11/2026', 198_700, '2026-12-15']] },
  { serviceCode: SERVICE_CODES.water, code: 'NLS0012345', name: 'Nguyễn Văn An', address: AN_HOME, provider: WATER, bills: [['11/2026', 96_000, '2026-12-20']] },
  // the demo citizens' own phones: An's line is postpaid (trả sau), Bình's prepaid (trả trước)
  { serviceCode: SERVICE_CODES.telecom, code: '0900000001', name: 'Nguyễn Văn An', address: AN_HOME, provider: MOBIFONE, bills: [['11/2026', 187_000, '2026-12-10']] },
  { serviceCode: SERVICE_CODES.telecom, code: '0900000002', name: 'Hoàng Thị Bình', address: 'Thôn Nà Pài, Xã Thất Khê, Lạng Sơn', provider: MOBIFONE, bills: [], prepaid: true },
  // An's son at primary school: the first term's fee and the school lunch of December
  { serviceCode: SERVICE_CODES.school, code: 'HS0598300123', name: 'Nguyễn Minh Khang (lớp 3A)', address: SCHOOL, provider: SCHOOL, bills: [['09/2026', 450_000, '2026-10-15'], ['12/2026', 520_000, '2026-12-12']] },
];

const billNumber = (c: DemoCustomer, period: string) => `${c.code}-${period.slice(3)}${period.slice(0, 2)}`;
const find = (serviceCode: string, code: string) => DEMO_CUSTOMERS.find((x) => x.serviceCode === serviceCode && x.code === code);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function demoBillerRoutes(app: App, db: Kysely<object>, settings: PaymentsSettings): void {
  const cfg = settings.biller!;
  void app.register(async (scope) => {
    // the signature covers the raw body, as with a real aggregator
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const config = { policy: policy.public };

    /** The body when it is signed by our partner and well formed, else the reply to send. */
    const read = <T>(body: unknown, signature: unknown, schema: typeof QueryRequest | typeof PayRequest): { ok: T } | { reply: { resultCode: string; message: string } } => {
      const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const expected = Buffer.from(signBody(cfg.secret, raw.toString('utf8')));
      const given = Buffer.from(String(signature ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { reply: { resultCode: RESULT.badSignature, message: 'Invalid signature' } };
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        return { reply: { resultCode: RESULT.badRequest, message: 'Invalid JSON' } };
      }
      if (!Value.Check(schema, parsed) || (parsed as { partnerCode: string }).partnerCode !== cfg.partnerCode) return { reply: { resultCode: RESULT.badRequest, message: 'Invalid request' } };
      return { ok: parsed as T };
    };

    scope.post('/demo/biller/api/v1/bill/query', { config, schema: { hide: true } }, async (request) => {
      const r = read<QueryRequest>(request.body, request.headers['x-signature'], QueryRequest);
      if ('reply' in r) return r.reply;
      const c = find(r.ok.serviceCode, r.ok.customerCode);
      if (!c) return { resultCode: RESULT.customerUnknown, message: 'Customer not found' };
      const paid = await repo.demoBillsPaid(db, c.bills.map(([period]) => billNumber(c, period)));
      return {
        resultCode: RESULT.ok, message: 'Success', providerName: c.provider,
        customer: { code: c.code, name: c.name, address: c.address },
        bills: c.bills.filter(([period]) => !paid.has(billNumber(c, period))).map(([period, amount, dueDate]) => ({ billNumber: billNumber(c, period), period, amount, dueDate })),
        ...(c.prepaid ? { topUp: { denominations: [...TOP_UP_AMOUNTS] } } : {}),
      };
    });

    scope.post('/demo/biller/api/v1/bill/pay', { config, schema: { hide: true } }, async (request) => {
      const r = read<PayRequest>(request.body, request.headers['x-signature'], PayRequest);
      if ('reply' in r) return r.reply;
      const p = r.ok;
      const c = find(p.serviceCode, p.customerCode);
      if (!c) return { resultCode: RESULT.customerUnknown, message: 'Customer not found' };
      if (!UUID.test(p.partnerTransId)) return { resultCode: RESULT.badRequest, message: 'Invalid partnerTransId' };
      if (c.prepaid) {
        if (p.billNumbers.length > 0 || !(TOP_UP_AMOUNTS as readonly number[]).includes(p.amount)) return { resultCode: RESULT.badRequest, message: 'Invalid top-up' };
        await repo.demoSettleBills(db, [`TOPUP-${p.partnerTransId}`], p.partnerTransId);
        return { resultCode: RESULT.ok, message: 'Success', transId: `TOPUP-${p.partnerTransId}` };
      }
      const owed = new Map(c.bills.map(([period, amount]) => [billNumber(c, period), amount]));
      if (p.billNumbers.length === 0 || p.billNumbers.some((n) => !owed.has(n))) return { resultCode: RESULT.badRequest, message: 'Unknown bill' };
      if (p.billNumbers.reduce((s, n) => s + owed.get(n)!, 0) !== p.amount) return { resultCode: RESULT.badRequest, message: 'Amount differs' };
      const byOthers = await repo.demoBillsPaidByOthers(db, p.billNumbers, p.partnerTransId);
      if (byOthers.length) return { resultCode: RESULT.billPaid, message: `Already paid: ${byOthers.join(', ')}` };
      await repo.demoSettleBills(db, p.billNumbers, p.partnerTransId);
      return { resultCode: RESULT.ok, message: 'Success', transId: p.partnerTransId };
    });
  });
}
