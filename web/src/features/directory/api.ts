// The directory on the client: agencies (search, near me, one agency, staff edits), hotlines,
// welfare benefits and the questionnaire. Shapes from @cds/contracts.
import { useQuery } from '@tanstack/react-query';
import type {
  DirectoryEntry, DirectoryEntryPatch, DirectoryItem, DirectoryList, Hotline, OpenStatus, WelfareAnswers, WelfareBenefit, WelfareCheckReply,
} from '@cds/contracts/directory';
import type { StaffMe } from '@cds/contracts/areas';
import { api } from '../../lib/api.ts';

export type { DirectoryEntry, DirectoryEntryPatch, DirectoryItem, Hotline, OpenStatus, WelfareAnswers, WelfareBenefit, WelfareCheckReply };

export interface AgencySearch { q: string; near: { lat: number; lon: number } | null; openNow: boolean }

export function useAgencies(search: AgencySearch) {
  const params = new URLSearchParams({ limit: '100' });
  if (search.q.trim()) params.set('q', search.q.trim());
  if (search.near) {
    params.set('lat', String(search.near.lat));
    params.set('lon', String(search.near.lon));
  }
  if (search.openNow) params.set('openNow', 'true');
  return useQuery({ queryKey: ['directory', params.toString()], queryFn: ({ signal }) => api<DirectoryList>(`/api/directory/agencies?${params}`, { signal }) });
}

export const agencyKey = (id: string) => ['directory', 'agency', id] as const;

export function useAgency(id: string) {
  return useQuery({ queryKey: agencyKey(id), queryFn: ({ signal }) => api<DirectoryEntry>(`/api/directory/agencies/${id}`, { signal }) });
}

export function saveAgency(id: string, patch: DirectoryEntryPatch): Promise<DirectoryEntry> {
  return api<DirectoryEntry>(`/api/directory/agencies/${id}`, { method: 'PATCH', body: patch });
}

export function useHotlines() {
  return useQuery({ queryKey: ['directory', 'hotlines'], queryFn: ({ signal }) => api<Hotline[]>('/api/directory/hotlines', { signal }), staleTime: 3600_000 });
}

export function useBenefits() {
  return useQuery({ queryKey: ['welfare'], queryFn: ({ signal }) => api<WelfareBenefit[]>('/api/welfare/benefits', { signal }), staleTime: 3600_000 });
}

export function checkWelfare(answers: WelfareAnswers): Promise<WelfareCheckReply> {
  return api<WelfareCheckReply>('/api/welfare/check', { method: 'POST', body: answers });
}

/** A number a phone can dial: digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** A geo: URI (RFC 5870): the phone's own map app shows the place and the way there. */
export function geoHref(lat: number, lon: number, label: string): string {
  return `geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(label)})`;
}

export function formatDistance(m: number): string {
  return m < 1000 ? `${m} m` : `${(m / 1000).toFixed(m < 10_000 ? 1 : 0).replace('.', ',')} km`;
}

/** The agencies the signed-in staff member acts for (their memberships). */
export function useMyAgencies() {
  return useQuery({
    queryKey: ['directory', 'my-agencies'],
    queryFn: async ({ signal }) => {
      const me = await api<StaffMe>('/api/staff/me', { signal });
      const seen = new Map<string, string>();
      for (const m of me.memberships) if (m.agencyId && m.agencyName) seen.set(m.agencyId, m.agencyName);
      return [...seen].map(([id, name]) => ({ id, name }));
    },
  });
}
