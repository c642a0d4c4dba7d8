// Request and reply schemas of the identity routes (they also document the API).
import { ErrorReply } from '@cds/contracts';
import { Type, type TSchema } from 'typebox';
import { CONSENT_PURPOSE_KEYS } from './consents.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const StaffRoleSchema = Type.Enum(['officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin']);
const RoleSchema = Type.Enum(['citizen', 'officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin']);
const SexSchema = Type.Enum(['male', 'female', 'other']);

// rules beyond the shape (carrier prefix, real dates, CCCD structure) are checked by the service,
// which names the field with a message the person can act on
const Phone = Type.String({ minLength: 1, maxLength: 20, description: 'Vietnamese mobile number: 0xxxxxxxxx, 84xxxxxxxxx or +84xxxxxxxxx', examples: ['0912345678'] });
const Code = Type.String({ pattern: '^[0-9]{6}$', description: 'the six-digit code sent by SMS' });
const NewPassword = Type.String({ minLength: 8, maxLength: 200 });

export const errorReplies = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorReply]));

export const PhoneBody = Type.Object({ phone: Phone }, { additionalProperties: false });

export const OtpStartedReply = Type.Object({
  expiresInSeconds: Type.Integer({ description: 'how long the code stays valid' }),
  resendAfterSeconds: Type.Integer({ description: 'how long before another code may be asked for' }),
});

export const RegisterVerifyBody = Type.Object({
  phone: Phone,
  code: Code,
  password: NewPassword,
  fullName: Type.String({ minLength: 1, maxLength: 100 }),
}, { additionalProperties: false });

export const LoginBody = Type.Object({ phone: Phone, password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const ResetVerifyBody = Type.Object({ phone: Phone, code: Code, newPassword: NewPassword }, { additionalProperties: false });

export const MembershipSchema = Type.Object({
  id: Type.String(),
  role: StaffRoleSchema,
  agencyId: Nullable(Type.String()),
  areaCode: Nullable(Type.String()),
});

export const UserViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  phone: Nullable(Type.String()),
  fullName: Type.String(),
  dateOfBirth: Nullable(Type.String({ format: 'date' })),
  sex: Nullable(SexSchema),
  personalIdMasked: Nullable(Type.String({ description: 'first 3 and last 2 digits of the personal ID, e.g. 020*******34' })),
  communeCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  eidLinked: Type.Boolean(),
  eidLevel: Nullable(Type.Integer()),
  roles: Type.Array(RoleSchema),
  memberships: Type.Array(MembershipSchema),
  createdAt: Type.String({ format: 'date-time' }),
  deletionRequestedAt: Nullable(Type.String({ format: 'date-time' })),
  deletionDueAt: Nullable(Type.String({ format: 'date-time' })),
});

export const PrefillSchema = Type.Object({
  fullName: Type.String(),
  dateOfBirth: Nullable(Type.String({ format: 'date' })),
  sex: Nullable(SexSchema),
  personalId: Nullable(Type.String({ description: 'the owner\'s own 12-digit personal ID, in clear, for filling in forms' })),
  phone: Nullable(Type.String()),
  communeCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  eid: Type.Object({ linked: Type.Boolean(), level: Nullable(Type.Integer()) }),
});

export const SignedInReply = Type.Object({
  token: Type.String({ description: 'session token, also set as the HttpOnly cookie cds_session; send as Authorization: Bearer <token>' }),
  expiresAt: Type.String({ format: 'date-time' }),
  user: UserViewSchema,
});

export const ProfilePatchBody = Type.Object({
  fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  dateOfBirth: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }))),
  sex: Type.Optional(Nullable(SexSchema)),
  personalId: Type.Optional(Nullable(Type.String({ maxLength: 20, description: '12-digit personal identification number (CCCD)' }))),
  communeCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{5}$' }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
}, { additionalProperties: false });

const PurposeSchema = Type.Enum(CONSENT_PURPOSE_KEYS);

export const ConsentSchema = Type.Object({
  purpose: Type.String(),
  version: Type.String(),
  grantedAt: Type.String({ format: 'date-time' }),
  withdrawnAt: Nullable(Type.String({ format: 'date-time' })),
});

export const ConsentBody = Type.Object({
  purpose: PurposeSchema,
  version: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9._-]+$' }),
}, { additionalProperties: false });

export const ConsentParams = Type.Object({ purpose: PurposeSchema });

export const ConsentPurposeSchema = Type.Object({ purpose: Type.String(), version: Type.String(), title: Type.String(), description: Type.String() });

export const DeletionReply = Type.Object({ requestedAt: Type.String({ format: 'date-time' }), dueAt: Type.String({ format: 'date-time' }) });

export const ExportReply = Type.Object({
  exportedAt: Type.String({ format: 'date-time' }),
  profile: Type.Unknown(),
  consents: Type.Unknown(),
  sessions: Type.Unknown(),
  memberships: Type.Unknown(),
  deletionRequests: Type.Unknown(),
  auditAboutMe: Type.Unknown(),
  auditByMe: Type.Unknown(),
  modules: Type.Unknown({ description: "other modules' data, by module" }),
});

export const CitizenParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const AdminUsersQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the phone number or name; diacritics not needed' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const AdminUsersReply = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(),
    phone: Nullable(Type.String()),
    fullName: Type.String(),
    communeCode: Nullable(Type.String()),
    status: Type.Enum(['active', 'disabled', 'anonymised']),
    createdAt: Type.String({ format: 'date-time' }),
    roles: Type.Array(RoleSchema),
  })),
  total: Type.Integer(),
});

export const DevSmsQuery = Type.Object({ to: Type.Optional(Type.String({ maxLength: 20 })) });

export const DevSmsReply = Type.Object({
  messages: Type.Array(Type.Object({ to: Type.String(), body: Type.String(), sentAt: Type.String({ format: 'date-time' }) })),
});

export const EidStartQuery = Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500, description: 'a path in this app to return to, e.g. /account' })) });

export const EidCallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 2000 })),
  state: Type.Optional(Type.String({ maxLength: 200 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
});
