// The procedure catalogue (thủ tục hành chính) on the client: reply shapes and queries.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type Level = 'full_online' | 'partial_online';
export type Tier = 'province' | 'commune';

export interface ProcedureItem {
  id: string;
  code: string;
  name: string;
  sector: string;
  level: Level;
  tier: Tier;
  agencyCode: string | null;
  agencyLabel: string;
  processingDays: number;
  processingNote: string | null;
  feeSummary: string;
  essential: boolean;
  online: boolean;
  lifeEvents: string[];
}

export interface ProcedureDetail extends ProcedureItem {
  fees: { name: string; amountVnd: number; note: string | null }[];
  requiredDocuments: { key: string; name: string; originals: number; copies: number; required: boolean; template: string | null; templateUrl: string | null }[];
  applicants: string;
  legalBasis: string[];
  steps: string[];
  result: string;
  formSchema: { type: 'object'; title?: string; properties: Record<string, { type: string; title: string }>; required?: string[] };
  externalUrl: string | null;
}

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
    queryFn: ({ signal }) => api<{ items: ProcedureItem[]; total: number }>(`/api/procedures?${qs}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useLifeEvents() {
  return useQuery({
    queryKey: ['procedures', 'life-events'],
    queryFn: ({ signal }) => api<{ key: string; name: string; count: number }[]>('/api/procedures/life-events', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useSectors() {
  return useQuery({
    queryKey: ['procedures', 'sectors'],
    queryFn: ({ signal }) => api<{ name: string; count: number }[]>('/api/procedures/sectors', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useProcedureDetail(id: string) {
  return useQuery({
    queryKey: ['procedures', 'detail', id],
    queryFn: ({ signal }) => api<ProcedureDetail>(`/api/procedures/${encodeURIComponent(id)}`, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** "Trong ngày", "5 ngày làm việc"… */
export function daysKey(days: number): { key: string; count: number } {
  if (days <= 0) return { key: 'procedures.days.sameDay', count: 0 };
  return { key: 'procedures.days.working', count: days };
}
