// Who may do what to which dossier. Officers act only on dossiers their agency holds
// (within their area, or anywhere when they cover the agency's whole area); the applicant
// sees and acts on their own; leaders read within their area; sysadmins read everywhere.
import type { Principal } from '../../platform/auth.ts';
import {
  allow, bindPolicy, grantsFor, inAgencyScope, inArea, ROLE_SETS, rulesFor,
  type AbilityTable, type Condition, type Policy, type Scoped,
} from '../../platform/policy.ts';
import type { AreaPort } from './ports.ts';

export const dossierAbilities: AbilityTable = {
  /** The queue: receive and process applications. */
  'dossiers.process': ROLE_SETS.handlers,
  /** Open a dossier in the staff console. */
  'dossiers.read_staff': ROLE_SETS.staff,
  /** The indicators page of the leaders' dashboard. */
  'dossiers.view_indicators': ROLE_SETS.leaders,
};

/** A dossier as the rules see it. */
export interface DossierSubject extends Scoped {
  /** null once the applicant's account was deleted */
  applicantUserId: string | null;
}

const isApplicant: Condition<DossierSubject> = (_grant, d, { principal }) => d.applicantUserId === principal.userId;

const handlers = allow<DossierSubject>(ROLE_SETS.handlers, inAgencyScope);

export const dossierRules = rulesFor<DossierSubject>()({
  /** The applicant's own steps: drafts, submitting, supplying documents, withdrawing, rating. */
  apply: [allow('anyone', isApplicant)],
  /** Processing: accept, assign, forward, request documents, complete, return… */
  act: [handlers],
  read: [allow('anyone', isApplicant), handlers, allow(ROLE_SETS.sysadmins), allow(['leader'], inArea)],
});

export type DossierPermission = keyof typeof dossierRules;

/**
 * The Decision 766 indicators of an area (null = everywhere). The API answers agency heads
 * for their area too; the leaders' page (the ability above) is for leaders and sysadmins.
 */
export const INDICATOR_READERS = ['leader', 'agency_admin', 'sysadmin'] as const;

export const indicatorRules = rulesFor<Scoped>()({
  view: [allow(INDICATOR_READERS, inArea)],
});

export type ScopedDossier = { applicant_user_id: string | null; agency_id: string; commune_code: string };

/** The rules bound to the place tree, asked with dossier rows. */
export class DossierAccess {
  private readonly dossiers: Policy<DossierSubject, DossierPermission>;
  private readonly indicators: Policy<Scoped, 'view'>;

  constructor(private readonly areas: AreaPort) {
    this.dossiers = bindPolicy(dossierRules, areas);
    this.indicators = bindPolicy(indicatorRules, areas);
  }

  /** The agency's own area is looked up only when a handler of that agency could need it. */
  async subjectOf(p: Principal, d: ScopedDossier): Promise<DossierSubject> {
    const mayNeed = this.dossiers.grants(p, 'act').some((g) => g.agencyId === d.agency_id && g.areaCode !== null);
    const agencyAreaCode = mayNeed ? ((await this.areas.getAgency(d.agency_id))?.areaCode ?? null) : null;
    return { applicantUserId: d.applicant_user_id, agencyId: d.agency_id, areaCode: d.commune_code, agencyAreaCode };
  }

  async can(p: Principal, action: DossierPermission, d: ScopedDossier): Promise<boolean> {
    return this.dossiers.can(p, action, await this.subjectOf(p, d));
  }

  /** Agencies whose dossiers the person may process (their queue). */
  handlingAgencies(p: Principal): string[] {
    return [...new Set(grantsFor(dossierRules, 'act', p).flatMap((g) => (g.agencyId ? [g.agencyId] : [])))];
  }

  mayViewIndicators(p: Principal, areaCode: string | null): boolean {
    return this.indicators.can(p, 'view', { areaCode });
  }

  /** The area indicators open on: the first of the person's scopes (null = everywhere). */
  defaultIndicatorArea(p: Principal): string | null {
    return this.indicators.grants(p, 'view')[0]?.areaCode ?? null;
  }
}
