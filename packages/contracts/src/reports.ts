// Contract of the reports module (phản ánh kiến nghị): the public map and list, the
// citizen's own reports, the staff inbox and actions, and category administration.
import { Type, type Static } from 'typebox';
import { Nullable, PageOffset } from './common.ts';
import { MAP_CLUSTER_BELOW_ZOOM, MAP_POINTS_MAX, QUESTION_DATATYPES, REPORT_ACTIONS, REPORT_SORTS, REPORT_STATUSES } from './reports.rules.ts';

const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const Status = Type.Enum(REPORT_STATUSES);
export const Action = Type.Enum(REPORT_ACTIONS);

/** An extra question of a category (an Open311 attribute). */
export const Question = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
  label: Type.String({ minLength: 1, maxLength: 300 }),
  labelEn: Type.Optional(Type.String({ maxLength: 300 })),
  datatype: Type.Enum(QUESTION_DATATYPES),
  required: Type.Boolean(),
  values: Type.Optional(Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 60 }), name: Type.String({ minLength: 1, maxLength: 200 }) }), { maxItems: 50 })),
});
export type Question = Static<typeof Question>;

const CategoryBase = {
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  description: Type.String(),
  icon: Type.String(),
  routing: Type.String(),
  deadlineDays: Type.Integer(),
  questions: Type.Array(Question),
  keywords: Type.String(),
  active: Type.Boolean(),
};
export const Category = Type.Object(CategoryBase);
export type Category = Static<typeof Category>;
/** Top-level categories, each with its sub-categories. */
export const CategoryTree = Type.Array(Type.Object({ ...CategoryBase, children: Type.Array(Category) }));
export type CategoryTree = Static<typeof CategoryTree>;

export const CategoryInput = Type.Object({
  parentCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  name: Type.String({ minLength: 2, maxLength: 200 }),
  nameEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  icon: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
  routing: Type.Optional(Type.String({ minLength: 2, maxLength: 40 })),
  deadlineDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  questions: Type.Optional(Type.Array(Question, { maxItems: 20 })),
  keywords: Type.Optional(Type.String({ maxLength: 500 })),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type CategoryInput = Static<typeof CategoryInput>;
export const CategoryParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9_.-]{2,40}$' }) });

export const Photo = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('answer')]),
  url: Type.String(),
  thumbUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  moderation: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('hidden')])),
});
export type Photo = Static<typeof Photo>;

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
/** A report as anyone may see it: no personal data, only approved photos. */
export const PublicReport = Type.Object(PublicFields);
export type PublicReport = Static<typeof PublicReport>;

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
export type TimelineEntry = Static<typeof TimelineEntry>;

/** A report with its public timeline and what the caller (often its reporter) may do. */
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
export type MyReport = Static<typeof MyReport>;

const Urgency = Nullable(Type.Union([Type.Literal('ok'), Type.Literal('due_soon'), Type.Literal('overdue')]));
export type Urgency = Static<typeof Urgency>;

export const InboxItem = Type.Object({ ...PublicFields, urgency: Urgency, assigneeId: Nullable(Type.String()), hidden: Type.Boolean() });
export type InboxItem = Static<typeof InboxItem>;

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
  /** The receiving agency's officers, for the assignment picker (empty when assigning is not possible now). */
  assignees: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  timeline: Type.Array(TimelineEntry),
});
export type StaffReport = Static<typeof StaffReport>;

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
export type CreateBody = Static<typeof CreateBody>;

export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' })) });

export const CreateReply = Type.Object({ id: Type.String(), trackingCode: Type.String(), status: Status, statusLabel: Type.String(), dueDate: Type.String(), created: Type.Boolean() });
export type CreateReply = Static<typeof CreateReply>;

export const WorkflowReply = Type.Object({ statuses: Type.Array(Type.Object({ code: Status, label: Type.String(), labelEn: Type.String() })), reopenDays: Type.Integer(), autoCloseDays: Type.Integer() });
export type WorkflowReply = Static<typeof WorkflowReply>;

export const ListQuery = Type.Object({
  category: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$', maxLength: 200 })),
  commune: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  bbox: Type.Optional(Type.String({ pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$' })),
  sort: Type.Optional(Type.Enum(REPORT_SORTS)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(PageOffset()),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400, pattern: '^[A-Za-z0-9_-]+$', description: 'The nextCursor of the previous page (same filters and sort)' })),
});
export type ListQuery = Static<typeof ListQuery>;

/** A page of the public list: no total (counting every match is what made it slow); nextCursor is null on the last page. */
export const ListReply = Type.Object({ items: Type.Array(PublicReport), nextCursor: Nullable(Type.String()) });
export type ListReply = Static<typeof ListReply>;

const { cursor: _cursor, ...mapFilters } = ListQuery.properties;
export const MapQuery = Type.Object({
  ...mapFilters,
  bbox: Type.Optional(Type.String({ pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$', description: 'west,south,east,north in degrees; without it (and without zoom) the whole province comes as clusters' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAP_POINTS_MAX, description: `The most points wanted (default ${MAP_POINTS_MAX}); an area holding more comes as clusters` })),
  zoom: Type.Optional(Type.Integer({ minimum: 0, maximum: 22, description: `The map's zoom; below ${MAP_CLUSTER_BELOW_ZOOM} reports come as clusters, and it sizes their grid (without it, the bbox does)` })),
});
export type MapQuery = Static<typeof MapQuery>;
export const MapPoint = Type.Object({ id: Type.String(), trackingCode: Type.String(), lat: Type.Number(), lon: Type.Number(), status: Status, category: Type.String() });
export type MapPoint = Static<typeof MapPoint>;
/** Reports near each other counted as one circle (at the mean of their positions). */
export const MapCluster = Type.Object({ lat: Type.Number(), lon: Type.Number(), count: Type.Integer({ minimum: 1 }) });
export type MapCluster = Static<typeof MapCluster>;
/**
 * Either points (newest first) or clusters, never both: points when zoomed in to an area
 * holding at most `limit` of them, clusters when zoomed out, when the area holds more, or
 * when neither bbox nor zoom is given (the whole province).
 */
export const MapReply = Type.Object({ items: Type.Array(MapPoint), clusters: Type.Array(MapCluster) });
export type MapReply = Static<typeof MapReply>;

export const DuplicatesQuery = Type.Object({ category: Type.String({ maxLength: 40 }), lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) });
export const NearbyReport = Type.Object({ ...PublicReport.properties, distance: Type.Number() });
export type NearbyReport = Static<typeof NearbyReport>;
export const DuplicatesReply = Type.Object({ items: Type.Array(NearbyReport) });
export type DuplicatesReply = Static<typeof DuplicatesReply>;

/** Where a report of this category at this place would go, asked before sending (a point or a commune). */
export const RoutingQuery = Type.Object({
  category: Type.String({ minLength: 1, maxLength: 40 }),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
});
export type RoutingQuery = Static<typeof RoutingQuery>;
export const RoutingReply = Type.Object({
  agency: Type.Object({ id: Type.String(), name: Type.String() }),
  commune: Type.Object({ code: Type.String(), name: Type.String() }),
  deadlineDays: Type.Integer({ description: 'Working days the agency has to answer' }),
});
export type RoutingReply = Static<typeof RoutingReply>;

export const PhotoParams = Type.Object({ photoId: Type.String({ maxLength: 40 }) });
export const PhotoQuery = Type.Object({ size: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('thumb')])) });

export const PhotoLocationBody = Type.Object({ photo: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export const PhotoLocationReply = Type.Object({ found: Type.Boolean(), lat: Type.Optional(Type.Number()), lon: Type.Optional(Type.Number()), inProvince: Type.Optional(Type.Boolean()) });
export type PhotoLocationReply = Static<typeof PhotoLocationReply>;

export const MineQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), offset: Type.Optional(PageOffset()) });
/** The reports I filed, and the ones I follow. */
export const MineReply = Type.Object({ items: Type.Array(PublicReport), total: Type.Integer(), following: Type.Array(PublicReport) });
export type MineReply = Static<typeof MineReply>;

export const SupportReply = Type.Object({ supporters: Type.Integer(), added: Type.Boolean() });
export type SupportReply = Static<typeof SupportReply>;

export const InboxQuery = Type.Object({
  ...ListQuery.properties,
  urgency: Type.Optional(Type.Union([Type.Literal('due_soon'), Type.Literal('overdue')])),
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  assignee: Type.Optional(Type.String({ pattern: '^(me|[0-9a-f-]{36})$' })),
});
export type InboxQuery = Static<typeof InboxQuery>;

export const InboxReply = Type.Object({ items: Type.Array(InboxItem), total: Type.Integer() });
export type InboxReply = Static<typeof InboxReply>;

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
export type ActBody = Static<typeof ActBody>;

export const TextBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
export const RateBody = Type.Object({ stars: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false });
export const ModerateBody = Type.Object({
  hidden: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String({ minLength: 10, maxLength: 4000 })),
  reason: Type.String({ minLength: 3, maxLength: 1000 }),
}, { additionalProperties: false });
export type ModerateBody = Static<typeof ModerateBody>;
export const PhotoModerationBody = Type.Object({ decision: Type.Union([Type.Literal('approved'), Type.Literal('hidden')]) }, { additionalProperties: false });

/** A reply template staff pick from when answering. */
export const Template = Type.Object({ id: Type.String(), categoryCode: Nullable(Type.String()), title: Type.String(), body: Type.String() });
export type Template = Static<typeof Template>;
export const TemplateBody = Type.Object({ categoryCode: Nullable(Type.String({ maxLength: 40 })), title: Type.String({ minLength: 2, maxLength: 200 }), body: Type.String({ minLength: 2, maxLength: 4000 }) }, { additionalProperties: false });
export type TemplateBody = Static<typeof TemplateBody>;
export const TemplatesQuery = Type.Object({ category: Type.Optional(Type.String({ maxLength: 40 })) });
export const TemplateParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

export const IdParam = Type.Object({ id: Type.String({ minLength: 4, maxLength: 40 }) });

/** A vector tile address: /api/tiles/{z}/{x}/{y}.mvt */
export const TileParams = Type.Object({ z: Type.Integer({ minimum: 0, maximum: 20 }), x: Type.Integer({ minimum: 0 }), file: Type.String({ pattern: '^[0-9]+\\.mvt$' }) });
