// Tells a person that something about their report or dossier changed. The in-app inbox
// always gets the notice (in the caller's transaction); after commit an outbox event
// carries it to the person's phone channels (Web Push, SMS), see channels.ts.
import type { NoticeUrgency } from '@cds/contracts/notifications.rules';
import type { Preferences, PushSubscriptionInput, PushSubscriptionReply } from '@cds/contracts/notifications';
import type { Kysely } from 'kysely';
import type { Platform } from '../../platform/module.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { SmsDeliveryReport as SmsDeliveryReportSchema, type SmsDeliveryReply } from '@cds/contracts/notifications';
import { Value } from 'typebox/value';
import { verifyDlr } from './sms-dlr.ts';
import { generateVapidKeys, PushSender, type VapidKeys } from './push.ts';
import * as repo from './repo.ts';
import { notificationSettings } from './settings.ts';

export type { NewNotification } from './repo.ts';

/** The outbox event that carries a notice to the phone channels after its transaction commits. */
export const NOTICE_EVENT = 'notifications.created';
export interface NoticeEvent {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string | null;
  urgency: NoticeUrgency;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export class NotificationService {
  private vapid: Promise<VapidKeys | null> | undefined;
  private sender: Promise<PushSender> | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly validCommune: (code: string) => boolean,
  ) {}

  /** Adds a notice; pass the caller's transaction so it commits with the change. */
  async notify(n: repo.NewNotification & { urgency?: NoticeUrgency }, trx: Kysely<object> = this.platform.db.kysely): Promise<void> {
    await repo.insert(trx, n);
    const event: NoticeEvent = { userId: n.userId, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null, dedupeKey: n.dedupeKey ?? null, urgency: n.urgency ?? 'normal' };
    await this.platform.events.publish(trx, NOTICE_EVENT, n.userId, { ...event });
    this.platform.events.live.emit('notification', { userId: n.userId });
  }

  /**
   * The SMS gateway's delivery report for one message. The signature is checked before the
   * body is read; a report of a message we do not know is answered (the gateway stops
   * retrying) but changes nothing.
   */
  async smsDeliveryReport(raw: Buffer, timestamp: string, signature: string, secret: string | null): Promise<SmsDeliveryReply> {
    if (!secret || !verifyDlr(raw, timestamp, signature, secret, new Date())) throw new AppError(401, 'notifications.dlr_signature');
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw invalidField('body', 'notifications.dlr_body');
    }
    if (!Value.Check(SmsDeliveryReportSchema, body)) throw invalidField([...Value.Errors(SmsDeliveryReportSchema, body)][0]?.instancePath.slice(1) || 'body', 'notifications.dlr_body');
    const at = body.DoneTime ? new Date(body.DoneTime) : new Date();
    const known = await repo.smsReported(this.platform.db.kysely, {
      requestId: body.RequestId,
      gatewayId: body.SMSID ?? null,
      status: body.Status === 'DELIVERED' ? 'delivered' : 'failed',
      error: body.Status === 'DELIVERED' ? null : (body.ErrorCode ?? body.Status),
      at,
    });
    return { ok: true, known };
  }

  inbox(userId: string, limit: number, offset: number) {
    return repo.list(this.platform.db.kysely, userId, limit, offset);
  }

  async markRead(userId: string, id: string): Promise<void> {
    if ((await repo.markRead(this.platform.db.kysely, userId, id)) === 0) {
      const { items } = await repo.list(this.platform.db.kysely, userId, 1000, 0);
      if (!items.some((i) => i.id === id)) throw notFound('notifications.not_found');
    }
  }

  async markAllRead(userId: string): Promise<number> {
    return repo.markRead(this.platform.db.kysely, userId, null);
  }

  exportFor(userId: string) {
    return repo.exportFor(this.platform.db.kysely, userId);
  }

  erasePersonalData(userId: string): Promise<void> {
    return this.platform.db.kysely.transaction().execute((trx) => repo.eraseUser(trx, userId));
  }

  // ---- Web Push ----

  /** Configured keys; in demo mode a pair generated on first start and kept in the database. */
  vapidKeys(): Promise<VapidKeys | null> {
    this.vapid ??= (async () => {
      const settings = notificationSettings.of(this.platform.config);
      if (settings.vapid) return settings.vapid;
      const stored = await repo.vapidKeys(this.platform.db.kysely);
      if (stored) return stored;
      if (!this.platform.config.demoMode) return null;
      return repo.storeVapidKeys(this.platform.db.kysely, generateVapidKeys());
    })();
    return this.vapid;
  }

  async publicKey(): Promise<string> {
    const keys = await this.vapidKeys();
    if (!keys) throw new AppError(503, 'notifications.push_unavailable');
    return keys.publicKey;
  }

  /** The sender, or a 503 when Web Push is not configured (production without VAPID keys). */
  pushSender(): Promise<PushSender> {
    this.sender ??= (async () => {
      const keys = await this.vapidKeys();
      if (!keys) throw new AppError(503, 'notifications.push_unavailable');
      const s = notificationSettings.of(this.platform.config);
      return new PushSender({ vapid: keys, subject: s.subject, concurrency: s.concurrency, ttlSeconds: s.ttlSeconds, threads: s.threads });
    })();
    return this.sender;
  }

  async subscribe(userId: string | null, input: PushSubscriptionInput): Promise<PushSubscriptionReply> {
    const url = new URL(input.endpoint);
    // push services are HTTPS; plain HTTP only to a push service on this machine in demo mode (tests, local stand-in)
    if (url.protocol !== 'https:' && !(this.platform.config.demoMode && LOOPBACK.has(url.hostname))) throw invalidField('endpoint', 'notifications.endpoint_https');
    const communes = [...new Set(input.communes ?? [])];
    const bad = communes.findIndex((c) => !this.validCommune(c));
    if (bad >= 0) throw invalidField(`communes/${bad}`, 'notifications.commune_unknown');
    if (!userId && communes.length === 0) throw invalidField('communes', 'notifications.communes_required');
    const row = await repo.upsertSubscription(this.platform.db.kysely, {
      userId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      communes,
      acceptTests: input.acceptTests ?? false,
    });
    return { id: row.id, communes: row.communes, acceptTests: row.accept_tests };
  }

  /** Anyone holding the endpoint (a secret URL) may remove it; a signed-in person only their own or anonymous ones. */
  async unsubscribe(userId: string | null, endpoint: string): Promise<void> {
    const db = this.platform.db.kysely;
    const row = await repo.findSubscription(db, endpoint);
    if (!row || (row.user_id && row.user_id !== userId)) throw notFound('notifications.subscription_not_found');
    await repo.deleteSubscription(db, endpoint);
  }

  // ---- preferences ----

  async preferences(userId: string): Promise<Preferences> {
    const p = (await repo.preferences(this.platform.db.kysely, [userId])).get(userId);
    return {
      sms: p?.sms ?? false,
      acceptTests: p?.accept_tests ?? false,
      quietFrom: p?.quiet_from?.slice(0, 5) ?? null,
      quietTo: p?.quiet_to?.slice(0, 5) ?? null,
      communes: p?.communes ?? [],
    };
  }

  async savePreferences(userId: string, p: Preferences): Promise<Preferences> {
    if ((p.quietFrom === null) !== (p.quietTo === null)) throw invalidField(p.quietFrom === null ? 'quietFrom' : 'quietTo', 'notifications.quiet_pair');
    const communes = [...new Set(p.communes)];
    const bad = communes.findIndex((c) => !this.validCommune(c));
    if (bad >= 0) throw invalidField(`communes/${bad}`, 'notifications.commune_unknown');
    await this.platform.db.kysely.transaction().execute((trx) =>
      repo.savePreferences(trx, { user_id: userId, sms: p.sms, accept_tests: p.acceptTests, quiet_from: p.quietFrom, quiet_to: p.quietTo, communes }),
    );
    return this.preferences(userId);
  }
}
