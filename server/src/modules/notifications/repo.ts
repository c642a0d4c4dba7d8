// SQL of the notifications module: the inbox.
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';

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
  // the counts ride along as window functions over every row of the person, computed before the
  // page is cut: one query for the bell, which every open app polls
  const rows = await t(db)
    .selectFrom('notifications')
    .select(INBOX_COLUMNS)
    .select([sql<string>`count(*) OVER ()`.as('total'), sql<string>`count(*) FILTER (WHERE read_at IS NULL) OVER ()`.as('unread')])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  const first = rows[0];
  if (first) return { items: rows.map(({ total: _t, unread: _u, ...item }) => item), total: Number(first.total), unread: Number(first.unread) };
  if (offset === 0) return { items: [], total: 0, unread: 0 };
  // past the last page: no row carries the counts
  const counts = await t(db)
    .selectFrom('notifications')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread')])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { items: [], total: Number(counts.total), unread: Number(counts.unread) };
}

export async function markRead(db: Kysely<object>, userId: string, id: string | null): Promise<number> {
  let q = t(db).updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function exportFor(db: Kysely<object>, userId: string) {
  const [inbox, devices, preferences] = await Promise.all([
    t(db).selectFrom('notifications').select(INBOX_COLUMNS).where('user_id', '=', userId).orderBy('created_at').execute(),
    c(db).selectFrom('push_subscriptions').select(['endpoint', 'communes', 'accept_tests', 'created_at', 'last_success_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
    c(db).selectFrom('notification_preferences').select(['sms', 'accept_tests', 'quiet_from', 'quiet_to', 'communes', 'updated_at']).where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return { inbox, devices, preferences: preferences ?? null };
}

/** A deleted account: its inbox, its devices' push subscriptions and its preferences go. */
export async function eraseUser(db: Kysely<object>, userId: string): Promise<void> {
  await t(db).deleteFrom('notifications').where('user_id', '=', userId).execute();
  await c(db).deleteFrom('push_subscriptions').where('user_id', '=', userId).execute();
  await c(db).deleteFrom('notification_preferences').where('user_id', '=', userId).execute();
}

// ---- channels: push subscriptions, VAPID keys, preferences ----

export interface PushSubscriptionTable {
  id: Generated<string>;
  user_id: string | null;
  endpoint: string;
  p256dh: string;
  auth: string;
  communes: string[];
  accept_tests: Generated<boolean>;
  created_at: Generated<Date>;
  last_success_at: Date | null;
  failures: Generated<number>;
}

export interface VapidKeyTable {
  id: number;
  public_key: string;
  private_key: string;
  created_at: Generated<Date>;
}

export interface PreferencesTable {
  user_id: string;
  sms: boolean;
  accept_tests: boolean;
  quiet_from: string | null;
  quiet_to: string | null;
  communes: string[];
  updated_at: Generated<Date>;
}

type ChannelTables = Tables & { push_subscriptions: PushSubscriptionTable; push_vapid_keys: VapidKeyTable; notification_preferences: PreferencesTable };
const c = (db: Kysely<object>) => db.withTables<ChannelTables>();
const textArray = (values: readonly string[]) => sql<string[]>`${sql.val([...values])}::text[]`;

export type SubscriptionRow = Pick<Selectable<PushSubscriptionTable>, 'id' | 'user_id' | 'endpoint' | 'p256dh' | 'auth' | 'communes' | 'accept_tests'>;
export type PreferencesRow = Selectable<PreferencesTable>;

export async function vapidKeys(db: Kysely<object>): Promise<{ publicKey: string; privateKey: string } | null> {
  const row = await c(db).selectFrom('push_vapid_keys').select(['public_key', 'private_key']).where('id', '=', 1).executeTakeFirst();
  return row ? { publicKey: row.public_key, privateKey: row.private_key } : null;
}

/** Stores a generated pair unless another process stored one first; returns the stored pair. */
export async function storeVapidKeys(db: Kysely<object>, keys: { publicKey: string; privateKey: string }): Promise<{ publicKey: string; privateKey: string }> {
  await c(db).insertInto('push_vapid_keys').values({ id: 1, public_key: keys.publicKey, private_key: keys.privateKey }).onConflict((oc) => oc.column('id').doNothing()).execute();
  return (await vapidKeys(db)) ?? keys;
}

export async function upsertSubscription(db: Kysely<object>, s: { userId: string | null; endpoint: string; p256dh: string; auth: string; communes: string[]; acceptTests: boolean }): Promise<SubscriptionRow> {
  return c(db)
    .insertInto('push_subscriptions')
    .values({ user_id: s.userId, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth, communes: textArray(s.communes), accept_tests: s.acceptTests, last_success_at: null })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({ user_id: s.userId, p256dh: s.p256dh, auth: s.auth, communes: textArray(s.communes), accept_tests: s.acceptTests, failures: 0 }),
    )
    .returning(['id', 'user_id', 'endpoint', 'p256dh', 'auth', 'communes', 'accept_tests'])
    .executeTakeFirstOrThrow();
}

export async function findSubscription(db: Kysely<object>, endpoint: string): Promise<SubscriptionRow | undefined> {
  return c(db).selectFrom('push_subscriptions').select(['id', 'user_id', 'endpoint', 'p256dh', 'auth', 'communes', 'accept_tests']).where('endpoint', '=', endpoint).executeTakeFirst();
}

export async function deleteSubscription(db: Kysely<object>, endpoint: string): Promise<number> {
  const res = await c(db).deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function deleteSubscriptionsById(db: Kysely<object>, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) await c(db).deleteFrom('push_subscriptions').where('id', 'in', ids.slice(i, i + 5000)).execute();
}

export async function markPushed(db: Kysely<object>, ids: readonly string[], at: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) {
    await c(db).updateTable('push_subscriptions').set({ last_success_at: at, failures: 0 }).where('id', 'in', ids.slice(i, i + 5000)).execute();
  }
}

/** Subscriptions of these people, and anonymous devices that asked for one of these communes. */
export async function subscriptionsFor(db: Kysely<object>, userIds: readonly string[], communes: readonly string[], testsOnly: boolean): Promise<SubscriptionRow[]> {
  const rows: SubscriptionRow[] = [];
  const cols = ['id', 'user_id', 'endpoint', 'p256dh', 'auth', 'communes', 'accept_tests'] as const;
  for (let i = 0; i < userIds.length; i += 5000) {
    for (const r of await c(db).selectFrom('push_subscriptions').select(cols).where('user_id', 'in', userIds.slice(i, i + 5000)).execute()) rows.push(r);
  }
  if (communes.length > 0) {
    let q = c(db).selectFrom('push_subscriptions').select(cols).where('user_id', 'is', null).where(sql<boolean>`communes && ${textArray(communes)}`);
    if (testsOnly) q = q.where('accept_tests', '=', true);
    // one row at a time: spreading a province's devices (412,180) into push() overflows the stack
    for (const r of await q.execute()) rows.push(r);
  }
  return rows;
}

export async function preferences(db: Kysely<object>, userIds: readonly string[]): Promise<Map<string, PreferencesRow>> {
  const map = new Map<string, PreferencesRow>();
  for (let i = 0; i < userIds.length; i += 5000) {
    const rows = await c(db).selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds.slice(i, i + 5000)).execute();
    for (const r of rows) map.set(r.user_id, r);
  }
  return map;
}

export async function savePreferences(db: Kysely<object>, p: Omit<PreferencesRow, 'updated_at'>): Promise<void> {
  const values = { ...p, communes: textArray(p.communes) };
  await c(db)
    .insertInto('notification_preferences')
    .values(values)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, user_id: undefined, updated_at: new Date() }))
    .execute();
  // a signed-in person's devices follow their choice about tests
  await c(db).updateTable('push_subscriptions').set({ accept_tests: p.accept_tests }).where('user_id', '=', p.user_id).execute();
}

/** People who asked for alerts of one of these communes besides their home commune. */
export async function followersOf(db: Kysely<object>, communes: readonly string[]): Promise<string[]> {
  if (communes.length === 0) return [];
  const rows = await c(db).selectFrom('notification_preferences').select('user_id').where(sql<boolean>`communes && ${textArray(communes)}`).execute();
  return rows.map((r) => r.user_id);
}

/** One notice to many people at once (an alert to an area). */
export async function insertMany(db: Kysely<object>, userIds: readonly string[], n: Omit<NewNotification, 'userId'>): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < userIds.length; i += 2000) {
    const res = await t(db)
      .insertInto('notifications')
      .values(userIds.slice(i, i + 2000).map((userId) => ({ user_id: userId, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null, dedupe_key: n.dedupeKey ?? null })))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
      .returning('id')
      .execute();
    inserted += res.length;
  }
  return inserted;
}

// ---------------------------------------------------------------- SMS delivery reports

export interface SmsMessageTable {
  id: Generated<string>;
  request_id: string;
  ref: string | null;
  gateway_id: string | null;
  status: 'queued' | 'sent' | 'delivered' | 'failed';
  error: string | null;
  created_at: Generated<Date>;
  status_at: Generated<Date>;
}
const sms = (db: Kysely<object>) => db.withTables<{ sms_messages: SmsMessageTable }>();

/** Before the gateway call: a message we are about to hand over (a repeat keeps its row). */
/** Texts about to go to the gateway, in one statement per batch; a request id already known stays as it is. */
export async function smsQueued(db: Kysely<object>, requestIds: readonly string[], ref: string | null): Promise<void> {
  if (requestIds.length === 0) return;
  await sms(db).insertInto('sms_messages').values(requestIds.map((id) => ({ request_id: id, ref, status: 'queued' as const }))).onConflict((oc) => oc.column('request_id').doNothing()).execute();
}

/**
 * What the gateway said of each text of a batch: taken (with its id) or refused. A report
 * that already came stays: it is newer news.
 */
export async function smsHandedOver(db: Kysely<object>, taken: readonly { requestId: string; gatewayId: string | null }[], refused: readonly { requestId: string; error: string }[], at: Date): Promise<void> {
  if (taken.length > 0) {
    await sql`UPDATE sms_messages m SET status = 'sent', gateway_id = v.gateway_id, status_at = ${at}
      FROM unnest(${textArray(taken.map((x) => x.requestId))}, ${sql.val(taken.map((x) => x.gatewayId))}::text[]) AS v(request_id, gateway_id)
      WHERE m.request_id = v.request_id AND m.status IN ('queued', 'sent')`.execute(db);
  }
  if (refused.length > 0) {
    await sql`UPDATE sms_messages m SET status = 'failed', error = v.error, status_at = ${at}
      FROM unnest(${textArray(refused.map((x) => x.requestId))}, ${textArray(refused.map((x) => x.error.slice(0, 500)))}) AS v(request_id, error)
      WHERE m.request_id = v.request_id AND m.status IN ('queued', 'sent')`.execute(db);
  }
}

/** A delivery report: by our request id, else by the gateway's message id. Returns whether the message is ours. */
export async function smsReported(db: Kysely<object>, r: { requestId: string; gatewayId: string | null; status: 'delivered' | 'failed'; error: string | null; at: Date }): Promise<boolean> {
  const res = await sms(db)
    .updateTable('sms_messages')
    .set({ status: r.status, error: r.error, status_at: r.at, ...(r.gatewayId ? { gateway_id: r.gatewayId } : {}) })
    .where((eb) => (r.gatewayId ? eb.or([eb('request_id', '=', r.requestId), eb('gateway_id', '=', r.gatewayId)]) : eb('request_id', '=', r.requestId)))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Messages about one record by status: queued and sent ones have no report yet. */
export async function smsCounts(db: Kysely<object>, ref: string): Promise<{ sent: number; delivered: number; failed: number; pending: number }> {
  const rows = await sms(db).selectFrom('sms_messages').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('ref', '=', ref).groupBy('status').execute();
  const n = (s: SmsMessageTable['status']) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { sent: n('sent') + n('delivered'), delivered: n('delivered'), failed: n('failed'), pending: n('queued') + n('sent') };
}
