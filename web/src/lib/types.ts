// Shapes of the API replies the web app reads (see server routes for the source of truth).

export type Face = 'citizen' | 'staff' | 'leader';

export interface Installation {
  province: { code: string; name: string };
  brand: {
    appName: string;
    shortName: string;
    tagline: string;
    hotline: string;
    logo: string;
    colors: { primary: string; primaryContrast: string; accent: string };
  };
  demoMode: boolean;
  features: Array<{ key: string; face: Face }>;
}

export type Role = 'citizen' | 'officer' | 'agency_admin' | 'leader' | 'community_helper' | 'merchant' | 'sysadmin';
export type StaffRole = Exclude<Role, 'citizen'>;

export const STAFF_ROLES: readonly StaffRole[] = ['officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin'];
/** Roles that open the staff console after sign-in. */
export const CONSOLE_ROLES: readonly Role[] = ['officer', 'agency_admin', 'leader', 'sysadmin', 'community_helper'];

export type Sex = 'male' | 'female' | 'other';

export interface Me {
  id: string;
  phone: string | null;
  fullName: string;
  dateOfBirth: string | null;
  sex: Sex | null;
  personalIdMasked: string | null;
  communeCode: string | null;
  communeName: string | null;
  address: string | null;
  eidLinked: boolean;
  eidLevel: number | null;
  roles: Role[];
  memberships: Array<{ id: string; role: StaffRole; agencyId: string | null; areaCode: string | null }>;
  createdAt: string;
  deletionRequestedAt: string | null;
  /** When the account will be anonymised unless the request is cancelled. */
  deletionDueAt: string | null;
}

export interface SignInReply {
  token: string;
  expiresAt: string;
  user: unknown;
}

export interface DeletionRequested {
  requestedAt: string;
  dueAt: string;
}

export interface OtpStarted {
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export type ConsentPurpose = 'terms' | 'personal_data_processing' | 'notifications' | 'location';
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = ['terms', 'personal_data_processing', 'notifications', 'location'];
export const CONSENT_VERSION = '1.0';

export interface Consent {
  purpose: string;
  version: string;
  grantedAt: string;
  withdrawnAt: string | null;
}

export interface Commune {
  code: string;
  name: string;
  type: string;
}

export interface StaffMembership {
  id: string;
  role: StaffRole;
  agencyId: string | null;
  agencyName: string | null;
  areaCode: string | null;
  areaName: string | null;
}

export interface AdminUser {
  id: string;
  phone: string | null;
  fullName: string | null;
  communeCode: string | null;
  createdAt: string;
  roles: Role[];
}

export interface AdminMembership extends StaffMembership {
  userId: string;
  grantedAt: string;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown> | null;
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  areaCode: string | null;
  areaName?: string | null;
}

export interface CitizenDashboard {
  area: { code: string; name: string };
  total?: number;
  byCommune: Array<{ code: string; name: string; count: number }>;
  signupsPerDay: Array<{ date: string; count: number }>;
}
