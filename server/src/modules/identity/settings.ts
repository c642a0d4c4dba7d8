// Environment settings of the identity module: sessions, one-time codes, national eID.
import { Type } from 'typebox';
import { defineSettings, HttpUrl } from '../../platform/settings.ts';

export const identitySettings = defineSettings('identity', {
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 365, default: 24 * 30, description: 'how long a sign-in lasts' }),
  OTP_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 3600, default: 300 }),
  OTP_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
  OTP_RESEND_COOLDOWN_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 60 }),
  // unset in demo mode: the built-in demo provider at $PUBLIC_URL/oidc
  EID_ISSUER: Type.Optional(HttpUrl()),
  EID_CLIENT_ID: Type.String({ default: 'cong-dan-so' }),
  EID_CLIENT_SECRET: Type.Optional(Type.String({ secret: true })),
  EID_REDIRECT_URI: Type.Optional(HttpUrl()),
  EID_SCOPE: Type.String({ default: 'openid' }),
}, (v, platform) => ({
  sessionTtlHours: v.SESSION_TTL_HOURS,
  otp: { ttlSeconds: v.OTP_TTL_SECONDS, maxAttempts: v.OTP_MAX_ATTEMPTS, resendCooldownSeconds: v.OTP_RESEND_COOLDOWN_SECONDS },
  eid: {
    issuer: v.EID_ISSUER,
    clientId: v.EID_CLIENT_ID,
    clientSecret: v.EID_CLIENT_SECRET,
    redirectUri: v.EID_REDIRECT_URI ?? `${platform.publicUrl}/api/auth/eid/callback`,
    scope: v.EID_SCOPE,
  },
}));

export type IdentitySettings = ReturnType<typeof identitySettings.of>;
