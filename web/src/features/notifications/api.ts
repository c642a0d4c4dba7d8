import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: Notice[];
  total: number;
  unread: number;
}

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
