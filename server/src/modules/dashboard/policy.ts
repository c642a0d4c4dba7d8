// Which areas a leader may watch: the areas of their leader memberships (a sysadmin
// watches everywhere). Figures of an area outside them are refused.
import type { Principal } from '../../platform/auth.ts';
import { forbidden, invalidField } from '../../platform/errors.ts';

type Areas = { isWithin(code: string, scope: string | null): boolean };

/** Scopes the principal watches the dashboard in; null means everywhere. */
export function dashboardScopes(principal: Principal): (string | null)[] {
  return principal.memberships.filter((m) => m.role === 'leader' || m.role === 'sysadmin').map((m) => m.areaCode);
}

/**
 * The area to show: the one asked for if it lies in one of the caller's scopes, otherwise
 * 403; without one, the caller's first leader area (the pack's province for a sysadmin).
 */
export function dashboardArea(principal: Principal, requested: string | undefined, defaultProvince: string, areas: Areas): string {
  const scopes = dashboardScopes(principal);
  if (requested === undefined) {
    const own = scopes.find((s): s is string => s !== null);
    if (own) return own;
    if (scopes.includes(null)) return defaultProvince;
    throw forbidden('dashboard.area.forbidden');
  }
  if (!areas.isWithin(requested, null)) throw invalidField('area', 'dashboard.area.unknown');
  if (!scopes.some((s) => areas.isWithin(requested, s))) throw forbidden('dashboard.area.forbidden');
  return requested;
}
