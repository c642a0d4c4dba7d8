// Sessions: an opaque random token (32 bytes, base64url) given to the client once; the
// database keeps only its SHA-256, so a leaked table does not sign anyone in.
import type { IdentitySettings } from './settings.ts';
import type { Role } from '@cds/contracts';
import type { Membership, Principal, SessionResolver } from '../../platform/auth.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import type { Executor, IdentityRepo, SessionMethod } from './repo.ts';
import type { AreasPort, RequestMeta, SignedIn } from './types.ts';
import type { Database } from '../../db/connection.ts';
import { PRINCIPAL_CHANNEL, PrincipalCache } from './principal-cache.ts';

// last_seen_at is for the person's list of devices; minute precision would cost a write per request
const TOUCH_AFTER_MS = 5 * 60 * 1000;
/**
 * Sessions seen are written together, this long after the first of them, off the request
 * path: a visit's first request then costs one read, not a read and a committed write.
 */
const SEEN_FLUSH_MS = 10_000;
/** Sessions written per statement when the sightings are flushed. */
export const SEEN_CHUNK = 100;

export function rolesOf(memberships: Membership[]): Role[] {
  return ['citizen', ...new Set(memberships.map((m) => m.role))];
}

export class SessionService {
  /** Live sessions already resolved; see principal-cache.ts for how it stays true. */
  readonly cache: PrincipalCache;

  // session id → when it was last seen, waiting for the next flush
  private readonly seen = new Map<string, Date>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repo: IdentityRepo,
    private readonly config: Pick<IdentitySettings, 'sessionTtlHours'>,
    private readonly areas: Pick<AreasPort, 'membershipsOf'>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.cache = new PrincipalCache({ ttlMs: 30_000, maxEntries: 50_000 }, () => this.now().getTime());
  }

  async start(userId: string, method: SessionMethod, meta: RequestMeta, trx: Executor): Promise<SignedIn> {
    const token = randomToken(32);
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3600 * 1000);
    const sessionId = await this.repo.insertSession(
      { user_id: userId, token_hash: sha256(token), method, created_at: now, last_seen_at: now, expires_at: expiresAt, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null },
      trx,
    );
    return { userId, sessionId, token, expiresAt };
  }

  /** Token -> principal; null for unknown or expired tokens and for disabled or deleted accounts. */
  readonly resolve: SessionResolver = async (token: string): Promise<Principal | null> => {
    if (token.length > 128) return null;
    const tokenHash = sha256(token);
    const now = this.now();
    const cached = this.cache.get(tokenHash);
    if (cached) {
      if (now.getTime() - cached.lastSeenAt > TOUCH_AFTER_MS) {
        this.cache.markSeen(tokenHash, now.getTime());
        this.seenAt(cached.principal.sessionId, now);
      }
      return cached.principal;
    }
    const ticket = this.cache.ticket();
    const session = await this.repo.findLiveSession(tokenHash, now);
    if (!session) return null;
    const touch = now.getTime() - session.last_seen_at.getTime() > TOUCH_AFTER_MS;
    if (touch) this.seenAt(session.id, now);
    const memberships = await this.areas.membershipsOf(session.user_id);
    const principal: Principal = { userId: session.user_id, sessionId: session.id, roles: rolesOf(memberships), memberships };
    const lastSeenAt = touch ? now.getTime() : session.last_seen_at.getTime();
    this.cache.set(ticket, tokenHash, { principal, expiresAt: session.expires_at.getTime(), lastSeenAt });
    return principal;
  };

  private seenAt(sessionId: string, at: Date): void {
    this.seen.set(sessionId, at);
    this.flushTimer ??= setTimeout(() => void this.flushSeen(), SEEN_FLUSH_MS).unref();
  }

  /**
   * Writes when the sessions seen since the last flush were used, SEEN_CHUNK to a statement:
   * a busy ten seconds sees thousands of people, and on PGlite one statement updating them all
   * held the only connection (and the event loop) for seconds. A failed write keeps its
   * sessions for the next flush (a newer sighting of the same session wins).
   */
  async flushSeen(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.seen.size === 0) return;
    const batch = [...this.seen];
    this.seen.clear();
    for (let i = 0; i < batch.length; i += SEEN_CHUNK) {
      const chunk = batch.slice(i, i + SEEN_CHUNK);
      try {
        await this.repo.touchSessions(chunk.map(([id, at]) => ({ id, at })));
      } catch {
        for (const [id, at] of chunk) if (!this.seen.has(id)) this.seenAt(id, at);
      }
    }
  }

  /** Forgets a person's cached sessions whenever the database says their principal changed. */
  watch(db: Pick<Database, 'listen'>): Promise<() => Promise<void>> {
    return db.listen(PRINCIPAL_CHANNEL, (userId) => this.cache.forgetUser(userId));
  }

  async end(sessionId: string): Promise<void> {
    await this.repo.deleteSession(sessionId);
    // the database trigger notifies too; forgetting here makes this process's next request see it at once
    this.cache.forgetSession(sessionId);
  }
}
