// The health book on the client: status, consent, and the record. The record is fetched
// fresh each time and dropped from memory when the page closes (gcTime 0): nothing is kept.
import { useQuery } from '@tanstack/react-query';
import type { HealthRecord, HealthStatus } from '@cds/contracts/health';
import { api } from '../../lib/api.ts';

export type { HealthRecord, HealthStatus };

export const statusKey = ['health-book', 'status'] as const;

export function useHealthStatus() {
  return useQuery({ queryKey: statusKey, queryFn: ({ signal }) => api<HealthStatus>('/api/health-book/status', { signal }) });
}

export function useHealthRecord(enabled: boolean) {
  return useQuery({
    queryKey: ['health-book', 'record'],
    queryFn: ({ signal }) => api<HealthRecord>('/api/health-book/record', { signal }),
    enabled, gcTime: 0, staleTime: 0, retry: false,
  });
}

export function giveConsent(version: string): Promise<HealthStatus> {
  return api<HealthStatus>('/api/health-book/consent', { method: 'POST', body: { version } });
}

export function withdrawConsent(): Promise<void> {
  return api<void>('/api/health-book/consent', { method: 'DELETE' });
}

/** Sign-in with the national eID, coming back to the health book. */
export const EID_START = `/api/auth/eid/start?returnTo=${encodeURIComponent('/health')}`;
