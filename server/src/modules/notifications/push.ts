// Web Push sender. The `web-push` library does the cryptography (RFC 8291 message
// encryption, RFC 8292 VAPID signature) through generateRequestDetails; we send the
// request ourselves with fetch, because the library's own sender opens a new TLS
// connection per message (and only speaks https), while fetch's dispatcher keeps
// connections to each push service alive and reuses them across a fan-out.
import webpush from 'web-push';

export interface PushTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushPayload {
  title: string;
  body: string;
  /** Page the notification opens. */
  url: string;
  /** Notifications with one tag replace each other on the device. */
  tag?: string;
  /** Alerts ask the device to keep the notification on screen and vibrate. */
  alert?: boolean;
}

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

/** Outcome of one push: accepted by the push service, expired (404/410: delete it) or failed. */
export type PushOutcome = 'accepted' | 'expired' | 'failed';

export interface PushStats {
  pushed: number;
  accepted: number;
  expired: number;
  failed: number;
  expiredIds: string[];
  acceptedIds: string[];
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}

/** Runs `work` on every item with at most `limit` in flight. */
export async function forEachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A VAPID JWT is good for at most 24 h (RFC 8292); ours live 12 h and are renewed an hour before. */
const VAPID_LIFETIME_S = 12 * 3600;
const VAPID_RENEW_S = 3600;

export class PushSender {
  /**
   * The VAPID Authorization header per push service origin (its audience). Signing one is an
   * ES256 signature, which cost four times the message encryption itself: a fan-out signs once
   * per push service instead of once per device.
   */
  private readonly vapidHeaders = new Map<string, { authorization: string; expiresAt: number }>();

  constructor(
    private readonly opts: { vapid: VapidKeys; subject: string; concurrency: number; ttlSeconds: number; maxRetryAfterMs?: number },
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  /** Sends one payload to every target; never throws for a single failure. */
  async sendAll(targets: readonly PushTarget[], payload: PushPayload, urgency: PushUrgency): Promise<PushStats> {
    const stats: PushStats = { pushed: 0, accepted: 0, expired: 0, failed: 0, expiredIds: [], acceptedIds: [] };
    const body = JSON.stringify(payload);
    await forEachBounded(targets, this.opts.concurrency, async (t) => {
      stats.pushed++;
      const outcome = await this.sendOne(t, body, urgency, payload.tag);
      if (outcome === 'accepted') {
        stats.accepted++;
        stats.acceptedIds.push(t.id);
      } else if (outcome === 'expired') {
        stats.expired++;
        stats.expiredIds.push(t.id);
      } else stats.failed++;
    });
    return stats;
  }

  async sendOne(target: PushTarget, body: string, urgency: PushUrgency, topic?: string): Promise<PushOutcome> {
    let details: ReturnType<typeof webpush.generateRequestDetails>;
    try {
      details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, body, {
        headers: { Authorization: this.vapidAuthorization(new URL(target.endpoint).origin) },
        TTL: this.opts.ttlSeconds,
        urgency,
        // RFC 8030 Topic: at most 32 base64url characters
        ...(topic ? { topic: topic.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) } : {}),
        contentEncoding: 'aes128gcm',
      });
    } catch {
      // keys the library cannot use: the subscription can never receive anything
      return 'expired';
    }
    // back off on 429 (Retry-After), at most twice, then count it as failed
    for (let attempt = 0; attempt < 3; attempt++) {
      let res: Response;
      try {
        res = await this.fetchFn(details.endpoint, {
          method: details.method,
          headers: details.headers as Record<string, string>,
          body: details.body ? new Uint8Array(details.body) : undefined,
          signal: AbortSignal.timeout(15_000),
        });
        await res.arrayBuffer().catch(() => undefined);
      } catch {
        return 'failed';
      }
      if (res.status >= 200 && res.status < 300) return 'accepted';
      if (res.status === 404 || res.status === 410) return 'expired';
      if (res.status !== 429 || attempt === 2) return 'failed';
      await sleep(this.retryAfterMs(res.headers.get('retry-after')));
    }
    return 'failed';
  }

  private vapidAuthorization(audience: string): string {
    const now = Math.floor(Date.now() / 1000);
    const cached = this.vapidHeaders.get(audience);
    if (cached && cached.expiresAt - now > VAPID_RENEW_S) return cached.authorization;
    const expiresAt = now + VAPID_LIFETIME_S;
    const { Authorization } = webpush.getVapidHeaders(audience, this.opts.subject, this.opts.vapid.publicKey, this.opts.vapid.privateKey, 'aes128gcm', expiresAt) as { Authorization: string };
    this.vapidHeaders.set(audience, { authorization: Authorization, expiresAt });
    return Authorization;
  }

  private retryAfterMs(header: string | null): number {
    const cap = this.opts.maxRetryAfterMs ?? 30_000;
    if (!header) return Math.min(1000, cap);
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    return Math.max(0, Math.min(Number.isFinite(ms) ? ms : 1000, cap));
  }
}
