// CAP 1.2 (OASIS Common Alerting Protocol) documents and the Atom feed of current alerts,
// for radio, TV and aggregators such as Google Public Alerts. XML is built with
// fast-xml-parser's builder (escaping included); element order follows the schema's
// sequences (cap-v1.2.xsd). Dates carry the Vietnam offset, never "Z" nor milliseconds.
import { XMLBuilder } from 'fast-xml-parser';
import type { AlertRow } from './repo.ts';

export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';
const VN_OFFSET_MS = 7 * 3600_000;

/** 2026-12-07T07:05:00+07:00 */
export function capDate(d: Date): string {
  return `${new Date(Math.floor(d.getTime() / 1000) * 1000 + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** What a CAP document needs besides the alert row. */
export interface CapContext {
  senderName: string;
  /** Public URL of the citizen app, for <web>. */
  publicUrl: string;
  /** Commune names by code (areaDesc, geocode). */
  communeName: (code: string) => string;
  /** The alert an Update/Cancel refers to. */
  referenced?: Pick<AlertRow, 'sender' | 'identifier' | 'sent_at'> | null;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true });

/** "lat,lon lat,lon …" of a GeoJSON ring ([lon, lat] points). */
function capPolygon(ring: readonly (readonly [number, number])[]): string {
  return ring.map(([lon, lat]) => `${lat},${lon}`).join(' ');
}

function infoBlocks(a: AlertRow, ctx: CapContext): object[] {
  const area = {
    areaDesc: a.area.description,
    ...(a.area.polygon ? { polygon: capPolygon(a.area.polygon) } : {}),
    ...(a.area.circle ? { circle: `${a.area.circle.center[1]},${a.area.circle.center[0]} ${a.area.circle.radiusKm}` } : {}),
    // official 2025 commune codes (mã đơn vị hành chính cấp xã)
    geocode: a.area_communes.map((code) => ({ valueName: 'VN-COMMUNE', value: code })),
  };
  const common = {
    category: a.category,
    urgency: a.urgency,
    severity: a.severity,
    certainty: a.certainty,
  };
  const web = `${ctx.publicUrl}/canh-bao/${a.id}`;
  const when = {
    ...(a.effective ? { effective: capDate(a.effective) } : {}),
    expires: capDate(a.expires),
  };
  const vi = {
    language: 'vi-VN',
    category: common.category,
    event: a.event,
    responseType: a.msg_type === 'Cancel' ? 'AllClear' : undefined,
    urgency: common.urgency,
    severity: common.severity,
    certainty: common.certainty,
    ...when,
    senderName: ctx.senderName,
    headline: a.headline,
    description: a.description,
    instruction: a.instruction ?? undefined,
    web,
    area,
  };
  const others = a.translations.map((tr) => ({
    language: tr.language,
    category: common.category,
    event: tr.event,
    responseType: vi.responseType,
    urgency: common.urgency,
    severity: common.severity,
    certainty: common.certainty,
    ...when,
    senderName: ctx.senderName,
    headline: tr.headline,
    description: tr.description,
    instruction: tr.instruction,
    web,
    area,
  }));
  return [vi, ...others];
}

/** One CAP 1.2 <alert> document. */
export function capXml(a: AlertRow, ctx: CapContext): string {
  if (!a.sent_at) throw new Error('only a sent alert has a CAP document');
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    alert: {
      '@_xmlns': CAP_NS,
      identifier: a.identifier,
      sender: a.sender,
      sent: capDate(a.sent_at),
      status: a.status,
      msgType: a.msg_type,
      scope: 'Public',
      note: a.status === 'Exercise' ? 'DIỄN TẬP — đây không phải cảnh báo thật / EXERCISE — not a real alert' : a.status === 'Test' ? 'THỬ NGHIỆM — Test message' : undefined,
      references: ctx.referenced?.sent_at ? `${ctx.referenced.sender},${ctx.referenced.identifier},${capDate(ctx.referenced.sent_at)}` : undefined,
      info: infoBlocks(a, ctx),
    },
  };
  return builder.build(doc) as string;
}

/** Atom (RFC 4287) feed of alerts in force, each linking to its CAP document. */
export function atomFeed(alerts: readonly AlertRow[], ctx: { publicUrl: string; title: string; updated: Date }): string {
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      id: `${ctx.publicUrl}/cap/feed.atom`,
      title: ctx.title,
      updated: capDate(alerts[0]?.sent_at ?? ctx.updated),
      author: { name: ctx.title },
      link: [{ '@_rel': 'self', '@_href': `${ctx.publicUrl}/cap/feed.atom` }],
      entry: alerts.map((a) => ({
        id: `${ctx.publicUrl}/cap/alerts/${a.identifier}.xml`,
        title: a.status === 'Actual' ? a.headline : `[${a.status}] ${a.headline}`,
        updated: capDate(a.sent_at ?? a.created_at),
        summary: a.description,
        link: [
          { '@_rel': 'alternate', '@_type': 'application/cap+xml', '@_href': `${ctx.publicUrl}/cap/alerts/${a.identifier}.xml` },
          { '@_rel': 'related', '@_type': 'text/html', '@_href': `${ctx.publicUrl}/canh-bao/${a.id}` },
        ],
      })),
    },
  };
  return builder.build(doc) as string;
}
