// Who may do what with the directory: anyone reads it; staff acting for an agency (officers
// and agency heads, cán bộ and thủ trưởng) keep their own agency's entry current; system
// administrators any entry.
import { allow, ROLE_SETS, rulesFor, type AbilityTable, type Condition } from '../../platform/policy.ts';

export const directoryAbilities: AbilityTable = { 'directory.edit': [...ROLE_SETS.handlers, ...ROLE_SETS.sysadmins] };

export interface EntrySubject {
  agencyId: string;
}

const ownAgency: Condition<EntrySubject> = (g, e) => g.agencyId !== null && g.agencyId === e.agencyId;

export const entryRules = rulesFor<EntrySubject>()({
  edit: [allow(ROLE_SETS.handlers, ownAgency), allow(ROLE_SETS.sysadmins)],
});
