// SQL of the notifications module: the inbox.
import type { Generated, Kysely, Selectable } from 'kysely';

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  read_at: Date | null;
}

type Tables = { notifications: NotificationTable };

const INBOX_COLUMNS = ['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'] as const;
export type NotificationRow = Pick<Selectable<NotificationTable>, (typeof INBOX_COLUMNS)[number]>;

/** What a module asks to tell a person (the notify() of the module's api). */
export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  dedupeKey?: string | null;
}

const t = (db: Kysely<object>) => db.withTables<Tables>();

export async function insert(db: Kysely<object>, n: NewNotification): Promise<void> {
  await t(db)
    .insertInto('notifications')
    .values({ user_id: n.userId, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null, dedupe_key: n.dedupeKey ?? null })
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .execute();
}

export async function list(db: Kysely<object>, userId: string, limit: number, offset: number): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  const items = await t(db)
    .selectFrom('notifications')
    .select(INBOX_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  const counts = await t(db)
    .selectFrom('notifications')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread')])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { items, total: Number(counts.total), unread: Number(counts.unread) };
}

export async function markRead(db: Kysely<object>, userId: string, id: string | null): Promise<number> {
  let q = t(db).updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function exportFor(db: Kysely<object>, userId: string): Promise<NotificationRow[]> {
  return t(db).selectFrom('notifications').select(INBOX_COLUMNS).where('user_id', '=', userId).orderBy('created_at').execute();
}
