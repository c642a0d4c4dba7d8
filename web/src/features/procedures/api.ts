// The procedure catalogue (thủ tục hành chính) on the client: queries. Reply shapes come
// from @cds/contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LifeEventItem, Procedure, SearchReply, SectorItem } from '@cds/contracts/procedures';
import { api } from '../../lib/api.ts';

export type { ProcedureLevel as Level, ProcedureTier as Tier } from '@cds/contracts';
export type { Procedure as ProcedureDetail, SearchItem as ProcedureItem } from '@cds/contracts/procedures';

export interface SearchParams {
  q?: string;
  sector?: string;
  level?: string;
  tier?: string;
  lifeEvent?: string;
}

export const PAGE_SIZE = 20;

/** The query string of a search, leaving out empty values. */
export function searchQueryString(p: SearchParams, offset = 0): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' && v.trim()) qs.set(k, v.trim());
  qs.set('limit', String(PAGE_SIZE));
  if (offset) qs.set('offset', String(offset));
  return qs.toString();
}

export function useProcedureSearch(p: SearchParams, offset: number) {
  const qs = searchQueryString(p, offset);
  return useQuery({
    queryKey: ['procedures', 'search', qs],
    queryFn: ({ signal }) => api<SearchReply>(`/api/procedures?${qs}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useLifeEvents() {
  return useQuery({
    queryKey: ['procedures', 'life-events'],
    queryFn: ({ signal }) => api<LifeEventItem[]>('/api/procedures/life-events', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useSectors() {
  return useQuery({
    queryKey: ['procedures', 'sectors'],
    queryFn: ({ signal }) => api<SectorItem[]>('/api/procedures/sectors', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useProcedureDetail(id: string) {
  return useQuery({
    queryKey: ['procedures', 'detail', id],
    queryFn: ({ signal }) => api<Procedure>(`/api/procedures/${encodeURIComponent(id)}`, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** "Trong ngày", "5 ngày làm việc"… */
export function daysKey(days: number): { key: string; count: number } {
  if (days <= 0) return { key: 'procedures.days.sameDay', count: 0 };
  return { key: 'procedures.days.working', count: days };
}
