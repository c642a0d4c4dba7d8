// Sessions: an opaque random token (32 bytes, base64url) given to the client once; the
// database keeps only its SHA-256, so a leaked table does not sign anyone in.
import type { IdentitySettings } from './settings.ts';
import type { Role } from '@cds/contracts';
import type { Membership, Principal, SessionResolver } from '../../platform/auth.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import type { Executor, IdentityRepo, SessionMethod } from './repo.ts';
import type { AreasPort, RequestMeta, SignedIn } from './types.ts';

// last_seen_at is for the person's list of devices; minute precision would cost a write per request
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export function rolesOf(memberships: Membership[]): Role[] {
  return ['citizen', ...new Set(memberships.map((m) => m.role))];
}

export class SessionService {
  constructor(
    private readonly repo: IdentityRepo,
    private readonly config: Pick<IdentitySettings, 'sessionTtlHours'>,
    private readonly areas: Pick<AreasPort, 'membershipsOf'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
    const now = this.now();
    const session = await this.repo.findLiveSession(sha256(token), now);
    if (!session) return null;
    if (now.getTime() - session.last_seen_at.getTime() > TOUCH_AFTER_MS) await this.repo.touchSession(session.id, now);
    const memberships = await this.areas.membershipsOf(session.user_id);
    return { userId: session.user_id, sessionId: session.id, roles: rolesOf(memberships), memberships };
  };

  async end(sessionId: string): Promise<void> {
    await this.repo.deleteSession(sessionId);
  }
}
