import { Inbox, InboxQuery, NoticeParams, ReadAllReply } from '@cds/contracts/notifications';
import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import type { NotificationService } from './service.ts';

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
