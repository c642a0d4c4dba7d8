// One-time codes (mã OTP) sent by SMS: six random digits, stored as a keyed hash, valid
// for a limited time and a limited number of tries; a new code only after a cooldown.
import { randomInt } from 'node:crypto';
import type { IdentitySettings } from './settings.ts';
import type { DataCipher } from '../../platform/crypto.ts';
import { safeEqual } from '../../platform/crypto.ts';
import { invalidField, tooMany } from '../../platform/errors.ts';
import type { Executor, IdentityRepo, OtpPurpose } from './repo.ts';

export interface IssuedCode {
  id: string;
  code: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export class OtpService {
  constructor(
    private readonly repo: IdentityRepo,
    private readonly cipher: DataCipher,
    private readonly settings: IdentitySettings['otp'],
    private readonly now: () => Date = () => new Date(),
  ) {}

  private hash(phone: string, purpose: OtpPurpose, code: string): string {
    return this.cipher.mac(`otp:${purpose}:${phone}`, code);
  }

  /** 429 while the last code for this number and purpose is younger than the cooldown. */
  async assertCanResend(phone: string, purpose: OtpPurpose): Promise<void> {
    const latest = await this.repo.latestOtp(phone, purpose);
    if (!latest) return;
    const waitMs = latest.created_at.getTime() + this.settings.resendCooldownSeconds * 1000 - this.now().getTime();
    if (waitMs > 0) throw tooMany('rate_limited', Math.ceil(waitMs / 1000));
  }

  async issue(phone: string, purpose: OtpPurpose): Promise<IssuedCode> {
    await this.assertCanResend(phone, purpose);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const createdAt = this.now();
    const id = await this.repo.insertOtp({
      phone,
      purpose,
      code_hash: this.hash(phone, purpose, code),
      created_at: createdAt,
      expires_at: new Date(createdAt.getTime() + this.settings.ttlSeconds * 1000),
    });
    return { id, code, expiresInSeconds: this.settings.ttlSeconds, resendAfterSeconds: this.settings.resendCooldownSeconds };
  }

  /** Forgets a code that could not be delivered, so the person may ask again at once. */
  async discard(id: string): Promise<void> {
    await this.repo.deleteOtp(id);
  }

  /** Checks a code against the latest one sent; returns its id for consume(). Field errors name `code`. */
  async check(phone: string, purpose: OtpPurpose, code: string): Promise<string> {
    const latest = await this.repo.latestOtp(phone, purpose);
    if (!latest || latest.consumed_at || latest.expires_at.getTime() <= this.now().getTime()) {
      throw invalidField('code', 'identity.otp_expired');
    }
    if (latest.attempts >= this.settings.maxAttempts) throw invalidField('code', 'identity.otp_exhausted');
    const attempts = await this.repo.countOtpAttempt(latest.id);
    if (attempts > this.settings.maxAttempts) throw invalidField('code', 'identity.otp_exhausted');
    if (!safeEqual(this.hash(phone, purpose, code), latest.code_hash)) {
      const remaining = this.settings.maxAttempts - attempts;
      throw remaining > 0 ? invalidField('code', 'identity.otp_wrong', { remaining }) : invalidField('code', 'identity.otp_exhausted');
    }
    return latest.id;
  }

  /** Uses the code up, inside the caller's transaction; fails if a parallel request used it first. */
  async consume(id: string, trx: Executor): Promise<void> {
    if (!(await this.repo.consumeOtp(id, this.now(), trx))) throw invalidField('code', 'identity.otp_expired');
  }
}
