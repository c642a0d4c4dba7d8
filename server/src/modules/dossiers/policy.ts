// Who may do what to which dossier. Officers act only on dossiers their agency holds
// (and, for officers covering part of an agency's area, within that part); the applicant sees and acts on their own; leaders and
// sysadmins read within their area.
import type { Membership, Principal } from '../../platform/auth.ts';
import type { AreaPort } from './ports.ts';

const ACTING_ROLES = ['officer', 'agency_admin'] as const;

export interface ScopedDossier {
  applicant_user_id: string;
  agency_id: string;
  commune_code: string;
}

export const isApplicant = (p: Principal, d: ScopedDossier) => p.userId === d.applicant_user_id;

async function inArea(areas: AreaPort, m: Membership, communeCode: string): Promise<boolean> {
  return m.areaCode === null || m.areaCode === communeCode || (await areas.isWithin(communeCode, m.areaCode));
}

/** Memberships that let the principal act on dossiers held by an agency. */
export function actingMemberships(p: Principal): Membership[] {
  return p.memberships.filter((m) => (ACTING_ROLES as readonly string[]).includes(m.role) && m.agencyId !== null);
}

/**
 * An officer whose scope is the whole of their agency's area (a commune committee's
 * officer, say) handles whatever the agency holds, including dossiers handed over from
 * another commune; only officers scoped to part of a larger agency's area are limited by
 * the applicant's commune.
 */
async function coversWholeAgency(areas: AreaPort, m: Membership): Promise<boolean> {
  if (m.areaCode === null) return true;
  const agency = m.agencyId ? await areas.getAgency(m.agencyId) : null;
  return !!agency && (agency.areaCode === m.areaCode || (await areas.isWithin(agency.areaCode, m.areaCode)));
}

export async function canAct(areas: AreaPort, p: Principal, d: ScopedDossier): Promise<boolean> {
  for (const m of actingMemberships(p)) {
    if (m.agencyId !== d.agency_id) continue;
    if ((await inArea(areas, m, d.commune_code)) || (await coversWholeAgency(areas, m))) return true;
  }
  return false;
}

export async function canRead(areas: AreaPort, p: Principal, d: ScopedDossier): Promise<boolean> {
  if (isApplicant(p, d)) return true;
  if (await canAct(areas, p, d)) return true;
  for (const m of p.memberships) {
    if (m.role === 'sysadmin') return true;
    if (m.role === 'leader' && m.areaCode !== null && (await inArea(areas, m, d.commune_code))) return true;
  }
  return false;
}

/** The area a principal may see indicators for; null = everywhere; undefined = none. */
export function indicatorScopes(p: Principal): (string | null)[] {
  return p.memberships.filter((m) => m.role === 'sysadmin' || m.role === 'leader' || m.role === 'agency_admin').map((m) => (m.role === 'sysadmin' ? null : m.areaCode));
}

export async function mayViewArea(areas: AreaPort, p: Principal, area: string): Promise<boolean> {
  for (const scope of indicatorScopes(p)) {
    if (scope === null || scope === area || (await areas.isWithin(area, scope))) return true;
  }
  return false;
}
