// Payments (thanh toán): statuses and their transitions, what a payment is for, the
// channels, and the VNPay 2.1.0 value formats (amount × 100, dates yyyyMMddHHmmss in
// Vietnam time). Pure, no TypeBox: server and web both run it.
import { VIETNAM_OFFSET_MS } from './vietnam-time.ts';

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'expired', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What a payment settles: a dossier's fee (phí, lệ phí hồ sơ) or a household bill (hóa đơn). */
export const PAYMENT_PURPOSES = ['dossier_fee', 'bill'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

/** vnpay: card or bank account through the gateway; vietqr: a transfer from any bank app (NAPAS 247). */
export const PAYMENT_CHANNELS = ['vnpay', 'vietqr'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** Minutes a pending payment waits for its confirmation before it expires. */
export const PAYMENT_TTL_MINUTES = 15;

/**
 * Every status change the service may make. A failed attempt stays payable (the citizen
 * tries another card); `succeeded` is reached once; money that arrives for an expired or
 * failed payment is recorded, then refunded.
 */
export const PAYMENT_TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['succeeded', 'failed', 'expired'],
  failed: ['pending', 'succeeded', 'expired'],
  expired: ['refunded'],
  succeeded: ['refunded'],
  refunded: [],
};

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

export function isPaymentStatus(s: string): s is PaymentStatus {
  return (PAYMENT_STATUSES as readonly string[]).includes(s);
}

/** Largest amount a payment may carry, in VND (VNPay's amount × 100 stays a safe integer). */
export const MAX_PAYMENT_VND = 9_999_999_999;

/** VND → VNPay's vnp_Amount (VND × 100), as the integer string the protocol carries. */
export function toVnpAmount(vnd: number): string {
  if (!Number.isSafeInteger(vnd) || vnd <= 0 || vnd > MAX_PAYMENT_VND) throw new RangeError('amount must be a positive whole number of VND');
  return String(vnd * 100);
}

/** VNPay's vnp_Amount → VND, or null when it is not a whole number of đồng. */
export function fromVnpAmount(value: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(value)) return null;
  const n = Number(value);
  if (n % 100 !== 0) return null;
  return n / 100;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A moment as VNPay writes it: yyyyMMddHHmmss in GMT+7, whatever the server's zone. */
export function toVnpDate(at: Date): string {
  const l = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return `${l.getUTCFullYear()}${pad(l.getUTCMonth() + 1)}${pad(l.getUTCDate())}${pad(l.getUTCHours())}${pad(l.getUTCMinutes())}${pad(l.getUTCSeconds())}`;
}

/** VNPay's yyyyMMddHHmmss (GMT+7) → the moment, or null when it is not a real date. */
export function fromVnpDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(utc - VIETNAM_OFFSET_MS);
}

/**
 * A payment's reference as people and banks see it (mã thanh toán): `TT` + the Vietnam day
 * + a sequence, e.g. TT2612070042. It is the VNPay vnp_TxnRef (unique per day as VNPay
 * asks, unique for ever here) and the VietQR purpose, so a bank transfer can be matched.
 */
export function paymentCode(at: Date, sequence: number): string {
  const day = toVnpDate(at).slice(2, 8);
  return `TT${day}${pad(sequence, 4)}`;
}

export const PAYMENT_CODE_PATTERN = /^TT\d{6}\d{4,}$/;

/** Amount in VND as Vietnamese write it: 1.250.000 đ. */
export function formatVnd(vnd: number): string {
  return `${String(vnd).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/**
 * Household bills (hóa đơn) the billers' adapter can look up and settle: electricity, water,
 * telecom (cước viễn thông: a postpaid bill, or a prepaid top-up) and school fees (học phí).
 */
export const BILL_SERVICES = ['electricity', 'water', 'telecom', 'school'] as const;
export type BillService = (typeof BILL_SERVICES)[number];

/**
 * Customer codes as each kind of biller prints them on the bill. Electricity (EVN):
 * P, the power corporation's letter, the company and branch, then the customer's number,
 * e.g. PA11TX0012345. Water companies use letters and digits of their own. Telecom: the
 * subscriber's mobile number (0xxxxxxxxx). School fees: the pupil's code (mã học sinh) the
 * school prints on the fee notice.
 */
export const CUSTOMER_CODE_PATTERNS: Record<BillService, RegExp> = {
  electricity: /^P[A-Z][0-9]{2}[A-Z0-9]{2}[0-9]{7}$/,
  water: /^[A-Z0-9]{6,15}$/,
  telecom: /^0[0-9]{9}$/,
  school: /^[A-Z0-9]{6,15}$/,
};

/** The code as people type it (spaces, lower case, +84) made comparable, or null when it cannot be one. */
export function normaliseCustomerCode(service: BillService, typed: string): string | null {
  let code = typed.replace(/[\s.()-]/g, '').toUpperCase();
  if (service === 'telecom') code = code.replace(/^(?:\+84|84)(?=[0-9]{9}$)/, '0');
  return CUSTOMER_CODE_PATTERNS[service].test(code) ? code : null;
}

/** Prepaid top-up amounts (mệnh giá nạp) the carriers sell, in VND. */
export const TOP_UP_AMOUNTS = [10_000, 20_000, 50_000, 100_000, 200_000, 500_000] as const;

/** Days before a saved bill's due date that its reminder goes out. */
export const BILL_REMINDER_DAYS = 3;

/** How many customer codes one person may keep in "my bills". */
export const MAX_SAVED_BILLS = 20;

/**
 * Whether a bill falls due within the reminder window of a Vietnam day: from that day to
 * BILL_REMINDER_DAYS after it, both included (an overdue bill is not "coming up").
 */
export function dueSoon(dueDate: string, today: string, days = BILL_REMINDER_DAYS): boolean {
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const from = Date.parse(`${today}T00:00:00Z`);
  return due >= from && due <= from + days * 86_400_000;
}

/** The Vietnam calendar day (yyyy-MM-dd) of a moment. */
export function vietnamDay(at: Date): string {
  return toVnpDate(at).replace(/^(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3');
}

/** A share as a whole percentage, or null when there is nothing to share. */
export function sharePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}
