import { useInstallation } from '../../app/installation.ts';

/** Sign-in with the national eID (VNeID) is a full-page trip through the server, then back. */
export function eidStartUrl(returnTo = '/after-sign-in'): string {
  return `/api/auth/eid/start?returnTo=${encodeURIComponent(returnTo)}`;
}

/** The server lists the 'eid' feature only when a national eID provider is configured. */
export function useEidAvailable(): boolean {
  const { data } = useInstallation();
  return !!data?.features.some((f) => f.key === 'eid');
}
