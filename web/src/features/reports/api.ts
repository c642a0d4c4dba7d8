// Reports (phản ánh) on the client: queries, and sending a report through the outbox so it
// waits for the network, with its id as the Idempotency-Key. Reply shapes come from
// @cds/contracts.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ReportStatus } from '@cds/contracts';
import type { PlaceReply } from '@cds/contracts/areas';
import type { Category as ContractCategory, CreateBody, CreateReply, InboxReply, ListReply, MineReply, MyReport, StaffReport, Template } from '@cds/contracts/reports';
import type { Agency } from '@cds/contracts/areas';
import { api } from '../../lib/api.ts';
import { onceSent, sendThroughOutbox } from '../../lib/outbox.ts';

export type { ReportAction, ReportStatus } from '@cds/contracts';
export type { DuplicatesReply, InboxItem, MyReport, Photo, PhotoLocationReply, PublicReport as Report, Question, StaffReport, TimelineEntry, Urgency } from '@cds/contracts/reports';
/** A category, with its sub-categories when it is a top-level one. */
export type Category = ContractCategory & { children?: Category[] };
export type NewReport = CreateBody;

export const useCategories = () =>
  useQuery({ queryKey: ['reports', 'categories'], queryFn: ({ signal }) => api<Category[]>('/api/reports/categories', { signal }), staleTime: 10 * 60_000 });

export const useReport = (code: string) =>
  useQuery({ queryKey: ['report', code], queryFn: ({ signal }) => api<MyReport>(`/api/reports/${encodeURIComponent(code)}`, { signal }) });

export const useMyReports = () =>
  useQuery({ queryKey: ['reports', 'mine'], queryFn: ({ signal }) => api<MineReply>('/api/reports/mine?limit=50', { signal }) });

export const usePublicReports = (qs: string) =>
  useQuery({ queryKey: ['reports', 'public', qs], queryFn: ({ signal }) => api<ListReply>(`/api/reports?${qs}`, { signal }) });

export const useInbox = (qs: string) =>
  useQuery({ queryKey: ['reports', 'inbox', qs], queryFn: ({ signal }) => api<InboxReply>(`/api/staff/reports?${qs}`, { signal }) });

export const useStaffReport = (code: string) =>
  useQuery({ queryKey: ['reports', 'staff', code], queryFn: ({ signal }) => api<StaffReport>(`/api/staff/reports/${encodeURIComponent(code)}`, { signal }) });

/** Every agency of the province (the public directory), for the transfer picker. */
export const useAgencies = () =>
  useQuery({ queryKey: ['agencies'], queryFn: ({ signal }) => api<Agency[]>('/api/agencies', { signal }), staleTime: 10 * 60_000 });

export const useTemplates = (category: string) =>
  useQuery({ queryKey: ['reports', 'templates', category], queryFn: ({ signal }) => api<Template[]>(`/api/staff/report-templates?category=${encodeURIComponent(category)}`, { signal }) });

export type SendResult = { kind: 'sent'; trackingCode: string } | { kind: 'queued'; id: string } | { kind: 'failed'; message: string };

/** Online it is sent at once; offline it waits in the outbox and goes when the network is back. */
export async function sendReport(report: NewReport): Promise<SendResult> {
  const outcome = await sendThroughOutbox<CreateReply>({ kind: 'report.create', url: '/api/reports', method: 'POST', body: report });
  return outcome.kind === 'sent' ? { kind: 'sent', trackingCode: outcome.response.trackingCode } : outcome;
}

/** The tracking code of a report queued offline, once the outbox has delivered it (null until then). */
export function useQueuedReportCode(queuedId: string | null): string | null {
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => (queuedId ? onceSent<CreateReply>(queuedId, (reply) => setCode(reply.trackingCode)) : undefined), [queuedId]);
  return code;
}

/**
 * The pinned place in words: its commune and the nearest named village or town, so a person
 * reads "gần Thôn Nà Chuông, Xã Đồng Đăng" instead of coordinates. Null while unknown.
 */
export function usePlaceName(pin: { lat: number; lon: number } | null): PlaceReply | null {
  const query = useQuery({
    queryKey: ['place', pin?.lat, pin?.lon],
    queryFn: ({ signal }) => api<PlaceReply>(`/api/areas/place?lat=${pin!.lat}&lon=${pin!.lon}`, { signal }),
    enabled: !!pin,
    staleTime: Infinity,
    retry: false,
  });
  return pin ? query.data ?? null : null;
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

export const STATUS_CLASS: Record<ReportStatus, string> = {
  new: 'badge--info', accepted: 'badge--info', assigned: 'badge--info', in_progress: 'badge--warn', need_info: 'badge--warn',
  resolved: 'badge--ok', closed: 'badge--muted', rejected: 'badge--muted',
};
