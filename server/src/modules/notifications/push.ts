// Web Push sender. The `web-push` library signs the VAPID header (RFC 8292), once per push
// service origin; the messages themselves are encrypted by push-crypto.ts and sent by
// push-send.ts over kept-alive connections, on worker threads when a send is large enough to
// keep every core busy (an alert to a whole province).
import os from 'node:os';
import webpush from 'web-push';
import { MAX_PUSH_PAYLOAD } from './push-crypto.ts';
import { sendOnThreads } from './push-pool.ts';
import { sendBatch, type PushJob, type PushTarget, type PushUrgency } from './push-send.ts';

export { forEachBounded, type PushTarget, type PushUrgency } from './push-send.ts';

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

/** A VAPID JWT is good for at most 24 h (RFC 8292); ours live 12 h and are renewed an hour before. */
const VAPID_LIFETIME_S = 12 * 3600;
const VAPID_RENEW_S = 3600;

/** Below this many devices a send stays on the main thread: starting threads would cost more than they save. */
const THREADS_FROM = 2000;

export interface PushSenderOptions {
  vapid: VapidKeys;
  subject: string;
  /** requests in flight at once, over the whole send */
  concurrency: number;
  ttlSeconds: number;
  maxRetryAfterMs?: number;
  /** worker threads for a large send (default: one per core); 0 keeps every send on the main thread */
  threads?: number;
  /** the smallest send that goes to threads (tests lower it) */
  threadsFrom?: number;
}

export class PushSender {
  /**
   * The VAPID Authorization header per push service origin (its audience). Signing one is an
   * ES256 signature, which cost four times the message encryption itself: a fan-out signs once
   * per push service instead of once per device.
   */
  private readonly vapidHeaders = new Map<string, { authorization: string; expiresAt: number }>();

  constructor(private readonly opts: PushSenderOptions) {}

  /** Sends one payload to every target; never throws for a single failure. */
  async sendAll(targets: readonly PushTarget[], payload: PushPayload, urgency: PushUrgency): Promise<PushStats> {
    const authorizations: Record<string, string> = {};
    for (const t of targets) {
      const origin = originOf(t.endpoint);
      if (origin && !(origin in authorizations)) authorizations[origin] = this.vapidAuthorization(origin);
    }
    const job: PushJob = {
      payload: fitted(payload),
      ttlSeconds: this.opts.ttlSeconds,
      urgency,
      // RFC 8030 Topic: at most 32 base64url characters
      ...(payload.tag ? { topic: payload.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) } : {}),
      authorizations,
      concurrency: this.opts.concurrency,
      maxRetryAfterMs: this.opts.maxRetryAfterMs ?? 30_000,
    };
    const threads = this.opts.threads ?? os.availableParallelism();
    const r = threads > 0 && targets.length >= (this.opts.threadsFrom ?? THREADS_FROM) ? await sendOnThreads(targets, job, threads) : await sendBatch(targets, job);
    return {
      pushed: targets.length,
      accepted: r.acceptedIds.length,
      expired: r.expiredIds.length,
      failed: r.failed,
      expiredIds: r.expiredIds,
      acceptedIds: r.acceptedIds,
    };
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
}

/** The payload as JSON, its body shortened (with an ellipsis) so it fits one push message; the page it opens has it all. */
export function fitted(payload: PushPayload): string {
  let json = JSON.stringify(payload);
  let body = payload.body;
  while (Buffer.byteLength(json) > MAX_PUSH_PAYLOAD && body.length > 0) {
    const over = Buffer.byteLength(json) - MAX_PUSH_PAYLOAD;
    // a Vietnamese letter takes up to 3 bytes in UTF-8 and JSON may escape it longer: cut at least a character
    body = body.slice(0, Math.max(0, body.length - Math.max(1, Math.ceil(over / 3)) - 1));
    json = JSON.stringify({ ...payload, body: `${body}…` });
  }
  return json;
}

function originOf(endpoint: string): string | null {
  try {
    return new URL(endpoint).origin;
  } catch {
    return null;
  }
}
