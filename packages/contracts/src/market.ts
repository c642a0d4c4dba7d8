// The local market's API shapes (chợ địa phương): shops, products with their OCOP block,
// orders, reviews, the market officers' checks, leaders' numbers, the product feed and
// the carrier's tracking callback. Enums in market.rules.ts.
import { Type, type Static } from 'typebox';
import { DateTime, Day, Nullable, PageOffset, Uuid } from './common.ts';
import {
  COMPLAINT_REASONS, COMPLAINT_STATUSES, DELIVERY_METHODS, MAX_ORDER_QUANTITY, REFUND_STATUSES, MAX_PRICE_VND, MAX_PRODUCT_PHOTOS, OCOP_GROUPS, OCOP_LEVELS, OCOP_STATUSES, ORDER_PAYMENT_METHODS, ORDER_STATUSES,
  PRODUCT_CATEGORIES, PRODUCT_UNITS, SHOP_KINDS,
} from './market.rules.ts';

const CommuneCode = Type.String({ pattern: '^[0-9]{5}$' });
const Phone = Type.String({ minLength: 9, maxLength: 15 });
/** A photo as base64 or a data: URL (recognised by its bytes on the server). */
const PhotoData = Type.String({ minLength: 8, maxLength: 12_000_000 });

export const ConsentRequest = Type.Object({ ownerPhone: Phone }, { additionalProperties: false });
export type ConsentRequest = Static<typeof ConsentRequest>;
export const ConsentSent = Type.Object({ ownerName: Type.String(), expiresInSeconds: Type.Integer() });
export type ConsentSent = Static<typeof ConsentSent>;

export const ShopInput = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 120 }),
  kind: Type.Enum(SHOP_KINDS),
  communeCode: CommuneCode,
  phone: Phone,
  pickupAddress: Type.String({ minLength: 3, maxLength: 300 }),
  bankBin: Type.String({ pattern: '^[0-9]{6}$' }),
  bankAccount: Type.String({ pattern: '^[0-9A-Za-z]{1,19}$' }),
  bankAccountName: Type.String({ minLength: 2, maxLength: 50 }),
  businessRegNo: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Za-z./-]{3,30}$' }))),
  /** A community helper opening the shop for a neighbour: the owner's phone and the code the owner received. */
  ownerPhone: Type.Optional(Phone),
  consentCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
}, { additionalProperties: false });
export type ShopInput = Static<typeof ShopInput>;

export const Rating = Type.Object({ average: Nullable(Type.Number()), count: Type.Integer() });

export const Shop = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.Enum(SHOP_KINDS),
  communeCode: Type.String(),
  communeName: Type.String(),
  phone: Type.String(),
  pickupAddress: Type.String(),
  bankBin: Type.String(),
  bankName: Type.String(),
  bankAccount: Type.String(),
  bankAccountName: Type.String(),
  businessRegNo: Nullable(Type.String()),
  description: Type.String(),
  openingHours: Type.String(),
  /** Opened by a community helper with the owner's consent (when the code was checked). */
  consentAt: Nullable(DateTime),
  openedByHelper: Type.Boolean(),
  rating: Rating,
  createdAt: DateTime,
  /** The caller may manage this shop (its owner, or the helper who opened it). */
  canManage: Type.Boolean(),
});
export type Shop = Static<typeof Shop>;
export const ShopList = Type.Object({ items: Type.Array(Shop) });
export type ShopList = Static<typeof ShopList>;

/** What a shop's managers may change after opening it (the owner and kind stay). */
export const ShopPatch = Type.Partial(Type.Object({
  name: ShopInput.properties.name,
  description: Type.String({ maxLength: 1000 }),
  /** Free text, e.g. "7:00–18:00, nghỉ chiều Chủ nhật". */
  openingHours: Type.String({ maxLength: 200 }),
  communeCode: CommuneCode,
  phone: Phone,
  pickupAddress: ShopInput.properties.pickupAddress,
  bankBin: ShopInput.properties.bankBin,
  bankAccount: ShopInput.properties.bankAccount,
  bankAccountName: ShopInput.properties.bankAccountName,
  businessRegNo: ShopInput.properties.businessRegNo,
}), { additionalProperties: false, minProperties: 1 });
export type ShopPatch = Static<typeof ShopPatch>;

export const OcopInput = Type.Object({
  stars: Type.Enum([3, 4, 5] as const),
  group: Type.Enum(OCOP_GROUPS),
  certificateNumber: Type.String({ minLength: 2, maxLength: 60 }),
  level: Type.Enum(OCOP_LEVELS),
  decision: Type.String({ minLength: 2, maxLength: 120 }),
  expiresOn: Day,
}, { additionalProperties: false });
export type OcopInput = Static<typeof OcopInput>;

export const Ocop = Type.Object({ ...OcopInput.properties, status: Type.Enum(OCOP_STATUSES), note: Nullable(Type.String()) });
export type Ocop = Static<typeof Ocop>;

const productFields = {
  name: Type.String({ minLength: 2, maxLength: 120 }),
  category: Type.Enum(PRODUCT_CATEGORIES),
  priceVnd: Type.Integer({ minimum: 1000, maximum: MAX_PRICE_VND }),
  unit: Type.Enum(PRODUCT_UNITS),
  stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  weightGrams: Type.Integer({ minimum: 1, maximum: 100_000 }),
  description: Type.String({ maxLength: 2000 }),
};

export const ProductInput = Type.Object({
  ...productFields,
  photos: Type.Optional(Type.Array(PhotoData, { maxItems: MAX_PRODUCT_PHOTOS })),
  ocop: Type.Optional(Nullable(OcopInput)),
}, { additionalProperties: false });
export type ProductInput = Static<typeof ProductInput>;

export const ProductPatch = Type.Partial(Type.Object({ ...productFields, ocop: Nullable(OcopInput) }), { additionalProperties: false, minProperties: 1 });
export type ProductPatch = Static<typeof ProductPatch>;

export const Photo = Type.Object({ url: Type.String(), thumbUrl: Type.String(), fileId: Type.String() });

/** A product's photos in their new order: a photo it has (by fileId) or a new one (data). */
export const ProductPhotos = Type.Object({
  photos: Type.Array(Type.Union([
    Type.Object({ fileId: Type.String({ pattern: '^[0-9a-f]{64}$' }) }, { additionalProperties: false }),
    Type.Object({ data: PhotoData }, { additionalProperties: false }),
  ]), { maxItems: MAX_PRODUCT_PHOTOS }),
}, { additionalProperties: false });
export type ProductPhotos = Static<typeof ProductPhotos>;

export const Product = Type.Object({
  id: Uuid,
  shopId: Uuid,
  shopName: Type.String(),
  communeCode: Type.String(),
  communeName: Type.String(),
  ...productFields,
  photos: Type.Array(Photo),
  ocop: Nullable(Ocop),
  /** Stars shown as the OCOP badge: only a verified, unexpired certificate. */
  ocopBadge: Nullable(Type.Integer()),
  rating: Rating,
  /** Why a market officer hid it (its seller and officers see hidden listings). */
  hiddenReason: Nullable(Type.String()),
  createdAt: DateTime,
});
export type Product = Static<typeof Product>;

export const ProductQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  commune: Type.Optional(CommuneCode),
  category: Type.Optional(Type.Enum(PRODUCT_CATEGORIES)),
  stars: Type.Optional(Type.Integer({ minimum: 3, maximum: 5 })),
  shopId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 24 })),
  offset: Type.Optional(PageOffset({ default: 0 })),
});
export type ProductQuery = Static<typeof ProductQuery>;
export const ProductPage = Type.Object({ items: Type.Array(Product), total: Type.Integer() });
export type ProductPage = Static<typeof ProductPage>;

export const Review = Type.Object({ productId: Uuid, stars: Type.Integer(), comment: Type.String(), buyerName: Type.String(), createdAt: DateTime });
export type Review = Static<typeof Review>;

export const ProductDetail = Type.Object({ product: Product, shop: Shop, reviews: Type.Array(Review) });
export type ProductDetail = Static<typeof ProductDetail>;

export const CreateOrder = Type.Object({
  shopId: Uuid,
  items: Type.Array(Type.Object({ productId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: MAX_ORDER_QUANTITY }) }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
  address: Type.String({ minLength: 5, maxLength: 300 }),
  phone: Phone,
  communeCode: CommuneCode,
  paymentMethod: Type.Enum(ORDER_PAYMENT_METHODS),
  deliveryMethod: Type.Enum(DELIVERY_METHODS),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type CreateOrder = Static<typeof CreateOrder>;

export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' })) });

export const OrderVietQr = Type.Object({
  payload: Type.String(), svg: Type.String(), bankName: Type.String(), accountNumber: Type.String(), accountName: Type.String(), amountVnd: Type.Integer(), purpose: Type.String(),
});
export type OrderVietQr = Static<typeof OrderVietQr>;

export const ORDER_ACTIONS = ['confirm_payment', 'confirmed', 'packed', 'shipping', 'cancel', 'received', 'review', 'complain', 'answer_complaint', 'refund', 'refund_received', 'demo_advance'] as const;

/** A buyer's complaint (khiếu nại) about an order, the seller's answer and the officer's decision. */
export const Complaint = Type.Object({
  id: Uuid,
  orderId: Uuid,
  orderCode: Type.String(),
  shopId: Uuid,
  shopName: Type.String(),
  communeName: Type.String(),
  reason: Type.Enum(COMPLAINT_REASONS),
  body: Type.String(),
  /** The buyer's photo, for the buyer, the seller and the officer only. */
  photoUrl: Nullable(Type.String()),
  status: Type.Enum(COMPLAINT_STATUSES),
  sellerAnswer: Nullable(Type.String()),
  answeredAt: Nullable(DateTime),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  createdAt: DateTime,
});
export type Complaint = Static<typeof Complaint>;
export const ComplaintList = Type.Object({ items: Type.Array(Complaint), total: Type.Integer() });
export type ComplaintList = Static<typeof ComplaintList>;

export const ComplaintInput = Type.Object({
  reason: Type.Enum(COMPLAINT_REASONS),
  body: Type.String({ minLength: 5, maxLength: 2000 }),
  /** A photo of what arrived (base64 or data: URL), re-encoded on the server. */
  photo: Type.Optional(PhotoData),
}, { additionalProperties: false });
export type ComplaintInput = Static<typeof ComplaintInput>;
export const ComplaintAnswer = Type.Object({ answer: Type.String({ minLength: 5, maxLength: 2000 }) }, { additionalProperties: false });
export type ComplaintAnswer = Static<typeof ComplaintAnswer>;
export const ComplaintDecision = Type.Object({ upheld: Type.Boolean(), reason: Type.String({ minLength: 5, maxLength: 2000 }) }, { additionalProperties: false });
export type ComplaintDecision = Static<typeof ComplaintDecision>;
export const StaffComplaintQuery = Type.Object({
  /** open: waiting for a decision (open or answered); closed: decided. */
  state: Type.Optional(Type.Enum(['open', 'closed'] as const, { default: 'open' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  offset: Type.Optional(PageOffset({ default: 0 })),
});
export type StaffComplaintQuery = Static<typeof StaffComplaintQuery>;

/** The money of a cancelled, paid order going back to the buyer. */
export const Refund = Type.Object({
  status: Type.Enum(REFUND_STATUSES),
  /** Vietnam calendar day by which the seller should have sent it (working days). */
  dueOn: Day,
  amountVnd: Type.Integer(),
  reference: Nullable(Type.String()),
  sentAt: Nullable(DateTime),
  confirmedAt: Nullable(DateTime),
});
export type Refund = Static<typeof Refund>;
export const RefundInput = Type.Object({
  amountVnd: Type.Integer({ minimum: 1, maximum: 100 * MAX_PRICE_VND }),
  /** The bank transfer's reference (mã giao dịch) the buyer can look up. */
  reference: Type.String({ minLength: 4, maxLength: 60, pattern: '^[0-9A-Za-z ._/-]+$' }),
}, { additionalProperties: false });
export type RefundInput = Static<typeof RefundInput>;
export const OverdueRefund = Type.Object({
  orderId: Uuid, orderCode: Type.String(), shopId: Uuid, shopName: Type.String(), shopPhone: Type.String(), communeName: Type.String(),
  amountVnd: Type.Integer(), dueOn: Day, cancelledAt: DateTime, workingDaysLate: Type.Integer(),
});
export const OverdueRefundList = Type.Object({ items: Type.Array(OverdueRefund) });
export type OverdueRefundList = Static<typeof OverdueRefundList>;

export const Order = Type.Object({
  id: Uuid,
  code: Type.String(),
  shopId: Uuid,
  shopName: Type.String(),
  shopPhone: Type.String(),
  buyerName: Type.String(),
  phone: Type.String(),
  address: Type.String(),
  communeCode: Type.String(),
  communeName: Type.String(),
  status: Type.Enum(ORDER_STATUSES),
  paymentMethod: Type.Enum(ORDER_PAYMENT_METHODS),
  paidAt: Nullable(DateTime),
  deliveryMethod: Type.Enum(DELIVERY_METHODS),
  trackingCode: Nullable(Type.String()),
  items: Type.Array(Type.Object({ productId: Uuid, name: Type.String(), priceVnd: Type.Integer(), quantity: Type.Integer(), unit: Type.String(), reviewed: Type.Boolean() })),
  subtotalVnd: Type.Integer(),
  shippingVnd: Type.Integer(),
  totalVnd: Type.Integer(),
  note: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
  deliveredAt: Nullable(DateTime),
  /** Whether the caller is this order's buyer or its seller. */
  as: Type.Enum(['buyer', 'seller'] as const),
  /** What the caller may do now. */
  actions: Type.Array(Type.Enum(ORDER_ACTIONS)),
  /** The dynamic VietQR to the shop's account, for the buyer while unpaid. */
  vietqr: Nullable(OrderVietQr),
  /** Set when the seller cancelled an order the buyer had paid. */
  refund: Nullable(Refund),
  complaints: Type.Array(Complaint),
});
export type Order = Static<typeof Order>;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const OrderList = Type.Object({ items: Type.Array(Order), total: Type.Integer() });
export type OrderList = Static<typeof OrderList>;
export const OrderListQuery = Type.Object({
  status: Type.Optional(Type.Enum(ORDER_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  offset: Type.Optional(PageOffset({ default: 0 })),
});
export type OrderListQuery = Static<typeof OrderListQuery>;

export const OrderMove = Type.Object({
  to: Type.Enum(['confirmed', 'packed', 'shipping', 'cancelled'] as const),
  reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })),
}, { additionalProperties: false });
export type OrderMove = Static<typeof OrderMove>;

export const ReviewInput = Type.Object({
  productId: Uuid,
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type ReviewInput = Static<typeof ReviewInput>;

export const ShippingQuoteQuery = Type.Object({ shopId: Uuid, communeCode: CommuneCode, weightGrams: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });
export type ShippingQuoteQuery = Static<typeof ShippingQuoteQuery>;
export const ShippingQuote = Type.Object({ feeVnd: Type.Integer(), carrier: Type.String() });
export type ShippingQuote = Static<typeof ShippingQuote>;

export const WeekSales = Type.Object({ week: Day, orders: Type.Integer(), salesVnd: Type.Integer() });
export const ShopSales = Type.Object({ weeks: Type.Array(WeekSales) });
export type ShopSales = Static<typeof ShopSales>;

export const OcopDecision = Type.Object({ verified: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type OcopDecision = Static<typeof OcopDecision>;
export const HideInput = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false });
export type HideInput = Static<typeof HideInput>;

export const StaffProductQuery = Type.Object({
  ocop: Type.Optional(Type.Enum(OCOP_STATUSES)),
  hidden: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  offset: Type.Optional(PageOffset({ default: 0 })),
});
export type StaffProductQuery = Static<typeof StaffProductQuery>;

export const MarketStats = Type.Object({
  shopsByCommune: Type.Array(Type.Object({ communeCode: Type.String(), communeName: Type.String(), shops: Type.Integer() })),
  weeks: Type.Array(WeekSales),
  ocop: Type.Object({ verified: Type.Integer(), pending: Type.Integer(), stars3: Type.Integer(), stars4: Type.Integer(), stars5: Type.Integer() }),
  products: Type.Integer(),
  /** The province's targets (from its pack), or null when the pack sets none. */
  targets: Nullable(Type.Object({
    year: Type.Integer(),
    demo: Type.Boolean(),
    source: Type.String(),
    shopsOnline: Type.Integer(),
    ocopProductsListed: Type.Integer(),
    weeklyOrders: Type.Integer(),
    weeklySalesVnd: Type.Integer(),
  })),
  shopsTotal: Type.Integer(),
});
export type MarketStats = Static<typeof MarketStats>;

/** The carrier's tracking callback (trạng thái vận đơn), signed HMAC-SHA256 of the raw body. */
export const CARRIER_STATUSES = ['accepted', 'picked_up', 'in_transit', 'delivered', 'returned'] as const;
export const CarrierCallback = Type.Object({
  itemCode: Type.String({ minLength: 4, maxLength: 40 }),
  orderNumber: Type.String({ minLength: 4, maxLength: 40 }),
  status: Type.Enum(CARRIER_STATUSES),
  statusTime: DateTime,
}, { additionalProperties: false });
export type CarrierCallback = Static<typeof CarrierCallback>;
export const CarrierCallbackReply = Type.Object({ ok: Type.Boolean() });

export const FeedItem = Type.Object({
  id: Uuid, title: Type.String(), description: Type.String(), link: Type.String(), imageLink: Nullable(Type.String()), priceVnd: Type.Integer(),
  availability: Type.Enum(['in_stock', 'out_of_stock'] as const), category: Type.String(), seller: Type.String(), commune: Type.String(), ocopStars: Nullable(Type.Integer()),
  unit: Type.String(), weightGrams: Type.Integer(), updatedAt: DateTime,
});
export const Feed = Type.Object({ generatedAt: DateTime, items: Type.Array(FeedItem) });
export type Feed = Static<typeof Feed>;
