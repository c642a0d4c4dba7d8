// Validators for replies a client may keep (map tiles). Weak (W/"…"): the same tile is sent
// plain or compressed (platform/compression.ts), and a strong validator would have to differ
// between those; If-None-Match compares weakly anyway (RFC 9110, 13.1.2).
import { createHash } from 'node:crypto';

export function weakEtag(bytes: Uint8Array): string {
  return `W/"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

/** Whether an If-None-Match header names this validator (or is `*`), compared weakly. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
