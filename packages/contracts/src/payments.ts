// Contract of payments (thanh toán): a dossier's fee paid through the VNPay 2.1.0 gateway
// or by VietQR transfer, "my payments", electronic receipts (biên lai điện tử) with a
// public check, the gateway's callbacks, and the finance staff's daily reconciliation.
import { Type, type Static } from 'typebox';
import { DateTime, Day, Nullable, PageOffset, Uuid } from './common.ts';
import { BILL_SERVICES, PAYMENT_CHANNELS, PAYMENT_PURPOSES, PAYMENT_STATUSES } from './payments.rules.ts';

export const PaymentStatus = Type.Enum(PAYMENT_STATUSES);
export const PaymentPurpose = Type.Enum(PAYMENT_PURPOSES);
export const PaymentChannel = Type.Enum(PAYMENT_CHANNELS);
export const PaymentCode = Type.String({ pattern: '^TT[0-9]{10,}$', maxLength: 20 });

export const Payment = Type.Object({
  id: Uuid,
  /** Mã thanh toán: the VNPay TxnRef and the VietQR purpose. */
  code: Type.String(),
  purpose: PaymentPurpose,
  /** The dossier's id for a fee. */
  reference: Type.String(),
  /** What is paid, as the receipt says it. */
  description: Type.String(),
  amountVnd: Type.Integer(),
  status: PaymentStatus,
  channel: Nullable(PaymentChannel),
  createdAt: DateTime,
  expiresAt: DateTime,
  paidAt: Nullable(DateTime),
  /** The gateway's or bank's transaction number once paid. */
  providerTransactionNo: Nullable(Type.String()),
  /** The public check of the receipt (its QR code), once paid. */
  receiptCheckUrl: Nullable(Type.String()),
  /** Where the citizen goes back to (the dossier page). */
  link: Nullable(Type.String()),
});
export type Payment = Static<typeof Payment>;

export const BillService = Type.Enum(BILL_SERVICES);

/** Start (or resume) paying a dossier's fee or household bills: the server computes the amount; the same request twice gives the same payment. */
export const CreatePayment = Type.Union([
  Type.Object({ purpose: Type.Literal('dossier_fee'), reference: Uuid }, { additionalProperties: false }),
  Type.Object({
    purpose: Type.Literal('bill'),
    service: BillService,
    customerCode: Type.String({ minLength: 6, maxLength: 20 }),
    billIds: Type.Array(Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' }), { minItems: 1, maxItems: 12, uniqueItems: true }),
  }, { additionalProperties: false }),
  /** A prepaid mobile top-up (nạp tiền trả trước): one of the amounts the lookup offers; requestId makes a retry the same top-up. */
  Type.Object({
    purpose: Type.Literal('bill'),
    service: Type.Literal('telecom'),
    customerCode: Type.String({ minLength: 9, maxLength: 15 }),
    topUpVnd: Type.Integer({ minimum: 1 }),
    requestId: Uuid,
  }, { additionalProperties: false }),
]);
export type CreatePayment = Static<typeof CreatePayment>;

export const VnpayStart = Type.Object({
  locale: Type.Optional(Type.Union([Type.Literal('vn'), Type.Literal('en')])),
  /** Skip VNPay's method choice: VNPAYQR, VNBANK (domestic card/account), INTCARD. */
  bankCode: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{2,20}$' })),
}, { additionalProperties: false });
export type VnpayStart = Static<typeof VnpayStart>;

export const VnpayRedirect = Type.Object({ redirectUrl: Type.String() });
export type VnpayRedirect = Static<typeof VnpayRedirect>;

export const VietQrPayment = Type.Object({
  payload: Type.String(),
  /** The same payload drawn as an SVG QR code. */
  svg: Type.String(),
  bankBin: Type.String(),
  bankName: Type.String(),
  accountNumber: Type.String(),
  accountName: Type.String(),
  amountVnd: Type.Integer(),
  /** Nội dung chuyển khoản: must carry the payment code. */
  purpose: Type.String(),
  demo: Type.Boolean(),
});
export type VietQrPayment = Static<typeof VietQrPayment>;

export const MyPaymentsQuery = Type.Object({
  /** Only the payments of this dossier (or other thing paid): the dossier page finds its receipt. */
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(PageOffset()),
});
export const PaymentPage = Type.Object({ items: Type.Array(Payment), total: Type.Integer() });
export type PaymentPage = Static<typeof PaymentPage>;

/** VNPay's callback parameters (IPN and return): every vnp_* value as text. */
export const VnpayCallback = Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 1024 }));

/** What VNPay expects back from the IPN. */
export const IpnReply = Type.Object({ RspCode: Type.String(), Message: Type.String() });
export type IpnReply = Static<typeof IpnReply>;

/**
 * The collecting bank's notification of an incoming transfer (the shape of Vietnamese
 * bank/aggregator webhooks), signed with HMAC-SHA256 of the raw body in `X-Signature`.
 */
export const BankNotification = Type.Object({
  transactionId: Type.String({ minLength: 1, maxLength: 64 }),
  bankBin: Type.String({ pattern: '^[0-9]{6}$' }),
  accountNumber: Type.String({ minLength: 1, maxLength: 19 }),
  amount: Type.Integer({ minimum: 1 }),
  description: Type.String({ maxLength: 255 }),
  transactionTime: DateTime,
});
export type BankNotification = Static<typeof BankNotification>;

export const BankNotificationReply = Type.Object({ success: Type.Boolean(), paymentCode: Nullable(Type.String()), outcome: Type.String() });
export type BankNotificationReply = Static<typeof BankNotificationReply>;

/** What the public receipt check shows (no personal data beyond a masked name). */
export const ReceiptCheck = Type.Object({
  valid: Type.Literal(true),
  code: Type.String(),
  description: Type.String(),
  amountVnd: Type.Integer(),
  paidAt: DateTime,
  payer: Type.String(),
  channel: PaymentChannel,
  status: PaymentStatus,
});
export type ReceiptCheck = Static<typeof ReceiptCheck>;

export const ReceiptCheckQuery = Type.Object({ code: PaymentCode, k: Type.String({ pattern: '^[0-9a-f]{16,64}$' }) });

export const ReconciliationQuery = Type.Object({ day: Day });
export type ReconciliationQuery = Static<typeof ReconciliationQuery>;

export const ReconciliationRow = Type.Object({
  id: Type.String({ description: 'the payment id (to refund it)' }),
  code: Type.String(),
  channel: PaymentChannel,
  status: PaymentStatus,
  amountVnd: Type.Integer(),
  paidAt: DateTime,
  providerTransactionNo: Nullable(Type.String()),
  description: Type.String(),
});
export const ReconciliationTotal = Type.Object({ channel: PaymentChannel, count: Type.Integer(), amountVnd: Type.Integer(), refundedVnd: Type.Integer() });
export const Reconciliation = Type.Object({ day: Day, totals: Type.Array(ReconciliationTotal), items: Type.Array(ReconciliationRow) });
export type Reconciliation = Static<typeof Reconciliation>;

export const RefundBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false });
export type RefundBody = Static<typeof RefundBody>;

export const BillLookupQuery = Type.Object({ service: BillService, customerCode: Type.String({ minLength: 1, maxLength: 30 }) });
export type BillLookupQuery = Static<typeof BillLookupQuery>;

/** One unpaid bill as the biller (aggregator API) reports it. */
export const Bill = Type.Object({
  billId: Type.String(),
  /** Kỳ hóa đơn, MM/yyyy. */
  period: Type.String(),
  amountVnd: Type.Integer(),
  dueDate: Day,
});
export type Bill = Static<typeof Bill>;

export const BillLookup = Type.Object({
  service: BillService,
  customerCode: Type.String(),
  customerName: Type.String(),
  address: Type.String(),
  billerName: Type.String(),
  bills: Type.Array(Bill),
  /** A prepaid mobile subscriber: the top-up amounts on sale (then there are no bills). */
  topUpAmounts: Type.Optional(Type.Array(Type.Integer())),
});
export type BillLookup = Static<typeof BillLookup>;

/** Hóa đơn của tôi: a customer code the citizen keeps, with a label of their own. */
export const SaveBill = Type.Object({
  service: BillService,
  customerCode: Type.String({ minLength: 1, maxLength: 30 }),
  label: Type.String({ minLength: 1, maxLength: 60, description: 'e.g. "Điện nhà mẹ"' }),
  reminders: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type SaveBill = Static<typeof SaveBill>;

export const SavedBillPatch = Type.Object({
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  reminders: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, minProperties: 1 });
export type SavedBillPatch = Static<typeof SavedBillPatch>;

export const SavedBill = Type.Object({
  id: Uuid,
  service: BillService,
  customerCode: Type.String(),
  label: Type.String(),
  /** Whether a reminder comes a few days before a bill's due date. */
  reminders: Type.Boolean(),
  createdAt: DateTime,
  /** What the biller reports now, or null when it did not answer (the page says "try later"). */
  lookup: Nullable(BillLookup),
});
export type SavedBill = Static<typeof SavedBill>;

export const SavedBillList = Type.Object({ items: Type.Array(SavedBill) });
export type SavedBillList = Static<typeof SavedBillList>;

/** Leaders' figures over Vietnam days (at most 92). */
export const PaymentFiguresQuery = Type.Object({ from: Day, to: Day });
export type PaymentFiguresQuery = Static<typeof PaymentFiguresQuery>;

export const PaymentFiguresDay = Type.Object({
  day: Day,
  /** Dossiers whose fees were paid that day, and how many of them online. */
  feesPaid: Type.Integer(),
  feesPaidOnline: Type.Integer(),
  /** Percentage paid online, one decimal; null on a day with none. */
  feesOnlineShare: Nullable(Type.Number()),
  /** Every payment that day (fees at the counter in cash, fees and bills online) and the cashless ones. */
  payments: Type.Integer(),
  cashless: Type.Integer(),
  cashlessShare: Nullable(Type.Number()),
  cashlessVnd: Type.Integer(),
});
/** One agency's or commune's dossiers whose fees were paid in the period, and how many online. */
export const PaymentFiguresPlace = Type.Object({
  /** The agency's id or the commune's code. */
  key: Type.String(),
  name: Type.String(),
  feesPaid: Type.Integer(),
  feesPaidOnline: Type.Integer(),
  feesOnlineShare: Nullable(Type.Number()),
});
export type PaymentFiguresPlace = Static<typeof PaymentFiguresPlace>;
export const PaymentFigures = Type.Object({
  from: Day,
  to: Day,
  days: Type.Array(PaymentFiguresDay),
  /** The whole period. */
  total: Type.Omit(PaymentFiguresDay, ['day']),
  /** The share of fees paid online per agency and per commune of the dossier (a Decision 766 input), most fees first. */
  byAgency: Type.Array(PaymentFiguresPlace),
  byCommune: Type.Array(PaymentFiguresPlace),
});
export type PaymentFigures = Static<typeof PaymentFigures>;
