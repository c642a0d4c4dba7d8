// Delivery on every channel a person has: the in-app inbox always, Web Push to their
// devices, SMS for alerts or when they chose it; quiet hours hold push and SMS back
// except for Extreme alerts (rules in @cds/contracts/notifications.rules).
import { channelsFor, inQuietHours, type NoticeUrgency } from '@cds/contracts/notifications.rules';
import type { Platform } from '../../platform/module.ts';
import type { SmsChannel } from '../../platform/sms.ts';
import { forEachBounded, PushSender, type PushUrgency } from './push.ts';
import * as repo from './repo.ts';
import { smsRequestId } from './sms-dlr.ts';

/** Who a notice is for: one person, or everyone whose home or followed commune is in an area. */
export type Audience = { userId: string } | { communes: readonly string[]; testsOnly?: boolean };

export interface Message {
  kind: string;
  title: string;
  body: string;
  /** Page the notice opens (path in the citizen app). */
  link: string;
  /** The record the notice is about: a repeated delivery does not notify twice. */
  dedupeKey?: string;
  /** Shorter text for SMS; defaults to title and body. */
  sms?: string;
}

export interface DeliveryStats {
  targeted: number;
  inbox: number;
  pushed: number;
  pushAccepted: number;
  pushFailed: number;
  pushExpired: number;
  smsSent: number;
  smsFailed: number;
}

export interface ResidentsPort {
  residentsOf(communeCodes: readonly string[]): Promise<{ userId: string; phone: string | null }[]>;
  phonesOf(userIds: readonly string[]): Promise<Map<string, string>>;
}

/** Texts per round of database writes. */
const SMS_BATCH = 1000;

const PUSH_URGENCY: Record<NoticeUrgency, PushUrgency> = { normal: 'normal', alert: 'high', extreme: 'high' };

export class ChannelService {
  constructor(
    private readonly platform: Platform,
    private readonly people: ResidentsPort,
    private readonly sms: SmsChannel,
    private readonly push: () => Promise<PushSender>,
    private readonly smsConcurrency = 16,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Delivers a notice. `inboxDone` when the caller already wrote the inbox row (in its own
   * transaction) and only the phone channels remain.
   */
  async deliver(audience: Audience, msg: Message, urgency: NoticeUrgency, opts: { inboxDone?: boolean } = {}): Promise<DeliveryStats> {
    const db = this.platform.db.kysely;
    const area = 'communes' in audience ? audience : null;
    const person = 'userId' in audience ? audience.userId : null;
    const testsOnly = area?.testsOnly ?? false;

    // who: residents of the area and people following one of its communes
    let userIds: string[];
    let phones: Map<string, string>;
    if (area) {
      const residents = await this.people.residentsOf(area.communes);
      phones = new Map(residents.flatMap((r) => (r.phone ? [[r.userId, r.phone] as const] : [])));
      const ids = new Set(residents.map((r) => r.userId));
      const followers = (await repo.followersOf(db, area.communes)).filter((id) => !ids.has(id));
      for (const id of followers) ids.add(id);
      for (const [id, phone] of await this.people.phonesOf(followers)) phones.set(id, phone);
      userIds = [...ids];
    } else {
      userIds = person ? [person] : [];
      phones = await this.people.phonesOf(userIds);
    }
    const prefs = await repo.preferences(db, userIds);
    if (testsOnly) userIds = userIds.filter((id) => prefs.get(id)?.accept_tests === true);

    const stats: DeliveryStats = { targeted: userIds.length, inbox: 0, pushed: 0, pushAccepted: 0, pushFailed: 0, pushExpired: 0, smsSent: 0, smsFailed: 0 };
    if (!opts.inboxDone) stats.inbox = await repo.insertMany(db, userIds, msg);
    else stats.inbox = userIds.length;
    if (stats.inbox > 0) for (const userId of userIds) this.platform.events.live.emit('notification', { userId });

    const subs = await repo.subscriptionsFor(db, userIds, area?.communes ?? [], testsOnly);
    const subsByUser = new Set(subs.flatMap((s) => (s.user_id ? [s.user_id] : [])));
    const now = this.now();
    const pushTo = new Set<string>();
    const smsTo: string[] = [];
    for (const id of userIds) {
      const p = prefs.get(id);
      const channels = channelsFor({
        urgency,
        hasPush: subsByUser.has(id),
        hasPhone: phones.has(id),
        prefersSms: p?.sms ?? false,
        quiet: inQuietHours(p?.quiet_from ?? null, p?.quiet_to ?? null, now),
      });
      if (channels.includes('push')) pushTo.add(id);
      if (channels.includes('sms')) smsTo.push(phones.get(id) as string);
    }
    // anonymous devices chose their communes and have no quiet hours
    const targets = subs.filter((s) => (s.user_id ? pushTo.has(s.user_id) : true));
    stats.targeted += subs.filter((s) => !s.user_id).length;

    if (targets.length > 0) {
      const sender = await this.push();
      const res = await sender.sendAll(targets, { title: msg.title, body: msg.body, url: msg.link, tag: msg.dedupeKey, alert: urgency !== 'normal' }, PUSH_URGENCY[urgency]);
      stats.pushed = res.pushed;
      stats.pushAccepted = res.accepted;
      stats.pushFailed = res.failed;
      stats.pushExpired = res.expired;
      await repo.deleteSubscriptionsById(db, res.expiredIds);
      await repo.markPushed(db, res.acceptedIds, now);
    }

    const text = msg.sms ?? `${msg.title}. ${msg.body}`;
    const ref = msg.dedupeKey ?? `${msg.kind}:${now.getTime()}`;
    const texted = [...new Set(smsTo)];
    // in batches: a row per text is written before the gateway gets it and updated after, one
    // statement each per batch (three round trips per text made a province's SMS take minutes)
    for (let i = 0; i < texted.length; i += SMS_BATCH) {
      const batch = texted.slice(i, i + SMS_BATCH).map((phone) => ({ phone, requestId: smsRequestId(ref, phone) }));
      await repo.smsQueued(db, batch.map((b) => b.requestId), msg.dedupeKey ?? null);
      const taken: { requestId: string; gatewayId: string | null }[] = [];
      const refused: { requestId: string; error: string }[] = [];
      // the gateway drops a request id it already took: a retried fan-out texts nobody twice;
      // the row waits for the gateway's delivery report (sms-dlr.ts)
      await forEachBounded(batch, this.smsConcurrency, async ({ phone, requestId }) => {
        try {
          const gatewayId = await this.sms.send(phone, text, { requestId });
          taken.push({ requestId, gatewayId: typeof gatewayId === 'string' ? gatewayId : null });
        } catch (err) {
          refused.push({ requestId, error: (err as Error).message });
        }
      });
      await repo.smsHandedOver(db, taken, refused, this.now());
      stats.smsSent += taken.length;
      stats.smsFailed += refused.length;
      if (refused.length > 0) this.platform.log.warn({ refused: refused.length, of: batch.length, err: refused[0]?.error }, 'SMS not sent');
    }
    return stats;
  }
}

