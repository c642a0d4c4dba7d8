import type { Commune } from '@cds/contracts/areas';
import type { Me } from '@cds/contracts/identity';

export interface AreaChoice {
  code: string;
  name: string;
}

/**
 * Areas a leader may look at: the whole province (and every commune in it) when a leader
 * membership covers the province or has no area limit; otherwise only the communes named.
 */
export function areasInScope(me: Me, province: { code: string; name: string }, communes: Commune[]): AreaChoice[] {
  const areas = me.memberships.filter((m) => m.role === 'leader' || m.role === 'sysadmin').map((m) => m.areaCode);
  const wholeProvince = me.roles.includes('sysadmin') || areas.some((a) => a === null || a === province.code);
  const sorted = [...communes].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  if (wholeProvince) return [{ code: province.code, name: province.name }, ...sorted.map((c) => ({ code: c.code, name: c.name }))];
  return sorted.filter((c) => areas.includes(c.code)).map((c) => ({ code: c.code, name: c.name }));
}
