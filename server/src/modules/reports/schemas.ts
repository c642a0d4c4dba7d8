// TypeBox schemas of the reports API.
import { Type, type Static } from 'typebox';
import { DATATYPES } from './categories.ts';
import { ACTIONS, STATUSES } from './workflow.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const Status = Type.Enum(STATUSES);
export const Action = Type.Enum(ACTIONS);

export const QuestionSchema = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
  label: Type.String({ minLength: 1, maxLength: 300 }),
  labelEn: Type.Optional(Type.String({ maxLength: 300 })),
  datatype: Type.Enum(DATATYPES),
  required: Type.Boolean(),
  values: Type.Optional(Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 60 }), name: Type.String({ minLength: 1, maxLength: 200 }) }), { maxItems: 50 })),
});

const CategoryBase = {
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  description: Type.String(),
  icon: Type.String(),
  routing: Type.String(),
  deadlineDays: Type.Integer(),
  questions: Type.Array(QuestionSchema),
  keywords: Type.String(),
  active: Type.Boolean(),
};
export const Category = Type.Object(CategoryBase);
export const CategoryTree = Type.Array(Type.Object({ ...CategoryBase, children: Type.Array(Category) }));

export const CategoryInput = Type.Object({
  parentCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  name: Type.String({ minLength: 2, maxLength: 200 }),
  nameEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  icon: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
  routing: Type.Optional(Type.String({ minLength: 2, maxLength: 40 })),
  deadlineDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  questions: Type.Optional(Type.Array(QuestionSchema, { maxItems: 20 })),
  keywords: Type.Optional(Type.String({ maxLength: 500 })),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const Photo = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('answer')]),
  url: Type.String(),
  thumbUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  moderation: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('hidden')])),
});

const PublicFields = {
  id: Type.String(),
  trackingCode: Type.String(),
  category: Type.Object({ code: Type.String(), name: Type.String(), icon: Type.String() }),
  description: Type.String(),
  status: Status,
  statusLabel: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  address: Nullable(Type.String()),
  communeCode: Type.String(),
  communeName: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  supporters: Type.Integer(),
  receivedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  dueDate: Type.String(),
  resolvedAt: Nullable(Type.String({ format: 'date-time' })),
  publicAnswer: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  photos: Type.Array(Photo),
};
export const PublicReport = Type.Object(PublicFields);

export const TimelineEntry = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  kind: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  body: Nullable(Type.String()),
  public: Type.Boolean(),
  actorName: Type.Optional(Nullable(Type.String())),
});

export const MyReport = Type.Object({
  ...PublicFields,
  anonymous: Type.Boolean(),
  answers: Type.Record(Type.String(), Type.Unknown()),
  ratingComment: Nullable(Type.String()),
  timeline: Type.Array(TimelineEntry),
  following: Type.Boolean(),
  supported: Type.Boolean(),
  canRate: Type.Boolean(),
  canReopen: Type.Boolean(),
  canAnswer: Type.Boolean(),
  mine: Type.Boolean(),
});

const Urgency = Nullable(Type.Union([Type.Literal('ok'), Type.Literal('due_soon'), Type.Literal('overdue')]));

export const InboxItem = Type.Object({ ...PublicFields, urgency: Urgency, assigneeId: Nullable(Type.String()), hidden: Type.Boolean() });

export const StaffReport = Type.Object({
  ...PublicFields,
  anonymous: Type.Boolean(),
  hidden: Type.Boolean(),
  source: Type.String(),
  answers: Type.Record(Type.String(), Type.Unknown()),
  reporter: Nullable(Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()), phone: Nullable(Type.String()), email: Nullable(Type.String()) })),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  rejectReason: Nullable(Type.String()),
  ratingComment: Nullable(Type.String()),
  mergedInto: Nullable(Type.String()),
  urgency: Urgency,
  actions: Type.Array(Action),
  canManage: Type.Boolean(),
  timeline: Type.Array(TimelineEntry),
});

const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lon = Type.Number({ minimum: -180, maximum: 180 });

export const CreateBody = Type.Object({
  categoryCode: Type.String({ minLength: 1, maxLength: 40 }),
  description: Type.String({ minLength: 10, maxLength: 4000 }),
  lat: Type.Optional(Lat),
  lon: Type.Optional(Lon),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
  anonymous: Type.Optional(Type.Boolean()),
  answers: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())]))),
  photos: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 5 })),
  clientId: Type.Optional(Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' })),
}, { additionalProperties: false });
export type CreateBodyT = Static<typeof CreateBody>;

export const CreateReply = Type.Object({ id: Type.String(), trackingCode: Type.String(), status: Status, statusLabel: Type.String(), dueDate: Type.String(), created: Type.Boolean() });

export const ListQuery = Type.Object({
  category: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$', maxLength: 200 })),
  commune: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  bbox: Type.Optional(Type.String({ pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$' })),
  sort: Type.Optional(Type.Enum(['newest', 'oldest', 'due', 'updated', 'supporters'])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});

export const InboxQuery = Type.Object({
  ...ListQuery.properties,
  urgency: Type.Optional(Type.Union([Type.Literal('due_soon'), Type.Literal('overdue')])),
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  assignee: Type.Optional(Type.String({ pattern: '^(me|[0-9a-f-]{36})$' })),
});

export const ActBody = Type.Object({
  action: Action,
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  assigneeId: Type.Optional(Type.String({ format: 'uuid' })),
  agencyCode: Type.Optional(Type.String({ maxLength: 40 })),
  answer: Type.Optional(Type.String({ maxLength: 4000 })),
  question: Type.Optional(Type.String({ maxLength: 2000 })),
  targetId: Type.Optional(Type.String({ maxLength: 40 })),
  photos: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 5 })),
}, { additionalProperties: false });

export const TextBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export const RateBody = Type.Object({ stars: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false });
export const ModerateBody = Type.Object({
  hidden: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String({ minLength: 10, maxLength: 4000 })),
  reason: Type.String({ minLength: 3, maxLength: 1000 }),
}, { additionalProperties: false });
export const Template = Type.Object({ id: Type.String(), categoryCode: Nullable(Type.String()), title: Type.String(), body: Type.String() });
export const TemplateBody = Type.Object({ categoryCode: Nullable(Type.String({ maxLength: 40 })), title: Type.String({ minLength: 2, maxLength: 200 }), body: Type.String({ minLength: 2, maxLength: 4000 }) }, { additionalProperties: false });

export const IdParam = Type.Object({ id: Type.String({ minLength: 4, maxLength: 40 }) });
export const ErrorReply = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() }) });
