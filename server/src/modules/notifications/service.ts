// Tells a person that something about their report or dossier changed. The in-app inbox
// always gets the notice; push and SMS channels are added on top of it later.
import type { Kysely } from 'kysely';
import type { Platform } from '../../platform/module.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';

export type { NewNotification } from './repo.ts';

export class NotificationService {
  constructor(private readonly platform: Platform) {}

  /** Adds a notice; pass the caller's transaction so it commits with the change. */
  async notify(n: repo.NewNotification, trx: Kysely<object> = this.platform.db.kysely): Promise<void> {
    await repo.insert(trx, n);
    this.platform.events.live.emit('notification', { userId: n.userId });
  }

  inbox(userId: string, limit: number, offset: number) {
    return repo.list(this.platform.db.kysely, userId, limit, offset);
  }

  async markRead(userId: string, id: string): Promise<void> {
    if ((await repo.markRead(this.platform.db.kysely, userId, id)) === 0) {
      const { items } = await repo.list(this.platform.db.kysely, userId, 1000, 0);
      if (!items.some((i) => i.id === id)) throw notFound('notifications.not_found');
    }
  }

  async markAllRead(userId: string): Promise<number> {
    return repo.markRead(this.platform.db.kysely, userId, null);
  }

  exportFor(userId: string) {
    return repo.exportFor(this.platform.db.kysely, userId);
  }
}
