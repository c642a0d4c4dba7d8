// Who may see which citizen, and who manages accounts. Staff read a citizen's profile only
// when the citizen's commune lies within the area of one of their memberships; a
// membership without an area (sysadmin) reaches everywhere.
import { allow, inArea, ROLE_SETS, rulesFor, type AbilityTable, type Scoped } from '../../platform/policy.ts';

export const identityAbilities: AbilityTable = {
  'identity.manage_users': ROLE_SETS.sysadmins,
};

/** A citizen as the rules see them: where they live (`areaCode`, null when not given). */
export const citizenRules = rulesFor<Scoped>()({
  read: [allow(ROLE_SETS.staff, inArea)],
});
