// Land information on the client: queries of parcels and plans. Reply shapes come from
// @cds/contracts (types only).
import { useQuery } from '@tanstack/react-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportReply, ImportRun, ImportRunsReply, ParcelSearchReply, ParcelSheet, PlanPublish, StaffPlansReply, ZoningPlan, ZoningPlansReply } from '@cds/contracts/land';
import { api, ApiError, currentLanguage, errorFromResponse } from '../../lib/api.ts';
import i18n from 'i18next';

export type { ImportReply, ImportRun, ImportRunSummary, ParcelSearchReply, ParcelSheet, ParcelSummary, StaffPlansReply, ZoningPlan, ZoningPlansReply } from '@cds/contracts/land';

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

/** One search box: address, place or former commune name, or "tờ 5 thửa 12". */
export const findParcels = (q: string) => api<ParcelSearchReply>(`/api/land/parcels/find?${new URLSearchParams({ q: q.trim() }).toString()}`);

// ------------------------------------------------------------ land officers

export interface ImportRequest {
  kind: 'parcels' | 'zones';
  /** '' = read from the Shapefile's .prj */
  srid: string;
  planName: string;
  decisionNumber: string;
  decisionDate: string;
}

/** The import's query string: the zone when chosen, the plan's fields for zones only, the run's id when given. */
export function importQueryString(r: ImportRequest, runId?: string): string {
  const qs = new URLSearchParams({ kind: r.kind });
  if (r.srid) qs.set('srid', r.srid);
  if (r.kind === 'zones') {
    for (const k of ['planName', 'decisionNumber', 'decisionDate'] as const) if (r[k].trim()) qs.set(k, r[k].trim());
  }
  if (runId) qs.set('runId', runId);
  return qs.toString();
}

/**
 * Sends the file with XMLHttpRequest, which (unlike fetch) reports how much of the upload
 * has gone: on a slow line a province's file takes minutes, and the officer sees it move.
 * `onProgress` gets 0–1 while sending, then 1 while the server reads the features (the
 * run `runId`, followed with useImportRun meanwhile).
 */
export function uploadImport(file: File, r: ImportRequest, runId: string, onProgress: (sent: number) => void): Promise<ImportReply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/land/imports?${importQueryString(r, runId)}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    // a small file may go in one piece without a progress event
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportReply);
        } catch {
          reject(new ApiError(xhr.status, 'bad_reply', i18n.t('errors.generic')));
        }
        return;
      }
      void errorFromResponse(new Response(xhr.responseText || null, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } })).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** How often the page asks how far the server is with a file. */
export const RUN_POLL_MS = 1000;
/** How often while the upload is still going: the run starts when the whole file is there. */
const UPLOADING_POLL_MS = 5000;

/**
 * A run's counts, asked every second until it is done or failed. Null while the server has
 * not started it yet (the upload is still being sent or written to its disk). While
 * `uploading`, asked only now and then: the browser's upload events say when the file has
 * gone, but not every browser or proxy sends them, and the run's start says it too.
 */
export function useImportRun(id: string | null, uploading = false) {
  return useQuery({
    queryKey: ['land', 'import-run', id],
    queryFn: async ({ signal }) => {
      try {
        return await api<ImportRun>(`/api/land/imports/${id}`, { signal });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    enabled: !!id,
    refetchInterval: (query) => {
      const run = query.state.data;
      if (run) return run.state === 'reading' ? RUN_POLL_MS : false;
      return uploading ? UPLOADING_POLL_MS : RUN_POLL_MS;
    },
  });
}

/** The officer's latest runs ("Lần nhập gần đây"): a run still reading after a reload is followed again. */
export function useImportRuns() {
  return useQuery({ queryKey: ['land', 'import-runs'], queryFn: ({ signal }) => api<ImportRunsReply>('/api/land/imports', { signal }), staleTime: 0 });
}

export function useStaffPlans() {
  return useQuery({ queryKey: ['land', 'staff-plans'], queryFn: ({ signal }) => api<StaffPlansReply>('/api/land/staff/plans', { signal }) });
}

export function usePublishPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PlanPublish }) => api<ZoningPlan>(`/api/land/plans/${id}/publish`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['land'] }),
  });
}

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
  // the house or village, then the places: an application needs the commune even when the address names the street
  const place = [p.address, p.formerCommune ? `${p.formerCommune.name} (cũ)` : null, p.commune.name].filter(Boolean).join(', ');
  return new URLSearchParams({ parcelNumber: String(p.parcel), mapSheet: String(p.sheet), parcelAddress: place, parcelArea: String(p.areaM2) }).toString();
}
