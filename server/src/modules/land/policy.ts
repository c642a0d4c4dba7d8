// Who may do what with land data. Reading parcels and plans is public (the replies carry no
// owner data); importing and publishing plans is for land officers within their area and
// system administrators.
import { allow, inArea, ROLE_SETS, rulesFor, type AbilityTable, type Scoped } from '../../platform/policy.ts';

const LAND_STAFF = ['land_officer'] as const;

export const landAbilities: AbilityTable = { 'land.import': [...LAND_STAFF, ...ROLE_SETS.sysadmins] };

export const landRules = rulesFor<Scoped>()({
  /** write parcels of a commune (import, correct) */
  write: [allow(LAND_STAFF, inArea), allow(ROLE_SETS.sysadmins)],
});
