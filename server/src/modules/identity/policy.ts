// Who may see which citizen. Staff read a citizen's profile only when the citizen's
// commune lies within the area of one of their memberships; a membership without an
// area (sysadmin) reaches everywhere.
import type { Principal, StaffRole } from '../../platform/auth.ts';
import type { AreasPort } from './types.ts';

export const CITIZEN_READER_ROLES: readonly StaffRole[] = ['officer', 'agency_admin', 'leader', 'sysadmin'];

export function canReadCitizen(principal: Principal, citizenCommune: string | null, areas: Pick<AreasPort, 'isWithin'>): boolean {
  return principal.memberships.some(
    (m) => CITIZEN_READER_ROLES.includes(m.role) && (m.areaCode === null || (citizenCommune !== null && areas.isWithin(citizenCommune, m.areaCode))),
  );
}
