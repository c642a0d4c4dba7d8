import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import type { NotificationService } from './service.ts';

const Notification = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export function notificationRoutes(app: App, service: NotificationService): void {
  app.get('/api/me/notifications', {
    config: { policy: policy.signedIn },
    schema: {
      tags: ['notifications'],
      summary: 'My notification inbox, newest first',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }),
      response: { 200: Type.Object({ items: Type.Array(Notification), total: Type.Integer(), unread: Type.Integer() }) },
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
    schema: { tags: ['notifications'], summary: 'Mark one notice as read', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await service.markRead(requirePrincipal(request).userId, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/me/notifications/read-all', {
    config: { policy: policy.signedIn },
    schema: { tags: ['notifications'], summary: 'Mark every notice as read', response: { 200: Type.Object({ updated: Type.Integer() }) } },
  }, async (request) => ({ updated: await service.markAllRead(requirePrincipal(request).userId) }));
}
