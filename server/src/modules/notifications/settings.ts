// Environment settings of the notifications channels: the VAPID key pair of Web Push
// (RFC 8292) and how hard the push sender may hit push services.
import { Type } from 'typebox';
import { defineSettings } from '../../platform/settings.ts';

export const notificationSettings = defineSettings('notifications', {
  // unset in demo mode: a pair is generated on first start and kept in the database
  VAPID_PUBLIC_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{86,88}$', description: 'Web Push VAPID public key, base64url (npx web-push generate-vapid-keys)' })),
  VAPID_PRIVATE_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{42,44}$', secret: true })),
  VAPID_SUBJECT: Type.Optional(Type.String({ pattern: '^(mailto:|https://)', description: 'contact the push services may use (mailto: or https:)' })),
  PUSH_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 1000, default: 64, description: 'push requests in flight at once' }),
  PUSH_THREADS: Type.Optional(Type.Integer({ minimum: 0, maximum: 64, description: 'worker threads that encrypt and send a large fan-out (default: one per core; 0: the main thread only)' })),
  SMS_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 500, default: 32, description: 'texts handed to the SMS gateway at once (keep within the gateway contract’s rate)' }),
  PUSH_TTL_SECONDS: Type.Integer({ minimum: 0, maximum: 2419200, default: 86400 }),
  // the SMS gateway signs its delivery reports (POST /api/sms/delivery-reports) with this; unset
  // in demo mode: the demo gateway and the server share a demo secret
  SMS_DLR_SECRET: Type.Optional(Type.String({ minLength: 16, secret: true, mustBe: 'a secret of 16 characters or more, shared with the SMS gateway' })),
}, (v, platform) => ({
  vapid: v.VAPID_PUBLIC_KEY && v.VAPID_PRIVATE_KEY ? { publicKey: v.VAPID_PUBLIC_KEY, privateKey: v.VAPID_PRIVATE_KEY } : null,
  subject: v.VAPID_SUBJECT ?? (platform.publicUrl.startsWith('https://') ? platform.publicUrl : 'mailto:admin@congdanso.invalid'),
  concurrency: v.PUSH_CONCURRENCY,
  ttlSeconds: v.PUSH_TTL_SECONDS,
  threads: v.PUSH_THREADS,
  smsConcurrency: v.SMS_CONCURRENCY,
  /** Null: delivery reports are refused (no secret to check them with). */
  dlrSecret: v.SMS_DLR_SECRET ?? (platform.demoMode ? DEMO_DLR_SECRET : null),
  /** Demo mode with the outbox: the demo gateway reports delivery like a real one. */
  demoGateway: platform.demoMode && platform.sms.channel === 'outbox',
  dlrUrl: `${platform.publicUrl}/api/sms/delivery-reports`,
  publicUrl: platform.publicUrl,
}));

export const DEMO_DLR_SECRET = 'cds-demo-sms-delivery-report-secret';
