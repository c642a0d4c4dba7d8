// Resolved principals kept in process, keyed by the session token's hash. Resolving a session
// reads the session and the person's memberships on every request; most requests of one person
// come seconds apart, so a session that is still live is read from memory instead.
//
// Correctness rests on invalidation, not on the TTL: the database notifies (LISTEN/NOTIFY on
// PRINCIPAL_CHANNEL, from triggers, so every process and every writer is covered) when a live
// session ends, an account's status changes or a membership changes; the identity module
// forgets that person at once. The TTL only bounds how long a missed notification (a dropped
// listener connection) could keep a stale principal.
import type { Principal } from '../../platform/auth.ts';

/** Channel the database triggers notify with the id of the person whose principal changed. */
export const PRINCIPAL_CHANNEL = 'cds_principals';

export interface CachedSession {
  principal: Principal;
  /** When the session itself expires (ms since epoch); never served past it. */
  expiresAt: number;
  /** When the session was last marked as seen (ms since epoch). */
  lastSeenAt: number;
}

interface Entry extends CachedSession {
  cachedAt: number;
}

export interface PrincipalCacheOptions {
  ttlMs: number;
  maxEntries: number;
}

export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  // bumped by every invalidation: a principal read from the database before it is not stored
  private epoch = 0;

  constructor(
    private readonly options: PrincipalCacheOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(tokenHash: string): CachedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const now = this.now();
    if (now >= entry.expiresAt || now - entry.cachedAt >= this.options.ttlMs) {
      this.remove(tokenHash, entry);
      return undefined;
    }
    return entry;
  }

  /** Take a ticket before reading the database; `set` ignores what was read if an invalidation came in between. */
  ticket(): number {
    return this.epoch;
  }

  set(ticket: number, tokenHash: string, session: CachedSession): void {
    if (ticket !== this.epoch) return;
    const existing = this.entries.get(tokenHash);
    if (existing) this.remove(tokenHash, existing);
    if (this.entries.size >= this.options.maxEntries) {
      // Map keeps insertion order: the first key is the oldest entry
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.remove(oldest.value, this.entries.get(oldest.value)!);
    }
    this.entries.set(tokenHash, { ...session, cachedAt: this.now() });
    const userId = session.principal.userId;
    let hashes = this.byUser.get(userId);
    if (!hashes) this.byUser.set(userId, (hashes = new Set()));
    hashes.add(tokenHash);
  }

  markSeen(tokenHash: string, at: number): void {
    const entry = this.entries.get(tokenHash);
    if (entry) entry.lastSeenAt = at;
  }

  forgetUser(userId: string): void {
    this.epoch++;
    for (const hash of this.byUser.get(userId) ?? []) this.entries.delete(hash);
    this.byUser.delete(userId);
  }

  forgetSession(sessionId: string): void {
    this.epoch++;
    for (const [hash, entry] of this.entries) if (entry.principal.sessionId === sessionId) this.remove(hash, entry);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.byUser.clear();
  }

  private remove(tokenHash: string, entry: Entry): void {
    this.entries.delete(tokenHash);
    const hashes = this.byUser.get(entry.principal.userId);
    hashes?.delete(tokenHash);
    if (hashes?.size === 0) this.byUser.delete(entry.principal.userId);
  }
}
