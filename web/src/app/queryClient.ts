import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api.ts';

/**
 * 4xx answers are final; a lost network or a 5xx gets two more tries. Offline there is nothing
 * to wait for: the page shows its error at once and refetches when the browser is back online.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  if (error instanceof ApiError && error.isNetwork && typeof navigator !== 'undefined' && !navigator.onLine) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (expired, or signed out elsewhere): forget the
  // user so the guards send the person to sign in instead of showing an error on every card.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) void client.invalidateQueries({ queryKey: ['me'] });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // 'always': offline, react-query would otherwise pause the query before asking, and the page
      // would spin forever; asking lets the service worker answer from its cache (or fail fast)
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false, networkMode: 'always' },
      mutations: { retry: false },
    },
  });
  return client;
}
