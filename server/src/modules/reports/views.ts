// Shapes of a report for each audience: the public (no personal data, moderated photos),
// the person who filed it, and staff.
import type { EventRow, PhotoRow, ReportRecord } from './repo.ts';
import type { ReportStatus } from './workflow.ts';

export interface PhotoView {
  id: string;
  kind: 'citizen' | 'answer';
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  moderation?: 'pending' | 'approved' | 'hidden';
}

export interface PublicReport {
  id: string;
  trackingCode: string;
  category: { code: string; name: string; icon: string };
  description: string;
  status: ReportStatus;
  statusLabel: string;
  lat: number;
  lon: number;
  address: string | null;
  communeCode: string;
  communeName: string;
  agencyId: string;
  agencyName: string;
  supporters: number;
  receivedAt: string;
  updatedAt: string;
  dueDate: string;
  resolvedAt: string | null;
  publicAnswer: string | null;
  rating: number | null;
  photos: PhotoView[];
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  public: boolean;
  actorName?: string | null;
}

export function photoView(p: PhotoRow, withModeration: boolean): PhotoView {
  return {
    id: p.id,
    kind: p.kind,
    url: `/api/reports/photos/${p.id}`,
    thumbUrl: `/api/reports/photos/${p.id}?size=thumb`,
    width: p.width,
    height: p.height,
    ...(withModeration ? { moderation: p.moderation } : {}),
  };
}

export function isPublicPhoto(p: PhotoRow): boolean {
  return p.kind === 'answer' ? p.moderation !== 'hidden' : p.moderation === 'approved';
}

export function timelineEntry(e: EventRow, actorName?: string | null): TimelineEntry {
  return {
    id: String(e.id),
    at: new Date(e.at).toISOString(),
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    body: e.body,
    public: e.public,
    ...(actorName !== undefined ? { actorName } : {}),
  };
}

export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export type { ReportRecord };
