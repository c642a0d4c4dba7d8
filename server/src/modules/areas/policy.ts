// Who may hold which staff role where. A membership ties a role to an agency and an area;
// these rules keep the pair consistent so scope checks elsewhere can trust it.
import { AGENCY_BOUND_ROLES, type StaffRole } from '@cds/contracts';
import { invalidField } from '../../platform/errors.ts';
import type { AdminUnits } from './admin-units.ts';

/** Roles that act for an agency and so cannot exist without one. */
const NEEDS_AGENCY: readonly StaffRole[] = AGENCY_BOUND_ROLES;

export type GrantRequest = { role: StaffRole; agencyId?: string | null; areaCode?: string | null };

/**
 * Checks a grant against the rules and fills the area from the agency when it is left
 * out: officers and agency admins need an agency; the area must be the agency's area or
 * inside it; a sysadmin has neither agency nor area; every other role needs an area.
 * `agency` is the agency `agencyId` names, or undefined when none was found.
 */
export function checkGrant(
  req: GrantRequest, agency: { area_code: string } | undefined, units: AdminUnits,
): { agencyId: string | null; areaCode: string | null } {
  const agencyId = req.agencyId ?? null;
  const requestedArea = req.areaCode ?? null;
  if (req.role === 'sysadmin') {
    if (agencyId !== null) throw invalidField('agencyId', 'areas.membership.sysadmin_no_agency');
    if (requestedArea !== null) throw invalidField('areaCode', 'areas.membership.sysadmin_no_area');
    return { agencyId: null, areaCode: null };
  }
  if (agencyId === null && NEEDS_AGENCY.includes(req.role)) throw invalidField('agencyId', 'areas.membership.agency_required');
  if (agencyId !== null && !agency) throw invalidField('agencyId', 'areas.agency.unknown');
  if (requestedArea !== null && !units.isArea(requestedArea)) throw invalidField('areaCode', 'areas.area.unknown');
  const areaCode = requestedArea ?? agency?.area_code ?? null;
  if (areaCode === null) throw invalidField('areaCode', 'areas.membership.area_required');
  if (agency && !units.isWithin(areaCode, agency.area_code)) throw invalidField('areaCode', 'areas.membership.area_outside_agency');
  return { agencyId, areaCode };
}
