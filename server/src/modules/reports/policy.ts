// Who may see and act on which report: officers and agency heads only on reports of
// their agency within their area; leaders read everything in their area; sysadmins all;
// the person who filed a report follows it up.
import type { Principal } from '../../platform/auth.ts';
import { allow, grantsFor, inAgencyScope, inArea, ROLE_SETS, rulesFor, type AbilityTable, type Condition, type Scoped } from '../../platform/policy.ts';
import type { ReportRecord, Scope } from './repo.ts';

export const reportAbilities: AbilityTable = {
  /** The staff inbox. */
  'reports.work': ROLE_SETS.staff,
  /** Reply templates (categories are the system administrators'). */
  'reports.configure': ROLE_SETS.admins,
};

/** A report as the rules see it. */
export interface ReportSubject extends Scoped {
  reporterId: string | null;
}

export function subjectOf(r: Pick<ReportRecord, 'agency_id' | 'commune_code' | 'reporter_id'>): ReportSubject {
  return { agencyId: r.agency_id, areaCode: r.commune_code, reporterId: r.reporter_id };
}

const isReporter: Condition<ReportSubject> = (_grant, r, { principal }) => r.reporterId === principal.userId;

export const reportRules = rulesFor<ReportSubject>()({
  /** Accept, assign, answer, transfer, merge, notes. */
  handle: [allow(ROLE_SETS.handlers, inAgencyScope), allow(ROLE_SETS.sysadmins)],
  /** The staff view, with the reporter's identity and internal notes. */
  read_staff: [allow(ROLE_SETS.handlers, inAgencyScope), allow(['leader'], inArea), allow(ROLE_SETS.sysadmins)],
  /** Heads of the agency: hide or redact a report. */
  moderate: [allow(['agency_admin'], inAgencyScope), allow(ROLE_SETS.sysadmins)],
  /** The reporter: rate, reopen, answer a question, see their own pending photos. */
  follow_up: [allow('anyone', isReporter)],
});

export type ReportPermission = keyof typeof reportRules;

/** Province settings: the categories. */
export const settingsRules = rulesFor<null>()({
  edit_categories: [allow(ROLE_SETS.sysadmins)],
});

/**
 * The list query's form of `read_staff`: the agencies (with areas) and the areas whose
 * reports the person sees in the inbox. Keep it in step with the rule above.
 */
export function staffScope(p: Principal): Scope {
  const grants = grantsFor(reportRules, 'read_staff', p);
  if (grants.some((g) => g.role === 'sysadmin')) return { all: true, agencyAreas: [], areas: [] };
  return {
    all: false,
    agencyAreas: grants.filter((g) => (ROLE_SETS.handlers as readonly string[]).includes(g.role) && g.agencyId).map((g) => ({ agencyId: g.agencyId!, areaCode: g.areaCode })),
    areas: grants.filter((g) => g.role === 'leader' && g.areaCode).map((g) => g.areaCode!),
  };
}
