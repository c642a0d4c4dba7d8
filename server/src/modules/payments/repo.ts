// SQL of payments: the payments, every raw callback, the citizens' saved bills and their
// reminders, and the books of the demo gateway and demo biller.
import { sql, type ColumnType, type Generated, type Insertable, type JSONColumnType, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { BillService, PaymentChannel, PaymentPurpose, PaymentStatus } from '@cds/contracts/payments.rules';

/** BIGINT arrives as text from node-postgres and as a number from PGlite. */
type Bigint = ColumnType<string | number, number, number>;

export interface PaymentTable {
  id: Generated<string>;
  code: string;
  purpose: PaymentPurpose;
  reference: string;
  description: string;
  payer_user_id: string;
  agency_id: string | null;
  commune_code: string | null;
  amount_vnd: Bigint;
  status: Generated<PaymentStatus>;
  channel: PaymentChannel | null;
  created_at: Generated<Date>;
  expires_at: Date;
  gateway_created_at: Date | null;
  paid_at: Date | null;
  provider_transaction_no: string | null;
  provider_bank_code: string | null;
  late_amount_vnd: ColumnType<string | number | null, number | null, number | null>;
  refunded_at: Date | null;
  refund_reason: string | null;
  refunded_by: string | null;
  updated_at: Generated<Date>;
  /** What a bill payment settles; written as JSON text. */
  details: ColumnType<BillDetails | null, string | null | undefined, string | null>;
}

export interface BillDetails {
  service: BillService;
  customerCode: string;
  /** Empty for a prepaid top-up. */
  billIds: string[];
  topUpVnd?: number;
}

export type CallbackSource = 'vnpay_ipn' | 'vnpay_return' | 'vnpay_querydr' | 'vnpay_refund' | 'bank';

export interface CallbackTable {
  id: Generated<string>;
  payment_id: string | null;
  source: CallbackSource;
  provider_ref: string | null;
  raw: JSONColumnType<Record<string, unknown>>;
  outcome: string;
  received_at: Generated<Date>;
}

export interface DemoGatewayTable {
  txn_ref: string;
  tmn_code: string;
  transaction_no: string;
  amount: Bigint;
  order_info: string;
  response_code: string;
  transaction_status: string;
  bank_code: string;
  pay_date: string;
  refunded_amount: Generated<Bigint>;
  created_at: Generated<Date>;
}

export interface DemoBillTable {
  bill_id: string;
  payment_id: string;
  paid_at: Generated<Date>;
}

export interface SavedBillTable {
  id: Generated<string>;
  user_id: string;
  service: BillService;
  customer_code: string;
  label: string;
  reminders: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface BillReminderTable {
  saved_bill_id: string;
  bill_id: string;
  /** new: the bill appeared (or was seen when the code was saved); due: its due date is near. */
  kind: BillNoticeKind;
  sent_at: Generated<Date>;
}

export type BillNoticeKind = 'new' | 'due';

type Tables = {
  payments: PaymentTable; payment_callbacks: CallbackTable; payment_demo_gateway: DemoGatewayTable; payment_demo_bills: DemoBillTable;
  payment_saved_bills: SavedBillTable; payment_bill_reminders: BillReminderTable;
};

export type PaymentRow = Selectable<PaymentTable>;
export type NewPayment = Insertable<PaymentTable>;
export type PaymentPatch = Updateable<PaymentTable>;
export type DemoGatewayRow = Selectable<DemoGatewayTable>;
export type SavedBillRow = Selectable<SavedBillTable>;
export type Db = Kysely<object>;

const t = (db: Db) => db.withTables<Tables>();

export async function nextCodeNumber(db: Db): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`SELECT nextval('payment_code_seq') AS n`.execute(db);
  return Number(rows[0]!.n);
}

/** Inserts unless an open payment for the same thing exists (then undefined). */
export async function insertOpen(db: Db, p: NewPayment): Promise<PaymentRow | undefined> {
  return t(db)
    .insertInto('payments')
    .values(p)
    .onConflict((oc) => oc.columns(['purpose', 'reference']).where('status', 'in', ['pending', 'failed']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function byId(db: Db, id: string, forUpdate = false): Promise<PaymentRow | undefined> {
  let q = t(db).selectFrom('payments').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function byCode(db: Db, code: string, forUpdate = false): Promise<PaymentRow | undefined> {
  let q = t(db).selectFrom('payments').selectAll().where('code', '=', code);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The open or paid payment of a thing to pay, newest first. */
export async function current(db: Db, purpose: PaymentPurpose, reference: string, forUpdate = false): Promise<PaymentRow[]> {
  let q = t(db).selectFrom('payments').selectAll().where('purpose', '=', purpose).where('reference', '=', reference)
    .where('status', 'in', ['pending', 'failed', 'succeeded']).orderBy('created_at', 'desc');
  if (forUpdate) q = q.forUpdate();
  return q.execute();
}

export async function update(db: Db, id: string, patch: PaymentPatch): Promise<PaymentRow> {
  return t(db).updateTable('payments').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function byPayer(db: Db, userId: string, limit: number, offset: number, reference?: string): Promise<{ items: PaymentRow[]; total: number }> {
  let base = t(db).selectFrom('payments').where('payer_user_id', '=', userId);
  if (reference !== undefined) base = base.where('reference', '=', reference);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Payments paid (or refunded) during one Vietnam day: [from, to). */
export async function paidBetween(db: Db, from: Date, to: Date): Promise<PaymentRow[]> {
  return t(db).selectFrom('payments').selectAll().where('paid_at', '>=', from).where('paid_at', '<', to)
    .where('status', 'in', ['succeeded', 'refunded']).orderBy('paid_at').orderBy('code').execute();
}

/** Open payments whose time is up, oldest first. */
export async function stale(db: Db, now: Date, limit: number): Promise<PaymentRow[]> {
  return t(db).selectFrom('payments').selectAll().where('status', 'in', ['pending', 'failed']).where('expires_at', '<', now)
    .orderBy('expires_at').limit(limit).execute();
}

export async function addCallback(db: Db, c: { paymentId: string | null; source: CallbackSource; providerRef?: string | null; raw: Record<string, unknown>; outcome: string }): Promise<void> {
  await t(db).insertInto('payment_callbacks')
    .values({ payment_id: c.paymentId, source: c.source, provider_ref: c.providerRef ?? null, raw: JSON.stringify(c.raw), outcome: c.outcome })
    .execute();
}

export async function callbacks(db: Db, paymentId: string): Promise<Selectable<CallbackTable>[]> {
  return t(db).selectFrom('payment_callbacks').selectAll().where('payment_id', '=', paymentId).orderBy('id').execute();
}

/** Whether a bank notification with this id already settled something. */
export async function bankNotificationSeen(db: Db, providerRef: string): Promise<boolean> {
  const row = await t(db).selectFrom('payment_callbacks').select('id').where('source', '=', 'bank').where('provider_ref', '=', providerRef)
    .where('outcome', 'in', ['confirmed', 'late_refunded', 'already_paid_refunded', 'unmatched']).executeTakeFirst();
  return row !== undefined;
}

// the demo gateway's ledger
export async function demoCharge(db: Db, row: Insertable<DemoGatewayTable>): Promise<void> {
  await t(db).insertInto('payment_demo_gateway').values(row).execute();
}

export async function demoFind(db: Db, tmnCode: string, txnRef: string): Promise<DemoGatewayRow | undefined> {
  return t(db).selectFrom('payment_demo_gateway').selectAll().where('tmn_code', '=', tmnCode).where('txn_ref', '=', txnRef)
    .orderBy('created_at', 'desc').executeTakeFirst();
}

export async function demoRefund(db: Db, transactionNo: string, amount: number): Promise<void> {
  await sql`UPDATE payment_demo_gateway SET refunded_amount = refunded_amount + ${amount} WHERE transaction_no = ${transactionNo}`.execute(db);
}

/** A person's payments (their export and their deletion receipt). */
export function ofPayer(db: Db, userId: string) {
  return t(db).selectFrom('payments')
    .select(['code', 'purpose', 'reference', 'description', 'amount_vnd', 'status', 'channel', 'created_at', 'paid_at', 'refunded_at'])
    .where('payer_user_id', '=', userId).orderBy('created_at').execute();
}

// the demo biller's books
export async function demoBillsPaid(db: Db, billIds: readonly string[]): Promise<Set<string>> {
  if (billIds.length === 0) return new Set();
  const rows = await t(db).selectFrom('payment_demo_bills').select('bill_id').where('bill_id', 'in', [...billIds]).execute();
  return new Set(rows.map((r) => r.bill_id));
}

/** Bills among these already settled by another transaction than this one. */
export async function demoBillsPaidByOthers(db: Db, billIds: readonly string[], paymentId: string): Promise<string[]> {
  const rows = await t(db).selectFrom('payment_demo_bills').select('bill_id').where('bill_id', 'in', [...billIds]).where('payment_id', '!=', paymentId).execute();
  return rows.map((r) => r.bill_id);
}

export async function demoSettleBills(db: Db, billIds: readonly string[], paymentId: string): Promise<void> {
  if (billIds.length === 0) return;
  await t(db).insertInto('payment_demo_bills').values(billIds.map((bill_id) => ({ bill_id, payment_id: paymentId })))
    .onConflict((oc) => oc.column('bill_id').doNothing()).execute();
}

// my bills (hóa đơn của tôi)
export async function savedBills(db: Db, userId: string): Promise<SavedBillRow[]> {
  return t(db).selectFrom('payment_saved_bills').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

export async function savedBill(db: Db, id: string): Promise<SavedBillRow | undefined> {
  return t(db).selectFrom('payment_saved_bills').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countSavedBills(db: Db, userId: string): Promise<number> {
  const r = await t(db).selectFrom('payment_saved_bills').select((eb) => eb.fn.countAll<string | number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Saves a code, or undefined when this person already keeps it. */
export async function insertSavedBill(db: Db, row: Insertable<SavedBillTable>): Promise<SavedBillRow | undefined> {
  return t(db).insertInto('payment_saved_bills').values(row).onConflict((oc) => oc.columns(['user_id', 'service', 'customer_code']).doNothing())
    .returningAll().executeTakeFirst();
}

export async function updateSavedBill(db: Db, id: string, patch: Updateable<SavedBillTable>): Promise<SavedBillRow> {
  return t(db).updateTable('payment_saved_bills').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteSavedBill(db: Db, id: string): Promise<void> {
  await t(db).deleteFrom('payment_bill_reminders').where('saved_bill_id', '=', id).execute();
  await t(db).deleteFrom('payment_saved_bills').where('id', '=', id).execute();
}

/** Saved codes with reminders on, a page at a time in id order (the daily job). */
export async function savedBillsToRemind(db: Db, afterId: string | null, limit: number): Promise<SavedBillRow[]> {
  let q = t(db).selectFrom('payment_saved_bills').selectAll().where('reminders', '=', true);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

/** Marks a bill's notice of this kind sent for this saved code; false when it was already (once per bill and kind). */
export async function claimReminder(db: Db, savedBillId: string, billId: string, kind: BillNoticeKind): Promise<boolean> {
  const r = await t(db).insertInto('payment_bill_reminders').values({ saved_bill_id: savedBillId, bill_id: billId, kind })
    .onConflict((oc) => oc.columns(['saved_bill_id', 'bill_id', 'kind']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A person's saved codes go with their account. */
export async function eraseSavedBills(db: Db, userId: string): Promise<void> {
  await sql`DELETE FROM payment_bill_reminders WHERE saved_bill_id IN (SELECT id FROM payment_saved_bills WHERE user_id = ${userId})`.execute(db);
  await t(db).deleteFrom('payment_saved_bills').where('user_id', '=', userId).execute();
}

// leaders' figures
/** Confirmed online payments per Vietnam day and purpose in [from, to). */
export async function onlineByDay(db: Db, from: Date, to: Date): Promise<{ day: string; purpose: PaymentPurpose; n: number; vnd: number }[]> {
  const { rows } = await sql<{ day: string; purpose: PaymentPurpose; n: string | number; vnd: string | number }>`
    SELECT to_char(paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, purpose, count(*) AS n, sum(amount_vnd) AS vnd
    FROM payments WHERE paid_at >= ${from} AND paid_at < ${to} AND status IN ('succeeded', 'refunded')
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return rows.map((r) => ({ day: r.day, purpose: r.purpose, n: Number(r.n), vnd: Number(r.vnd) }));
}
