// Which areas a leader may watch: the areas of their leader memberships (a sysadmin
// watches everywhere). Figures of an area outside them are refused.
import type { Principal } from '../../platform/auth.ts';
import { forbidden, invalidField } from '../../platform/errors.ts';
import { allow, can, grantsFor, inArea, ROLE_SETS, rulesFor, type AbilityTable, type AreaTree, type Scoped } from '../../platform/policy.ts';

export const dashboardAbilities: AbilityTable = { 'dashboard.view': ROLE_SETS.leaders };

export const dashboardRules = rulesFor<Scoped>()({
  watch: [allow(ROLE_SETS.leaders, inArea)],
});

/** Scopes the principal watches the dashboard in; null means everywhere. */
export function dashboardScopes(principal: Principal): (string | null)[] {
  return grantsFor(dashboardRules, 'watch', principal).map((g) => g.areaCode);
}

/**
 * The area to show: the one asked for if it lies in one of the caller's scopes, otherwise
 * 403; without one, the caller's first leader area (the pack's province for a sysadmin).
 */
export function dashboardArea(principal: Principal, requested: string | undefined, defaultProvince: string, areas: AreaTree): string {
  if (requested === undefined) {
    const scopes = dashboardScopes(principal);
    const own = scopes.find((s): s is string => s !== null);
    if (own) return own;
    if (scopes.includes(null)) return defaultProvince;
    throw forbidden('dashboard.area.forbidden');
  }
  if (!areas.isWithin(requested, null)) throw invalidField('area', 'dashboard.area.unknown');
  if (!can(dashboardRules, 'watch', principal, { areaCode: requested }, areas)) throw forbidden('dashboard.area.forbidden');
  return requested;
}
