// Compressed API replies without a stream per request. @fastify/compress pipes every reply,
// however small, through a readable, a zlib stream on the thread pool and a pump. A reply held
// whole in memory (JSON, text, a tile) up to SYNC_LIMIT is compressed here in one synchronous
// call instead, and the compressed bytes of a reply sent again unchanged (the feature list, the
// categories, a cached page of the public list, a search asked by many, a cached map tile) are
// kept, keyed by encoding and a digest of the content, so they are not compressed again. With
// this hook the mixed benchmark on PostgreSQL went from 837 to 1,202 req/s, GET /api/features
// alone from 2,587 to 6,748 (bench/results/mixed.md). @fastify/compress, registered beside
// this, still does streams and larger bodies: it leaves alone a reply that already has a
// Content-Encoding.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';
import type { FastifyInstance } from 'fastify';

/** Replies smaller than this are sent as they are (as @fastify/compress's threshold). */
export const COMPRESS_THRESHOLD = 1024;
/** Larger replies are left to @fastify/compress's streams (a 250 kB tile takes about 6 ms of brotli at quality 4). */
const SYNC_LIMIT = 256 * 1024;
/** Compressed copies kept, by their total size. */
const MEMO_BYTES = 16 * 1024 * 1024;
const BROTLI_QUALITY = 4;

// JSON of any kind (application/json, application/problem+json, application/geo+json), text
// but event streams, XML (CAP alerts, Open311), JavaScript, and vector tiles: a map tile is
// protobuf, 40–60 % of it saved by gzip, which matters most on a village's weak signal
const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:[\w.-]+\+)?(?:json|xml)\b|application\/javascript\b|application\/vnd\.mapbox-vector-tile\b)/i;

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to send for an Accept-Encoding header: brotli when accepted, else gzip, else
 * none. A coding with q=0 is refused; `*` accepts any coding not named.
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.toLowerCase().split(';');
    const name = rawName?.trim();
    if (!name) continue;
    const qParam = params.map((p) => p.replace(/\s+/g, '')).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: Encoding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

export function compressSync(body: string | Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : zlib.gzipSync(body);
}

export function installReplyCompression(app: FastifyInstance): void {
  // keyed by a digest of the text: V8 hashes a string longer than 16,383 characters by its length alone
  const memo = new LRUCache<string, Buffer>({ maxSize: MEMO_BYTES, sizeCalculation: (value) => value.length });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    // characters, not bytes: a string's byte length is at least this, and at most three times
    if (payload.length < COMPRESS_THRESHOLD || payload.length > SYNC_LIMIT) return done(null, payload);
    if (reply.hasHeader('content-encoding') || request.headers['x-no-compression'] !== undefined) return done(null, payload);
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return done(null, payload);
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return done(null, payload);
    const key = `${encoding}:${createHash('sha1').update(payload).digest('base64')}`;
    let body = memo.get(key);
    if (!body) {
      body = compressSync(payload, encoding);
      memo.set(key, body);
    }
    const vary = reply.getHeader('vary');
    if (!vary) reply.header('vary', 'accept-encoding');
    else if (!/\baccept-encoding\b/i.test(String(vary))) reply.header('vary', `${String(vary)}, accept-encoding`);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    done(null, body);
  });
}
