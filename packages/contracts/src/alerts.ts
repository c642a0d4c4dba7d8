// Contract of emergency alerts: drafting in the CAP 1.2 model, approval, the citizen's
// view and answer, the delivery report.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, Uuid } from './common.ts';
import { ALERT_ANSWERS, ALERT_STATES, CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES, ISSUABLE_STATUSES } from './alerts.rules.ts';

export const CommuneCode = Type.String({ pattern: '^[0-9]{5}$' });

/** A point as [longitude, latitude] (GeoJSON order). */
const Position = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]);

/** Where the alert applies: communes, and optionally a polygon or a circle drawn on the map. */
export const AlertArea = Type.Object({
  description: Type.String({ minLength: 1, maxLength: 500 }),
  communes: Type.Array(CommuneCode, { maxItems: 500 }),
  /** One closed ring, first point = last point. */
  polygon: Type.Optional(Type.Array(Position, { minItems: 4, maxItems: 2000 })),
  circle: Type.Optional(Type.Object({ center: Position, radiusKm: Type.Number({ exclusiveMinimum: 0, maximum: 500 }) })),
});
export type AlertArea = Static<typeof AlertArea>;

/** Texts in one language other than Vietnamese (CAP allows one <info> per language). */
export const AlertTranslation = Type.Object({
  language: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$' }),
  event: Type.String({ minLength: 1, maxLength: 200 }),
  headline: Type.String({ minLength: 1, maxLength: 160 }),
  description: Type.String({ minLength: 1, maxLength: 4000 }),
  instruction: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type AlertTranslation = Static<typeof AlertTranslation>;

export const AlertDraftInput = Type.Object({
  status: Type.Enum(ISSUABLE_STATUSES),
  category: Type.Enum(CAP_CATEGORIES),
  event: Type.String({ minLength: 1, maxLength: 200 }),
  urgency: Type.Enum(CAP_URGENCIES),
  severity: Type.Enum(CAP_SEVERITIES),
  certainty: Type.Enum(CAP_CERTAINTIES),
  headline: Type.String({ minLength: 1, maxLength: 160 }),
  description: Type.String({ minLength: 1, maxLength: 4000 }),
  instruction: Type.Optional(Type.String({ maxLength: 4000 })),
  /** Defaults to the moment it is sent. */
  effective: Type.Optional(DateTime),
  expires: DateTime,
  area: AlertArea,
  translations: Type.Optional(Type.Array(AlertTranslation, { maxItems: 5 })),
});
export type AlertDraftInput = Static<typeof AlertDraftInput>;

/** An Update or Cancel of a sent alert: a new message referencing it. Cancel needs no texts. */
export const AlertFollowUpInput = Type.Object({
  msgType: Type.Union([Type.Literal('Update'), Type.Literal('Cancel')]),
  draft: Type.Optional(AlertDraftInput),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type AlertFollowUpInput = Static<typeof AlertFollowUpInput>;

export const RejectInput = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) });

export const DeliveryReport = Type.Object({
  targeted: Type.Integer(),
  inbox: Type.Integer(),
  pushed: Type.Integer(),
  pushAccepted: Type.Integer(),
  pushFailed: Type.Integer(),
  pushExpired: Type.Integer(),
  smsSent: Type.Integer(),
  /** The SMS gateway's delivery reports (DLR) so far: delivered to the phone, failed, no report yet. */
  smsDelivered: Type.Integer(),
  smsFailed: Type.Integer(),
  smsPending: Type.Integer(),
  acknowledged: Type.Integer(),
  safe: Type.Integer(),
  needHelp: Type.Integer(),
  fanOutDone: Type.Boolean(),
});
export type DeliveryReport = Static<typeof DeliveryReport>;

export const Alert = Type.Object({
  id: Uuid,
  /** CAP <identifier>, unique per sender. */
  identifier: Type.String(),
  sender: Type.String(),
  status: Type.Enum(CAP_STATUSES),
  msgType: Type.Enum(CAP_MSG_TYPES),
  /** CAP <references> of an Update/Cancel: the identifier of the earlier alert. */
  references: Nullable(Type.String()),
  referencesId: Nullable(Uuid),
  state: Type.Enum(ALERT_STATES),
  cancelled: Type.Boolean(),
  inForce: Type.Boolean(),
  category: Type.Enum(CAP_CATEGORIES),
  event: Type.String(),
  urgency: Type.Enum(CAP_URGENCIES),
  severity: Type.Enum(CAP_SEVERITIES),
  certainty: Type.Enum(CAP_CERTAINTIES),
  headline: Type.String(),
  description: Type.String(),
  instruction: Nullable(Type.String()),
  effective: Nullable(DateTime),
  expires: DateTime,
  area: AlertArea,
  /** Communes the area covers (the listed ones and those a polygon/circle intersects). */
  communeNames: Type.Array(Type.String()),
  translations: Type.Array(AlertTranslation),
  createdBy: Type.String(),
  createdAt: DateTime,
  approvedBy: Nullable(Type.String()),
  sentAt: Nullable(DateTime),
  rejectedReason: Nullable(Type.String()),
  /** What the caller may do with it now. */
  actions: Type.Array(Type.Union([Type.Literal('send'), Type.Literal('reject'), Type.Literal('update'), Type.Literal('cancel')])),
  /** The caller's own answer (citizens). */
  myAnswer: Nullable(Type.Enum(ALERT_ANSWERS)),
});
export type Alert = Static<typeof Alert>;

export const AlertList = Type.Object({ items: Type.Array(Alert), total: Type.Integer() });
export type AlertList = Static<typeof AlertList>;

export const AlertListQuery = Type.Object({
  commune: Type.Optional(CommuneCode),
  /** in force now only */
  current: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type AlertListQuery = Static<typeof AlertListQuery>;

export const AnswerInput = Type.Object({
  answer: Type.Enum(ALERT_ANSWERS),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type AnswerInput = Static<typeof AnswerInput>;

export const AnswerView = Type.Object({
  answer: Type.Enum(ALERT_ANSWERS),
  fullName: Type.String(),
  phone: Nullable(Type.String()),
  communeCode: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  note: Nullable(Type.String()),
  at: DateTime,
});
export type AnswerView = Static<typeof AnswerView>;

/** Answers per commune: where the person was when they shared a location, else their home commune. */
export const CommuneAnswers = Type.Object({ code: Type.String(), name: Type.String(), safe: Type.Integer(), needHelp: Type.Integer() });
export type CommuneAnswers = Static<typeof CommuneAnswers>;

export const AlertReport = Type.Object({ alertId: Uuid, delivery: DeliveryReport, answers: Type.Array(AnswerView), perCommune: Type.Array(CommuneAnswers) });
export type AlertReport = Static<typeof AlertReport>;

/** What an area drawn in the console covers, before it is saved. */
export const AreaPreview = Type.Object({
  communes: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  /** People whose home commune is in the area (each gets the alert on the channels they have). */
  residents: Type.Integer(),
});
export type AreaPreview = Static<typeof AreaPreview>;

export const CapParams = Type.Object({ identifier: Type.String({ pattern: '^[A-Za-z0-9._-]{1,120}$' }) });
