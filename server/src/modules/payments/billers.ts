// Billers (nhà cung cấp dịch vụ: EVN, water companies, carriers, schools) behind one adapter
// shaped like the bill-payment aggregators (cổng thanh toán hóa đơn) Vietnamese banks and
// wallets connect to: query a service code + customer code to get the unpaid bills (bill
// number, period, amount, due date, customer name and address), then pay named bills with
// the partner's transaction id so the biller settles them. Every request is JSON signed with
// HMAC-SHA256 of the raw body in X-Signature. Demo mode points the same client at the local
// stand-in (demo-biller.ts), so a real aggregator is only BILLER_* settings.
import { createHmac, randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { BillLookup } from '@cds/contracts/payments';
import type { BillService } from '@cds/contracts/payments.rules';
import type { PaymentsSettings } from './settings.ts';

export interface BillPayment {
  service: BillService;
  customerCode: string;
  /** The bills settled; empty for a prepaid top-up. */
  billIds: readonly string[];
  amountVnd: number;
  /** Our payment's id: the partner transaction id, so a retry settles nothing twice. */
  paymentId: string;
}

export interface BillerAdapter {
  /** The customer's unpaid bills, or null when the biller does not know the code. */
  lookup(service: BillService, customerCode: string): Promise<BillLookup | null>;
  /** Tells the biller these bills are paid by this payment (idempotent: a retry changes nothing). */
  pay(payment: BillPayment): Promise<void>;
}

/** The aggregator's service codes (mã dịch vụ) for our services. */
export const SERVICE_CODES: Record<BillService, string> = { electricity: 'EVN', water: 'NUOC', telecom: 'VIENTHONG', school: 'HOCPHI' };

/** The aggregator's result codes. */
export const RESULT = { ok: '00', customerUnknown: '01', billPaid: '02', badSignature: '97', badRequest: '98', error: '99' } as const;

export const QueryRequest = Type.Object({
  partnerCode: Type.String(), requestId: Type.String({ minLength: 1, maxLength: 64 }), requestTime: Type.String(),
  serviceCode: Type.String(), customerCode: Type.String({ minLength: 1, maxLength: 30 }),
});
export type QueryRequest = Static<typeof QueryRequest>;

export const PayRequest = Type.Object({
  partnerCode: Type.String(), requestId: Type.String({ minLength: 1, maxLength: 64 }), requestTime: Type.String(),
  serviceCode: Type.String(), customerCode: Type.String({ minLength: 1, maxLength: 30 }),
  billNumbers: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 12 }), amount: Type.Integer({ minimum: 1 }), partnerTransId: Type.String({ minLength: 1, maxLength: 64 }),
});
export type PayRequest = Static<typeof PayRequest>;

const QueryReply = Type.Object({
  resultCode: Type.String(),
  message: Type.Optional(Type.String()),
  providerName: Type.Optional(Type.String()),
  customer: Type.Optional(Type.Object({ code: Type.String(), name: Type.String(), address: Type.String() })),
  bills: Type.Optional(Type.Array(Type.Object({ billNumber: Type.String(), period: Type.String(), amount: Type.Integer({ minimum: 1 }), dueDate: Type.String() }))),
  topUp: Type.Optional(Type.Object({ denominations: Type.Array(Type.Integer({ minimum: 1 })) })),
});
const PayReply = Type.Object({ resultCode: Type.String(), message: Type.Optional(Type.String()), transId: Type.Optional(Type.String()) });

export const signBody = (secret: string, raw: string) => createHmac('sha256', secret).update(raw).digest('hex');

/** Sends a JSON request (the raw text we signed) to the aggregator. */
export type BillerTransport = (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number; json: unknown }>;

/** The client of a bill-payment aggregator. */
export class AggregatorBiller implements BillerAdapter {
  constructor(private readonly cfg: NonNullable<PaymentsSettings['biller']>, private readonly send: BillerTransport) {}

  private async post(path: string, body: Record<string, unknown>): Promise<unknown> {
    const raw = JSON.stringify({ partnerCode: this.cfg.partnerCode, requestId: randomUUID(), requestTime: new Date().toISOString(), ...body });
    const res = await this.send(`${this.cfg.apiUrl}${path}`, raw, { 'x-signature': signBody(this.cfg.secret, raw), 'x-partner-code': this.cfg.partnerCode });
    if (res.status >= 500) throw new Error(`biller answered HTTP ${res.status}`);
    return res.json;
  }

  async lookup(service: BillService, customerCode: string): Promise<BillLookup | null> {
    const reply = await this.post('/bill/query', { serviceCode: SERVICE_CODES[service], customerCode });
    if (!Value.Check(QueryReply, reply)) throw new Error('biller query reply is malformed');
    if (reply.resultCode === RESULT.customerUnknown) return null;
    if (reply.resultCode !== RESULT.ok || !reply.customer) throw new Error(`biller query refused (${reply.resultCode})`);
    return {
      service, customerCode: reply.customer.code, customerName: reply.customer.name, address: reply.customer.address, billerName: reply.providerName ?? '',
      bills: (reply.bills ?? []).map((b) => ({ billId: b.billNumber, period: b.period, amountVnd: b.amount, dueDate: b.dueDate })),
      ...(reply.topUp ? { topUpAmounts: reply.topUp.denominations } : {}),
    };
  }

  async pay(p: BillPayment): Promise<void> {
    const reply = await this.post('/bill/pay', {
      serviceCode: SERVICE_CODES[p.service], customerCode: p.customerCode, billNumbers: [...p.billIds], amount: p.amountVnd, partnerTransId: p.paymentId,
    });
    if (!Value.Check(PayReply, reply)) throw new Error('biller pay reply is malformed');
    // 00 settled (or settled before by this very transaction); anything else is retried by the outbox
    if (reply.resultCode !== RESULT.ok) throw new Error(`biller refused payment ${p.paymentId} (${reply.resultCode}: ${reply.message ?? ''})`);
  }
}

/** No aggregator configured: every lookup says the service is not available. */
export class NoBiller implements BillerAdapter {
  async lookup(): Promise<BillLookup | null> {
    return null;
  }

  async pay(): Promise<void> {
    throw new Error('no biller is configured');
  }
}
