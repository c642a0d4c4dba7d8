// The staff console's shared queries: the caller's memberships, accounts, memberships,
// audit trail and agencies. Reply shapes come from @cds/contracts.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Agency, AuditEntry, Membership as AdminMembership, StaffMe } from '@cds/contracts/areas';
import type { AdminUsersReply } from '@cds/contracts/identity';

export type { AdminMembership, AuditEntry };
export type { AdminUser } from '@cds/contracts/identity';

export const staffKeys = {
  me: ['staff', 'me'] as const,
  users: (q: string, offset: number) => ['admin', 'users', q, offset] as const,
  memberships: (userId: string) => ['admin', 'memberships', userId] as const,
  audit: (userId: string) => ['admin', 'audit', userId] as const,
  agencies: (area: string, q: string) => ['agencies', area, q] as const,
};

export function useStaffMe() {
  return useQuery({
    queryKey: staffKeys.me,
    queryFn: ({ signal }) => api<StaffMe>('/api/staff/me', { signal }),
  });
}

export const USERS_PAGE_SIZE = 20;

export function useAdminUsers(q: string, offset: number) {
  return useQuery({
    queryKey: staffKeys.users(q, offset),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ q, limit: String(USERS_PAGE_SIZE), offset: String(offset) });
      return api<AdminUsersReply>(`/api/admin/users?${params}`, { signal });
    },
    placeholderData: (previous) => previous,
  });
}

export function useMemberships(userId: string) {
  return useQuery({
    queryKey: staffKeys.memberships(userId),
    queryFn: ({ signal }) => api<AdminMembership[]>(`/api/admin/memberships?userId=${encodeURIComponent(userId)}`, { signal }),
  });
}

export function useUserAudit(userId: string) {
  return useQuery({
    queryKey: staffKeys.audit(userId),
    queryFn: ({ signal }) => api<AuditEntry[]>(`/api/admin/audit?subjectType=user&subjectId=${encodeURIComponent(userId)}`, { signal }),
  });
}

export function useAgencies(area: string, q: string) {
  return useQuery({
    queryKey: staffKeys.agencies(area, q),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (area) params.set('area', area);
      if (q) params.set('q', q);
      return api<Agency[]>(`/api/agencies?${params}`, { signal });
    },
    // keep the list while the search text changes, but never show another area's agencies
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === area ? previous : undefined),
    staleTime: 5 * 60_000,
  });
}
