import { errorReplies } from '@cds/contracts/common';
import { EsmsSendReply, EsmsSendRequest, SmsDeliveryReply } from '@cds/contracts/notifications';
import { Inbox, InboxQuery, NoticeParams, Preferences, PushSubscriptionInput, PushSubscriptionReply, PushUnsubscribeInput, ReadAllReply, VapidKeyReply } from '@cds/contracts/notifications';
import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import type { NotificationService } from './service.ts';
import { DEMO_ESMS_PATH, type DemoEsmsGateway } from './sms-dlr.ts';

export function notificationRoutes(app: App, service: NotificationService): void {
  app.get('/api/me/notifications', {
    config: { policy: policy.signedIn },
    schema: {
      tags: ['notifications'],
      summary: 'My notification inbox, newest first',
      querystring: InboxQuery,
      response: { 200: Inbox },
    },
  }, async (request) => {
    const { items, total, unread } = await service.inbox(requirePrincipal(request).userId, request.query.limit ?? 30, request.query.offset ?? 0);
    return {
      total,
      unread,
      items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.created_at.toISOString(), readAt: n.read_at?.toISOString() ?? null })),
    };
  });

  app.post('/api/me/notifications/:id/read', {
    config: { policy: policy.signedIn },
    schema: { tags: ['notifications'], summary: 'Mark one notice as read', params: NoticeParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await service.markRead(requirePrincipal(request).userId, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/me/notifications/read-all', {
    config: { policy: policy.signedIn },
    schema: { tags: ['notifications'], summary: 'Mark every notice as read', response: { 200: ReadAllReply } },
  }, async (request) => ({ updated: await service.markAllRead(requirePrincipal(request).userId) }));
}

export function pushRoutes(app: App, service: NotificationService): void {
  app.get('/api/push/vapid-public-key', {
    config: { policy: policy.public },
    schema: { tags: ['notifications'], summary: 'The VAPID public key browsers subscribe with (applicationServerKey)', response: { 200: VapidKeyReply, ...errorReplies(503) } },
  }, async () => ({ publicKey: await service.publicKey() }));

  app.post('/api/push/subscriptions', {
    // signed in: alerts for the person's own commune; anonymous: for the communes chosen
    config: { policy: policy.public },
    schema: {
      tags: ['notifications'],
      summary: 'Register a device for Web Push (a browser PushSubscription)',
      body: PushSubscriptionInput,
      response: { 201: PushSubscriptionReply, ...errorReplies(400) },
    },
  }, async (request, reply) => reply.status(201).send(await service.subscribe(request.principal?.userId ?? null, request.body)));

  app.delete('/api/push/subscriptions', {
    config: { policy: policy.public },
    schema: { tags: ['notifications'], summary: 'Remove a device from Web Push', body: PushUnsubscribeInput, response: { 204: Type.Null(), ...errorReplies(400, 404) } },
  }, async (request, reply) => {
    await service.unsubscribe(request.principal?.userId ?? null, request.body.endpoint);
    return reply.status(204).send(null);
  });

  app.get('/api/me/notification-preferences', {
    config: { policy: policy.signedIn },
    schema: { tags: ['notifications'], summary: 'How I want to be reached', response: { 200: Preferences } },
  }, async (request) => service.preferences(requirePrincipal(request).userId));

  app.put('/api/me/notification-preferences', {
    config: { policy: policy.signedIn },
    schema: { tags: ['notifications'], summary: 'Change how I want to be reached', body: Preferences, response: { 200: Preferences, ...errorReplies(400) } },
  }, async (request) => service.savePreferences(requirePrincipal(request).userId, request.body));
}

export function smsReportRoutes(app: App, service: NotificationService, secret: string | null): void {
  // the signature covers the raw body, so it is read as bytes and parsed only once checked
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post('/api/sms/delivery-reports', {
      config: { policy: policy.public },
      schema: {
        tags: ['notifications'],
        summary: 'The SMS gateway’s delivery report (DLR) of one message; X-Sms-Signature = HMAC-SHA256 of "<X-Sms-Timestamp>.<raw body>"',
        headers: Type.Object({ 'x-sms-timestamp': Type.Optional(Type.String()), 'x-sms-signature': Type.Optional(Type.String()) }),
        response: { 200: SmsDeliveryReply, ...errorReplies(400, 401) },
      },
    }, async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return service.smsDeliveryReport(raw, String(request.headers['x-sms-timestamp'] ?? ''), String(request.headers['x-sms-signature'] ?? ''), secret);
    });
  });
}

/** Demo mode: the SMS gateway stand-in, in eSMS's protocol (its keys are in the body, as eSMS has them). */
export function demoSmsGatewayRoutes(app: App, gateway: DemoEsmsGateway): void {
  app.post(DEMO_ESMS_PATH, {
    config: { policy: policy.public },
    schema: {
      hide: true,
      summary: 'Demo SMS gateway: one text in the eSMS.vn JSON shape (SendMultipleMessage_V4_post_json); it lands in the demo outbox and a signed delivery report follows',
      body: EsmsSendRequest,
      response: { 200: EsmsSendReply, ...errorReplies(400) },
    },
  }, (request) => gateway.accept(request.body));
}
