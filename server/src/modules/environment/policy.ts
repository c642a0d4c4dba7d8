// Who may manage monitoring stations: there is no environment officer role yet, so the
// province's officers and agency heads (within their area) and system administrators do
// (create stations, issue station keys, import readings). Reading the data is public.
import { allow, inArea, ROLE_SETS, rulesFor } from '../../platform/policy.ts';

export interface StationSubject {
  /** The commune the station stands in. */
  areaCode: string | null;
}

export const stationRules = rulesFor<StationSubject>()({
  manage: [allow(ROLE_SETS.handlers, inArea), allow(ROLE_SETS.sysadmins)],
});
