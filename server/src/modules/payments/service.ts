// The rules of payments: a payment is created for the exact amount the server computes,
// one open payment per thing to pay; it is confirmed only by a verified callback (VNPay's
// IPN, the bank's signed notification, or querydr), once, in one transaction with its
// outbox event; money arriving for a payment no longer open is recorded and refunded.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import { buildVietQr, formatVietnamDate } from '@cds/contracts';
import {
  BankNotification, type BillLookup, type CreatePayment, type IpnReply, type Payment, type PaymentFigures, type PaymentFiguresPlace, type Reconciliation, type ReceiptCheck, type SaveBill,
  type SavedBill, type SavedBillPatch, type VietQrPayment, type VnpayStart,
} from '@cds/contracts/payments';
import {
  canMovePayment, dueSoon, formatVnd, fromVnpAmount, fromVnpDate, MAX_SAVED_BILLS, normaliseCustomerCode, paymentCode, PAYMENT_TTL_MINUTES, sharePercent, toVnpAmount, toVnpDate,
  vietnamDay, type BillService, type PaymentChannel, type PaymentStatus,
} from '@cds/contracts/payments.rules';
import type { Principal } from '../../platform/auth.ts';
import { AppError, badRequest, conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy, grantsFor, type Policy } from '../../platform/policy.ts';
import type { DossiersApi } from '../dossiers/index.ts';
import type { PersonalDataPlan } from '../identity/index.ts';
import type { NewNotification, NotificationsApi } from '../notifications/index.ts';
import { bankByBin } from './banks.ts';
import type { BillerAdapter } from './billers.ts';
import { translate } from '../../platform/i18n.ts';
import { receiptPdf } from './receipt.ts';
import * as repo from './repo.ts';
import { paymentRules, type PaymentSubject } from './policy.ts';
import type { PaymentsSettings } from './settings.ts';
import { API_REPLY_FIELDS, QUERYDR_FIELDS, REFUND_FIELDS, signApiRequest, signedQuery, verifyApi, verifyCallback, type VnpParams } from './vnpay.ts';
import { loadQrCode } from '../../platform/lazy.ts';

/** Sends a JSON request to a provider (VNPay's merchant API, our own webhook in demo mode). */
export type Transport = (url: string, body: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: unknown }>;

export interface PaymentsDeps {
  platform: Platform;
  settings: PaymentsSettings;
  dossiers: DossiersApi;
  notifier: NotificationsApi | null;
  biller: BillerAdapter;
  /** The person's full name (identity). */
  people: (userId: string) => Promise<string | null>;
  /** Names of agencies and communes for the leaders' figures (areas). */
  places: { agencyName: (id: string) => Promise<string | null>; communeName: (code: string) => string | null };
}

const OPEN: readonly PaymentStatus[] = ['pending', 'failed'];
/**
 * A confirmation may trail the payment's time by a little (the gateway took the money at
 * the last minute, the bank's notification queued): within this it still counts.
 */
const CALLBACK_GRACE_MS = 10 * 60_000;

/** What is owed, computed by the server: the client never sends an amount. */
interface Due {
  reference: string;
  amountVnd: number;
  description: string;
  agencyId: string | null;
  communeCode: string | null;
  details: repo.BillDetails | null;
}

export class PaymentService {
  private readonly db: Kysely<object>;
  private readonly policy: Policy<PaymentSubject, 'pay' | 'read' | 'refund'>;
  transport: Transport = defaultTransport;

  constructor(private readonly d: PaymentsDeps) {
    this.db = d.platform.db.kysely;
    this.policy = bindPolicy(paymentRules, undefined, 'payments.forbidden');
  }

  private gateway(): NonNullable<PaymentsSettings['vnpay']> {
    if (!this.d.settings.vnpay) throw new AppError(503, 'payments.channel_off');
    return this.d.settings.vnpay;
  }

  private bankSecret(): string {
    if (!this.d.settings.bankWebhookSecret) throw new AppError(503, 'payments.channel_off');
    return this.d.settings.bankWebhookSecret;
  }

  // ------------------------------------------------------------ citizens

  /** Starts paying a dossier's fee or household bills, or gives back the payment already open for it. */
  async create(p: Principal, input: CreatePayment): Promise<{ payment: repo.PaymentRow; created: boolean }> {
    const due = input.purpose === 'dossier_fee' ? await this.dossierDue(p, input.reference) : await this.billsDue(input);
    return this.db.transaction().execute(async (trx) => {
      const now = new Date();
      for (const row of await repo.current(trx, input.purpose, due.reference, true)) {
        if (row.status === 'succeeded') {
          if (input.purpose === 'dossier_fee' && row.payer_user_id !== p.userId) throw notFound('payments.nothing_to_pay');
          throw conflict('payments.already_paid');
        }
        const fresh = row.status === 'pending' && row.expires_at > now && Number(row.amount_vnd) === due.amountVnd;
        // somebody else is paying these very bills right now: theirs is left alone
        if (fresh && row.payer_user_id !== p.userId) throw conflict('payments.busy');
        if (fresh) return { payment: row, created: false };
        // out of time, failed at the gateway, or the amount changed: a fresh payment (and TxnRef)
        await repo.update(trx, row.id, { status: 'expired' });
      }
      const code = paymentCode(now, await repo.nextCodeNumber(trx));
      const inserted = await repo.insertOpen(trx, {
        code, purpose: input.purpose, reference: due.reference, payer_user_id: p.userId, agency_id: due.agencyId, commune_code: due.communeCode,
        description: due.description.slice(0, 500), amount_vnd: due.amountVnd, details: due.details ? JSON.stringify(due.details) : null,
        expires_at: new Date(now.getTime() + PAYMENT_TTL_MINUTES * 60_000), channel: null, gateway_created_at: null, paid_at: null,
        provider_transaction_no: null, provider_bank_code: null, late_amount_vnd: null, refunded_at: null, refund_reason: null, refunded_by: null,
      });
      if (inserted) return { payment: inserted, created: true };
      // another tab created it a moment ago
      const open = (await repo.current(trx, input.purpose, due.reference)).find((r) => OPEN.includes(r.status));
      if (!open) throw conflict('payments.busy');
      return { payment: open, created: false };
    });
  }

  /** What a dossier's fee comes to now (from the dossiers module), for its applicant only. */
  private async dossierDue(p: Principal, dossierId: string): Promise<Due> {
    const fee = await this.d.dossiers.payableFee(dossierId);
    if (!fee || fee.applicantUserId !== p.userId) {
      const paid = (await repo.current(this.db, 'dossier_fee', dossierId)).find((r) => r.status === 'succeeded' && r.payer_user_id === p.userId);
      throw paid ? conflict('payments.already_paid') : notFound('payments.nothing_to_pay');
    }
    return {
      reference: dossierId, amountVnd: fee.amountVnd, agencyId: fee.agencyId, communeCode: fee.communeCode, details: null,
      description: `${fee.feeNames.join(', ')} — hồ sơ ${fee.code ?? ''} (${fee.procedureName})`,
    };
  }

  /** What the chosen bills come to, as the biller reports them now; anyone may pay a household's bills. */
  private async billsDue(input: Extract<CreatePayment, { purpose: 'bill' }>): Promise<Due> {
    const found = await this.lookupBills(input.service, input.customerCode);
    if ('topUpVnd' in input) {
      // a prepaid top-up: only an amount the carrier sells; each request id is one top-up
      if (!found.topUpAmounts?.includes(input.topUpVnd)) throw invalidField('topUpVnd', 'payments.top_up_invalid');
      return {
        reference: `telecom:${found.customerCode}:topup:${input.requestId}`, amountVnd: input.topUpVnd, agencyId: null, communeCode: null,
        details: { service: 'telecom', customerCode: found.customerCode, billIds: [], topUpVnd: input.topUpVnd },
        description: `Nạp tiền điện thoại ${formatVnd(input.topUpVnd)} — thuê bao ${found.customerCode} (${found.billerName})`,
      };
    }
    const chosen = found.bills.filter((b) => input.billIds.includes(b.billId));
    if (chosen.length !== input.billIds.length) throw conflict('payments.bill_not_due');
    const billIds = chosen.map((b) => b.billId).sort();
    return {
      reference: `${input.service}:${found.customerCode}:${billIds.join(',')}`, amountVnd: chosen.reduce((s, b) => s + b.amountVnd, 0),
      agencyId: null, communeCode: null, details: { service: input.service, customerCode: found.customerCode, billIds },
      description: `${translate('vi', `payments.bill.${input.service}`)} kỳ ${chosen.map((b) => b.period).join(', ')} — mã KH ${found.customerCode} (${found.customerName})`,
    };
  }

  async lookupBills(service: BillService, typed: string): Promise<BillLookup> {
    const code = normaliseCustomerCode(service, typed);
    if (!code) throw invalidField('customerCode', 'payments.customer_code_invalid');
    let found: BillLookup | null;
    try {
      found = await this.d.biller.lookup(service, code);
    } catch (err) {
      this.d.platform.log.warn({ err, service }, 'payments: the biller did not answer a lookup');
      throw new AppError(502, 'payments.biller_unavailable');
    }
    if (!found) throw notFound('payments.customer_unknown');
    return found;
  }

  /** payments.confirmed of a bill payment: the biller learns which bills are settled (retried by the outbox until it answers). */
  async settleBills(paymentId: string): Promise<void> {
    const row = await repo.byId(this.db, paymentId);
    if (!row || row.purpose !== 'bill' || !row.details) return;
    const { service, customerCode, billIds } = row.details;
    await this.d.biller.pay({ service, customerCode, billIds, amountVnd: Number(row.amount_vnd), paymentId: row.id });
  }

  // ------------------------------------------------------------ my bills (hóa đơn của tôi)

  /** The person's saved codes with what is due on each now (a biller that does not answer leaves that one empty). */
  async savedBills(p: Principal): Promise<SavedBill[]> {
    const rows = await repo.savedBills(this.db, p.userId);
    return Promise.all(rows.map(async (r) => this.toSavedBill(r, await this.d.biller.lookup(r.service, r.customer_code).catch(() => null))));
  }

  /** Keeps a code the biller knows, with the person's label. */
  async saveBill(p: Principal, input: SaveBill): Promise<SavedBill> {
    const label = input.label.trim();
    if (!label) throw invalidField('label', 'payments.label_required');
    const found = await this.lookupBills(input.service, input.customerCode);
    if ((await repo.countSavedBills(this.db, p.userId)) >= MAX_SAVED_BILLS) throw conflict('payments.saved_bills_full', { max: MAX_SAVED_BILLS });
    const row = await repo.insertSavedBill(this.db, { user_id: p.userId, service: input.service, customer_code: found.customerCode, label, reminders: input.reminders ?? true });
    if (!row) throw conflict('payments.bill_already_saved');
    // the person sees these bills now: only later ones are announced as new
    for (const bill of found.bills) await repo.claimReminder(this.db, row.id, bill.billId, 'new');
    return this.toSavedBill(row, found);
  }

  async updateSavedBill(p: Principal, id: string, patch: SavedBillPatch): Promise<SavedBill> {
    await this.ownSavedBill(p, id);
    const label = patch.label?.trim();
    if (patch.label !== undefined && !label) throw invalidField('label', 'payments.label_required');
    const row = await repo.updateSavedBill(this.db, id, { ...(label ? { label } : {}), ...(patch.reminders !== undefined ? { reminders: patch.reminders } : {}) });
    return this.toSavedBill(row, await this.d.biller.lookup(row.service, row.customer_code).catch(() => null));
  }

  async removeSavedBill(p: Principal, id: string): Promise<void> {
    await this.ownSavedBill(p, id);
    await repo.deleteSavedBill(this.db, id);
  }

  /** Somebody else's saved code is as unknown as a missing one. */
  private async ownSavedBill(p: Principal, id: string): Promise<repo.SavedBillRow> {
    const row = await repo.savedBill(this.db, id);
    if (!row || row.user_id !== p.userId) throw notFound('payments.saved_bill_not_found');
    return row;
  }

  private toSavedBill(r: repo.SavedBillRow, lookup: BillLookup | null): SavedBill {
    return { id: r.id, service: r.service, customerCode: r.customer_code, label: r.label, reminders: r.reminders, createdAt: r.created_at.toISOString(), lookup };
  }

  /**
   * The daily job: an in-app notice a few days before a saved bill's due date, once per
   * bill and saved code (the claim and the notice commit together). A biller that does not
   * answer is asked again tomorrow.
   */
  async remindBills(now = new Date()): Promise<{ reminded: number }> {
    const today = vietnamDay(now);
    let reminded = 0;
    let after: string | null = null;
    for (;;) {
      const page = await repo.savedBillsToRemind(this.db, after, 200);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      for (const saved of page) {
        const found = await this.d.biller.lookup(saved.service, saved.customer_code).catch(() => null);
        for (const bill of found?.bills ?? []) {
          // a new bill already due soon gets the one reminder, not two notices
          const kind = dueSoon(bill.dueDate, today) ? 'due' : 'new';
          const sent = await this.db.transaction().execute(async (trx) => {
            const isNew = await repo.claimReminder(trx, saved.id, bill.billId, 'new');
            if (kind === 'new' ? !isNew : !(await repo.claimReminder(trx, saved.id, bill.billId, 'due'))) return false;
            await this.d.notifier?.notify(billNotice(kind, saved, bill), trx);
            return true;
          });
          if (sent) reminded++;
        }
      }
    }
    return { reminded };
  }

  /** The person's saved codes and labels, for their data export. */
  async exportSavedBillsFor(userId: string): Promise<unknown> {
    return (await repo.savedBills(this.db, userId)).map((r) => ({ service: r.service, customer_code: r.customer_code, label: r.label, reminders: r.reminders, created_at: r.created_at }));
  }

  /** The person's saved codes go with their account (identity's anonymisation). */
  async eraseFor(userId: string): Promise<void> {
    await repo.eraseSavedBills(this.db, userId);
  }

  // ------------------------------------------------------------ leaders' figures

  /**
   * Per Vietnam day: of the dossiers whose fees were paid, the share paid online; of all
   * payments (fees at the counter, fees and bills online), the share without cash.
   */
  async figures(from: string, to: string): Promise<PaymentFigures> {
    const start = new Date(`${from}T00:00:00+07:00`);
    const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 24 * 3600_000);
    if (Number.isNaN(start.getTime())) throw invalidField('from', 'validation.invalid');
    if (Number.isNaN(end.getTime()) || end <= start) throw invalidField('to', 'payments.period_invalid');
    if (end.getTime() - start.getTime() > 92 * 24 * 3600_000) throw invalidField('to', 'payments.period_too_long');
    const [fees, online] = await Promise.all([this.d.dossiers.feePaymentsByDay(start, end), repo.onlineByDay(this.db, start, end)]);
    const days: PaymentFigures['days'] = [];
    for (let at = start.getTime(); at < end.getTime(); at += 24 * 3600_000) {
      const day = vietnamDay(new Date(at));
      const f = fees.filter((x) => x.day === day);
      const feesPaid = f.reduce((s, x) => s + x.dossiers, 0);
      const feesPaidOnline = f.filter((x) => x.method === 'online').reduce((s, x) => s + x.dossiers, 0);
      const counter = feesPaid - feesPaidOnline;
      const o = online.filter((x) => x.day === day);
      const cashless = o.reduce((s, x) => s + x.n, 0);
      days.push(figureRow(day, feesPaid, feesPaidOnline, cashless + counter, cashless, o.reduce((s, x) => s + x.vnd, 0)));
    }
    const sum = (k: 'feesPaid' | 'feesPaidOnline' | 'payments' | 'cashless' | 'cashlessVnd') => days.reduce((s, d) => s + d[k], 0);
    const { day: _day, ...total } = figureRow(to, sum('feesPaid'), sum('feesPaidOnline'), sum('payments'), sum('cashless'), sum('cashlessVnd'));
    const byAgency = await Promise.all(placeFigures(fees, (f) => f.agencyId).map(async (p) => ({ ...p, name: (await this.d.places.agencyName(p.key)) ?? p.key })));
    const byCommune = placeFigures(fees, (f) => f.communeCode).map((p) => ({ ...p, name: this.d.places.communeName(p.key) ?? p.key }));
    return { from, to, days, total, byAgency, byCommune };
  }

  async get(p: Principal, id: string): Promise<repo.PaymentRow> {
    const row = await repo.byId(this.db, id);
    if (!row || !this.policy.can(p, 'read', subject(row))) throw notFound('payments.not_found');
    return this.expireIfDue(row);
  }

  async mine(p: Principal, limit: number, offset: number, reference?: string): Promise<{ items: repo.PaymentRow[]; total: number }> {
    return repo.byPayer(this.db, p.userId, limit, offset, reference);
  }

  private async payable(p: Principal, id: string): Promise<repo.PaymentRow> {
    const row = await repo.byId(this.db, id);
    if (!row || !this.policy.can(p, 'pay', subject(row))) throw notFound('payments.not_found');
    const fresh = await this.expireIfDue(row);
    if (fresh.status === 'succeeded') throw conflict('payments.already_paid');
    // no new attempt once its time is up (a confirmation still has its grace)
    if (fresh.status !== 'pending' || fresh.expires_at <= new Date()) throw conflict('payments.not_open');
    return fresh;
  }

  /** The signed VNPay URL the browser goes to. */
  async startVnpay(p: Principal, id: string, input: VnpayStart, ipAddr: string): Promise<string> {
    const row = await this.payable(p, id);
    const now = new Date();
    await repo.update(this.db, row.id, { channel: 'vnpay', gateway_created_at: now });
    const vnpay = this.gateway();
    const params: VnpParams = {
      vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: vnpay.tmnCode, vnp_Amount: toVnpAmount(Number(row.amount_vnd)),
      vnp_CreateDate: toVnpDate(now), vnp_CurrCode: 'VND', vnp_IpAddr: ipAddr, vnp_Locale: input.locale ?? 'vn',
      vnp_OrderInfo: `Thanh toan ${row.code}`, vnp_OrderType: row.purpose === 'bill' ? 'billpayment' : 'other', vnp_ReturnUrl: vnpay.returnUrl, vnp_TxnRef: row.code,
      vnp_ExpireDate: toVnpDate(row.expires_at),
    };
    if (input.bankCode) params.vnp_BankCode = input.bankCode;
    return `${vnpay.payUrl}?${signedQuery(params, vnpay.hashSecret)}`;
  }

  /** The VietQR to scan: our collecting account, the exact amount, the payment code as purpose. */
  async vietqr(p: Principal, id: string): Promise<VietQrPayment> {
    this.bankSecret(); // without the bank's notifications nobody could confirm the transfer
    const row = await this.payable(p, id);
    await repo.update(this.db, row.id, { channel: 'vietqr' });
    const { vietqr } = this.d.settings;
    const amount = Number(row.amount_vnd);
    const payload = buildVietQr({ bankBin: vietqr.bankBin, accountNumber: vietqr.accountNumber, amount, purpose: row.code });
    const svg = await (await loadQrCode()).toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      payload, svg, bankBin: vietqr.bankBin, bankName: bankByBin(vietqr.bankBin)!.name, accountNumber: vietqr.accountNumber,
      accountName: vietqr.accountName, amountVnd: amount, purpose: row.code, demo: this.d.settings.demo,
    };
  }

  // ------------------------------------------------------------ VNPay callbacks

  /** VNPay's IPN: the only source of truth for a gateway payment. */
  async ipn(params: VnpParams): Promise<IpnReply> {
    const vnpay = this.gateway();
    const raw = { ...params };
    if (!verifyCallback(params, vnpay.hashSecret)) {
      await repo.addCallback(this.db, { paymentId: null, source: 'vnpay_ipn', raw, outcome: 'bad_checksum' });
      return { RspCode: '97', Message: 'Invalid Checksum' };
    }
    let refundAfter: repo.PaymentRow | null = null;
    const reply = await this.db.transaction().execute(async (trx): Promise<IpnReply> => {
      const row = params.vnp_TmnCode === vnpay.tmnCode && params.vnp_TxnRef ? await repo.byCode(trx, params.vnp_TxnRef, true) : undefined;
      const record = (outcome: string) => repo.addCallback(trx, { paymentId: row?.id ?? null, source: 'vnpay_ipn', providerRef: params.vnp_TransactionNo ?? null, raw, outcome });
      if (!row) {
        await record('not_found');
        return { RspCode: '01', Message: 'Order not found' };
      }
      if (fromVnpAmount(params.vnp_Amount ?? '') !== Number(row.amount_vnd)) {
        await record('amount_differs');
        return { RspCode: '04', Message: 'Invalid amount' };
      }
      const success = params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00';
      const status = this.isDue(row) ? 'expired' : row.status;
      if (!OPEN.includes(status)) {
        if (success && status === 'expired' && row.late_amount_vnd === null) {
          // paid after the payment was given up: keep the evidence, then give the money back
          refundAfter = await repo.update(trx, row.id, {
            status: 'expired', late_amount_vnd: Number(row.amount_vnd), provider_transaction_no: params.vnp_TransactionNo ?? null,
            provider_bank_code: params.vnp_BankCode ?? null, channel: 'vnpay',
          });
          await record('late');
        } else await record('already_confirmed');
        return { RspCode: '02', Message: 'Order already confirmed' };
      }
      if (success) {
        await this.confirm(trx, row, 'vnpay', { transactionNo: params.vnp_TransactionNo ?? null, bankCode: params.vnp_BankCode ?? null, paidAt: fromVnpDate(params.vnp_PayDate ?? '') });
        await record('confirmed');
      } else {
        if (row.status === 'pending') await repo.update(trx, row.id, { status: 'failed' });
        await record(`failed_${params.vnp_ResponseCode ?? ''}`);
      }
      return { RspCode: '00', Message: 'Confirm Success' };
    });
    if (refundAfter) await this.refundLate(refundAfter);
    return reply;
  }

  /** VNPay's return URL: shows the outcome; changes nothing (the IPN does). */
  async returned(params: VnpParams): Promise<{ paymentId: string | null; verified: boolean }> {
    const verified = verifyCallback(params, this.gateway().hashSecret);
    const row = verified && params.vnp_TxnRef ? await repo.byCode(this.db, params.vnp_TxnRef) : undefined;
    await repo.addCallback(this.db, { paymentId: row?.id ?? null, source: 'vnpay_return', raw: { ...params }, outcome: verified ? 'shown' : 'bad_checksum' });
    return { paymentId: row?.id ?? null, verified };
  }

  // ------------------------------------------------------------ bank notifications (VietQR)

  /** The collecting bank's signed notification of an incoming transfer. */
  async bankNotification(rawBody: Buffer, signature: string | undefined): Promise<{ success: boolean; paymentCode: string | null; outcome: string }> {
    const expected = createHmac('sha256', this.bankSecret()).update(rawBody).digest();
    const given = /^[0-9a-fA-F]{64}$/.test(signature ?? '') ? Buffer.from(signature!, 'hex') : Buffer.alloc(0);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError(401, 'payments.bad_signature');
    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw badRequest('request.bad_json');
    }
    const problems = [...Value.Errors(BankNotification, body)].map((e) => ({ field: e.instancePath.replace(/^\//, '').replace(/\//g, '.') || String((e.params as { requiredProperties?: string[] }).requiredProperties?.[0] ?? ''), message: 'validation.invalid' }));
    if (problems.length) throw new AppError(400, 'validation', {}, problems);
    const n = body as BankNotification;
    const { vietqr } = this.d.settings;
    const code = /TT\d{10,}/.exec(n.description.toUpperCase().replace(/\s+/g, ''))?.[0] ?? null;
    const outcome = await this.db.transaction().execute(async (trx) => {
      const row = code ? await repo.byCode(trx, code, true) : undefined;
      const record = async (o: string) => {
        await repo.addCallback(trx, { paymentId: row?.id ?? null, source: 'bank', providerRef: n.transactionId, raw: n as unknown as Record<string, unknown>, outcome: o });
        return o;
      };
      if (await repo.bankNotificationSeen(trx, n.transactionId)) return record('duplicate');
      if (n.bankBin !== vietqr.bankBin || n.accountNumber !== vietqr.accountNumber) return record('other_account');
      if (!row) return record('unmatched');
      if (n.amount !== Number(row.amount_vnd)) return record('amount_differs');
      const status = this.isDue(row) ? 'expired' : row.status;
      if (!OPEN.includes(status)) {
        // a second transfer, or one after the payment expired: the money goes back (finance refunds by transfer)
        await repo.update(trx, row.id, { late_amount_vnd: Number(row.late_amount_vnd ?? 0) + n.amount, ...(status === 'expired' ? { status: 'expired' as const } : {}) });
        return record('refund_due');
      }
      await this.confirm(trx, row, 'vietqr', { transactionNo: n.transactionId, bankCode: bankByBin(n.bankBin)?.code ?? null, paidAt: new Date(n.transactionTime) });
      return record('confirmed');
    });
    return { success: outcome !== 'other_account', paymentCode: code, outcome };
  }

  /** Demo mode: the demo bank sends the notification a real bank would after the citizen's transfer. */
  async demoTransfer(p: Principal, id: string): Promise<{ success: boolean; paymentCode: string | null; outcome: string }> {
    if (!this.d.settings.demo) throw notFound('payments.not_found');
    const row = await this.payable(p, id);
    const { vietqr } = this.d.settings;
    const body = JSON.stringify({
      transactionId: `FT${Date.now()}${Math.floor(Math.random() * 1000)}`, bankBin: vietqr.bankBin, accountNumber: vietqr.accountNumber,
      amount: Number(row.amount_vnd), description: `${row.code} chuyen tien`, transactionTime: new Date().toISOString(),
    });
    const signature = createHmac('sha256', this.bankSecret()).update(body).digest('hex');
    const res = await this.transport(`${this.d.settings.publicUrl}/api/payments/bank/notify`, body, { 'x-signature': signature });
    return res.json as { success: boolean; paymentCode: string | null; outcome: string };
  }

  // ------------------------------------------------------------ the change itself

  private async confirm(trx: Kysely<object>, row: repo.PaymentRow, channel: PaymentChannel, c: { transactionNo: string | null; bankCode: string | null; paidAt: Date | null }): Promise<void> {
    if (!canMovePayment(row.status, 'succeeded')) throw conflict('payments.not_open');
    const paid = await repo.update(trx, row.id, {
      status: 'succeeded', channel, paid_at: c.paidAt ?? new Date(), provider_transaction_no: c.transactionNo, provider_bank_code: c.bankCode,
    });
    await this.d.platform.events.publish(trx, 'payments.confirmed', paid.id, {
      paymentId: paid.id, purpose: paid.purpose, reference: paid.reference, amount: Number(paid.amount_vnd), code: paid.code,
    });
    await this.d.notifier?.notify({
      userId: paid.payer_user_id, kind: 'payment', title: `Đã thanh toán ${paid.code}`,
      body: `Đã nhận ${Number(paid.amount_vnd).toLocaleString('vi-VN')} đồng: ${paid.description}. Biên lai điện tử có trong mục "Thanh toán của tôi".`,
      link: `/payments/${paid.id}`, dedupeKey: `payment:${paid.id}:confirmed`,
    }, trx);
  }

  /** Open, and past its time and the grace a trailing confirmation gets. */
  private isDue(row: repo.PaymentRow, now = new Date()): boolean {
    return OPEN.includes(row.status) && row.expires_at.getTime() + CALLBACK_GRACE_MS <= now.getTime();
  }

  private async expireIfDue(row: repo.PaymentRow): Promise<repo.PaymentRow> {
    // a gateway payment past its time is asked about first (querydr) by the job; here it only shows as expired once the job ran
    if (!this.isDue(row) || row.channel === 'vnpay') return row;
    return repo.update(this.db, row.id, { status: 'expired' });
  }

  // ------------------------------------------------------------ receipts

  async receipt(p: Principal, id: string): Promise<{ bytes: Buffer; fileName: string }> {
    const row = await this.get(p, id);
    if (row.status !== 'succeeded' && row.status !== 'refunded') throw conflict('payments.not_paid');
    const bytes = await receiptPdf({
      provinceName: this.d.platform.pack.provinceName, code: row.code, description: row.description, amountVnd: Number(row.amount_vnd),
      paidAt: row.paid_at!, channel: row.channel!, transactionNo: row.provider_transaction_no, payer: await this.payerName(row),
      verifyUrl: this.verifyUrl(row.code), refunded: row.status === 'refunded',
    });
    return { bytes, fileName: `bien-lai-${row.code}.pdf` };
  }

  /** The receipt's public check address (in its QR): the code and a key nobody can guess. */
  verifyUrl(code: string): string {
    return `${this.d.settings.publicUrl}/bien-lai?code=${code}&k=${this.receiptKey(code)}`;
  }

  private receiptKey(code: string): string {
    return createHmac('sha256', `${this.d.settings.bankWebhookSecret ?? ''}:${this.d.settings.vnpay?.hashSecret ?? ''}`).update(`receipt:${code}`).digest('hex').slice(0, 32);
  }

  async checkReceipt(code: string, key: string): Promise<ReceiptCheck> {
    const expected = Buffer.from(this.receiptKey(code));
    const given = Buffer.from(key);
    const row = await repo.byCode(this.db, code);
    if (given.length !== expected.length || !timingSafeEqual(given, expected) || !row || !row.paid_at || !row.channel) throw notFound('payments.receipt_unknown');
    return {
      valid: true, code: row.code, description: row.description, amountVnd: Number(row.amount_vnd), paidAt: row.paid_at.toISOString(),
      payer: maskName(await this.payerName(row)), channel: row.channel, status: row.status,
    };
  }

  private async payerName(row: repo.PaymentRow): Promise<string> {
    return (await this.d.people(row.payer_user_id)) ?? '';
  }

  // ------------------------------------------------------------ finance staff

  async reconciliation(p: Principal, day: string): Promise<Reconciliation> {
    const from = new Date(`${day}T00:00:00+07:00`);
    if (Number.isNaN(from.getTime())) throw badRequest('validation');
    const to = new Date(from.getTime() + 24 * 3600_000);
    const all = await repo.paidBetween(this.db, from, to);
    const rows = all.filter((r) => isSysadminOrAgency(p, r));
    const totals = (['vnpay', 'vietqr'] as const).map((channel) => {
      const mine = rows.filter((r) => r.channel === channel);
      return {
        channel, count: mine.length, amountVnd: mine.reduce((s, r) => s + Number(r.amount_vnd), 0),
        refundedVnd: mine.filter((r) => r.status === 'refunded').reduce((s, r) => s + Number(r.amount_vnd), 0),
      };
    });
    return {
      day, totals,
      items: rows.map((r) => ({
        id: r.id, code: r.code, channel: r.channel!, status: r.status, amountVnd: Number(r.amount_vnd), paidAt: r.paid_at!.toISOString(),
        providerTransactionNo: r.provider_transaction_no, description: r.description,
      })),
    };
  }

  /** Gives a confirmed payment back (reason kept, audited); a gateway payment through VNPay's refund API. */
  async refund(p: Principal, id: string, reason: string): Promise<repo.PaymentRow> {
    const row = await repo.byId(this.db, id);
    if (!row || !this.policy.can(p, 'read', subject(row))) throw notFound('payments.not_found');
    this.policy.authorize(p, 'refund', subject(row));
    if (!canMovePayment(row.status, 'refunded') || row.status !== 'succeeded') throw conflict('payments.not_refundable');
    if (row.channel === 'vnpay') await this.vnpayRefund(row, Number(row.amount_vnd), p.userId);
    return this.db.transaction().execute(async (trx) => {
      const locked = (await repo.byId(trx, id, true))!;
      if (locked.status !== 'succeeded') throw conflict('payments.not_refundable');
      const done = await repo.update(trx, id, { status: 'refunded', refunded_at: new Date(), refund_reason: reason, refunded_by: p.userId });
      await this.d.platform.audit.record({ actorUserId: p.userId, action: 'payment.refunded', subjectType: 'payment', subjectId: id, details: { code: row.code, amountVnd: Number(row.amount_vnd), reason } }, trx);
      await this.d.platform.events.publish(trx, 'payments.refunded', id, { paymentId: id, purpose: row.purpose, reference: row.reference, amount: Number(row.amount_vnd) });
      return done;
    });
  }

  /** Money VNPay took for an expired payment goes back at once. */
  private async refundLate(row: repo.PaymentRow): Promise<void> {
    try {
      await this.vnpayRefund(row, Number(row.late_amount_vnd ?? row.amount_vnd), null);
      await this.db.transaction().execute(async (trx) => {
        await repo.update(trx, row.id, { status: 'refunded', refunded_at: new Date(), refund_reason: 'Thanh toán sau khi giao dịch đã hết hạn' });
        await this.d.platform.audit.record({ actorUserId: null, action: 'payment.refunded_late', subjectType: 'payment', subjectId: row.id, details: { code: row.code } }, trx);
      });
    } catch (err) {
      // stays expired with late_amount_vnd set: finance sees it and refunds by hand
      this.d.platform.log.error({ err, payment: row.code }, 'payments: automatic refund of a late payment failed');
    }
  }

  private async vnpayRefund(row: repo.PaymentRow, amountVnd: number, by: string | null): Promise<void> {
    const vnpay = this.gateway();
    const body: Record<string, string> = {
      vnp_RequestId: randomUUID().replace(/-/g, '').slice(0, 32), vnp_Version: '2.1.0', vnp_Command: 'refund', vnp_TmnCode: vnpay.tmnCode,
      vnp_TransactionType: amountVnd === Number(row.amount_vnd) ? '02' : '03', vnp_TxnRef: row.code, vnp_Amount: toVnpAmount(amountVnd),
      vnp_TransactionNo: row.provider_transaction_no ?? '0', vnp_TransactionDate: toVnpDate(row.gateway_created_at ?? row.created_at),
      vnp_CreateBy: by ?? 'system', vnp_CreateDate: toVnpDate(new Date()), vnp_IpAddr: '127.0.0.1', vnp_OrderInfo: `Hoan tien ${row.code}`,
    };
    body.vnp_SecureHash = signApiRequest(vnpay.hashSecret, REFUND_FIELDS, body);
    const res = await this.transport(vnpay.apiUrl, body);
    const reply = res.json as Record<string, string>;
    await repo.addCallback(this.db, { paymentId: row.id, source: 'vnpay_refund', raw: reply, outcome: reply.vnp_ResponseCode ?? String(res.status) });
    if (!verifyApi(vnpay.hashSecret, API_REPLY_FIELDS, reply)) throw new AppError(502, 'payments.gateway_error');
    if (reply.vnp_ResponseCode !== '00') throw new AppError(502, 'payments.gateway_refused', { code: reply.vnp_ResponseCode ?? '' });
  }

  // ------------------------------------------------------------ the job

  /**
   * Open payments whose time is up: a gateway payment is asked about with querydr (its IPN
   * may have been lost) and confirmed if VNPay took the money; the rest expire.
   */
  /** The person's payments, for their data export. */
  async exportFor(userId: string): Promise<unknown> {
    return (await repo.ofPayer(this.db, userId)).map((r) => ({ ...r, amount_vnd: Number(r.amount_vnd) }));
  }

  /**
   * Deleting an account keeps the payments that moved money: they are accounting documents
   * (chứng từ kế toán). The rest (never paid) holds nothing personal beyond the account link.
   */
  async describePersonalData(userId: string): Promise<PersonalDataPlan> {
    const [rows, saved] = await Promise.all([repo.ofPayer(this.db, userId), repo.savedBills(this.db, userId)]);
    return {
      erased: saved.length ? [{ key: 'payments.erased.saved_bills', params: { n: saved.length } }] : [],
      kept: rows.filter((r) => r.status === 'succeeded' || r.status === 'refunded').map((r) => ({
        reference: r.code,
        kept: { key: 'payments.kept.record', params: { description: r.description } },
        basis: { key: 'payments.kept.basis' },
      })),
    };
  }

  async reconcileStale(now = new Date()): Promise<{ confirmed: number; expired: number }> {
    let confirmed = 0;
    let expired = 0;
    for (const row of await repo.stale(this.db, new Date(now.getTime() - CALLBACK_GRACE_MS), 100)) {
      const found = row.channel === 'vnpay' && row.gateway_created_at ? await this.querydr(row).catch(() => null) : null;
      const done = await this.db.transaction().execute(async (trx) => {
        const locked = (await repo.byId(trx, row.id, true))!;
        if (!OPEN.includes(locked.status)) return 'none';
        if (found && found.vnp_TransactionStatus === '00' && fromVnpAmount(found.vnp_Amount ?? '') === Number(locked.amount_vnd)) {
          await this.confirm(trx, locked, 'vnpay', { transactionNo: found.vnp_TransactionNo ?? null, bankCode: found.vnp_BankCode ?? null, paidAt: fromVnpDate(found.vnp_PayDate ?? '') });
          await repo.addCallback(trx, { paymentId: locked.id, source: 'vnpay_querydr', raw: found, outcome: 'confirmed' });
          return 'confirmed';
        }
        if (found === null && row.channel === 'vnpay') return 'none'; // gateway unreachable: ask again next time
        await repo.update(trx, locked.id, { status: 'expired' });
        return 'expired';
      });
      if (done === 'confirmed') confirmed++;
      if (done === 'expired') expired++;
    }
    return { confirmed, expired };
  }

  private async querydr(row: repo.PaymentRow): Promise<Record<string, string>> {
    const vnpay = this.gateway();
    const body: Record<string, string> = {
      vnp_RequestId: randomUUID().replace(/-/g, '').slice(0, 32), vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: vnpay.tmnCode,
      vnp_TxnRef: row.code, vnp_TransactionDate: toVnpDate(row.gateway_created_at!), vnp_CreateDate: toVnpDate(new Date()), vnp_IpAddr: '127.0.0.1',
      vnp_OrderInfo: `Truy van ${row.code}`,
    };
    body.vnp_SecureHash = signApiRequest(vnpay.hashSecret, QUERYDR_FIELDS, body);
    const res = await this.transport(vnpay.apiUrl, body);
    const reply = res.json as Record<string, string>;
    if (!verifyApi(vnpay.hashSecret, API_REPLY_FIELDS, reply)) throw new Error('querydr reply is not signed by the gateway');
    if (reply.vnp_ResponseCode !== '00') return { ...reply, vnp_TransactionStatus: reply.vnp_TransactionStatus ?? '' };
    return reply;
  }

  // ------------------------------------------------------------ replies

  toPayment(row: repo.PaymentRow): Payment {
    return {
      id: row.id, code: row.code, purpose: row.purpose, reference: row.reference, description: row.description, amountVnd: Number(row.amount_vnd),
      status: row.status, channel: row.channel, createdAt: row.created_at.toISOString(), expiresAt: row.expires_at.toISOString(),
      paidAt: row.paid_at?.toISOString() ?? null, providerTransactionNo: row.provider_transaction_no,
      receiptCheckUrl: row.paid_at ? this.verifyUrl(row.code) : null,
      link: row.purpose === 'dossier_fee' ? `/dossiers/${row.reference}` : '/payments/my-bills',
    };
  }
}

/** The notice about one bill of a saved code: a new bill, or its due date near. */
function billNotice(kind: repo.BillNoticeKind, saved: repo.SavedBillRow, bill: BillLookup['bills'][number]): NewNotification {
  const due = formatVietnamDate(bill.dueDate);
  return {
    userId: saved.user_id, kind: kind === 'due' ? 'bill_due' : 'bill_new',
    title: translate('vi', kind === 'due' ? 'payments.remind.title' : 'payments.remind.newTitle', { label: saved.label, due }),
    body: translate('vi', 'payments.remind.body', { service: translate('vi', `payments.bill.${saved.service}`), period: bill.period, amount: formatVnd(bill.amountVnd), code: saved.customer_code }),
    link: '/payments/my-bills', dedupeKey: `bill-${kind}:${saved.id}:${bill.billId}`,
  };
}

/** Fees paid and paid online per agency or commune (whatever `keyOf` picks), most fees first. */
function placeFigures(fees: readonly { method: string; agencyId: string; communeCode: string; dossiers: number }[], keyOf: (f: (typeof fees)[number]) => string): Omit<PaymentFiguresPlace, 'name'>[] {
  const counts = new Map<string, { paid: number; online: number }>();
  for (const f of fees) {
    const c = counts.get(keyOf(f)) ?? { paid: 0, online: 0 };
    c.paid += f.dossiers;
    if (f.method === 'online') c.online += f.dossiers;
    counts.set(keyOf(f), c);
  }
  return [...counts].map(([key, c]) => ({ key, feesPaid: c.paid, feesPaidOnline: c.online, feesOnlineShare: sharePercent(c.online, c.paid) }))
    .sort((a, b) => b.feesPaid - a.feesPaid || a.key.localeCompare(b.key));
}

function figureRow(day: string, feesPaid: number, feesPaidOnline: number, payments: number, cashless: number, cashlessVnd: number): PaymentFigures['days'][number] {
  return {
    day, feesPaid, feesPaidOnline, feesOnlineShare: sharePercent(feesPaidOnline, feesPaid), payments, cashless, cashlessShare: sharePercent(cashless, payments), cashlessVnd,
  };
}

function subject(row: repo.PaymentRow): PaymentSubject {
  return { payerUserId: row.payer_user_id, agencyId: row.agency_id };
}

function isSysadminOrAgency(p: Principal, row: repo.PaymentRow): boolean {
  return grantsFor(paymentRules, 'refund', p).some((g) => g.role === 'sysadmin' || (g.agencyId !== null && g.agencyId === row.agency_id));
}

/** Nguyễn Văn An → Nguyễn V. A.: enough to recognise a receipt, not to learn a name. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ? `${parts[0].slice(0, 1)}.` : '';
  return [parts[0], ...parts.slice(1).map((w) => `${w.slice(0, 1)}.`)].join(' ');
}

const defaultTransport: Transport = async (url, body, headers = {}) => {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
};
