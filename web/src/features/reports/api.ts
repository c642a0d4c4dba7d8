// Reports (phản ánh) on the client: reply types, queries, and sending a report through
// the outbox so it waits for the network, with its id as the Idempotency-Key.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { getOutbox } from '../../lib/outbox.ts';

export type ReportStatus = 'new' | 'accepted' | 'rejected' | 'assigned' | 'in_progress' | 'need_info' | 'resolved' | 'closed';

export interface Question {
  code: string;
  label: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  values?: { key: string; name: string }[];
}

export interface Category {
  code: string;
  parentCode: string | null;
  name: string;
  icon: string;
  deadlineDays: number;
  questions: Question[];
  children?: Category[];
}

export interface Photo {
  id: string;
  kind: 'citizen' | 'answer';
  url: string;
  thumbUrl: string;
  moderation?: 'pending' | 'approved' | 'hidden';
}

export interface Report {
  id: string;
  trackingCode: string;
  category: { code: string; name: string; icon: string };
  description: string;
  status: ReportStatus;
  statusLabel: string;
  lat: number;
  lon: number;
  address: string | null;
  communeName: string;
  agencyName: string;
  supporters: number;
  receivedAt: string;
  dueDate: string;
  publicAnswer: string | null;
  rating: number | null;
  photos: Photo[];
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  toStatus: string | null;
  body: string | null;
  public: boolean;
  actorName?: string | null;
}

export interface MyReport extends Report {
  timeline: TimelineEntry[];
  following: boolean;
  supported: boolean;
  canRate: boolean;
  canReopen: boolean;
  canAnswer: boolean;
  mine: boolean;
  ratingComment: string | null;
}

export type Urgency = 'ok' | 'due_soon' | 'overdue' | null;

export interface InboxItem extends Report {
  urgency: Urgency;
  assigneeId: string | null;
}

export interface StaffReport extends MyReport {
  anonymous: boolean;
  reporter: { name: string | null; phone: string | null; email: string | null } | null;
  assignee: { id: string; name: string | null } | null;
  urgency: Urgency;
  actions: string[];
  canManage: boolean;
}

export interface NewReport {
  categoryCode: string;
  description: string;
  lat?: number;
  lon?: number;
  address?: string;
  communeCode?: string;
  anonymous: boolean;
  answers: Record<string, string | number | string[]>;
  photos: string[];
}

export const useCategories = () =>
  useQuery({ queryKey: ['reports', 'categories'], queryFn: ({ signal }) => api<Category[]>('/api/reports/categories', { signal }), staleTime: 10 * 60_000 });

export const useReport = (code: string) =>
  useQuery({ queryKey: ['report', code], queryFn: ({ signal }) => api<MyReport>(`/api/reports/${encodeURIComponent(code)}`, { signal }) });

export const useMyReports = () =>
  useQuery({ queryKey: ['reports', 'mine'], queryFn: ({ signal }) => api<{ items: Report[]; total: number; following: Report[] }>('/api/reports/mine?limit=50', { signal }) });

export const usePublicReports = (qs: string) =>
  useQuery({ queryKey: ['reports', 'public', qs], queryFn: ({ signal }) => api<{ items: Report[]; total: number }>(`/api/reports?${qs}`, { signal }) });

export const useInbox = (qs: string) =>
  useQuery({ queryKey: ['reports', 'inbox', qs], queryFn: ({ signal }) => api<{ items: InboxItem[]; total: number }>(`/api/staff/reports?${qs}`, { signal }) });

export const useStaffReport = (code: string) =>
  useQuery({ queryKey: ['reports', 'staff', code], queryFn: ({ signal }) => api<StaffReport>(`/api/staff/reports/${encodeURIComponent(code)}`, { signal }) });

export const useTemplates = (category: string) =>
  useQuery({ queryKey: ['reports', 'templates', category], queryFn: ({ signal }) => api<{ id: string; title: string; body: string }[]>(`/api/staff/report-templates?category=${encodeURIComponent(category)}`, { signal }) });

export type SendResult = { kind: 'sent'; trackingCode: string } | { kind: 'queued' } | { kind: 'failed'; message: string };

/** Online it is sent at once; offline it waits in the outbox and goes when the network is back. */
export async function sendReport(report: NewReport): Promise<SendResult> {
  const outbox = getOutbox();
  let result = { kind: 'queued' } as SendResult;
  let itemId = '';
  const stop = outbox.subscribe((e) => {
    if (e.type === 'sent' && e.item.id === itemId) result = { kind: 'sent', trackingCode: (e.response as { trackingCode: string }).trackingCode };
    if (e.type === 'failed' && e.item.id === itemId) result = { kind: 'failed', message: e.item.lastError ?? '' };
  });
  try {
    itemId = (await outbox.enqueue({ kind: 'report.create', url: '/api/reports', method: 'POST', body: report })).id;
    if (navigator.onLine) await outbox.flush();
  } finally {
    stop();
  }
  if (result.kind === 'failed') await outbox.remove(itemId);
  return result;
}

/** Makes a photo small enough for a weak network: at most 1600 px, JPEG. The server re-encodes it again. */
export async function shrinkPhoto(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', 0.82).replace(/^data:image\/jpeg;base64,/, '');
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const STATUS_CLASS: Record<ReportStatus, string> = {
  new: 'badge--info', accepted: 'badge--info', assigned: 'badge--info', in_progress: 'badge--warn', need_info: 'badge--warn',
  resolved: 'badge--ok', closed: 'badge--muted', rejected: 'badge--muted',
};
