// Contract of the areas module: places, agencies, staff memberships and the audit trail.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, Uuid } from './common.ts';
import { AGENCY_KINDS, COMMUNE_TYPES } from './areas.rules.ts';
import { STAFF_ROLES } from './roles.ts';

export const ProvinceCode = Type.String({ pattern: '^[0-9]{2}$', description: 'Province code (2 digits), e.g. 20' });
export const CommuneCode = Type.String({ pattern: '^[0-9]{5}$', description: 'Commune/ward code (5 digits), e.g. 05983' });
export const AreaCode = Type.String({ pattern: '^([0-9]{2}|[0-9]{5})$', description: 'Province (2 digits) or commune (5 digits) code' });

const CommuneTypeSchema = Type.Enum(COMMUNE_TYPES);
const AgencyKindSchema = Type.Enum(AGENCY_KINDS);
const StaffRoleSchema = Type.Enum(STAFF_ROLES);
const NullableString = Nullable(Type.String());

export const Province = Type.Object({ code: Type.String(), name: Type.String() });
export type Province = Static<typeof Province>;
export const Commune = Type.Object({ code: Type.String(), name: Type.String(), type: CommuneTypeSchema });
export type Commune = Static<typeof Commune>;
export const CommuneDetail = Type.Object({ code: Type.String(), name: Type.String(), type: CommuneTypeSchema, province: Province });
export type CommuneDetail = Static<typeof CommuneDetail>;

export const ProvinceQuery = Type.Object({ province: Type.Optional(ProvinceCode) });
export const CommuneParams = Type.Object({ code: CommuneCode });

export const LocateQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude (WGS 84)' }),
  lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude (WGS 84)' }),
});
export const LocateReply = Type.Object({ commune: Commune, province: Province, synthetic: Type.Boolean() });
export type LocateReply = Static<typeof LocateReply>;

/** A point in words (“gần Thôn Nà Chuông, Xã Đồng Đăng”): its commune and the nearest named place. */
export const PlaceReply = Type.Object({
  commune: Commune,
  province: Province,
  synthetic: Type.Boolean(),
  near: Type.Union([
    Type.Object({
      name: Type.String(),
      kind: Type.String({ description: 'OpenStreetMap place class (village, hamlet, town…)' }),
      distanceM: Type.Integer({ minimum: 0 }),
    }),
    Type.Null(),
  ], { description: 'The nearest named place within 3 km, when the province imported an OpenStreetMap extract' }),
});
export type PlaceReply = Static<typeof PlaceReply>;

export const BoundaryCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    id: Type.String(),
    properties: Type.Object({ code: Type.String(), name: Type.String(), type: Type.String(), synthetic: Type.Boolean(), source: Type.String() }),
    geometry: Type.Unknown(),
  })),
});
export type BoundaryCollection = Static<typeof BoundaryCollection>;

export const Agency = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  kind: AgencyKindSchema,
  parentId: NullableString,
  areaCode: Type.String(),
  areaName: NullableString,
  address: NullableString,
  phone: NullableString,
  email: NullableString,
  /** Mã định danh điện tử: prefixes the agency's dossier codes. */
  electronicId: NullableString,
});
export type Agency = Static<typeof Agency>;

export const AgencyQuery = Type.Object({
  area: Type.Optional(AreaCode),
  kind: Type.Optional(AgencyKindSchema),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type AgencyQuery = Static<typeof AgencyQuery>;

/** A staff membership (vai trò) with its history, as administrators see it. */
export const Membership = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  role: StaffRoleSchema,
  agencyId: NullableString,
  agencyName: NullableString,
  areaCode: NullableString,
  areaName: NullableString,
  grantedBy: NullableString,
  grantedAt: DateTime,
  revokedAt: NullableString,
  revokedBy: NullableString,
});
export type Membership = Static<typeof Membership>;

export const MembershipQuery = Type.Object({
  userId: Type.Optional(Uuid),
  agencyId: Type.Optional(Uuid),
  includeRevoked: Type.Optional(Type.Boolean()),
});
export type MembershipQuery = Static<typeof MembershipQuery>;

export const GrantBody = Type.Object({
  userId: Uuid,
  role: StaffRoleSchema,
  agencyId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  areaCode: Type.Optional(Type.Union([AreaCode, Type.Null()])),
}, { additionalProperties: false });
export type GrantBody = Static<typeof GrantBody>;

/** One of the caller's active memberships, for the console header (GET /api/staff/me). */
export const StaffMembership = Type.Object({
  id: Type.String(),
  role: StaffRoleSchema,
  agencyId: NullableString,
  agencyName: NullableString,
  areaCode: NullableString,
  areaName: NullableString,
});
export type StaffMembership = Static<typeof StaffMembership>;

export const StaffMe = Type.Object({ memberships: Type.Array(StaffMembership) });
export type StaffMe = Static<typeof StaffMe>;

export const AuditQuery = Type.Object({
  subjectType: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  subjectId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  actorUserId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: DateTime,
  actorUserId: NullableString,
  action: Type.String(),
  subjectType: NullableString,
  subjectId: NullableString,
  ip: NullableString,
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntry>;
