// Contract of dossiers (hồ sơ): applying, tracking, the citizen's and staff's actions along
// the one-stop statuses, and the service indicators of Decision 766.
import { Type, type Static, type TSchema } from 'typebox';
import { Day, Nullable, Page, PageOffset, Uuid } from './common.ts';

export const FileUpload = Type.Object({
  docKey: Type.String({ minLength: 1, maxLength: 100 }),
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  /** The file's bytes, base64: one JSON request can wait in the offline outbox. */
  contentBase64: Type.String({ minLength: 1, maxLength: 8_000_000 }),
}, { additionalProperties: false });
export type FileUpload = Static<typeof FileUpload>;

export const ResultUpload = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  contentBase64: Type.String({ minLength: 1, maxLength: 8_000_000 }),
}, { additionalProperties: false });

export const CreateDossier = Type.Object({
  procedureId: Type.String({ minLength: 1, maxLength: 100 }),
  communeCode: Type.String({ pattern: '^[0-9]{5}$' }),
  formData: Type.Record(Type.String(), Type.Unknown()),
  attachments: Type.Optional(Type.Array(FileUpload, { maxItems: 10 })),
  /** Submit at once; otherwise the dossier stays a draft. */
  submit: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type CreateDossier = Static<typeof CreateDossier>;

export const UpdateDraft = Type.Object({
  communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
  formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
}, { additionalProperties: false });
export type UpdateDraft = Static<typeof UpdateDraft>;

export const Attachment = Type.Object({
  id: Uuid, docKey: Type.String(), fileName: Type.String(), mime: Type.String(), size: Type.Integer(), round: Type.Integer(), createdAt: Type.String({ format: 'date-time' }),
});
export type Attachment = Static<typeof Attachment>;

export const TimelineEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  action: Type.String(),
  status: Type.Integer(),
  statusName: Type.String(),
  step: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

/** A timeline entry as the dossier page shows it: who acted, and where it went. */
export const StaffTimelineEntry = Type.Object({
  ...TimelineEntry.properties,
  fromStatus: Type.Integer(),
  actorName: Nullable(Type.String()),
  agencyId: Nullable(Type.String()),
  toAgencyId: Nullable(Type.String()),
  toUserId: Nullable(Type.String()),
});
export type StaffTimelineEntry = Static<typeof StaffTimelineEntry>;

export const MissingDocument = Type.Object({ key: Nullable(Type.String()), name: Type.String(), note: Nullable(Type.String()) });
export type MissingDocument = Static<typeof MissingDocument>;

export const Letter = Type.Object({ id: Uuid, kind: Type.String(), issuedAt: Type.String({ format: 'date-time' }), url: Type.String() });
export type Letter = Static<typeof Letter>;
export const Fee = Type.Object({ id: Uuid, name: Type.String(), amountVnd: Type.Integer(), paidAt: Nullable(Type.String({ format: 'date-time' })), method: Nullable(Type.String()) });
export type Fee = Static<typeof Fee>;

export const DossierSummary = Type.Object({
  id: Uuid,
  code: Nullable(Type.String()),
  procedureId: Type.String(),
  procedureName: Type.String(),
  agencyId: Uuid,
  communeCode: Type.String(),
  applicantName: Type.String(),
  status: Type.Integer(),
  statusName: Type.String(),
  currentStep: Nullable(Type.String()),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  dueDate: Nullable(Day),
  appointmentDate: Nullable(Day),
  /** green: on track, amber: due within 2 working days, red: overdue, none: finished or draft. */
  deadline: Type.Union([Type.Literal('green'), Type.Literal('amber'), Type.Literal('red'), Type.Literal('none')]),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type DossierSummary = Static<typeof DossierSummary>;
export type Deadline = DossierSummary['deadline'];

export const DossierDetail = Type.Object({
  ...DossierSummary.properties,
  procedureCode: Type.String(),
  processingDays: Type.Integer(),
  channel: Type.String(),
  applicantPhone: Type.String(),
  formData: Type.Record(Type.String(), Type.Unknown()),
  steps: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
  assigneeUserId: Nullable(Uuid),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  moreDocsRequests: Type.Integer(),
  missingDocuments: Type.Array(MissingDocument),
  attachments: Type.Array(Attachment),
  letters: Type.Array(Letter),
  fees: Type.Array(Fee),
  hasResult: Type.Boolean(),
  rating: Nullable(Type.Integer()),
  timeline: Type.Array(StaffTimelineEntry),
  /** What the caller may do now, e.g. ["supply_documents", "withdraw"]. */
  allowedActions: Type.Array(Type.String()),
});
export type DossierDetail = Static<typeof DossierDetail>;

export const DossierPage = Page(DossierSummary);
export type DossierPage = Static<typeof DossierPage>;

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const AttachmentParams = Type.Object({ id: Type.String({ format: 'uuid' }), attachmentId: Type.String({ format: 'uuid' }) });
export const LetterParams = Type.Object({ id: Type.String({ format: 'uuid' }), letterId: Type.String({ format: 'uuid' }) });
export const ProcedureParams = Type.Object({ procedureId: Type.String({ maxLength: 100 }) });
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });
export const MineQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })), offset: Type.Optional(PageOffset({ default: 0 })) });

export const TrackQuery = Type.Object({
  code: Type.String({ minLength: 8, maxLength: 60 }),
  phone: Type.String({ minLength: 9, maxLength: 20 }),
}, { additionalProperties: false });
export type TrackQuery = Static<typeof TrackQuery>;

/** What anyone with the code and the applicant's phone number may see, without signing in. */
export const TrackReply = Type.Object({
  code: Type.String(),
  procedureName: Type.String(),
  agencyName: Type.String(),
  status: Type.Integer(),
  statusName: Type.String(),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  appointmentDate: Nullable(Day),
  missingDocuments: Type.Array(MissingDocument),
  timeline: Type.Array(TimelineEntry),
  hasResult: Type.Boolean(),
});
export type TrackReply = Static<typeof TrackReply>;

export const QueueQuery = Type.Object({
  status: Type.Optional(Type.String({ pattern: '^(10|[1-9])(,(10|[1-9]))*$' })),
  procedureId: Type.Optional(Type.String({ maxLength: 100 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  overdue: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(PageOffset({ default: 0 })),
}, { additionalProperties: false });
export type QueueQuery = Static<typeof QueueQuery>;

const Note = Type.Optional(Type.String({ maxLength: 2000 }));
const Reason = Type.String({ minLength: 3, maxLength: 2000 });

/** The body of each staff action, by action (POST /api/dossiers/{id}/{action with dashes}). */
export const ActionBodies = {
  accept: Type.Object({ note: Note }, { additionalProperties: false }),
  refuse: Type.Object({ reason: Reason }, { additionalProperties: false }),
  assign: Type.Object({ assigneeUserId: Type.Optional(Uuid), note: Note }, { additionalProperties: false }),
  forward: Type.Object({ toUserId: Type.Optional(Uuid), toAgencyId: Type.Optional(Uuid), note: Note }, { additionalProperties: false }),
  request_documents: Type.Object({
    missing: Type.Array(Type.Object({ key: Type.Optional(Type.String({ maxLength: 100 })), name: Type.String({ minLength: 1, maxLength: 300 }), note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }), { minItems: 1, maxItems: 30 }),
    note: Note,
  }, { additionalProperties: false }),
  request_payment: Type.Object({ fees: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), amountVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }) }, { additionalProperties: false }), { maxItems: 10 })), note: Note }, { additionalProperties: false }),
  mark_paid: Type.Object({ note: Note }, { additionalProperties: false }),
  stop: Type.Object({ reason: Reason }, { additionalProperties: false }),
  complete: Type.Object({ result: Type.Optional(ResultUpload), note: Note }, { additionalProperties: false }),
  return_result: Type.Object({ result: Type.Optional(ResultUpload), note: Note }, { additionalProperties: false }),
  apologize: Type.Object({ reason: Reason, newAppointmentDate: Day }, { additionalProperties: false }),
} as const satisfies Record<string, TSchema>;

export type StaffAction = keyof typeof ActionBodies;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Any action's body: every field any action takes, each optional (the route checked which apply). */
export type ActionInput = Partial<UnionToIntersection<{ [A in StaffAction]: Static<(typeof ActionBodies)[A]> }[StaffAction]>>;

export const SupplyBody = Type.Object({ attachments: Type.Array(FileUpload, { minItems: 1, maxItems: 10 }), note: Note }, { additionalProperties: false });
export type SupplyBody = Static<typeof SupplyBody>;
export const WithdrawBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const RateBody = Type.Object({ rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });
export type RateBody = Static<typeof RateBody>;
export const StepsBody = Type.Object({
  steps: Type.Array(Type.Object({ key: Type.String({ pattern: '^[a-z_]{2,40}$' }), name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }), { maxItems: 20 }),
}, { additionalProperties: false });
export type StepsBody = Static<typeof StepsBody>;

export const IndicatorsQuery = Type.Object({
  from: Day,
  to: Day,
  area: Type.Optional(Type.String({ pattern: '^([0-9]{2}|[0-9]{5})$' })),
}, { additionalProperties: false });
export type IndicatorsQuery = Static<typeof IndicatorsQuery>;

const Rate = Type.Object({ numerator: Type.Integer(), denominator: Type.Integer(), rate: Nullable(Type.Number()), target: Nullable(Type.Number()) });
export const IndicatorsReply = Type.Object({
  from: Day,
  to: Day,
  area: Nullable(Type.String()),
  onTimeRate: Rate,
  onlineSubmissionRate: Rate,
  digitisationRate: Rate,
  onlineProcedureShare: Rate,
  averageProcessingTime: Type.Array(Type.Object({ procedureId: Type.String(), procedureName: Type.String(), finished: Type.Integer(), averageWorkingDays: Type.Number() })),
  late: Type.Integer(),
  apologies: Type.Integer(),
});
export type IndicatorsReply = Static<typeof IndicatorsReply>;
