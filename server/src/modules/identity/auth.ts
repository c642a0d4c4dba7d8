// Signing up with a phone number and a one-time code, signing in with a password,
// signing out, and getting a new password with a one-time code.
import type { Principal } from '../../platform/auth.ts';
import { foldVietnamese, normalizePhone } from '@cds/contracts';
import { AppError, conflict, invalidField, tooMany, unauthorized } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { SmsChannel } from '../../platform/sms.ts';
import type { OtpService } from './otp.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import type { IdentityRepo, OtpPurpose } from './repo.ts';
import type { SessionService } from './sessions.ts';
import type { OtpIssued, RequestMeta, SignedIn } from './types.ts';

/**
 * Limits per window. Login counters are taken before the password is checked, so parallel
 * guesses each use a slot; a success gives its slots back. Thousands of people share one
 * carrier address, so an address is never locked: past its limit it is slowed to one try
 * per `loginIpSlowdown` window, while the hard limits are per (address, number) and per
 * number across all addresses (a distributed guess at one account).
 */
export const LIMITS = {
  loginPerIpPhone: { limit: 5, windowSeconds: 15 * 60 },
  loginPerPhone: { limit: 20, windowSeconds: 3600 },
  loginPerIp: { limit: 30, windowSeconds: 15 * 60 },
  loginIpSlowdown: { limit: 1, windowSeconds: 2 },
  otpPerPhone: { limit: 5, windowSeconds: 3600 },
  otpPerIp: { limit: 20, windowSeconds: 3600 },
} as const;

/** What a code request sends: the code, a note that the number already has an account, or nothing. */
type SmsKind = 'code' | 'account_exists' | 'nothing';

export function requirePhone(input: string, field = 'phone'): string {
  const phone = normalizePhone(input);
  if (!phone) throw invalidField(field, 'identity.phone_invalid');
  return phone;
}

export function searchTextOf(fullName: string, phone: string | null): string {
  return [foldVietnamese(fullName), phone ?? ''].join(' ').trim();
}

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

function cleanName(fullName: string): string {
  const name = fullName.trim().replace(/\s+/g, ' ');
  if (!name) throw invalidField('fullName', 'identity.full_name_required');
  return name;
}

function checkPassword(password: string, field: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidField(field, 'validation.minLength', { limit: MIN_PASSWORD_LENGTH });
}

export class AuthService {
  constructor(
    private readonly platform: Platform,
    private readonly repo: IdentityRepo,
    private readonly otp: OtpService,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly sms: SmsChannel,
  ) {}

  private async limit(key: string, rule: { limit: number; windowSeconds: number }): Promise<void> {
    const decision = await this.limiter.hit(key, rule.limit, rule.windowSeconds);
    if (!decision.allowed) throw tooMany('rate_limited', decision.retryAfterSeconds);
  }

  /**
   * Cooldown first (free), then the hourly counters, then a new code, and only then a look at
   * the account: what is sent depends on it (the code, a note that the number already has an
   * account, or nothing), the answer never does.
   */
  private async sendCode(phone: string, purpose: OtpPurpose, meta: RequestMeta, message: (phone: string) => Promise<SmsKind>): Promise<OtpIssued> {
    await this.otp.assertCanResend(phone, purpose);
    await this.limit(`otp:ip:${meta.ip ?? 'unknown'}`, LIMITS.otpPerIp);
    await this.limit(`otp:phone:${phone}`, LIMITS.otpPerPhone);
    const issued = await this.otp.issue(phone, purpose);
    const kind = await message(phone);
    if (kind !== 'nothing') {
      const minutes = Math.ceil(issued.expiresInSeconds / 60);
      const text = kind === 'code' ? translate('vi', 'identity.sms.otp', { code: issued.code, minutes }) : translate('vi', 'identity.sms.account_exists');
      try {
        await this.sms.send(phone, text);
      } catch (err) {
        this.platform.log.error({ err }, 'sending a one-time code failed');
        await this.otp.discard(issued.id);
        throw new AppError(503, 'identity.sms_unavailable');
      }
    }
    return { expiresInSeconds: issued.expiresInSeconds, resendAfterSeconds: issued.resendAfterSeconds };
  }

  /** The same answer whether or not the number has an account; its owner gets an SMS saying they already have one. */
  async startRegistration(phoneInput: string, meta: RequestMeta): Promise<OtpIssued> {
    const phone = requirePhone(phoneInput);
    return this.sendCode(phone, 'register', meta, async (p) => ((await this.repo.findUserByPhone(p)) ? 'account_exists' : 'code'));
  }

  /** The code step of sign-up: right or not, without using the code (completeRegistration does). */
  async checkRegistrationCode(phoneInput: string, code: string): Promise<void> {
    await this.otp.check(requirePhone(phoneInput), 'register', code);
  }

  async completeRegistration(input: { phone: string; code: string; password: string; fullName: string }, meta: RequestMeta): Promise<SignedIn> {
    const phone = requirePhone(input.phone);
    const fullName = cleanName(input.fullName);
    checkPassword(input.password, 'password');
    // the code first: only the number's owner may learn that it has an account
    const otpId = await this.otp.check(phone, 'register', input.code);
    if (await this.repo.findUserByPhone(phone)) throw conflict('identity.phone_taken');
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.platform.db.kysely.transaction().execute(async (trx) => {
        await this.otp.consume(otpId, trx);
        const userId = await this.repo.insertUser({ phone, password_hash: passwordHash, full_name: fullName, search_text: searchTextOf(fullName, phone) }, trx);
        const signedIn = await this.sessions.start(userId, 'register', meta, trx);
        await this.platform.audit.record({ actorUserId: userId, action: 'user.registered', subjectType: 'user', subjectId: userId, ip: meta.ip ?? undefined }, trx);
        await this.platform.events.publish(trx, 'identity.user_registered', userId, { userId, method: 'phone' });
        return signedIn;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('identity.phone_taken');
      throw err;
    }
  }

  async login(input: { phone: string; password: string }, meta: RequestMeta): Promise<SignedIn> {
    const phone = requirePhone(input.phone);
    const ip = meta.ip ?? 'unknown';
    await this.slowDownAddress(ip);
    const accountKeys = [
      { key: `login:ip-phone:${ip}:${phone}`, rule: LIMITS.loginPerIpPhone },
      { key: `login:phone:${phone}`, rule: LIMITS.loginPerPhone },
    ];
    for (const { key, rule } of accountKeys) await this.limit(key, rule);
    const user = await this.repo.findUserByPhone(phone);
    const active = user?.status === 'active' ? user : undefined;
    const passwordOk = await verifyPassword(active?.password_hash ?? null, input.password);
    if (!active || !passwordOk) {
      if (user) {
        await this.platform.audit.record({ actorUserId: null, action: 'auth.sign_in_failed', subjectType: 'user', subjectId: user.id, ip: meta.ip ?? undefined, details: { method: 'password' } });
      }
      throw unauthorized('identity.bad_credentials');
    }
    for (const { key } of accountKeys) await this.limiter.reset(key);
    await this.limiter.refund(`login:ip:${ip}`, LIMITS.loginPerIp.windowSeconds);
    return this.platform.db.kysely.transaction().execute(async (trx) => {
      const signedIn = await this.sessions.start(active.id, 'password', meta, trx);
      await this.platform.audit.record({ actorUserId: active.id, action: 'auth.sign_in', subjectType: 'user', subjectId: active.id, ip: meta.ip ?? undefined, details: { method: 'password' } }, trx);
      return signedIn;
    });
  }

  /** Counts a try from an address; past the address's limit only one try per short window goes through. */
  private async slowDownAddress(ip: string): Promise<void> {
    const perIp = await this.limiter.hit(`login:ip:${ip}`, LIMITS.loginPerIp.limit, LIMITS.loginPerIp.windowSeconds);
    if (perIp.allowed) return;
    await this.limit(`login:ip-slow:${ip}`, LIMITS.loginIpSlowdown);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.end(sessionId);
  }

  /** Always the same answer, so nobody learns whether a number has an account; a code is sent only if it has. */
  async startPasswordReset(phoneInput: string, meta: RequestMeta): Promise<OtpIssued> {
    const phone = requirePhone(phoneInput);
    return this.sendCode(phone, 'password_reset', meta, async (p) => ((await this.repo.findUserByPhone(p))?.status === 'active' ? 'code' : 'nothing'));
  }

  /** Lets the person learn a mistyped code before choosing a new password; a number without an account has no code, so it answers like a wrong one. */
  async checkPasswordResetCode(phoneInput: string, code: string): Promise<void> {
    await this.otp.check(requirePhone(phoneInput), 'password_reset', code);
  }

  /** Sets a new password and ends every other session of the account. */
  async completePasswordReset(input: { phone: string; code: string; newPassword: string }, meta: RequestMeta, current: Principal | null): Promise<void> {
    const phone = requirePhone(input.phone);
    checkPassword(input.newPassword, 'newPassword');
    const otpId = await this.otp.check(phone, 'password_reset', input.code);
    const user = await this.repo.findUserByPhone(phone);
    if (!user || user.status !== 'active') throw invalidField('code', 'identity.otp_expired');
    const passwordHash = await hashPassword(input.newPassword);
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      await this.otp.consume(otpId, trx);
      await this.repo.updateUser(user.id, { password_hash: passwordHash }, trx);
      await this.repo.deleteUserSessions(user.id, trx, current?.userId === user.id ? current.sessionId : undefined);
      await this.platform.audit.record({ actorUserId: user.id, action: 'auth.password_reset', subjectType: 'user', subjectId: user.id, ip: meta.ip ?? undefined }, trx);
    });
    // the database trigger tells every process; this one forgets the ended sessions at once
    this.sessions.cache.forgetUser(user.id);
    await this.limiter.reset(`login:phone:${phone}`);
    await this.limiter.reset(`login:ip-phone:${meta.ip ?? 'unknown'}:${phone}`);
  }
}
