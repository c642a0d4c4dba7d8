// Who is signed in, from GET /api/me (the session itself is an HttpOnly cookie).
import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../lib/api.ts';
import { CORE_ABILITIES, type Ability } from '@cds/contracts';
import type { Me } from '@cds/contracts/identity';

export const meKey = ['me'] as const;

export type AuthState =
  | { status: 'loading'; me: null }
  | { status: 'signedOut'; me: null }
  | { status: 'signedIn'; me: Me }
  /** Could not ask the server (offline): neither signed in nor out as far as we know. */
  | { status: 'unknown'; me: null; error: unknown; retry: () => void };

/**
 * The service worker keeps the last /api/me and the citizen's reads (web/vite.config.ts) so a
 * page reloaded offline still shows the person signed in; once the session ends they must go,
 * or the next person on a shared phone would see them offline.
 */
export const SESSION_CACHES = ['cds-session', 'cds-api'] as const;

export async function forgetCachedSession(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await Promise.all(SESSION_CACHES.map((name) => caches.delete(name))).catch(() => undefined);
}

async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await api<Me>('/api/me', { signal });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      await forgetCachedSession();
      return null;
    }
    throw err;
  }
}

export function useAuth(): AuthState {
  const query = useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
  if (query.data) return { status: 'signedIn', me: query.data };
  if (query.data === null) return { status: 'signedOut', me: null };
  if (query.isError) return { status: 'unknown', me: null, error: query.error, retry: () => void query.refetch() };
  return { status: 'loading', me: null };
}

/** What the server says this person may do; the web app keeps no role lists of its own. */
export function can(me: Me | null, ability: Ability): boolean {
  return !!me && me.abilities.includes(ability);
}

export function opensConsole(me: Me | null): boolean {
  return can(me, CORE_ABILITIES.openConsole);
}

/** Where a person lands after signing in: staff go to the console unless they asked for a page. */
export function landingPath(me: Me | null, requested: string | null): string {
  const safe = requested && /^\/(?!\/)/.test(requested) ? requested : null;
  if (safe && !(safe.startsWith('/staff') && !opensConsole(me)) && !(safe.startsWith('/leader') && !can(me, CORE_ABILITIES.viewDashboard))) return safe;
  return opensConsole(me) ? '/staff' : '/';
}

/** Reloads the signed-in user (after sign-in, sign-out, profile edits). */
export function useRefreshMe(): () => Promise<Me | null> {
  const client = useQueryClient();
  return useCallback(async () => {
    await client.invalidateQueries({ queryKey: meKey });
    return (await client.fetchQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 0 })) ?? null;
  }, [client]);
}

/** Ends the session and forgets every cached answer that belonged to it. */
export function useSignOut(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    await api<void>('/api/auth/logout', { method: 'POST' });
    await forgetCachedSession();
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'installation' });
    client.setQueryData(meKey, null);
  }, [client]);
}
