// Dossiers (hồ sơ) on the client: queries, sending an application through the outbox so it
// waits for the network when there is none, and the form check (the server's own rule).
// Reply shapes come from @cds/contracts.
import { useQuery } from '@tanstack/react-query';
import { personalIdFields, validateFormData, type FormSchema } from '@cds/contracts';
import type { CreateDossier, Deadline, DossierDetail, DossierPage, TimelineEntry as TrackedEntry, StaffTimelineEntry } from '@cds/contracts/dossiers';
import type { Prefill } from '@cds/contracts/identity';
import type { Procedure } from '@cds/contracts/procedures';
import { api } from '../../lib/api.ts';
import { sendThroughOutbox } from '../../lib/outbox.ts';

export type { Deadline, DossierDetail, DossierPage, DossierSummary, FileUpload, MissingDocument, TrackReply } from '@cds/contracts/dossiers';
export type { FormField } from '@cds/contracts';
export type { Prefill, Procedure };
/** An entry of a dossier's timeline: the tracking page's, or the dossier page's with who acted. */
export type TimelineEntry = TrackedEntry & Partial<Pick<StaffTimelineEntry, 'actorName'>>;
export type Application = CreateDossier;

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_FILES = 'application/pdf,image/jpeg,image/png';

export const dossierKey = (id: string) => ['dossier', id] as const;

export function useDossier(id: string, enabled = true) {
  return useQuery({ queryKey: dossierKey(id), queryFn: ({ signal }) => api<DossierDetail>(`/api/dossiers/${id}`, { signal }), enabled });
}

export function useMyDossiers() {
  return useQuery({ queryKey: ['dossiers', 'mine'], queryFn: ({ signal }) => api<DossierPage>('/api/dossiers/mine?limit=50', { signal }) });
}

/** Not kept in the query cache after use: it holds the personal ID in clear. */
export function usePrefill(enabled: boolean) {
  return useQuery({ queryKey: ['me', 'prefill'], queryFn: ({ signal }) => api<Prefill>('/api/me/prefill', { signal }), enabled, gcTime: 0, staleTime: 0, retry: false });
}

export function useProcedure(id: string, enabled = true) {
  return useQuery({ queryKey: ['procedure', id], queryFn: ({ signal }) => api<Procedure>(`/api/procedures/${encodeURIComponent(id)}`, { signal }), enabled });
}

/**
 * Sends the application through the outbox: the item's id is the Idempotency-Key, so an
 * answer lost on a weak network never makes a second dossier. Online, it is sent at once.
 */
export type SendResult = { kind: 'sent'; dossier: DossierDetail } | { kind: 'queued' } | { kind: 'failed'; message: string };

export async function sendApplication(app: Application): Promise<SendResult> {
  const outcome = await sendThroughOutbox<DossierDetail>({ kind: 'dossier.apply', url: '/api/dossiers', method: 'POST', body: app });
  return outcome.kind === 'sent' ? { kind: 'sent', dossier: outcome.response } : outcome;
}

/** Checks a chosen file before sending: type by its first bytes, and size. */
export async function checkFile(file: File): Promise<'ok' | 'type' | 'size'> {
  if (file.size > MAX_FILE_BYTES) return 'size';
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const isPdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46;
  const isJpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  const isPng = head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47;
  return isPdf || isJpeg || isPng ? 'ok' : 'type';
}

/**
 * The form's problems by field, as the page shows them: missing, or not in the right form.
 * The rule is the server's (validateFormData); answers to fields the form no longer asks
 * (an old draft saved on this device) have nowhere to show, so the server names those.
 */
export function validateForm(schema: FormSchema, data: Record<string, unknown>): Record<string, 'required' | 'format'> {
  const problems: Record<string, 'required' | 'format'> = {};
  for (const p of validateFormData(schema, data)) {
    if (p.field in schema.properties) problems[p.field] = p.message === 'validation.required' ? 'required' : 'format';
  }
  return problems;
}

/**
 * The order to show form fields in. The catalogue is stored as jsonb, which does not keep
 * key order, so fields are grouped by the first word of their name (applicant…, child…,
 * mother…) in the order the `required` list first names each group, required fields first.
 */
/** What may stay on the device: the form without its personal ID numbers (marked x-personal-id). */
export function withoutPersonalIds(schema: FormSchema, data: Record<string, unknown>): Record<string, unknown> {
  const ids = new Set(personalIdFields(schema));
  return Object.fromEntries(Object.entries(data).filter(([key]) => !ids.has(key)));
}

export function fieldOrder(schema: FormSchema): string[] {
  const keys = Object.keys(schema.properties);
  const required = (schema.required ?? []).filter((k) => k in schema.properties);
  const group = (k: string) => /^[a-z]+/.exec(k)?.[0] ?? k;
  const groups: string[] = [];
  for (const k of [...required, ...keys]) if (!groups.includes(group(k))) groups.push(group(k));
  return groups.flatMap((g) => [...required.filter((k) => group(k) === g), ...keys.filter((k) => group(k) === g && !required.includes(k))]);
}

/** Colour class of an appointment date in lists. */
export const deadlineClass = (d: Deadline) => `deadline deadline--${d}`;
