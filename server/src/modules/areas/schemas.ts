import { Type } from 'typebox';
import { AGENCY_KINDS } from './repo.ts';
import { STAFF_ROLES } from './policy.ts';

export const ProvinceCode = Type.String({ pattern: '^[0-9]{2}$', description: 'Province code (2 digits), e.g. 20' });
export const CommuneCode = Type.String({ pattern: '^[0-9]{5}$', description: 'Commune/ward code (5 digits), e.g. 05983' });
export const AreaCode = Type.String({ pattern: '^([0-9]{2}|[0-9]{5})$', description: 'Province (2 digits) or commune (5 digits) code' });
export const Uuid = Type.String({ format: 'uuid' });

const CommuneTypeSchema = Type.Enum(['commune', 'ward', 'special']);
export const AgencyKindSchema = Type.Enum(AGENCY_KINDS);
export const StaffRoleSchema = Type.Enum(STAFF_ROLES);

export const Province = Type.Object({ code: Type.String(), name: Type.String() });
export const CommuneItem = Type.Object({ code: Type.String(), name: Type.String(), type: CommuneTypeSchema });
export const CommuneDetail = Type.Object({ code: Type.String(), name: Type.String(), type: CommuneTypeSchema, province: Province });

export const LocateQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude (WGS 84)' }),
  lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude (WGS 84)' }),
});
export const LocateReply = Type.Object({ commune: CommuneItem, province: Province, synthetic: Type.Boolean() });

export const BoundaryCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    id: Type.String(),
    properties: Type.Object({ code: Type.String(), name: Type.String(), type: Type.String(), synthetic: Type.Boolean(), source: Type.String() }),
    geometry: Type.Unknown(),
  })),
});

export const Agency = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  kind: AgencyKindSchema,
  parentId: Type.Union([Type.String(), Type.Null()]),
  areaCode: Type.String(),
  areaName: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  electronicId: Type.Union([Type.String(), Type.Null()]),
});
export const AgencyQuery = Type.Object({
  area: Type.Optional(AreaCode),
  kind: Type.Optional(AgencyKindSchema),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});

const NullableString = Type.Union([Type.String(), Type.Null()]);
export const MembershipSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  role: StaffRoleSchema,
  agencyId: NullableString,
  agencyName: NullableString,
  areaCode: NullableString,
  areaName: NullableString,
  grantedBy: NullableString,
  grantedAt: Type.String({ format: 'date-time' }),
  revokedAt: NullableString,
  revokedBy: NullableString,
});
export const MembershipQuery = Type.Object({
  userId: Type.Optional(Uuid),
  agencyId: Type.Optional(Uuid),
  includeRevoked: Type.Optional(Type.Boolean()),
});
export const GrantBody = Type.Object({
  userId: Uuid,
  role: StaffRoleSchema,
  agencyId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  areaCode: Type.Optional(Type.Union([AreaCode, Type.Null()])),
}, { additionalProperties: false });

export const StaffMe = Type.Object({
  memberships: Type.Array(Type.Object({
    id: Type.String(),
    role: StaffRoleSchema,
    agencyId: NullableString,
    agencyName: NullableString,
    areaCode: NullableString,
    areaName: NullableString,
  })),
});

export const AuditQuery = Type.Object({
  subjectType: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  subjectId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  actorUserId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: NullableString,
  action: Type.String(),
  subjectType: NullableString,
  subjectId: NullableString,
  ip: NullableString,
  details: Type.Record(Type.String(), Type.Unknown()),
});
