// The policy core: who may do what. Each module states its rules as a table in its
// policy.ts — for each action on a kind of record, which roles may do it and under which
// condition — in the spirit of Outline's `allow(User, "update", Document, (actor, doc) => …)`.
// Services ask the table (`can`, `authorize`) instead of writing checks by hand. Record-less
// abilities (`reports.work`) are role sets; GET /api/me lists the caller's, so the web app
// shows what a person may use without role lists of its own.
import { CONSOLE_ROLES, STAFF_ROLES, type Ability, type Role } from '@cds/contracts';
import type { Membership, Principal } from './auth.ts';
import { forbidden } from './errors.ts';

/** Role sets more than one rule uses, declared once. */
export const ROLE_SETS = {
  /** Act for an agency on the records it holds: officers (cán bộ) and agency heads. */
  handlers: ['officer', 'agency_admin'],
  /** Staff who work on records: handlers, leaders, system administrators. */
  staff: ['officer', 'agency_admin', 'leader', 'sysadmin'],
  /** Everyone the staff console opens for (community helpers included). */
  console: CONSOLE_ROLES,
  /** Set a module up (templates, moderation): agency heads and system administrators. */
  admins: ['agency_admin', 'sysadmin'],
  /** Watch an area's figures: leaders and system administrators. */
  leaders: ['leader', 'sysadmin'],
  /** Every staff membership role. */
  allStaff: STAFF_ROLES,
  sysadmins: ['sysadmin'],
} as const satisfies Record<string, readonly Role[]>;

/** The tree of places (from the areas module): whether an area lies in a scope; null scope = everywhere. */
export interface AreaTree {
  isWithin(areaCode: string, scopeCode: string | null): boolean;
}

/** What a rule is checked against: one role a person holds, with its agency and area. */
export type Grant = Pick<Membership, 'role' | 'agencyId' | 'areaCode'> | { role: Role; agencyId: null; areaCode: null };

/** The roles a person holds: each staff membership, and the roles without one (citizen). */
export function grantsOf(principal: Principal): Grant[] {
  const held = new Set<string>(principal.memberships.map((m) => m.role));
  return [...principal.memberships, ...principal.roles.filter((r) => !held.has(r)).map((role) => ({ role, agencyId: null, areaCode: null }))];
}

/** A record as scope rules see it: which agency holds it and where it is. */
export interface Scoped {
  /** The agency that holds the record. */
  agencyId?: string | null;
  /** Where the record is (a commune or province code); null = nowhere in particular. */
  areaCode: string | null;
  /**
   * The holding agency's own area. A membership covering it reaches everything the agency
   * holds, so a hand-off from another commune reaches the receiving commune's officers.
   */
  agencyAreaCode?: string | null;
}

export interface RuleContext {
  principal: Principal;
  areas: AreaTree;
}

/** For tables whose rules never look at places. */
export const NO_PLACES: AreaTree = { isWithin: () => false };

export type Condition<R> = (grant: Grant, record: R, ctx: RuleContext) => boolean;

export interface Rule<R> {
  /** Who the rule is for: holders of one of these roles, or anyone signed in. */
  roles: readonly Role[] | 'anyone';
  when?: Condition<R>;
}

/** One row of a table: `allow(['leader'], inArea)`. */
export function allow<R>(roles: readonly Role[] | 'anyone', when?: Condition<R>): Rule<R> {
  return { roles, when };
}

// ---------------------------------------------------------------- the one scope helper

/** The grant's area (null = everywhere) covers the place; a record with no place is reached only from everywhere. */
export function areaCovers(grant: Pick<Grant, 'areaCode'>, areaCode: string | null, areas: AreaTree): boolean {
  if (grant.areaCode === null) return true;
  return areaCode !== null && (areaCode === grant.areaCode || areas.isWithin(areaCode, grant.areaCode));
}

/**
 * Whether a record lies within a person's agency and area: the grant acts for the agency
 * that holds the record, and its area covers the record's place or the agency's whole area.
 */
export function withinAgencyScope(grant: Pick<Grant, 'agencyId' | 'areaCode'>, record: Scoped, areas: AreaTree): boolean {
  if (!grant.agencyId || grant.agencyId !== record.agencyId) return false;
  if (areaCovers(grant, record.areaCode, areas)) return true;
  return !!record.agencyAreaCode && areaCovers(grant, record.agencyAreaCode, areas);
}

/** Condition: the record is in the grant's area. */
export const inArea: Condition<Scoped> = (grant, record, { areas }) => areaCovers(grant, record.areaCode, areas);

/** Condition: the record is held by the grant's agency, within its area. */
export const inAgencyScope: Condition<Scoped> = (grant, record, { areas }) => withinAgencyScope(grant, record, areas);

// ---------------------------------------------------------------- tables

export type RuleTable<R, A extends string> = Readonly<Record<A, readonly Rule<R>[]>>;

/** Declares a module's table of rules for one kind of record. */
export function rulesFor<R>() {
  return <A extends string>(table: RuleTable<R, A>): RuleTable<R, A> => table;
}

function matches(roles: Rule<unknown>['roles'], role: Role): boolean {
  return roles === 'anyone' || roles.includes(role);
}

/** Whether any rule of the action lets any of the person's grants act on the record. */
export function can<R, A extends string>(table: RuleTable<R, A>, action: A, principal: Principal, record: R, areas: AreaTree = NO_PLACES): boolean {
  const ctx: RuleContext = { principal, areas };
  const grants = grantsOf(principal);
  return table[action].some((rule) => grants.some((g) => matches(rule.roles, g.role) && (!rule.when || rule.when(g, record, ctx))));
}

/** The grants that would let the person act on some record (e.g. which agencies' queues to list). */
export function grantsFor<R, A extends string>(table: RuleTable<R, A>, action: A, principal: Principal): Grant[] {
  return grantsOf(principal).filter((g) => table[action].some((rule) => matches(rule.roles, g.role)));
}

/** A module's table bound to the place tree, so services ask `policy.can(p, 'handle', report)`. */
export interface Policy<R, A extends string> {
  can(principal: Principal, action: A, record: R): boolean;
  /** Throws the module's 403 (its error code) unless the person may. */
  authorize(principal: Principal, action: A, record: R): void;
  grants(principal: Principal, action: A): Grant[];
}

export function bindPolicy<R, A extends string>(table: RuleTable<R, A>, areas: AreaTree = NO_PLACES, errorCode?: string): Policy<R, A> {
  return {
    can: (principal, action, record) => can(table, action, principal, record, areas),
    authorize: (principal, action, record) => {
      if (!can(table, action, principal, record, areas)) throw forbidden(errorCode);
    },
    grants: (principal, action) => grantsFor(table, action, principal),
  };
}

// ---------------------------------------------------------------- abilities

/** Record-less abilities a module offers, each held by a set of roles. */
export type AbilityTable = Readonly<Partial<Record<Ability, readonly Role[]>>>;

/** The platform's own: opening the staff console at /staff. */
export const PLATFORM_ABILITIES: AbilityTable = { 'console.open': ROLE_SETS.console };

export function hasAbility(principal: Principal | null, table: AbilityTable, ability: Ability): boolean {
  const roles = table[ability];
  return !!principal && !!roles && grantsOf(principal).some((g) => roles.includes(g.role));
}

/** Every ability of the tables the person holds, sorted. */
export function abilitiesOf(principal: Principal, tables: readonly AbilityTable[]): Ability[] {
  const all = tables.flatMap((t) => Object.keys(t) as Ability[]);
  return [...new Set(all)].filter((a) => tables.some((t) => hasAbility(principal, t, a))).sort();
}

/** Throws 403 unless the person holds the ability. */
export function authorizeAbility(principal: Principal, table: AbilityTable, ability: Ability, errorCode?: string): void {
  if (!hasAbility(principal, table, ability)) throw forbidden(errorCode);
}
