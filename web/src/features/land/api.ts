// Land information on the client: queries of parcels and plans. Reply shapes come from
// @cds/contracts (types only).
import { useQuery } from '@tanstack/react-query';
import type { ParcelSearchReply, ParcelSheet, ZoningPlansReply } from '@cds/contracts/land';
import { api } from '../../lib/api.ts';

export type { ParcelSearchReply, ParcelSheet, ParcelSummary, ZoningPlansReply } from '@cds/contracts/land';

export const parcelAt = (lat: number, lon: number) => api<ParcelSheet>(`/api/land/parcels/at?lat=${lat}&lon=${lon}`);

export function useParcel(id: string | null) {
  return useQuery({
    queryKey: ['land', 'parcel', id],
    queryFn: ({ signal }) => api<ParcelSheet>(`/api/land/parcels/${id}`, { signal }),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export interface KeyQuery {
  commune: string;
  sheet: string;
  parcel: string;
}

/** The query string of a key search, leaving out empty parts. */
export function keyQueryString(k: KeyQuery): string {
  const qs = new URLSearchParams();
  for (const [name, v] of Object.entries(k)) if (v.trim()) qs.set(name, v.trim());
  return qs.toString();
}

export const searchParcels = (k: KeyQuery) => api<ParcelSearchReply>(`/api/land/parcels?${keyQueryString(k)}`);

export function usePlans() {
  return useQuery({ queryKey: ['land', 'plans'], queryFn: ({ signal }) => api<ZoningPlansReply>('/api/land/plans', { signal }), staleTime: 300_000 });
}

/** Procedures a citizen starts from a parcel (codes of the province pack), with the form fields the parcel fills. */
export const PARCEL_PROCEDURES = [
  { code: 'LS.DD.07', labelKey: 'land.procedures.subdivide' },
  { code: 'LS.DD.02', labelKey: 'land.procedures.firstRegistration' },
  { code: 'LS.DD.01', labelKey: 'land.procedures.transfer' },
  { code: 'LS.XD.01', labelKey: 'land.procedures.buildingPermit' },
] as const;

/** The application form's parcel fields (number, sheet, address, area), as a query string ApplyPage reads. */
export function parcelPrefill(p: Pick<ParcelSheet, 'parcel' | 'sheet' | 'areaM2' | 'address' | 'commune' | 'formerCommune'>): string {
  const place = p.address ?? [p.formerCommune ? `${p.formerCommune.name} (cũ)` : null, p.commune.name].filter(Boolean).join(', ');
  return new URLSearchParams({ parcelNumber: String(p.parcel), mapSheet: String(p.sheet), parcelAddress: place, parcelArea: String(p.areaM2) }).toString();
}
