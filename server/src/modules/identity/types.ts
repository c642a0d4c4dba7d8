// Types shared inside the identity module, and the part of the areas module it relies on.
import type { Membership } from '../../platform/auth.ts';

/** What identity needs from the areas module (its AreasApi provides at least this). */
export interface AreasPort {
  membershipsOf(userId: string): Promise<Membership[]>;
  /** Ids of everyone holding an active staff role. */
  staffUserIds(): Promise<string[]>;
  /** Whether a commune lies within a scope: province (2 digits), commune (5 digits) or null = everywhere. */
  isWithin(communeCode: string, scopeCode: string | null): boolean;
  getCommune(code: string): { code: string; name: string; provinceCode: string } | undefined;
}

/** Where a request came from, for rate limits, sessions and the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  userId: string;
  sessionId: string;
  token: string;
  expiresAt: Date;
}

export interface OtpIssued {
  expiresInSeconds: number;
  resendAfterSeconds: number;
}
