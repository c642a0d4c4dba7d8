// Who is signed in, from GET /api/me (the session itself is an HttpOnly cookie).
import { useCallback } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
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

/** The one query for who is signed in, shared by useAuth and the start-up fetch (main.tsx). */
export const meQuery = { queryKey: meKey, queryFn: ({ signal }: { signal: AbortSignal }) => fetchMe(signal), staleTime: 60_000 };

/**
 * The last /api/me the service worker kept (cache `cds-session`), so a returning person's first
 * screen shows them signed in at once instead of waiting for the network; the server's answer
 * replaces it moments later (and a 401 then signs them out and deletes the copy).
 */
export async function cachedMe(): Promise<Me | undefined> {
  if (typeof caches === 'undefined') return undefined;
  try {
    const res = await caches.match('/api/me', { cacheName: 'cds-session', ignoreVary: true });
    return res?.ok ? ((await res.json()) as Me) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts asking who is signed in before the first render, seeded with the cached copy when there is one. */
export async function primeAuth(client: QueryClient): Promise<void> {
  const me = await cachedMe();
  // updatedAt 0: the copy counts as old, so the first render that reads it also refreshes it
  if (me) client.setQueryData(meKey, me, { updatedAt: 0 });
  else void client.prefetchQuery(meQuery);
}

export function useAuth(): AuthState {
  const query = useQuery(meQuery);
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
