// The notification inbox on the client. Reply shapes come from @cds/contracts.
import { useQuery } from '@tanstack/react-query';
import type { Inbox, Notice } from '@cds/contracts/notifications';
import { api } from '../../lib/api.ts';

export type { Inbox, Notice };

export const inboxKey = ['me', 'notifications'] as const;

/** The inbox, refreshed every minute while the app is open so the bell stays current. */
export function useInbox(enabled: boolean) {
  return useQuery({
    queryKey: inboxKey,
    queryFn: ({ signal }) => api<Inbox>('/api/me/notifications?limit=50', { signal }),
    enabled,
    refetchInterval: 60_000,
  });
}
