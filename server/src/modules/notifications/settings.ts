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
  PUSH_TTL_SECONDS: Type.Integer({ minimum: 0, maximum: 2419200, default: 86400 }),
}, (v, platform) => ({
  vapid: v.VAPID_PUBLIC_KEY && v.VAPID_PRIVATE_KEY ? { publicKey: v.VAPID_PUBLIC_KEY, privateKey: v.VAPID_PRIVATE_KEY } : null,
  subject: v.VAPID_SUBJECT ?? (platform.publicUrl.startsWith('https://') ? platform.publicUrl : 'mailto:admin@congdanso.invalid'),
  concurrency: v.PUSH_CONCURRENCY,
  ttlSeconds: v.PUSH_TTL_SECONDS,
}));
