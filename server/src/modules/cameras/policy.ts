// Who may add public cameras: as with monitoring stations, the province's officers and
// agency heads within their area, and system administrators. Watching is public.
import { allow, inArea, ROLE_SETS, rulesFor } from '../../platform/policy.ts';

export interface CameraSubject {
  areaCode: string | null;
}

export const cameraRules = rulesFor<CameraSubject>()({
  manage: [allow(ROLE_SETS.handlers, inArea), allow(ROLE_SETS.sysadmins)],
});
