// Contract of the identity module: sign-up, sign-in, the person's own account and data,
// staff and admin views of accounts, the demo SMS outbox and national eID sign-in.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, PageOffset, Uuid } from './common.ts';
import { ACCOUNT_STATUSES, CONSENT_PURPOSES, PASSWORD_MIN_LENGTH, SEXES } from './identity.rules.ts';
import { ROLES, STAFF_ROLES } from './roles.ts';

const RoleSchema = Type.Enum(ROLES);
const StaffRoleSchema = Type.Enum(STAFF_ROLES);
const SexSchema = Type.Enum(SEXES);

// rules beyond the shape (carrier prefix, real dates, CCCD structure) are checked by the service,
// which names the field with a message the person can act on
const Phone = Type.String({ minLength: 1, maxLength: 20, description: 'Vietnamese mobile number: 0xxxxxxxxx, 84xxxxxxxxx or +84xxxxxxxxx', examples: ['0912345678'] });
const Code = Type.String({ pattern: '^[0-9]{6}$', description: 'the six-digit code sent by SMS' });
const NewPassword = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 });

export const PhoneBody = Type.Object({ phone: Phone }, { additionalProperties: false });
export type PhoneBody = Static<typeof PhoneBody>;

export const OtpStarted = Type.Object({
  expiresInSeconds: Type.Integer({ description: 'how long the code stays valid' }),
  resendAfterSeconds: Type.Integer({ description: 'how long before another code may be asked for' }),
});
export type OtpStarted = Static<typeof OtpStarted>;

/** Checks a sign-up code without using it up, so a wrong code is refused at the code step. */
/** A one-time code checked before the last step of signing up or resetting a password. */
export const CodeCheckBody = Type.Object({ phone: Phone, code: Code }, { additionalProperties: false });
export type CodeCheckBody = Static<typeof CodeCheckBody>;

export const RegisterVerifyBody = Type.Object({
  phone: Phone,
  code: Code,
  password: NewPassword,
  fullName: Type.String({ minLength: 1, maxLength: 100 }),
}, { additionalProperties: false });
export type RegisterVerifyBody = Static<typeof RegisterVerifyBody>;

export const LoginBody = Type.Object({ phone: Phone, password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const ResetVerifyBody = Type.Object({ phone: Phone, code: Code, newPassword: NewPassword }, { additionalProperties: false });
export type ResetVerifyBody = Static<typeof ResetVerifyBody>;

/** A staff role the person holds, as the account views show it. */
export const UserMembership = Type.Object({
  id: Type.String(),
  role: StaffRoleSchema,
  agencyId: Nullable(Type.String()),
  areaCode: Nullable(Type.String()),
});
export type UserMembership = Static<typeof UserMembership>;

/** An account as its owner (and staff of its area) see it: the personal ID is masked. */
export const UserView = Type.Object({
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
  memberships: Type.Array(UserMembership),
  createdAt: DateTime,
  /** When the person asked to delete the account and when it will be anonymised; null when not asked. */
  deletionRequestedAt: Nullable(DateTime),
  deletionDueAt: Nullable(DateTime),
});
export type UserView = Static<typeof UserView>;

/** GET /api/me: the signed-in person. */
export const Me = Type.Object({
  ...UserView.properties,
  /** What the person may do (names in abilities.ts; each module declares its own), computed by the server. */
  abilities: Type.Array(Type.String({ pattern: '^[a-z0-9_]+\\.[a-z0-9_]+$' })),
});
export type Me = Static<typeof Me>;

/** The owner's own data for filling in forms (GET /api/me/prefill): the personal ID in clear. */
export const Prefill = Type.Object({
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
export type Prefill = Static<typeof Prefill>;

export const SignedInReply = Type.Object({
  token: Type.String({ description: 'session token, also set as the HttpOnly cookie cds_session; send as Authorization: Bearer <token>' }),
  expiresAt: DateTime,
  user: UserView,
});
export type SignedInReply = Static<typeof SignedInReply>;

export const ProfilePatchBody = Type.Object({
  fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  dateOfBirth: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }))),
  sex: Type.Optional(Nullable(SexSchema)),
  personalId: Type.Optional(Nullable(Type.String({ maxLength: 20, description: '12-digit personal identification number (CCCD)' }))),
  communeCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{5}$' }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
}, { additionalProperties: false });
export type ProfilePatchBody = Static<typeof ProfilePatchBody>;

const PurposeSchema = Type.Enum(CONSENT_PURPOSES);

export const Consent = Type.Object({
  purpose: Type.String(),
  version: Type.String(),
  grantedAt: DateTime,
  withdrawnAt: Nullable(DateTime),
});
export type Consent = Static<typeof Consent>;

export const ConsentBody = Type.Object({
  purpose: PurposeSchema,
  version: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9._-]+$' }),
}, { additionalProperties: false });
export type ConsentBody = Static<typeof ConsentBody>;

export const ConsentParams = Type.Object({ purpose: PurposeSchema });

/** A purpose with the text shown today (GET /api/consents/purposes). */
export const ConsentPurposeText = Type.Object({ purpose: Type.String(), version: Type.String(), title: Type.String(), description: Type.String() });
export type ConsentPurposeText = Static<typeof ConsentPurposeText>;

/** A record the law requires us to keep after the account is deleted: unlinked from the account, with why it stays. */
export const RetainedRecord = Type.Object({
  module: Type.String({ description: 'the module that keeps it, e.g. dossiers' }),
  reference: Type.String({ description: "the record's own code, e.g. a dossier code" }),
  kept: Type.String({ description: 'what stays, in plain words' }),
  basis: Type.String({ description: 'the legal basis for keeping it' }),
});
export type RetainedRecord = Static<typeof RetainedRecord>;

/** The deletion receipt (biên nhận xoá tài khoản): when, what is erased, and what the law keeps. */
export const DeletionRequested = Type.Object({
  requestedAt: DateTime,
  dueAt: DateTime,
  erased: Type.Array(Type.String(), { description: 'what is erased, in plain words' }),
  kept: Type.Array(RetainedRecord),
});
export type DeletionRequested = Static<typeof DeletionRequested>;

/** Everything held about a person; `modules` holds other modules' parts by name. */
export const DataExport = Type.Object({
  exportedAt: DateTime,
  profile: Type.Unknown(),
  consents: Type.Unknown(),
  sessions: Type.Unknown(),
  memberships: Type.Unknown(),
  deletionRequests: Type.Unknown(),
  auditAboutMe: Type.Unknown(),
  auditByMe: Type.Unknown(),
  modules: Type.Unknown({ description: "other modules' data, by module" }),
});
export type DataExport = Static<typeof DataExport>;

export const CitizenParams = Type.Object({ id: Uuid });

export const AdminUsersQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the phone number or name; diacritics not needed' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(PageOffset({ default: 0 })),
});
export type AdminUsersQuery = Static<typeof AdminUsersQuery>;

export const AdminUser = Type.Object({
  id: Type.String(),
  phone: Nullable(Type.String()),
  fullName: Type.String(),
  communeCode: Nullable(Type.String()),
  status: Type.Enum(ACCOUNT_STATUSES),
  createdAt: DateTime,
  roles: Type.Array(RoleSchema),
});
export type AdminUser = Static<typeof AdminUser>;

export const AdminUsersReply = Type.Object({ items: Type.Array(AdminUser), total: Type.Integer() });
export type AdminUsersReply = Static<typeof AdminUsersReply>;

export const DevSmsQuery = Type.Object({ to: Type.Optional(Type.String({ maxLength: 20 })) });

export const DevSmsReply = Type.Object({
  messages: Type.Array(Type.Object({ to: Type.String(), body: Type.String(), sentAt: DateTime })),
});
export type DevSmsReply = Static<typeof DevSmsReply>;

export const EidStartQuery = Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500, description: 'a path in this app to return to, e.g. /account' })) });

export const EidCallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 2000 })),
  state: Type.Optional(Type.String({ maxLength: 200 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
});
