// Signing in with the national eID: start (remember state, nonce and PKCE verifier,
// send the browser to the provider) and finish (check them, read the claims, find or
// create the account, open a session).
import type { DataCipher } from '../../../platform/crypto.ts';
import { randomToken, safeEqual, sha256 } from '../../../platform/crypto.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/module.ts';
import { searchTextOf } from '../auth.ts';
import { parsePersonalId } from '@cds/contracts';
import { PERSONAL_ID_CONTEXT } from '../profile.ts';
import type { Executor, IdentityRepo, UserPatch, UserRow } from '../repo.ts';
import type { SessionService } from '../sessions.ts';
import type { RequestMeta, SignedIn } from '../types.ts';
import { readEidIdentity, type EidIdentity } from './claims.ts';
import { EidRelyingParty } from './relying-party.ts';

export const EID_STATE_COOKIE = 'cds_eid';
export const EID_STATE_TTL_SECONDS = 600;
/** Where the browser goes when eID sign-in fails (the web app's sign-in page shows a notice). */
export const EID_FAILURE_PATH = '/sign-in?eid=failed';

/** A sign-in that did not work; `reason` goes to the log, never to the browser. */
export class EidFailure extends Error {
  constructor(readonly reason: 'state' | 'cancelled' | 'provider' | 'account_disabled', options?: { cause?: unknown }) {
    super(reason, options);
  }
}

/** Only same-origin relative paths, so the sign-in cannot be turned into an open redirect. */
export function safeReturnTo(value: string | undefined): string {
  const hasControl = [...(value ?? '')].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
  if (!value || value.length > 500 || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || hasControl) return '/';
  const base = 'http://return-to.invalid';
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}

export class EidService {
  constructor(
    private readonly platform: Platform,
    private readonly repo: IdentityRepo,
    private readonly cipher: DataCipher,
    private readonly sessions: SessionService,
    private readonly rp: EidRelyingParty,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(returnTo: string | undefined): Promise<{ redirectUrl: string; state: string }> {
    const checks = EidRelyingParty.newChecks();
    let redirectUrl: string;
    try {
      redirectUrl = await this.rp.authorizationUrl(checks);
    } catch (err) {
      this.platform.log.error({ err }, 'eID provider discovery failed');
      throw new AppError(503, 'identity.eid_unavailable');
    }
    await this.repo.insertEidState({
      state_hash: sha256(checks.state),
      nonce: checks.nonce,
      code_verifier: checks.codeVerifier,
      return_to: safeReturnTo(returnTo),
      expires_at: new Date(this.now().getTime() + EID_STATE_TTL_SECONDS * 1000),
    });
    return { redirectUrl, state: checks.state };
  }

  /** `cookieState` binds the callback to the browser that started the sign-in. */
  async finish(callbackUrl: URL, cookieState: string | undefined, meta: RequestMeta): Promise<{ signedIn: SignedIn; returnTo: string }> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !cookieState || !safeEqual(state, cookieState)) throw new EidFailure('state');
    const pending = await this.repo.takeEidState(sha256(state), this.now());
    if (!pending) throw new EidFailure('state');
    if (callbackUrl.searchParams.get('error')) throw new EidFailure(callbackUrl.searchParams.get('error') === 'access_denied' ? 'cancelled' : 'provider');
    let identity: EidIdentity;
    try {
      identity = readEidIdentity(await this.rp.complete(callbackUrl, { state, nonce: pending.nonce, codeVerifier: pending.code_verifier }));
    } catch (err) {
      throw new EidFailure('provider', { cause: err });
    }
    return { signedIn: await this.signIn(identity, meta), returnTo: pending.return_to };
  }

  /** Same eID subject, else same personal ID number, else a new citizen account (without a phone). */
  private signIn(identity: EidIdentity, meta: RequestMeta): Promise<SignedIn> {
    const idHash = identity.personalId ? this.cipher.mac('personal_id', identity.personalId) : null;
    return this.platform.db.kysely.transaction().execute(async (trx) => {
      const user = (await this.repo.findUserByEidSub(identity.sub, trx)) ?? (idHash ? await this.repo.findUserByPersonalIdHash(idHash, trx) : undefined);
      if (user && user.status !== 'active') throw new EidFailure('account_disabled');
      const userId = user ? await this.link(user, identity, idHash, trx) : await this.create(identity, idHash, trx);
      const signedIn = await this.sessions.start(userId, 'eid', meta, trx);
      await this.platform.audit.record({
        actorUserId: userId, action: 'auth.sign_in', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined,
        details: { method: 'eid', level: identity.level, outcome: user ? (user.eid_sub ? 'signed_in' : 'linked') : 'created' },
      }, trx);
      return signedIn;
    });
  }

  /** Records the link and fills in what the account lacks; what the person entered is kept. */
  private async link(user: UserRow, identity: EidIdentity, idHash: string | null, trx: Executor): Promise<string> {
    const patch: UserPatch = { eid_sub: identity.sub, eid_level: identity.level };
    if (!user.eid_sub) patch.eid_linked_at = this.now();
    if (!user.full_name && identity.fullName) {
      patch.full_name = identity.fullName;
      patch.search_text = searchTextOf(identity.fullName, user.phone);
    }
    if (!user.date_of_birth && identity.dateOfBirth) patch.date_of_birth = identity.dateOfBirth;
    const facts = identity.personalId ? parsePersonalId(identity.personalId) : undefined;
    if (!user.sex && facts?.ok) patch.sex = facts.facts.sex;
    if (!user.personal_id_hash && identity.personalId && idHash && !(await this.repo.findUserByPersonalIdHash(idHash, trx))) {
      patch.personal_id_enc = this.cipher.encrypt(identity.personalId, PERSONAL_ID_CONTEXT);
      patch.personal_id_hash = idHash;
    }
    await this.repo.updateUser(user.id, patch, trx);
    return user.id;
  }

  private async create(identity: EidIdentity, idHash: string | null, trx: Executor): Promise<string> {
    const facts = identity.personalId ? parsePersonalId(identity.personalId) : undefined;
    const userId = await this.repo.insertUser({
      phone: null,
      password_hash: null,
      full_name: identity.fullName,
      date_of_birth: identity.dateOfBirth,
      sex: facts?.ok ? facts.facts.sex : null,
      personal_id_enc: identity.personalId ? this.cipher.encrypt(identity.personalId, PERSONAL_ID_CONTEXT) : null,
      personal_id_hash: idHash,
      eid_sub: identity.sub,
      eid_level: identity.level,
      eid_linked_at: this.now(),
      search_text: searchTextOf(identity.fullName, null),
    }, trx);
    await this.platform.events.publish(trx, 'identity.user_registered', userId, { userId, method: 'eid' });
    return userId;
  }

  /** A random secret for the embedded demo provider's client when none is configured. */
  static demoClientSecret(configured: string | undefined): string {
    return configured ?? randomToken(24);
  }
}
