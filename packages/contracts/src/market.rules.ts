// Local market (chợ địa phương): household shops and cooperatives selling local and OCOP
// products. Order statuses and their moves, product categories, the OCOP block, payment
// and delivery methods, and the banks a shop's VietQR account may be at. Pure, no TypeBox:
// server and web both run it.
import { VIETNAM_OFFSET_MS } from './vietnam-time.ts';

export const ORDER_STATUSES = ['new', 'confirmed', 'packed', 'shipping', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Every move an order may make; cancelling is possible until it leaves the shop. */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ['confirmed', 'cancelled'],
  confirmed: ['packed', 'cancelled'],
  packed: ['shipping', 'cancelled'],
  shipping: ['delivered'],
  delivered: [],
  cancelled: [],
};

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Product categories (ngành hàng) buyers filter by. */
export const PRODUCT_CATEGORIES = ['produce', 'processed_food', 'drinks', 'herbal', 'handicraft', 'other'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** OCOP ("Mỗi xã một sản phẩm") product groups, as Decision 148/QĐ-TTg names them. */
export const OCOP_GROUPS = ['food', 'drinks', 'herbal', 'handicraft', 'ornamental', 'tourism'] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];

/** Stars a certificate may carry here: 3 and 4 are granted by the province, 5 by the nation. */
export const OCOP_STARS = [3, 4, 5] as const;
export type OcopStars = (typeof OCOP_STARS)[number];

/** Who issued the certificate (cấp tỉnh / cấp quốc gia). */
export const OCOP_LEVELS = ['province', 'national'] as const;
export type OcopLevel = (typeof OCOP_LEVELS)[number];

/** pending: the seller declared it; verified: a market officer checked the certificate; rejected: it did not hold. */
export const OCOP_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type OcopStatus = (typeof OCOP_STATUSES)[number];

/** vietqr: a transfer to the shop's own account, confirmed by the seller; cod: cash on delivery (thu hộ). */
export const ORDER_PAYMENT_METHODS = ['vietqr', 'cod'] as const;
export type OrderPaymentMethod = (typeof ORDER_PAYMENT_METHODS)[number];

/** carrier: the postal carrier picks up and delivers; seller: the seller brings it. */
export const DELIVERY_METHODS = ['carrier', 'seller'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const SHOP_KINDS = ['household', 'cooperative'] as const;
export type ShopKind = (typeof SHOP_KINDS)[number];

export const PRODUCT_UNITS = ['kg', 'hop', 'chai', 'goi', 'tui', 'qua', 'cai', 'lit'] as const;
export type ProductUnit = (typeof PRODUCT_UNITS)[number];

export const MAX_PRODUCT_PHOTOS = 5;
/** A product's price and an order's quantity stay far inside safe integers. */
export const MAX_PRICE_VND = 1_000_000_000;
export const MAX_ORDER_QUANTITY = 1000;

/**
 * Banks (NAPAS 247 BINs) a shop's account may be at for its VietQR; the same BINs as the
 * payments module's list. A shop at another bank cannot be paid by VietQR here.
 */
export const VIETQR_BANKS = [
  { bin: '970436', code: 'VCB', name: 'Vietcombank' },
  { bin: '970415', code: 'ICB', name: 'VietinBank' },
  { bin: '970418', code: 'BIDV', name: 'BIDV' },
  { bin: '970405', code: 'VBA', name: 'Agribank' },
  { bin: '970422', code: 'MB', name: 'MB Bank' },
  { bin: '970407', code: 'TCB', name: 'Techcombank' },
  { bin: '970416', code: 'ACB', name: 'ACB' },
  { bin: '970432', code: 'VPB', name: 'VPBank' },
  { bin: '970423', code: 'TPB', name: 'TPBank' },
  { bin: '970403', code: 'STB', name: 'Sacombank' },
] as const;

export function vietqrBank(bin: string): { bin: string; code: string; name: string } | undefined {
  return VIETQR_BANKS.find((b) => b.bin === bin);
}

/** Order reference (mã đơn hàng) carried in the VietQR purpose: DH + 8 digits. */
export function orderCode(n: number): string {
  return `DH${String(n).padStart(8, '0')}`;
}

/** Monday (Vietnam time) of the week a moment falls in, as YYYY-MM-DD: weekly sales are keyed by it. */
export function vietnamWeekStart(at: Date): string {
  const vn = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const day = (vn.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), vn.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}

// ------------------------------------------------------------ complaints (khiếu nại) and refunds (hoàn tiền)

/** Why a buyer complains about an order. */
export const COMPLAINT_REASONS = ['not_received', 'damaged', 'wrong_item', 'not_as_described', 'refund_missing', 'other'] as const;
export type ComplaintReason = (typeof COMPLAINT_REASONS)[number];

/** open: filed by the buyer; answered: the seller replied; upheld / refused: a market officer decided. */
export const COMPLAINT_STATUSES = ['open', 'answered', 'upheld', 'refused'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Who may move a complaint, from which states, to which: the one table both sides read. */
export const COMPLAINT_MOVES = {
  answer: { by: 'seller', from: ['open'], to: 'answered' },
  uphold: { by: 'officer', from: ['open', 'answered'], to: 'upheld' },
  refuse: { by: 'officer', from: ['open', 'answered'], to: 'refused' },
} as const satisfies Record<string, { by: 'seller' | 'officer'; from: readonly ComplaintStatus[]; to: ComplaintStatus }>;
export type ComplaintMove = keyof typeof COMPLAINT_MOVES;

export function canMoveComplaint(from: ComplaintStatus, move: ComplaintMove): boolean {
  return (COMPLAINT_MOVES[move].from as readonly ComplaintStatus[]).includes(from);
}

export function complaintIsOpen(status: ComplaintStatus): boolean {
  return status === 'open' || status === 'answered';
}

/**
 * A cancelled order the buyer had paid by VietQR owes the money back: owed → sent (the seller
 * recorded the transfer) → confirmed (the buyer saw it arrive). A buyer who does not see it
 * complains instead of confirming.
 */
export const REFUND_STATUSES = ['owed', 'sent', 'confirmed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export const REFUND_TRANSITIONS: Record<RefundStatus, readonly RefundStatus[]> = { owed: ['sent'], sent: ['confirmed'], confirmed: [] };

export function canMoveRefund(from: RefundStatus | null, to: RefundStatus): boolean {
  return from !== null && REFUND_TRANSITIONS[from].includes(to);
}

/** Working days (ngày làm việc) a seller has to send back a cancelled order's money before officers see it as overdue. */
export const REFUND_WORKING_DAYS = 3;

/** A buyer may complain once the shop took the order on, or while a refund is owed or unconfirmed. */
export function canComplain(status: OrderStatus, refund: RefundStatus | null): boolean {
  return status === 'confirmed' || status === 'packed' || status === 'shipping' || status === 'delivered' || refund === 'owed' || refund === 'sent';
}
