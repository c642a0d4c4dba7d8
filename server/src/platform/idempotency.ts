// Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): a retry with the same key
// returns the first result, but the same key with a different request is a client bug that
// must not silently return a record the client did not ask for (422). The request is
// remembered as a fingerprint: SHA-256 of its JSON with object keys sorted.
import { createHash } from 'node:crypto';
import { AppError } from './errors.ts';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function requestFingerprint(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(request)) ?? '').digest('base64url');
}

/** 422 when a key already used is sent with a different request; records from before fingerprints (null) match. */
export function assertSameRequest(stored: string | null, fingerprint: string): void {
  if (stored !== null && stored !== fingerprint) throw new AppError(422, 'idempotency.key_reused');
}
