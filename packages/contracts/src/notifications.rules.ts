// Which channels carry a notice to a person: the in-app inbox always; Web Push when the
// person has a subscribed device; SMS for alerts, or when the person chose it. Quiet
// hours hold push and SMS back, except for alerts of severity Extreme.
import { VIETNAM_OFFSET_MS } from './vietnam-time.ts';

/** normal: an ordinary notice; alert: an emergency alert; extreme: an alert of CAP severity Extreme. */
export const NOTICE_URGENCIES = ['normal', 'alert', 'extreme'] as const;
export type NoticeUrgency = (typeof NOTICE_URGENCIES)[number];

export type Channel = 'inbox' | 'push' | 'sms';

/** Minutes since midnight of "HH:mm" (or "HH:mm:ss"). */
function minutes(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Whether `now` falls in the quiet hours from–to, Vietnam time (UTC+7); the span may cross midnight. */
export function inQuietHours(from: string | null, to: string | null, now: Date): boolean {
  if (!from || !to) return false;
  const vn = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const t = vn.getUTCHours() * 60 + vn.getUTCMinutes();
  const a = minutes(from);
  const b = minutes(to);
  if (a === b) return false;
  return a < b ? t >= a && t < b : t >= a || t < b;
}

export interface ChannelChoice {
  urgency: NoticeUrgency;
  hasPush: boolean;
  hasPhone: boolean;
  prefersSms: boolean;
  quiet: boolean;
}

/** The channels a notice goes out on for one person. */
export function channelsFor(c: ChannelChoice): Channel[] {
  const held = c.quiet && c.urgency !== 'extreme';
  const out: Channel[] = ['inbox'];
  if (held) return out;
  if (c.hasPush) out.push('push');
  if (c.hasPhone && (c.urgency !== 'normal' || c.prefersSms)) out.push('sms');
  return out;
}
