// Who may create and edit procedures. A sysadmin may edit any; an agency admin (quản trị
// cơ quan) may edit the procedures their agency handles; commune-tier procedures are shared
// by every commune, so only the province's committee, its office or the public service
// centre (Trung tâm Phục vụ hành chính công) may edit those.
import type { Principal } from '../../platform/auth.ts';
import { allow, can, grantsOf, ROLE_SETS, rulesFor } from '../../platform/policy.ts';

export type AgencyRef = { code: string; kind: string };

/** A procedure as the rules see it, with the agencies the person administers. */
export interface ProcedureSubject {
  tier: 'province' | 'commune';
  agencyCode: string | null;
  adminAgencies: AgencyRef[];
}

const CATALOGUE_KEEPERS = new Set(['province_committee', 'office', 'service_center']);

export const procedureRules = rulesFor<ProcedureSubject>()({
  manage: [
    allow(ROLE_SETS.sysadmins),
    allow(['agency_admin'], (_grant, p) => p.tier === 'commune'
      ? p.adminAgencies.some((a) => CATALOGUE_KEEPERS.has(a.kind))
      : p.agencyCode !== null && p.adminAgencies.some((a) => a.code === p.agencyCode)),
  ],
});

export function canManage(principal: Principal, procedure: Omit<ProcedureSubject, 'adminAgencies'>, adminAgencies: AgencyRef[]): boolean {
  return can(procedureRules, 'manage', principal, { ...procedure, adminAgencies });
}

/** Agency ids the principal administers. */
export function adminAgencyIds(principal: Principal): string[] {
  return grantsOf(principal).filter((g) => g.role === 'agency_admin' && g.agencyId).map((g) => g.agencyId!);
}
