// Emergency alerts (cảnh báo khẩn cấp) in the CAP 1.2 model (OASIS Common Alerting
// Protocol): the code lists of the standard and the alert's life in the platform.
// Both the server and the web app run these; no TypeBox here.

/** CAP <status>: only Actual reaches everyone; Exercise and Test reach people who opted in. */
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export type CapStatus = (typeof CAP_STATUSES)[number];
/** The statuses staff may issue from the console (System and Draft are not broadcast). */
export const ISSUABLE_STATUSES = ['Actual', 'Exercise', 'Test'] as const satisfies readonly CapStatus[];
export type IssuableStatus = (typeof ISSUABLE_STATUSES)[number];

export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];

export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];

export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export type CapUrgency = (typeof CAP_URGENCIES)[number];

export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];

export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** The platform's workflow: drafted → sent (after approval for Actual) or rejected. */
export const ALERT_STATES = ['draft', 'sent', 'rejected'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** A citizen's answer to an alert. */
export const ALERT_ANSWERS = ['safe', 'need_help'] as const;
export type AlertAnswer = (typeof ALERT_ANSWERS)[number];

/** Whether an alert of this status needs a second person's approval before it is sent. */
export function needsApproval(status: IssuableStatus): boolean {
  return status === 'Actual';
}

/** Whether an alert of this status goes only to people who opted in to tests and exercises. */
export function onlyToOptedIn(status: CapStatus): boolean {
  return status !== 'Actual';
}

/** Whether an alert is in force at `now` (sent, not cancelled, not expired). */
export function isInForce(alert: { state: AlertState; cancelled: boolean; expires: string }, now: Date): boolean {
  return alert.state === 'sent' && !alert.cancelled && new Date(alert.expires).getTime() > now.getTime();
}

type Pt = readonly [number, number];

function orientation(a: Pt, b: Pt, c: Pt): number {
  const v = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1]);
  return v === 0 ? 0 : v > 0 ? 1 : -1;
}

function onSegment(a: Pt, b: Pt, p: Pt): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function segmentsCross(p1: Pt, p2: Pt, q1: Pt, q2: Pt): boolean {
  const o1 = orientation(p1, p2, q1), o2 = orientation(p1, p2, q2), o3 = orientation(q1, q2, p1), o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(p1, p2, q1)) || (o2 === 0 && onSegment(p1, p2, q2)) || (o3 === 0 && onSegment(q1, q2, p1)) || (o4 === 0 && onSegment(q1, q2, p2));
}

/**
 * What is wrong with a polygon drawn on the map (a closed ring of [lon, lat] points, CAP
 * <polygon>): 'open' (first ≠ last point), 'too_few' (fewer than three corners) or
 * 'self_crossing' (edges cross, a "bow tie" that covers no clear area); null when usable.
 * The console checks before saving, the server again before asking PostGIS.
 */
export function polygonProblem(ring: readonly Pt[]): 'open' | 'too_few' | 'self_crossing' | null {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return 'open';
  if (new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`)).size < 3) return 'too_few';
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // neighbouring edges share a corner; the first and the last edge too
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return 'self_crossing';
    }
  }
  return null;
}

/** Closes a ring of corners drawn on the map: the first corner repeated at the end (CAP and GeoJSON). */
export function closeRing(corners: readonly Pt[]): [number, number][] {
  const ring = corners.map((p) => [p[0], p[1]] as [number, number]);
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

/**
 * The text shown to a person: the block in their language when the officer wrote one,
 * else Vietnamese (the main text every alert has). `language` may be "en" or "en-US".
 */
export function textsFor<T extends { language: string }>(main: Omit<T, 'language'>, translations: readonly T[], language: string): Omit<T, 'language'> {
  const base = language.toLowerCase().split('-')[0] ?? '';
  if (base === 'vi') return main;
  return translations.find((t) => t.language.toLowerCase() === language.toLowerCase()) ?? translations.find((t) => t.language.toLowerCase().split('-')[0] === base) ?? main;
}

/**
 * Languages an officer may add beside Vietnamese (each one CAP <info> block): English for
 * visitors and the main minority languages of the northern border provinces, by their
 * ISO 639-3 code (Tày, Nùng, Dao/Iu Mien, H'Mông). Names are written as their speakers
 * know them.
 */
export const ALERT_EXTRA_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'tyz', name: 'Tày' },
  { code: 'nut', name: 'Nùng' },
  { code: 'ium', name: 'Dao (Iu Mien)' },
  { code: 'hmn', name: 'Hmông' },
] as const;
