// Builds the parts of a report's reply shapes (the shapes are in @cds/contracts/reports):
// photos as the public or staff see them, and timeline entries.
import type { Photo as PhotoView, PublicReport, TimelineEntry } from '@cds/contracts/reports';
import type { EventRow, PhotoRow, ReportRecord } from './repo.ts';

export type { PhotoView, PublicReport, TimelineEntry };

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
