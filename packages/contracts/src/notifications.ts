// Contract of the in-app notification inbox.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, PageOffset, Uuid } from './common.ts';

export const Notice = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: DateTime,
  readAt: Nullable(DateTime),
});
export type Notice = Static<typeof Notice>;

export const InboxQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), offset: Type.Optional(PageOffset()) });
export type InboxQuery = Static<typeof InboxQuery>;

export const Inbox = Type.Object({ items: Type.Array(Notice), total: Type.Integer(), unread: Type.Integer() });
export type Inbox = Static<typeof Inbox>;

export const NoticeParams = Type.Object({ id: Uuid });

export const ReadAllReply = Type.Object({ updated: Type.Integer() });
export type ReadAllReply = Static<typeof ReadAllReply>;

/** The server's VAPID public key (RFC 8292), base64url: the browser's applicationServerKey. */
export const VapidKeyReply = Type.Object({ publicKey: Type.String() });
export type VapidKeyReply = Static<typeof VapidKeyReply>;

/** A browser's PushSubscription (its toJSON()), plus what an anonymous device wants alerts for. */
export const PushSubscriptionInput = Type.Object({
  endpoint: Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' }),
  keys: Type.Object({
    p256dh: Type.String({ minLength: 80, maxLength: 100, pattern: '^[A-Za-z0-9_-]+=*$' }),
    auth: Type.String({ minLength: 16, maxLength: 30, pattern: '^[A-Za-z0-9_-]+=*$' }),
  }),
  /** Communes an anonymous device wants alerts for (a signed-in person gets their own commune's). */
  communes: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{5}$' }), { maxItems: 20 })),
  /** Also receive Test and Exercise alerts. */
  acceptTests: Type.Optional(Type.Boolean()),
});
export type PushSubscriptionInput = Static<typeof PushSubscriptionInput>;

export const PushUnsubscribeInput = Type.Object({ endpoint: Type.String({ minLength: 1, maxLength: 2000 }) });

export const PushSubscriptionReply = Type.Object({ id: Uuid, communes: Type.Array(Type.String()), acceptTests: Type.Boolean() });
export type PushSubscriptionReply = Static<typeof PushSubscriptionReply>;

/** How a person wants to be reached; alerts of severity Extreme ignore quiet hours. */
export const Preferences = Type.Object({
  /** Also send ordinary notices by SMS (alerts always go by SMS). */
  sms: Type.Boolean(),
  /** Receive Test and Exercise alerts. */
  acceptTests: Type.Boolean(),
  /** Quiet hours in Vietnam time, "HH:mm"; both null = none. */
  quietFrom: Nullable(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
  quietTo: Nullable(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
  /** Extra communes to get alerts for (where parents live, a workplace). */
  communes: Type.Array(Type.String({ pattern: '^[0-9]{5}$' }), { maxItems: 20 }),
});
export type Preferences = Static<typeof Preferences>;

/**
 * A delivery report (DLR) the SMS gateway posts back for one message, shaped like the
 * Vietnamese brandname gateways' callbacks: our RequestId, their SMSID, the final status.
 * Signed: X-Sms-Timestamp (Unix seconds) and X-Sms-Signature = hex HMAC-SHA256 of
 * "<timestamp>.<raw body>" with the shared SMS_DLR_SECRET.
 */
export const SmsDeliveryReport = Type.Object({
  RequestId: Type.String({ minLength: 1, maxLength: 200 }),
  SMSID: Type.Optional(Type.String({ maxLength: 100 })),
  Status: Type.Union([Type.Literal('DELIVERED'), Type.Literal('FAILED'), Type.Literal('EXPIRED'), Type.Literal('REJECTED')]),
  ErrorCode: Type.Optional(Type.String({ maxLength: 50 })),
  /** When the carrier reported it (ISO 8601). */
  DoneTime: Type.Optional(Type.String({ format: 'date-time' })),
});
export type SmsDeliveryReport = Static<typeof SmsDeliveryReport>;

/**
 * One text in the shape of eSMS.vn's JSON API (SendMultipleMessage_V4_post_json), the brandname
 * gateway protocol the platform speaks: what the SMS client posts and the demo gateway accepts.
 */
export const EsmsSendRequest = Type.Object({
  ApiKey: Type.String({ minLength: 1, maxLength: 200 }),
  SecretKey: Type.String({ minLength: 1, maxLength: 200 }),
  Phone: Type.String({ pattern: '^0[0-9]{9}$' }),
  Content: Type.String({ minLength: 1, maxLength: 1600 }),
  /** the registered sender name (tên thương hiệu) */
  Brandname: Type.String({ minLength: 1, maxLength: 20 }),
  /** 2: customer care (chăm sóc khách hàng) */
  SmsType: Type.String({ maxLength: 4 }),
  IsUnicode: Type.Union([Type.Literal('0'), Type.Literal('1')]),
  /** the gateway drops a request id it already took */
  RequestId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** where the gateway posts the delivery report */
  CallbackUrl: Type.Optional(Type.String({ maxLength: 500 })),
});
export type EsmsSendRequest = Static<typeof EsmsSendRequest>;

/** CodeResult "100": taken; any other code is the gateway's refusal. */
export const EsmsSendReply = Type.Object({
  CodeResult: Type.String(),
  SMSID: Type.Optional(Type.String()),
  ErrorMessage: Type.Optional(Type.String()),
});
export type EsmsSendReply = Static<typeof EsmsSendReply>;

export const SmsDeliveryReply = Type.Object({ ok: Type.Boolean(), known: Type.Boolean() });
export type SmsDeliveryReply = Static<typeof SmsDeliveryReply>;
