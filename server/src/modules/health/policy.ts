// Who may read a health book: only its owner, signed in with the national eID in this
// session and with a recorded consent (checked by the service). No staff role reads it.
import type { AbilityTable } from '../../platform/policy.ts';

export const healthAbilities: AbilityTable = {};
