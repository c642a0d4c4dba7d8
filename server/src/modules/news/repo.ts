// SQL of the news module: items, their revision history, uploaded files and followed topics.
import { sql, type Generated, type JSONColumnType, type Kysely, type Selectable, type Insertable, type Updateable } from 'kysely';
import type { NewsKind, NewsStatus, NewsTopic } from '@cds/contracts/news.rules';
import type { NewsTexts } from '@cds/contracts/news';

export interface NewsFileTable {
  id: Generated<string>;
  file_id: string;
  kind: 'image' | 'pdf';
  name: string;
  size: number;
  agency_id: string;
  uploaded_by: string;
  created_at: Generated<Date>;
}

export interface NewsItemTable {
  id: Generated<string>;
  agency_id: string;
  kind: NewsKind;
  status: Generated<NewsStatus>;
  texts: JSONColumnType<NewsTexts, string, string>;
  topics: NewsTopic[];
  province_code: string;
  target_communes: string[];
  cover_file_id: string | null;
  attachment_ids: string[];
  publish_at: Date | null;
  published_at: Date | null;
  version: Generated<number>;
  major_update_at: Date | null;
  created_by: string;
  updated_by: string;
  submitted_by: string | null;
  approved_by: string | null;
  review_note: string | null;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  seed_key: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** A major update of published news waiting for a second editor (null: none). */
  pending_texts: JSONColumnType<NewsTexts, string, string> | null;
  pending_by: string | null;
  pending_note: string | null;
  pending_at: Date | null;
}

export type RevisionChange = 'created' | 'edited' | 'submitted' | 'returned' | 'approved' | 'published' | 'major_update' | 'minor_correction' | 'withdrawn' | 'update_submitted' | 'update_returned';

export interface NewsRevisionTable {
  id: Generated<number>;
  news_id: string;
  version: number;
  change: RevisionChange;
  note: string | null;
  texts: JSONColumnType<NewsTexts, string, string> | null;
  editor_id: string | null;
  created_at: Generated<Date>;
}

export interface NewsFollowTable {
  user_id: string;
  topic: NewsTopic;
  created_at: Generated<Date>;
}

type Tables = { news_items: NewsItemTable; news_revisions: NewsRevisionTable; news_files: NewsFileTable; news_topic_follows: NewsFollowTable };

export type NewsItemRow = Selectable<NewsItemTable>;
export type NewsItemInsert = Omit<Insertable<NewsItemTable>, 'texts' | 'pending_texts'> & { texts: NewsTexts };
export type NewsItemPatch = Omit<Updateable<NewsItemTable>, 'texts' | 'pending_texts'> & { texts?: NewsTexts; pending_texts?: NewsTexts | null };
export type NewsRevisionRow = Selectable<NewsRevisionTable>;
export type NewsFileRow = Selectable<NewsFileTable>;
export type NewsFileInsert = Insertable<NewsFileTable>;

const t = (db: Kysely<object>) => db.withTables<Tables>();

/** Items citizens can read: published, or scheduled and due. Withdrawn ones keep their page but leave lists. */
const listed = sql<boolean>`status IN ('published', 'scheduled') AND published_at <= now()`;

export async function insertItem(db: Kysely<object>, item: NewsItemInsert): Promise<NewsItemRow> {
  return t(db).insertInto('news_items').values({ ...item, texts: JSON.stringify(item.texts) }).returningAll().executeTakeFirstOrThrow();
}

export async function updateItem(db: Kysely<object>, id: string, patch: NewsItemPatch): Promise<NewsItemRow> {
  const { texts, pending_texts, ...rest } = patch;
  return t(db)
    .updateTable('news_items')
    .set({ ...rest, ...(texts ? { texts: JSON.stringify(texts) } : {}), ...(pending_texts !== undefined ? { pending_texts: pending_texts ? JSON.stringify(pending_texts) : null } : {}), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findItem(db: Kysely<object>, id: string, forUpdate = false): Promise<NewsItemRow | undefined> {
  let q = t(db).selectFrom('news_items').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function seedKeyExists(db: Kysely<object>, key: string): Promise<boolean> {
  return !!(await t(db).selectFrom('news_items').select('id').where('seed_key', '=', key).executeTakeFirst());
}

export interface PublicFilter {
  provinceCode: string;
  /** A commune: its items and the province-wide ones. Null: only province-wide items. 'all': every item of the province. */
  commune: string | null | 'all';
  topics?: readonly NewsTopic[];
  limit: number;
  offset: number;
}

/** Items citizens see in lists and feeds, newest first. */
export async function listPublic(db: Kysely<object>, f: PublicFilter): Promise<{ items: NewsItemRow[]; total: number }> {
  let q = t(db).selectFrom('news_items').where(listed).where('province_code', '=', f.provinceCode);
  if (f.commune === null) q = q.where(sql<boolean>`cardinality(target_communes) = 0`);
  else if (f.commune !== 'all') q = q.where(sql<boolean>`(cardinality(target_communes) = 0 OR target_communes @> ARRAY[${f.commune}]::text[])`);
  if (f.topics) {
    if (f.topics.length === 0) return { items: [], total: 0 };
    q = q.where(sql<boolean>`topics && ${sql.val([...f.topics])}::text[]`);
  }
  const items = await q.selectAll().orderBy('published_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

export async function listForAgencies(db: Kysely<object>, agencyIds: string[], status: NewsStatus | undefined, limit: number, offset: number): Promise<{ items: NewsItemRow[]; total: number }> {
  if (agencyIds.length === 0) return { items: [], total: 0 };
  let q = t(db).selectFrom('news_items').where('agency_id', 'in', agencyIds);
  if (status) q = q.where('status', '=', status);
  const items = await q.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

/** Scheduled items whose time has come become published; returns them (for the followers' notices). */
export async function publishDue(db: Kysely<object>): Promise<NewsItemRow[]> {
  return t(db)
    .updateTable('news_items')
    .set({ status: 'published', updated_at: new Date() })
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', new Date())
    .returningAll()
    .execute();
}

export async function addRevision(db: Kysely<object>, r: { newsId: string; version: number; change: RevisionChange; note?: string | null; texts?: NewsTexts | null; editorId: string | null }): Promise<void> {
  await t(db)
    .insertInto('news_revisions')
    .values({ news_id: r.newsId, version: r.version, change: r.change, note: r.note ?? null, texts: r.texts ? JSON.stringify(r.texts) : null, editor_id: r.editorId })
    .execute();
}

export async function revisions(db: Kysely<object>, newsId: string): Promise<NewsRevisionRow[]> {
  return t(db).selectFrom('news_revisions').selectAll().where('news_id', '=', newsId).orderBy('id', 'desc').execute();
}

export async function insertFile(db: Kysely<object>, f: NewsFileInsert): Promise<NewsFileRow> {
  return t(db).insertInto('news_files').values(f).returningAll().executeTakeFirstOrThrow();
}

export async function filesByIds(db: Kysely<object>, ids: readonly string[]): Promise<NewsFileRow[]> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('news_files').selectAll().where('id', 'in', [...ids]).execute();
}

/** Whether any item citizens can open (withdrawn included) shows this file. */
export async function fileIsPublic(db: Kysely<object>, fileId: string): Promise<boolean> {
  const row = await t(db)
    .selectFrom('news_items')
    .select('id')
    .where(sql<boolean>`status IN ('published', 'scheduled', 'withdrawn') AND published_at <= now()`)
    .where((eb) => eb.or([eb('cover_file_id', '=', fileId), eb(sql<string>`${fileId}::uuid`, '=', eb.fn.any('attachment_ids'))]))
    .executeTakeFirst();
  return !!row;
}

export async function followedTopics(db: Kysely<object>, userId: string): Promise<NewsTopic[]> {
  const rows = await t(db).selectFrom('news_topic_follows').select('topic').where('user_id', '=', userId).orderBy('topic').execute();
  return rows.map((r) => r.topic);
}

export async function setFollowedTopics(db: Kysely<object>, userId: string, topics: readonly NewsTopic[]): Promise<void> {
  await t(db).deleteFrom('news_topic_follows').where('user_id', '=', userId).execute();
  if (topics.length) await t(db).insertInto('news_topic_follows').values(topics.map((topic) => ({ user_id: userId, topic }))).execute();
}

/** People who follow any of these topics. */
export async function followersOf(db: Kysely<object>, topics: readonly NewsTopic[]): Promise<string[]> {
  if (topics.length === 0) return [];
  const rows = await t(db).selectFrom('news_topic_follows').select('user_id').distinct().where('topic', 'in', [...topics]).execute();
  return rows.map((r) => r.user_id);
}

/** Topics a person follows: their export. */
export async function followsOf(db: Kysely<object>, userId: string): Promise<string[]> {
  const rows = await t(db).selectFrom('news_topic_follows').select('topic').where('user_id', '=', userId).orderBy('topic').execute();
  return rows.map((r) => r.topic);
}

export async function eraseFollows(db: Kysely<object>, userId: string): Promise<void> {
  await t(db).deleteFrom('news_topic_follows').where('user_id', '=', userId).execute();
}
