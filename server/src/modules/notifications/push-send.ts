// Sending a batch of Web Push messages (RFC 8030): encrypt each one for its device, POST it to
// the device's push service, and sort the answers. The same code runs on the main thread for
// small sends and in the worker threads of push-pool.ts for a fan-out, so it takes only plain
// data (no class, no function) and keeps its own connection pool per thread.
import type { Pool } from 'undici';
import { decodePushKeys, encryptPushMessage } from './push-crypto.ts';

export interface PushTarget {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushUrgency = 'very-low' | 'low' | 'normal' | 'high';

/** What every message of one send shares. */
export interface PushJob {
  /** the JSON payload, in UTF-8 */
  payload: string;
  ttlSeconds: number;
  urgency: PushUrgency;
  /** RFC 8030 Topic: a newer message with the same topic replaces a waiting one */
  topic?: string;
  /** The VAPID Authorization header per push service origin (signed once per origin by the caller). */
  authorizations: Record<string, string>;
  /** requests in flight at once, in this thread */
  concurrency: number;
  /** the longest Retry-After honoured on 429 */
  maxRetryAfterMs: number;
}

/** Outcome of one batch: accepted by the push service, expired (404/410 or unusable keys: delete them) or failed. */
export interface BatchResult {
  acceptedIds: string[];
  expiredIds: string[];
  failed: number;
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

// one keep-alive connection pool per push service and thread: a fan-out reuses its connections
// (a pool is also half the CPU per request of undici's generic agent, which looks the origin
// up again for every request)
const pools = new Map<string, Pool>();
// undici is loaded by the first send, not at start
let PoolClass: typeof Pool | undefined;
const poolFor = (origin: string) => {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new PoolClass!(origin, { keepAliveTimeout: 30_000, headersTimeout: 15_000, bodyTimeout: 15_000 })));
  return pool;
};

// a fan-out's endpoints share a handful of push services
const origins = new Map<string, string | null>();

/** "https://fcm.googleapis.com/fcm/send/abc" → origin and path, without a URL object per device. */
function splitEndpoint(endpoint: string): { origin: string; path: string } | null {
  const m = /^(https?:\/\/[^/?#]+)(\/[^#]*)?$/i.exec(endpoint);
  if (!m) return null;
  const raw = m[1] as string;
  let origin = origins.get(raw);
  if (origin === undefined) {
    try {
      // the origin as the URL standard writes it (lower case, no default port): the key of the VAPID header
      origin = new URL(raw).origin;
    } catch {
      origin = null;
    }
    origins.set(raw, origin);
  }
  return origin === null ? null : { origin, path: m[2] ?? '/' };
}

export async function sendBatch(targets: readonly PushTarget[], job: PushJob): Promise<BatchResult> {
  PoolClass ??= (await import('undici')).Pool;
  const result: BatchResult = { acceptedIds: [], expiredIds: [], failed: 0 };
  const payload = Buffer.from(job.payload);
  // headers as a flat list of names and values: undici takes it without walking an object per request
  const headers = ['content-encoding', 'aes128gcm', 'content-type', 'application/octet-stream', 'ttl', String(job.ttlSeconds), 'urgency', job.urgency];
  if (job.topic) headers.push('topic', job.topic);
  await forEachBounded(targets, job.concurrency, async (t) => {
    const outcome = await sendOne(t, payload, headers, job);
    if (outcome === 'accepted') result.acceptedIds.push(t.id);
    else if (outcome === 'expired') result.expiredIds.push(t.id);
    else result.failed++;
  });
  return result;
}

async function sendOne(t: PushTarget, payload: Buffer, common: readonly string[], job: PushJob): Promise<'accepted' | 'expired' | 'failed'> {
  const keys = decodePushKeys(t.p256dh, t.auth);
  const where = splitEndpoint(t.endpoint);
  if (!keys || !where) return 'expired';
  const authorization = job.authorizations[where.origin];
  if (!authorization) return 'failed';
  let body: Buffer;
  try {
    body = encryptPushMessage(keys, payload);
  } catch {
    // a key that is not a point on P-256: the subscription can never receive anything
    return 'expired';
  }
  // back off on 429 (Retry-After), at most twice, then count it as failed
  for (let attempt = 0; attempt < 3; attempt++) {
    let status: number;
    let retryAfter: string | null = null;
    try {
      const res = await poolFor(where.origin).request({ path: where.path, method: 'POST', headers: [...common, 'authorization', authorization, 'content-length', String(body.length)], body });
      status = res.statusCode;
      const h = res.headers['retry-after'];
      retryAfter = typeof h === 'string' ? h : null;
      await res.body.dump();
    } catch {
      return 'failed';
    }
    if (status >= 200 && status < 300) return 'accepted';
    if (status === 404 || status === 410) return 'expired';
    if (status !== 429 || attempt === 2) return 'failed';
    await sleep(retryAfterMs(retryAfter, job.maxRetryAfterMs));
  }
  return 'failed';
}

function retryAfterMs(header: string | null, cap: number): number {
  if (!header) return Math.min(1000, cap);
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Math.max(0, Math.min(Number.isFinite(ms) ? ms : 1000, cap));
}
