// notifications: the in-app inbox every capability writes to, and the channels that reach
// a phone (Web Push, SMS) with each person's preferences and quiet hours.
import type { NoticeUrgency } from '@cds/contracts/notifications.rules';
import type { Kysely } from 'kysely';
import type { ModuleDefinition, Platform } from '../../platform/module.ts';
import { BrandnameSmsChannel, type GatewayTransport } from '../../platform/sms-brandname.ts';
import { createSmsChannel, OutboxSmsChannel } from '../../platform/sms.ts';
import { areasModule } from '../areas/index.ts';
import { identityModule, USER_ANONYMISED, type IdentityApi } from '../identity/index.ts';
import { ChannelService, type Audience, type DeliveryStats, type Message, type ResidentsPort } from './channels.ts';
import { messages } from './messages.ts';
import * as repo from './repo.ts';
import { demoSmsGatewayRoutes, notificationRoutes, pushRoutes, smsReportRoutes } from './routes.ts';
import { DEMO_ESMS_KEYS, DEMO_ESMS_PATH, DemoEsmsGateway, signDlr, smsRequestId, type Poster } from './sms-dlr.ts';
import { NOTICE_EVENT, NotificationService, type NewNotification, type NoticeEvent } from './service.ts';
import { DEMO_DLR_SECRET, notificationSettings } from './settings.ts';

const fetchPoster: Poster = async (url, raw, headers) => (await fetch(url, { method: 'POST', body: raw, headers, signal: AbortSignal.timeout(10_000) })).status;

export type { Audience, DeliveryStats, Message, NewNotification };
/** For the gateway side of delivery reports (tests, the benchmark's gateway stand-in). */
export { DEMO_DLR_SECRET, signDlr, smsRequestId };

export interface NotificationsApi {
  /**
   * Tells one person: the inbox row commits with the caller's transaction, then the
   * person's push devices (and SMS when they chose it, or for alerts) get it.
   */
  notify(n: NewNotification & { urgency?: NoticeUrgency }, trx?: Kysely<object>): Promise<void>;
  /**
   * Tells a person or everyone in an area (home commune or followed commune; anonymous
   * devices that chose one of the communes) on every channel they have, now; returns what
   * happened per channel. For jobs (an alert's fan-out), not for request handlers.
   */
  deliver(audience: Audience, message: Message, urgency: NoticeUrgency): Promise<DeliveryStats>;
  exportFor(userId: string): Promise<unknown>;
  /** Text messages about one record (a notice's dedupe key, e.g. alert:<id>) by what the SMS gateway reported. */
  smsDelivery(ref: string): Promise<{ sent: number; delivered: number; failed: number; pending: number }>;
}

/**
 * Who lives where and their phones come from identity. An installation assembled without
 * it (some tests build the app from a few modules) still has the inbox and push to
 * anonymous devices, but reaches no one by home commune or SMS.
 */
function identityOf(platform: Platform): IdentityApi | null {
  try {
    return platform.use(identityModule);
  } catch {
    platform.log.warn('notifications: module identity is not registered; no area targeting by home commune, no SMS');
    return null;
  }
}

const NOBODY: ResidentsPort = { residentsOf: async () => [], phonesOf: async () => new Map() };

export const notificationsModule: ModuleDefinition<NotificationsApi> = {
  name: 'notifications',
  migrations: new URL('./migrations/', import.meta.url),
  settings: notificationSettings,
  create(platform) {
    const areas = platform.use(areasModule);
    const identity = identityOf(platform);
    const service = new NotificationService(platform, (code) => areas.getCommune(code) !== undefined);
    identity?.registerExporter('notifications', (userId) => service.exportFor(userId));
    identity?.registerPersonalData('notifications', async () => ({ erased: [{ key: 'notifications.erased' }], kept: [] }));
    const settings = notificationSettings.of(platform.config);
    let post: Poster = fetchPoster;
    // demo mode: texts go to the demo gateway over the brandname protocol, in process until the routes exist
    const gateway = settings.demoGateway ? new DemoEsmsGateway(new OutboxSmsChannel(platform.db), { callbackUrl: settings.dlrUrl, secret: settings.dlrSecret ?? DEMO_DLR_SECRET, post: () => post }) : null;
    let toGateway: GatewayTransport = () => Promise.reject(new Error('the demo SMS gateway is not up yet'));
    const sms = gateway
      ? new BrandnameSmsChannel({ url: `${settings.publicUrl}${DEMO_ESMS_PATH}`, ...DEMO_ESMS_KEYS, brandname: platform.config.sms.sender, unicode: true, callbackUrl: settings.dlrUrl }, (raw) => toGateway(raw))
      : createSmsChannel(platform.config, platform.db, settings.dlrUrl);
    const channels = new ChannelService(platform, identity ?? NOBODY, sms, () => service.pushSender(), settings.smsConcurrency);
    return {
      api: {
        notify: (n, trx) => service.notify(n, trx),
        deliver: (audience, message, urgency) => channels.deliver(audience, message, urgency),
        exportFor: (userId) => service.exportFor(userId),
        smsDelivery: async (ref) => {
          await gateway?.settled();
          return repo.smsCounts(platform.db.kysely, ref);
        },
      },
      messages,
      routes: (app) => {
        notificationRoutes(app, service);
        pushRoutes(app, service);
        smsReportRoutes(app, service, settings.dlrSecret);
        if (gateway) {
          demoSmsGatewayRoutes(app, gateway);
          toGateway = async (raw) => {
            const res = await app.inject({ method: 'POST', url: DEMO_ESMS_PATH, payload: raw, headers: { 'content-type': 'application/json' } });
            return { status: res.statusCode, json: res.json() as unknown };
          };
        }
        // the demo gateway's reports to our own address stay in the process
        post = async (url, raw, headers) => {
          if (!url.startsWith(`${settings.publicUrl}/`)) return fetchPoster(url, raw, headers);
          return (await app.inject({ method: 'POST', url: url.slice(settings.publicUrl.length), payload: raw, headers })).statusCode;
        };
      },
      events: {
        [USER_ANONYMISED]: (event) => service.erasePersonalData((event.payload as { userId: string }).userId),
        [NOTICE_EVENT]: async (event) => {
          const n = event.payload as unknown as NoticeEvent;
          await channels.deliver({ userId: n.userId }, { kind: n.kind, title: n.title, body: n.body, link: n.link ?? '/thong-bao', dedupeKey: n.dedupeKey ?? undefined }, n.urgency, { inboxDone: true });
        },
      },
      seed: async ({ demo }) => {
        // demo mode: the VAPID pair exists from the first start, so browsers can subscribe
        if (demo) await service.vapidKeys();
      },
      features: [{ key: 'notifications', face: 'citizen' }],
    };
  },
};
