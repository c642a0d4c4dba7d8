// notifications: the in-app inbox every capability writes to when something changes.
import type { Kysely } from 'kysely';
import type { ModuleDefinition } from '../../platform/module.ts';
import { messages } from './messages.ts';
import { notificationRoutes } from './routes.ts';
import { NotificationService, type NewNotification } from './service.ts';

export interface NotificationsApi {
  notify(n: NewNotification, trx?: Kysely<object>): Promise<void>;
  exportFor(userId: string): Promise<unknown>;
}

export const notificationsModule: ModuleDefinition<NotificationsApi> = {
  name: 'notifications',
  migrations: new URL('./migrations/', import.meta.url),
  create(platform) {
    const service = new NotificationService(platform);
    return {
      api: { notify: (n, trx) => service.notify(n, trx), exportFor: (userId) => service.exportFor(userId) },
      messages,
      routes: (app) => notificationRoutes(app, service),
      features: [{ key: 'notifications', face: 'citizen' }],
    };
  },
};
