// Contract of the land information module (thông tin đất đai): parcels (thửa đất), zoning
// plans (quy hoạch) and imports. Owner names and certificate numbers are never part of a
// public shape: the tables do not even hold them.
import { Type, type Static } from 'typebox';
import { DateTime, Day, Nullable, Uuid } from './common.ts';

const Lat = Type.Number({ minimum: -90, maximum: 90, description: 'Latitude (WGS 84)' });
const Lon = Type.Number({ minimum: -180, maximum: 180, description: 'Longitude (WGS 84)' });

export const ParcelAtQuery = Type.Object({ lat: Lat, lon: Lon });
export type ParcelAtQuery = Static<typeof ParcelAtQuery>;

export const ParcelSearchQuery = Type.Object({
  commune: Type.Optional(Type.String({ pattern: '^[0-9]{5}$', description: 'Commune code: today\'s (2025) or a former one (pre-2025 sheets)' })),
  sheet: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999, description: 'Map sheet number (số tờ bản đồ)' })),
  parcel: Type.Optional(Type.Integer({ minimum: 1, maximum: 99999, description: 'Parcel number (số thửa)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type ParcelSearchQuery = Static<typeof ParcelSearchQuery>;

export const LandUse = Type.Object({
  code: Type.String({ description: 'Circular 08/2024/TT-BTNMT code' }),
  name: Type.String(),
  group: Type.Union([Type.Literal('agricultural'), Type.Literal('non_agricultural'), Type.Literal('unused')]),
  /** The older code as the source wrote it, when it was mapped. */
  legacyCode: Nullable(Type.String()),
  areaM2: Type.Number(),
});
export type LandUse = Static<typeof LandUse>;

export const Point = Type.Object({ lat: Type.Number(), lon: Type.Number() });

export const ParcelSummary = Type.Object({
  id: Uuid,
  /** commune-sheet-parcel, with today's commune code */
  key: Type.String(),
  commune: Type.Object({ code: Type.String(), name: Type.String() }),
  /** The former commune the sheet was drawn for (sheet numbers restart in each). */
  formerCommune: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  sheet: Type.Integer(),
  parcel: Type.Integer(),
  areaM2: Type.Number(),
  address: Nullable(Type.String()),
  landUses: Type.Array(LandUse),
  centre: Point,
  /** Demo data generated at seed, not a real parcel. */
  synthetic: Type.Boolean(),
});
export type ParcelSummary = Static<typeof ParcelSummary>;

/** One search box: an address, a place or former commune name (diacritics optional), a key ("tờ 5 thửa 12") or a mix. */
export const ParcelFindQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: 'What the person typed' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type ParcelFindQuery = Static<typeof ParcelFindQuery>;

export const ParcelSearchReply = Type.Object({ items: Type.Array(ParcelSummary), total: Type.Integer() });
export type ParcelSearchReply = Static<typeof ParcelSearchReply>;

export const ZoningDesignation = Type.Object({
  plan: Type.Object({ id: Uuid, name: Type.String(), decisionNumber: Type.String(), decisionDate: Day, synthetic: Type.Boolean() }),
  zoneCode: Type.String(),
  landUse: Type.Object({ code: Type.String(), name: Type.String() }),
  /** mật độ xây dựng, percent */
  buildingDensityPct: Nullable(Type.Number()),
  /** tầng cao tối đa */
  maxFloors: Nullable(Type.Integer()),
  /** How much of the parcel the zone covers. */
  overlapM2: Type.Number(),
});
export type ZoningDesignation = Static<typeof ZoningDesignation>;

export const ParcelSheet = Type.Object({
  ...ParcelSummary.properties,
  /** The parcel outline, GeoJSON in WGS 84. */
  geometry: Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Unknown()) }),
  zoning: Type.Array(ZoningDesignation),
  source: Type.String(),
  updatedAt: DateTime,
  disclaimer: Type.String(),
});
export type ParcelSheet = Static<typeof ParcelSheet>;

export const ZoningPlan = Type.Object({
  id: Uuid,
  name: Type.String(),
  decisionNumber: Type.String(),
  decisionDate: Day,
  synthetic: Type.Boolean(),
  zones: Type.Integer(),
  /** A plan is a draft until a second land officer publishes it; citizens see only published plans. */
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  publishedAt: Nullable(DateTime),
});
export type ZoningPlan = Static<typeof ZoningPlan>;

export const StaffPlansReply = Type.Object({ items: Type.Array(ZoningPlan) });
export type StaffPlansReply = Static<typeof StaffPlansReply>;

/** Publishing a plan: the decision that approved it (số quyết định phê duyệt and its date), as the officer checked it. */
export const PlanPublish = Type.Object({
  decisionNumber: Type.String({ minLength: 1, maxLength: 100 }),
  decisionDate: Day,
}, { additionalProperties: false });
export type PlanPublish = Static<typeof PlanPublish>;
export const ZoningPlansReply = Type.Object({
  items: Type.Array(ZoningPlan),
  /** Planned land uses present in the zones, for the map legend. */
  legend: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), colour: Type.String() })),
});
export type ZoningPlansReply = Static<typeof ZoningPlansReply>;

export const ImportQuery = Type.Object({
  kind: Type.Union([Type.Literal('parcels'), Type.Literal('zones')], { description: 'What the file holds' }),
  srid: Type.Optional(Type.Integer({ description: 'EPSG code of the coordinates: a VN-2000 TM-3 zone (9210, 9215, 5897, 5899) or 4326; without it, read from the Shapefile\'s .prj' })),
  /** For zones: the plan they belong to. */
  planName: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  decisionNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  decisionDate: Type.Optional(Day),
  runId: Type.Optional(Type.String({ format: 'uuid', description: 'The run\'s id, chosen by the client so it can follow GET /api/land/imports/{id} while this request is still open; the server picks one without it' })),
});
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportReply = Type.Object({
  read: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(Type.Object({
    /** 1-based position of the feature in the file */
    feature: Type.Integer(),
    key: Nullable(Type.String()),
    reason: Type.String(),
  })),
  srid: Type.Integer(),
});
export type ImportReply = Static<typeof ImportReply>;

/** An import run (lần nhập) as its land officer follows it: counts written after every batch. */
export const ImportRunSummary = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('parcels'), Type.Literal('zones')]),
  fileName: Type.String(),
  /** reading until the report is ready; failed also when the server stopped without a word for a while */
  state: Type.Union([Type.Literal('reading'), Type.Literal('done'), Type.Literal('failed')]),
  read: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Integer(),
  startedAt: DateTime,
  finishedAt: Nullable(DateTime),
  /** Why a failed run stopped, in the reader's language. */
  failure: Nullable(Type.String()),
});
export type ImportRunSummary = Static<typeof ImportRunSummary>;

export const ImportRun = Type.Object({
  ...ImportRunSummary.properties,
  /** The finished run's report; its list of rejected features is cut to the first 100 (the counts are whole). */
  report: Nullable(ImportReply),
});
export type ImportRun = Static<typeof ImportRun>;

/** The caller's latest runs, newest first. */
export const ImportRunsReply = Type.Object({ items: Type.Array(ImportRunSummary) });
export type ImportRunsReply = Static<typeof ImportRunsReply>;

/** A land officer's correction of a parcel's attributes (audited with its reason). */
export const ParcelPatch = Type.Object({
  landUses: Type.Optional(Type.Array(Type.Object({
    code: Type.String({ pattern: '^[A-Za-z]{3}$', description: 'Circular 08/2024 code (older codes are mapped)' }),
    areaM2: Type.Number({ exclusiveMinimum: 0 }),
  }), { minItems: 1, maxItems: 10 })),
  areaM2: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100_000_000 })),
  address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  reason: Type.String({ minLength: 5, maxLength: 1000, description: 'Why (kept in the audit trail)' }),
}, { additionalProperties: false });
export type ParcelPatch = Static<typeof ParcelPatch>;
