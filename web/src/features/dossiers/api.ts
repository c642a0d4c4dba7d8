// Dossiers (hồ sơ) on the client: types of the server's replies, queries, and sending an
// application through the outbox so it waits for the network when there is none.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Sex } from '../../lib/types.ts';
import { getOutbox } from '../../lib/outbox.ts';

export type Deadline = 'green' | 'amber' | 'red' | 'none';

export interface DossierSummary {
  id: string;
  code: string | null;
  procedureId: string;
  procedureName: string;
  agencyId: string;
  communeCode: string;
  applicantName: string;
  status: number;
  statusName: string;
  currentStep: string | null;
  submittedAt: string | null;
  dueDate: string | null;
  appointmentDate: string | null;
  deadline: Deadline;
  updatedAt: string;
}

export interface MissingDocument {
  key: string | null;
  name: string;
  note: string | null;
}

export interface TimelineEntry {
  at: string;
  action: string;
  status: number;
  statusName: string;
  step: string | null;
  note: string | null;
  actorName?: string | null;
}

export interface DossierDetail extends DossierSummary {
  procedureCode: string;
  processingDays: number;
  channel: string;
  applicantPhone: string;
  formData: Record<string, unknown>;
  steps: { key: string; name: string }[];
  finishedAt: string | null;
  moreDocsRequests: number;
  missingDocuments: MissingDocument[];
  attachments: { id: string; docKey: string; fileName: string; mime: string; size: number; round: number }[];
  letters: { id: string; kind: string; issuedAt: string; url: string }[];
  fees: { id: string; name: string; amountVnd: number; paidAt: string | null; method: string | null }[];
  hasResult: boolean;
  rating: number | null;
  timeline: TimelineEntry[];
  allowedActions: string[];
}

export interface TrackReply {
  code: string;
  procedureName: string;
  agencyName: string;
  status: number;
  statusName: string;
  submittedAt: string | null;
  appointmentDate: string | null;
  missingDocuments: MissingDocument[];
  timeline: TimelineEntry[];
  hasResult: boolean;
}

export interface FormField {
  type: 'string' | 'integer' | 'number' | 'boolean';
  title: string;
  description?: string;
  enum?: string[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

export interface Procedure {
  id: string;
  code: string;
  name: string;
  processingDays: number;
  feeSummary: string;
  agencyLabel: string;
  online: boolean;
  requiredDocuments: { key: string; name: string; required: boolean; templateUrl: string | null }[];
  formSchema: { title?: string; properties: Record<string, FormField>; required?: string[] };
}

export interface FileUpload {
  docKey: string;
  fileName: string;
  contentBase64: string;
}

export interface Application {
  procedureId: string;
  communeCode: string;
  formData: Record<string, unknown>;
  attachments: FileUpload[];
  submit: boolean;
}

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_FILES = 'application/pdf,image/jpeg,image/png';

export const dossierKey = (id: string) => ['dossier', id] as const;

export function useDossier(id: string, enabled = true) {
  return useQuery({ queryKey: dossierKey(id), queryFn: ({ signal }) => api<DossierDetail>(`/api/dossiers/${id}`, { signal }), enabled });
}

export function useMyDossiers() {
  return useQuery({ queryKey: ['dossiers', 'mine'], queryFn: ({ signal }) => api<{ items: DossierSummary[]; total: number }>('/api/dossiers/mine?limit=50', { signal }) });
}

/** The owner's own data for filling in forms (GET /api/me/prefill): the personal ID in clear. */
export interface Prefill {
  fullName: string;
  dateOfBirth: string | null;
  sex: Sex | null;
  personalId: string | null;
  phone: string | null;
  communeCode: string | null;
  communeName: string | null;
  address: string | null;
  eid: { linked: boolean; level: number | null };
}

/** Not kept in the query cache after use: it holds the personal ID in clear. */
export function usePrefill(enabled: boolean) {
  return useQuery({ queryKey: ['me', 'prefill'], queryFn: ({ signal }) => api<Prefill>('/api/me/prefill', { signal }), enabled, gcTime: 0, staleTime: 0, retry: false });
}

export function useProcedure(id: string) {
  return useQuery({ queryKey: ['procedure', id], queryFn: ({ signal }) => api<Procedure>(`/api/procedures/${encodeURIComponent(id)}`, { signal }) });
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends the application through the outbox: the item's id is the Idempotency-Key, so an
 * answer lost on a weak network never makes a second dossier. Online, it is sent at once.
 */
export type SendResult = { kind: 'sent'; dossier: DossierDetail } | { kind: 'queued' } | { kind: 'failed'; message: string };

export async function sendApplication(app: Application): Promise<SendResult> {
  const outbox = getOutbox();
  let result = { kind: 'queued' } as SendResult;
  let itemId = '';
  const stop = outbox.subscribe((e) => {
    if (e.type === 'sent' && e.item.id === itemId) result = { kind: 'sent', dossier: e.response as DossierDetail };
    if (e.type === 'failed' && e.item.id === itemId) result = { kind: 'failed', message: e.item.lastError ?? '' };
  });
  try {
    itemId = (await outbox.enqueue({ kind: 'dossier.apply', url: '/api/dossiers', method: 'POST', body: app })).id;
    if (navigator.onLine) await outbox.flush();
  } finally {
    stop();
  }
  if (result.kind === 'failed') await outbox.remove(itemId);
  return result;
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

/** Client-side check of the form against the procedure's schema (the server checks again). */
export function validateForm(schema: Procedure['formSchema'], data: Record<string, unknown>): Record<string, 'required' | 'format'> {
  const problems: Record<string, 'required' | 'format'> = {};
  for (const [key, field] of Object.entries(schema.properties)) {
    const v = data[key];
    const empty = v === undefined || v === null || v === '';
    if (empty) {
      if (schema.required?.includes(key)) problems[key] = 'required';
      continue;
    }
    if (field.type === 'string' && typeof v === 'string') {
      if ((field.minLength && v.length < field.minLength) || (field.maxLength && v.length > field.maxLength)) problems[key] = 'format';
      else if (field.pattern && !new RegExp(field.pattern).test(v)) problems[key] = 'format';
      else if (field.enum && !field.enum.includes(v)) problems[key] = 'format';
      else if (field.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) problems[key] = 'format';
    }
    if ((field.type === 'integer' || field.type === 'number') && (typeof v !== 'number' || Number.isNaN(v))) problems[key] = 'format';
  }
  return problems;
}

/**
 * The order to show form fields in. The catalogue is stored as jsonb, which does not keep
 * key order, so fields are grouped by the first word of their name (applicant…, child…,
 * mother…) in the order the `required` list first names each group, required fields first.
 */
export function fieldOrder(schema: Procedure['formSchema']): string[] {
  const keys = Object.keys(schema.properties);
  const required = (schema.required ?? []).filter((k) => k in schema.properties);
  const group = (k: string) => /^[a-z]+/.exec(k)?.[0] ?? k;
  const groups: string[] = [];
  for (const k of [...required, ...keys]) if (!groups.includes(group(k))) groups.push(group(k));
  return groups.flatMap((g) => [...required.filter((k) => group(k) === g), ...keys.filter((k) => group(k) === g && !required.includes(k))]);
}

/** Colour class of an appointment date in lists. */
export const deadlineClass = (d: Deadline) => `deadline deadline--${d}`;
