// SQL of the reports module, narrowed to its own tables.
import type { ReportSort } from '@cds/contracts';
import { sql, type Generated, type JSONColumnType, type Kysely, type Selectable, type Insertable, type Updateable } from 'kysely';
import type { FlatCategory, PackTemplate, Question } from './categories.ts';
import type { Pause } from './deadline.ts';
import type { ReportStatus } from './workflow.ts';

export interface CategoryTable {
  code: string;
  parent_code: string | null;
  name: string;
  name_en: string | null;
  description: Generated<string>;
  icon: Generated<string>;
  routing: Generated<string>;
  deadline_days: Generated<number>;
  questions: JSONColumnType<Question[], string, string>;
  keywords: Generated<string>;
  sort: Generated<number>;
  active: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface ReportTable {
  id: Generated<string>;
  tracking_code: string;
  category_code: string;
  description: string;
  status: Generated<ReportStatus>;
  resume_status: ReportStatus | null;
  lat: number;
  lon: number;
  geom: unknown;
  address: string | null;
  commune_code: string;
  province_code: string;
  agency_id: string;
  assignee_id: string | null;
  reporter_id: string | null;
  contact: JSONColumnType<Contact, string, string>;
  anonymous: Generated<boolean>;
  answers: JSONColumnType<Record<string, unknown>, string, string>;
  source: Generated<'app' | 'open311' | 'staff'>;
  client_id: string | null;
  client_hash: string | null;
  supporters: Generated<number>;
  deadline_days: number;
  due_date: string;
  pauses: JSONColumnType<Pause[], string, string>;
  public_answer: string | null;
  reject_reason: string | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  rating: number | null;
  rating_comment: string | null;
  merged_into: string | null;
  hidden: Generated<boolean>;
  warned_at: Date | null;
  escalated_at: Date | null;
  received_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PhotoTable {
  id: Generated<string>;
  report_id: string;
  file_id: string;
  thumb_id: string;
  kind: Generated<'citizen' | 'answer'>;
  width: number;
  height: number;
  moderation: Generated<'pending' | 'approved' | 'hidden'>;
  position: Generated<number>;
  created_at: Generated<Date>;
}

export interface ReportEventTable {
  id: Generated<string>;
  report_id: string;
  at: Generated<Date>;
  actor_id: string | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  public: Generated<boolean>;
  body: string | null;
  details: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface SupporterTable {
  report_id: string;
  user_id: string;
  at: Generated<Date>;
}

export interface FollowerTable {
  report_id: string;
  user_id: string;
  at: Generated<Date>;
}

export interface TemplateTable {
  id: Generated<string>;
  category_code: string | null;
  title: string;
  body: string;
  created_at: Generated<Date>;
}

type Tables = {
  report_categories: CategoryTable;
  reports: ReportTable;
  report_photos: PhotoTable;
  report_events: ReportEventTable;
  report_supporters: SupporterTable;
  report_followers: FollowerTable;
  report_templates: TemplateTable;
};

export interface Contact {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  deviceId?: string;
  accountId?: string;
}

export type Db = Kysely<object>;
export type ReportRow = Selectable<ReportTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type PhotoRow = Selectable<PhotoTable>;
export type EventRow = Selectable<ReportEventTable>;
export type TemplateRow = Selectable<TemplateTable>;
// JSON columns are written as text; these take the values and the repo serialises them
type JsonColumns = 'contact' | 'answers' | 'pauses';
export type NewReport = Omit<Insertable<ReportTable>, JsonColumns | 'geom'> & { contact: Contact; answers: Record<string, unknown> };
export type ReportPatch = Omit<Updateable<ReportTable>, JsonColumns | 'geom'> & { pauses?: Pause[] };
export type NewReportEvent = Omit<Insertable<ReportEventTable>, 'details'> & { details?: Record<string, unknown> };
export type NewCategory = Omit<Insertable<CategoryTable>, 'questions'> & { questions: Question[] };
export type CategoryPatch = Omit<Updateable<CategoryTable>, 'questions'> & { questions?: Question[] };

const t = (db: Db) => db.withTables<Tables>();

const REPORT_COLUMNS = [
  'id', 'tracking_code', 'category_code', 'description', 'status', 'resume_status', 'lat', 'lon', 'address', 'commune_code',
  'province_code', 'agency_id', 'assignee_id', 'reporter_id', 'contact', 'anonymous', 'answers', 'source', 'client_id', 'client_hash', 'supporters',
  'deadline_days', 'pauses', 'public_answer', 'reject_reason', 'resolved_at', 'closed_at', 'rating', 'rating_comment',
  'merged_into', 'hidden', 'warned_at', 'escalated_at', 'received_at', 'updated_at',
] as const;

export type ReportRecord = Omit<ReportRow, 'geom'>;

export function selectReports(db: Db) {
  return t(db)
    .selectFrom('reports')
    .select([...REPORT_COLUMNS])
    .select(sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'));
}

export async function findReport(db: Db, idOrCode: string, forUpdate = false): Promise<ReportRecord | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  let q = selectReports(db).where(isUuid ? 'id' : 'tracking_code', '=', isUuid ? idOrCode : idOrCode.toUpperCase());
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findByClientId(db: Db, reporterId: string, clientId: string): Promise<ReportRecord | undefined> {
  return selectReports(db).where('reporter_id', '=', reporterId).where('client_id', '=', clientId).executeTakeFirst();
}


export interface WorkStatsRow {
  agency_id: string;
  commune_code: string;
  open: number;
  overdue: number;
  resolved: number;
  on_time: number;
  rated: number;
  rating_sum: number;
}

/**
 * The work by agency and commune, for leaders: open, open past the due date, resolved
 * (and of those, by the due date), ratings. Merged reports count once, in their target.
 */
export async function workStats(db: Db, today: string, open: readonly string[]): Promise<WorkStatsRow[]> {
  const openList = sql.join(open.map((s) => sql`${s}`));
  const result = await sql<WorkStatsRow>`
    SELECT agency_id, commune_code,
      count(*) FILTER (WHERE status IN (${openList}))::int AS open,
      count(*) FILTER (WHERE status IN (${openList}) AND due_date < ${today}::date)::int AS overdue,
      count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
      count(*) FILTER (WHERE resolved_at IS NOT NULL AND (resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= due_date)::int AS on_time,
      count(rating)::int AS rated, coalesce(sum(rating), 0)::int AS rating_sum
    FROM reports WHERE merged_into IS NULL
    GROUP BY agency_id, commune_code`.execute(db);
  return result.rows;
}

/** Reports received and resolved per week (Monday, Vietnam time) since a day, with their commune. */
export async function weeklyTrend(db: Db, since: string): Promise<{ week: string; commune_code: string; received: number; resolved: number }[]> {
  const result = await sql<{ week: string; commune_code: string; received: number; resolved: number }>`
    WITH events AS (
      SELECT date_trunc('week', received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS week, commune_code, 1 AS received, 0 AS resolved FROM reports WHERE merged_into IS NULL
      UNION ALL
      SELECT date_trunc('week', resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, commune_code, 0, 1 FROM reports WHERE merged_into IS NULL AND resolved_at IS NOT NULL
    )
    SELECT to_char(week, 'YYYY-MM-DD') AS week, commune_code, sum(received)::int AS received, sum(resolved)::int AS resolved
    FROM events WHERE week >= ${since}::date GROUP BY week, commune_code ORDER BY week`.execute(db);
  return result.rows;
}

/** Reports filed without a reporter under a client-id prefix (the demo seed's marker). */
export async function countByClientPrefix(db: Db, prefix: string): Promise<number> {
  const row = await t(db).selectFrom('reports').select((eb) => eb.fn.countAll<string>().as('n')).where('reporter_id', 'is', null).where('client_id', 'like', `${prefix}%`).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertReport(db: Db, r: NewReport): Promise<string> {
  const row = await t(db)
    .insertInto('reports')
    .values({
      ...r,
      contact: JSON.stringify(r.contact),
      answers: JSON.stringify(r.answers),
      pauses: '[]',
      geom: sql`ST_SetSRID(ST_MakePoint(${r.lon}, ${r.lat}), 4326)`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}


export async function updateReport(db: Db, id: string, patch: ReportPatch): Promise<void> {
  const { pauses, ...rest } = patch;
  await t(db)
    .updateTable('reports')
    .set({ ...rest, ...(pauses ? { pauses: JSON.stringify(pauses) } : {}), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}


export async function insertEvent(db: Db, e: NewReportEvent): Promise<string> {
  const row = await t(db)
    .insertInto('report_events')
    .values({ ...e, details: JSON.stringify(e.details ?? {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function events(db: Db, reportId: string, includeInternal: boolean): Promise<EventRow[]> {
  let q = t(db).selectFrom('report_events').selectAll().where('report_id', '=', reportId);
  if (!includeInternal) q = q.where('public', '=', true);
  return q.orderBy('id').execute();
}

export async function photos(db: Db, reportIds: string[]): Promise<PhotoRow[]> {
  if (reportIds.length === 0) return [];
  return t(db).selectFrom('report_photos').selectAll().where('report_id', 'in', reportIds).orderBy('kind').orderBy('position').execute();
}

export async function insertPhoto(db: Db, p: { reportId: string; fileId: string; thumbId: string; kind: 'citizen' | 'answer'; width: number; height: number; position: number; approved: boolean }): Promise<void> {
  await t(db)
    .insertInto('report_photos')
    .values({ report_id: p.reportId, file_id: p.fileId, thumb_id: p.thumbId, kind: p.kind, width: p.width, height: p.height, position: p.position, moderation: p.approved ? 'approved' : 'pending' })
    .execute();
}

export async function findPhoto(db: Db, id: string): Promise<PhotoRow | undefined> {
  return t(db).selectFrom('report_photos').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setPhotoModeration(db: Db, id: string, moderation: 'approved' | 'hidden'): Promise<number> {
  const res = await t(db).updateTable('report_photos').set({ moderation }).where('id', '=', id).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// ---- categories ----

export async function categories(db: Db, includeInactive: boolean): Promise<CategoryRow[]> {
  let q = t(db).selectFrom('report_categories').selectAll();
  if (!includeInactive) q = q.where('active', '=', true);
  return q.orderBy(sql`coalesce(parent_code, code)`).orderBy(sql`parent_code IS NOT NULL`).orderBy('sort').execute();
}

export async function findCategory(db: Db, code: string): Promise<CategoryRow | undefined> {
  return t(db).selectFrom('report_categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function hasChildren(db: Db, code: string): Promise<boolean> {
  const row = await t(db).selectFrom('report_categories').select('code').where('parent_code', '=', code).where('active', '=', true).executeTakeFirst();
  return !!row;
}

// ---- supporters and followers ----

export async function addSupporter(db: Db, reportId: string, userId: string): Promise<boolean> {
  const rows = await t(db).insertInto('report_supporters').values({ report_id: reportId, user_id: userId }).onConflict((oc) => oc.doNothing()).returning('user_id').execute();
  const added = rows.length > 0;
  if (added) await t(db).updateTable('reports').set({ supporters: sql<number>`supporters + 1` }).where('id', '=', reportId).execute();
  return added;
}

export async function follow(db: Db, reportId: string, userId: string): Promise<void> {
  await t(db).insertInto('report_followers').values({ report_id: reportId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function unfollow(db: Db, reportId: string, userId: string): Promise<void> {
  await t(db).deleteFrom('report_followers').where('report_id', '=', reportId).where('user_id', '=', userId).execute();
}

export async function followers(db: Db, reportId: string): Promise<string[]> {
  const rows = await t(db).selectFrom('report_followers').select('user_id').where('report_id', '=', reportId).execute();
  return rows.map((r) => r.user_id);
}

/** A row as json_agg gives it: timestamps as text. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

/**
 * What a report's page shows beside the report, in one round trip: its public timeline, all
 * its photos (the caller decides which to show) and whether the viewer, if signed in, follows
 * and supported it.
 */
export async function pageReads(db: Db, reportId: string, viewerId: string | null): Promise<{ events: EventRow[]; photos: PhotoRow[]; following: boolean; supported: boolean }> {
  const res = await sql<{ events: Json<EventRow>[] | null; photos: Json<PhotoRow>[] | null; following: boolean; supported: boolean }>`SELECT
    (SELECT json_agg(e ORDER BY e.id) FROM report_events e WHERE e.report_id = ${reportId} AND e.public) AS events,
    (SELECT json_agg(p ORDER BY p.kind, p.position) FROM report_photos p WHERE p.report_id = ${reportId}) AS photos,
    EXISTS (SELECT 1 FROM report_followers WHERE report_id = ${reportId} AND user_id = ${viewerId}::uuid) AS following,
    EXISTS (SELECT 1 FROM report_supporters WHERE report_id = ${reportId} AND user_id = ${viewerId}::uuid) AS supported`.execute(db);
  const row = res.rows[0]!;
  // JSON carries a bigint as a number and a timestamp as text: back to what the row readers give
  return {
    events: (row.events ?? []).map((e) => ({ ...e, id: String(e.id), at: new Date(e.at) })),
    photos: (row.photos ?? []).map((p) => ({ ...p, created_at: new Date(p.created_at) })),
    following: row.following,
    supported: row.supported,
  };
}

/** Moves the supporters and followers of a duplicate onto the report it merges into. */
export async function moveSupport(db: Db, fromId: string, toId: string): Promise<void> {
  await sql`INSERT INTO report_supporters (report_id, user_id, at) SELECT ${toId}, user_id, at FROM report_supporters WHERE report_id = ${fromId} ON CONFLICT DO NOTHING`.execute(db);
  await sql`INSERT INTO report_followers (report_id, user_id, at) SELECT ${toId}, user_id, at FROM report_followers WHERE report_id = ${fromId} ON CONFLICT DO NOTHING`.execute(db);
  await sql`INSERT INTO report_followers (report_id, user_id) SELECT ${toId}, reporter_id FROM reports WHERE id = ${fromId} AND reporter_id IS NOT NULL ON CONFLICT DO NOTHING`.execute(db);
  await sql`UPDATE reports SET supporters = (SELECT count(*) FROM report_supporters WHERE report_id = ${toId}) WHERE id = ${toId}`.execute(db);
}

// ---- templates ----

export async function insertTemplate(db: Db, tpl: Insertable<TemplateTable>): Promise<TemplateRow> {
  return t(db).insertInto('report_templates').values(tpl).returningAll().executeTakeFirstOrThrow();
}

export async function deleteTemplate(db: Db, id: string): Promise<number> {
  const res = await t(db).deleteFrom('report_templates').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function insertCategory(db: Db, c: NewCategory): Promise<void> {
  await t(db).insertInto('report_categories').values({ ...c, questions: JSON.stringify(c.questions) }).execute();
}

export async function updateCategory(db: Db, code: string, patch: CategoryPatch): Promise<void> {
  const { questions, ...rest } = patch;
  await t(db).updateTable('report_categories')
    .set({ ...rest, ...(questions ? { questions: JSON.stringify(questions) } : {}), updated_at: new Date() })
    .where('code', '=', code).execute();
}

/** The pack's categories, each added once (admins' later edits stay), and its templates while there are none. */
export async function seedCategories(trx: Db, flat: FlatCategory[], packTemplates: PackTemplate[]): Promise<void> {
  // one statement for all of them: every start runs this, and finds them all there
  if (flat.length > 0) {
    await t(trx).insertInto('report_categories').values(flat.map((c) => ({
      code: c.code, parent_code: c.parentCode, name: c.name, name_en: c.nameEn, description: c.description, icon: c.icon,
      routing: c.routing, deadline_days: c.deadlineDays, questions: JSON.stringify(c.questions), keywords: c.keywords, sort: c.sort,
    }))).onConflict((oc) => oc.column('code').doNothing()).execute();
  }
  const existing = await t(trx).selectFrom('report_templates').select('id').limit(1).execute();
  if (existing.length > 0) return;
  for (const tpl of packTemplates) await insertTemplate(trx, { category_code: tpl.category, title: tpl.title, body: tpl.body });
}

export async function templates(db: Db, categoryCode: string | null): Promise<TemplateRow[]> {
  let q = t(db).selectFrom('report_templates').selectAll();
  if (categoryCode) q = q.where((eb) => eb.or([eb('category_code', 'is', null), eb('category_code', '=', categoryCode), eb('category_code', '=', categoryCode.split('.')[0]!)]));
  return q.orderBy('created_at').execute();
}

// ---- lists ----

export interface ListFilter {
  category?: string;
  status?: ReportStatus[];
  commune?: string;
  from?: string;
  to?: string;
  q?: string;
  agencyId?: string;
  assigneeId?: string;
  /** due date on or before this local day (overdue / due soon) */
  dueBy?: string;
  bbox?: [number, number, number, number];
  updatedAfter?: Date;
  receivedFrom?: Date;
  receivedTo?: Date;
  updatedBefore?: Date;
  ids?: string[];
}

/** Where staff may look: pairs of agency and area, areas only (leaders), or everything. */
export interface Scope {
  all: boolean;
  agencyAreas: { agencyId: string; areaCode: string | null }[];
  areas: string[];
}

export type Sort = ReportSort;

type ReportQuery = ReturnType<typeof selectReports>;

function areaMatch(code: string | null) {
  return sql<boolean>`(${code}::text IS NULL OR province_code = ${code} OR commune_code = ${code})`;
}

export function applyFilter(q: ReportQuery, f: ListFilter): ReportQuery {
  if (f.ids) q = q.where('tracking_code', 'in', f.ids.length ? f.ids : ['-']);
  if (f.category) q = q.where((eb) => eb.or([eb('category_code', '=', f.category!), eb('category_code', 'like', `${f.category!}.%`)]));
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.commune) q = q.where('commune_code', '=', f.commune);
  if (f.from) q = q.where('received_at', '>=', new Date(`${f.from}T00:00:00+07:00`));
  if (f.to) q = q.where('received_at', '<=', new Date(`${f.to}T23:59:59.999+07:00`));
  if (f.receivedFrom) q = q.where('received_at', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('received_at', '<=', f.receivedTo);
  if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.dueBy) q = q.where('due_date', '<=', f.dueBy);
  if (f.updatedAfter) q = q.where('updated_at', '>', f.updatedAfter);
  if (f.updatedBefore) q = q.where('updated_at', '<', f.updatedBefore);
  if (f.bbox) q = q.where(sql<boolean>`geom && ST_MakeEnvelope(${f.bbox[0]}, ${f.bbox[1]}, ${f.bbox[2]}, ${f.bbox[3]}, 4326)`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('tracking_code', '=', f.q!.toUpperCase()), eb('description', 'ilike', like), eb('address', 'ilike', like)]));
  }
  return q;
}

export function applyScope(q: ReportQuery, scope: Scope): ReportQuery {
  if (scope.all) return q;
  return q.where((eb) =>
    eb.or([
      ...scope.agencyAreas.map((a) => eb.and([eb('agency_id', '=', a.agencyId), areaMatch(a.areaCode)])),
      ...scope.areas.map((code) => areaMatch(code)),
      sql<boolean>`false`,
    ]),
  );
}

const ORDER: Record<Sort, [string, 'asc' | 'desc'][]> = {
  newest: [['received_at', 'desc'], ['id', 'desc']],
  oldest: [['received_at', 'asc'], ['id', 'asc']],
  due: [['due_date', 'asc'], ['received_at', 'asc']],
  updated: [['updated_at', 'desc'], ['id', 'desc']],
  supporters: [['supporters', 'desc'], ['received_at', 'desc']],
};

export async function list(db: Db, opts: { filter: ListFilter; scope?: Scope; publicOnly?: boolean; reporterId?: string; sort: Sort; limit: number; offset: number }): Promise<{ items: ReportRecord[]; total: number }> {
  let q = applyFilter(selectReports(db), opts.filter);
  if (opts.scope) q = applyScope(q, opts.scope);
  if (opts.publicOnly) q = q.where('hidden', '=', false).where('merged_into', 'is', null);
  if (opts.reporterId) q = q.where('reporter_id', '=', opts.reporterId);
  let page = q;
  for (const [col, dir] of ORDER[opts.sort]) page = page.orderBy(sql.ref(`reports.${col}`), dir);
  const items = await page.limit(opts.limit).offset(opts.offset).execute();
  const total = items.length < opts.limit && opts.offset === 0
    ? items.length
    : Number((await q.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  return { items, total };
}

// The public list pages by keyset: each page starts after the last row of the previous one
// (its sort key), so a page costs the same at any depth and nothing counts every match.
// Every sort ends on id, so the key is unique, and all its columns run one way. A key's
// values travel as digits (microseconds, days) or a uuid: exact, and any value that passes
// `isPageKey` casts without error.
type KeyKind = 'time' | 'date' | 'int' | 'uuid';
const KEYSET: Record<Sort, { columns: [string, KeyKind][]; dir: 'asc' | 'desc' }> = {
  newest: { columns: [['received_at', 'time'], ['id', 'uuid']], dir: 'desc' },
  oldest: { columns: [['received_at', 'time'], ['id', 'uuid']], dir: 'asc' },
  due: { columns: [['due_date', 'date'], ['received_at', 'time'], ['id', 'uuid']], dir: 'asc' },
  updated: { columns: [['updated_at', 'time'], ['id', 'uuid']], dir: 'desc' },
  supporters: { columns: [['supporters', 'int'], ['received_at', 'time'], ['id', 'uuid']], dir: 'desc' },
};
const KEY_FORMAT: Record<KeyKind, RegExp> = {
  time: /^-?\d{1,16}$/,
  date: /^-?\d{1,6}$/,
  int: /^-?\d{1,9}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

function keyOut(column: string, kind: KeyKind) {
  const ref = sql.ref(`reports.${column}`);
  if (kind === 'time') return sql`(extract(epoch FROM ${ref}) * 1000000)::bigint::text`;
  if (kind === 'date') return sql`(${ref} - date '2000-01-01')::text`;
  return sql`${ref}::text`;
}

function keyIn(value: string, kind: KeyKind) {
  if (kind === 'time') return sql`(timestamptz 'epoch' + ${value}::bigint * interval '1 microsecond')`;
  if (kind === 'date') return sql`(date '2000-01-01' + ${value}::int)`;
  return kind === 'int' ? sql`${value}::int` : sql`${value}::uuid`;
}

/** Whether `key` can be a page key of this sort (checked before it reaches SQL). */
export function isPageKey(sort: Sort, key: unknown): key is string[] {
  const { columns } = KEYSET[sort];
  return Array.isArray(key) && key.length === columns.length && columns.every(([, kind], i) => typeof key[i] === 'string' && KEY_FORMAT[kind].test(key[i]));
}

function publicReports(db: Db, filter: ListFilter): ReportQuery {
  return applyFilter(selectReports(db), filter).where('hidden', '=', false).where('merged_into', 'is', null);
}

/**
 * A page of public reports after `after` (a page key from the previous page), and the key to
 * continue from. The page's ids are found first, then their rows: the filters on status and
 * category read reports_public_status_category alone (an index-only scan that skips the
 * reports of other categories without visiting them), and only the page's rows are fetched.
 */
export async function publicPage(db: Db, opts: { filter: ListFilter; sort: Sort; limit: number; offset: number; after: string[] | null }): Promise<{ items: ReportRecord[]; next: string[] | null }> {
  const { columns, dir } = KEYSET[opts.sort];
  let ids = publicReports(db, opts.filter).clearSelect().select('reports.id');
  if (opts.after) {
    const key = sql.join(columns.map(([c]) => sql.ref(`reports.${c}`)));
    const values = sql.join(columns.map(([, kind], i) => keyIn(opts.after![i]!, kind)));
    ids = ids.where(dir === 'desc' ? sql<boolean>`(${key}) < (${values})` : sql<boolean>`(${key}) > (${values})`);
  }
  for (const [c] of columns) ids = ids.orderBy(sql.ref(`reports.${c}`), dir);
  let q = selectReports(db).where('reports.id', 'in', ids.limit(opts.limit + 1).offset(opts.offset));
  for (const [c] of columns) q = q.orderBy(sql.ref(`reports.${c}`), dir);
  const rows = await q
    .select(sql<string[]>`json_build_array(${sql.join(columns.map(([c, kind]) => keyOut(c, kind)))})`.as('page_key'))
    .execute();
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  return { items: page.map(({ page_key: _key, ...r }) => r), next: more ? page[page.length - 1]!.page_key : null };
}

/** The public map's points, newest first: six columns, not the whole row. */
export async function mapPoints(db: Db, filter: ListFilter, limit: number): Promise<Pick<ReportRecord, 'id' | 'tracking_code' | 'lat' | 'lon' | 'status' | 'category_code'>[]> {
  return publicReports(db, filter).clearSelect()
    .select(['reports.id', 'reports.tracking_code', 'reports.lat', 'reports.lon', 'reports.status', 'reports.category_code'])
    .orderBy('reports.received_at', 'desc').orderBy('reports.id', 'desc')
    .limit(limit).execute();
}

/** Public reports counted per square grid cell of `cell` degrees, each at the mean of its reports. */
export async function mapClusters(db: Db, filter: ListFilter, cell: number): Promise<{ lat: number; lon: number; count: number }[]> {
  return publicReports(db, filter).clearSelect()
    .select([sql<number>`avg(reports.lat)::float8`.as('lat'), sql<number>`avg(reports.lon)::float8`.as('lon'), sql<number>`count(*)::int`.as('count')])
    .groupBy([sql`floor(reports.lat / ${cell}::float8)`, sql`floor(reports.lon / ${cell}::float8)`])
    .execute();
}

export async function followed(db: Db, userId: string, limit: number): Promise<ReportRecord[]> {
  return selectReports(db)
    .where('id', 'in', (eb) => eb.selectFrom('report_followers').select('report_id').where('user_id', '=', userId))
    .where('hidden', '=', false)
    .where((eb) => eb.or([eb('reporter_id', 'is', null), eb('reporter_id', '!=', userId)]))
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Codes of the reports a person follows or supported (their data export). */
export async function ties(db: Db, userId: string): Promise<{ followed: string[]; supported: string[] }> {
  const [followed, supported] = await Promise.all([
    t(db).selectFrom('report_followers as f').innerJoin('reports as r', 'r.id', 'f.report_id').select('r.tracking_code').where('f.user_id', '=', userId).orderBy('r.tracking_code').execute(),
    t(db).selectFrom('report_supporters as f').innerJoin('reports as r', 'r.id', 'f.report_id').select('r.tracking_code').where('f.user_id', '=', userId).orderBy('r.tracking_code').execute(),
  ]);
  return { followed: followed.map((r) => r.tracking_code), supported: supported.map((r) => r.tracking_code) };
}

export async function countByReporter(db: Db, userId: string): Promise<number> {
  const row = await t(db).selectFrom('reports').select((eb) => eb.fn.countAll<string>().as('n')).where('reporter_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A deleted account's reports stay (the work on them goes on, and the public map keeps
 * them) but carry no trace of the person: no account, no contact, shown as anonymous, and
 * their own steps in the history unlinked. Follows and supports go (the count stays).
 */
export async function eraseReporter(db: Db, userId: string): Promise<void> {
  const own = t(db).selectFrom('reports').select('id').where('reporter_id', '=', userId);
  await t(db).updateTable('report_events').set({ actor_id: null }).where('actor_id', '=', userId).where('report_id', 'in', own).execute();
  await t(db).updateTable('reports').set({ reporter_id: null, contact: '{}', anonymous: true, client_id: null }).where('reporter_id', '=', userId).execute();
  await t(db).deleteFrom('report_followers').where('user_id', '=', userId).execute();
  await t(db).deleteFrom('report_supporters').where('user_id', '=', userId).execute();
}

/** Open reports of the same category within `meters` of the point, nearest first. */
export async function nearbyOpen(db: Db, p: { category: string; lat: number; lon: number; meters: number; sinceDays: number; limit: number }): Promise<(ReportRecord & { distance: number })[]> {
  const point = sql`ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)`;
  return selectReports(db)
    .select(sql<number>`round(ST_Distance(geom::geography, ${point}::geography))`.as('distance'))
    .where('category_code', '=', p.category)
    .where('status', 'in', ['new', 'accepted', 'assigned', 'in_progress', 'need_info'])
    .where('hidden', '=', false)
    .where('merged_into', 'is', null)
    .where('received_at', '>=', sql<Date>`now() - make_interval(days => ${p.sinceDays})`)
    .where(sql<boolean>`ST_DWithin(geom::geography, ${point}::geography, ${p.meters})`)
    .orderBy(sql`geom <-> ${point}`)
    .limit(p.limit)
    .execute();
}

/** The warning and escalation sweeps mark what they did without touching `updated_at` (nothing changed for the citizen). */
export async function markSwept(db: Db, id: string, field: 'warned_at' | 'escalated_at', at: Date): Promise<void> {
  await t(db).updateTable('reports').set({ [field]: at }).where('id', '=', id).execute();
}

/** Public timeline entries of reports, in order. */
export async function publicEvents(db: Db, reportIds: string[]): Promise<EventRow[]> {
  if (reportIds.length === 0) return [];
  return t(db).selectFrom('report_events').selectAll().where('report_id', 'in', reportIds).where('public', '=', true).orderBy('id').execute();
}

/** Reports whose deadline is near and no warning was sent yet. */
export async function dueForWarning(db: Db, dueBy: string, limit: number): Promise<ReportRecord[]> {
  return selectReports(db).where('status', 'in', ['new', 'accepted', 'assigned', 'in_progress']).where('warned_at', 'is', null).where('due_date', '<=', dueBy).limit(limit).execute();
}

export async function overdue(db: Db, today: string, limit: number): Promise<ReportRecord[]> {
  return selectReports(db).where('status', 'in', ['new', 'accepted', 'assigned', 'in_progress']).where('escalated_at', 'is', null).where('due_date', '<', today).limit(limit).execute();
}

export async function resolvedBefore(db: Db, before: Date, limit: number): Promise<ReportRecord[]> {
  return selectReports(db).where('status', '=', 'resolved').where('resolved_at', '<', before).limit(limit).execute();
}

/** Public points of a map tile area, for the vector tiles. */
export async function countAll(db: Db): Promise<number> {
  return Number((await t(db).selectFrom('reports').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/** Public timeline entries across all reports, oldest first, for update feeds. */
export async function eventsFeed(db: Db, opts: { after?: Date; before?: Date; limit: number; offset: number }): Promise<(EventRow & { tracking_code: string })[]> {
  let q = t(db)
    .selectFrom('report_events as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .selectAll('e')
    .select('r.tracking_code')
    .where('e.public', '=', true)
    .where('r.hidden', '=', false);
  if (opts.after) q = q.where('e.at', '>', opts.after);
  if (opts.before) q = q.where('e.at', '<', opts.before);
  return q.orderBy('e.id', 'desc').limit(opts.limit).offset(opts.offset).execute();
}

/** A box in degrees (WGS84). */
export type Bounds = { west: number; south: number; east: number; north: number };

/** Public reports inside `b`, newest first, with what a map point shows. */
export async function tilePoints(db: Db, b: Bounds, cap: number): Promise<{ code: string; status: string; category: string; supporters: number; lat: number; lon: number }[]> {
  const res = await sql<{ code: string; status: string; category: string; supporters: number; lat: number; lon: number }>`
    SELECT tracking_code AS code, status, category_code AS category, supporters, lat, lon
    FROM reports
    WHERE geom && ST_MakeEnvelope(${b.west}::float8, ${b.south}::float8, ${b.east}::float8, ${b.north}::float8, 4326) AND NOT hidden AND merged_into IS NULL
    ORDER BY received_at DESC
    LIMIT ${cap}`.execute(db);
  return res.rows;
}

/**
 * Public reports inside `b` counted per cell of a cells × cells grid over it, each cell at the
 * mean of its reports; a cell holding one report also says which (its code, status and category).
 */
export async function tileClusters(db: Db, b: Bounds, cells: number): Promise<{ count: number; lat: number; lon: number; code: string | null; status: string | null; category: string | null }[]> {
  const res = await sql<{ count: number; lat: number; lon: number; code: string | null; status: string | null; category: string | null }>`
    SELECT count(*)::int AS count, avg(lat)::float8 AS lat, avg(lon)::float8 AS lon,
      CASE WHEN count(*) = 1 THEN min(tracking_code) END AS code,
      CASE WHEN count(*) = 1 THEN min(status) END AS status,
      CASE WHEN count(*) = 1 THEN min(category_code) END AS category
    FROM reports
    WHERE geom && ST_MakeEnvelope(${b.west}::float8, ${b.south}::float8, ${b.east}::float8, ${b.north}::float8, 4326) AND NOT hidden AND merged_into IS NULL
    GROUP BY floor((lon - ${b.west}::float8) * ${cells / (b.east - b.west)}::float8), floor((lat - ${b.south}::float8) * ${cells / (b.north - b.south)}::float8)`.execute(db);
  return res.rows;
}
