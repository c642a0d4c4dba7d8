// Who may create and edit procedures. A sysadmin may edit any; an agency admin (quản trị
// cơ quan) may edit the procedures their agency handles; commune-tier procedures are shared
// by every commune, so only the province's committee, its office or the public service
// centre (Trung tâm Phục vụ hành chính công) may edit those.
import type { Principal } from '../../platform/auth.ts';

export type AgencyRef = { code: string; kind: string };

const CATALOGUE_KEEPERS = new Set(['province_committee', 'office', 'service_center']);

export function canManage(
  principal: Principal,
  procedure: { tier: 'province' | 'commune'; agencyCode: string | null },
  adminAgencies: AgencyRef[],
): boolean {
  if (principal.roles.includes('sysadmin')) return true;
  if (procedure.tier === 'commune') return adminAgencies.some((a) => CATALOGUE_KEEPERS.has(a.kind));
  return procedure.agencyCode !== null && adminAgencies.some((a) => a.code === procedure.agencyCode);
}

/** Agency ids the principal administers. */
export function adminAgencyIds(principal: Principal): string[] {
  return principal.memberships.filter((m) => m.role === 'agency_admin' && m.agencyId).map((m) => m.agencyId!);
}
