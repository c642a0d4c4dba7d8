// SQL of the alerts module: alerts and the answers citizens give.
import { sql, type Generated, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { AlertArea, AlertTranslation, DeliveryReport } from '@cds/contracts/alerts';

export interface AlertTable {
  id: Generated<string>;
  identifier: string;
  sender: string;
  status: 'Actual' | 'Exercise' | 'Test';
  msg_type: 'Alert' | 'Update' | 'Cancel';
  references_id: string | null;
  state: Generated<'draft' | 'sent' | 'rejected'>;
  superseded_by: string | null;
  category: string;
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  headline: string;
  description: string;
  instruction: string | null;
  translations: AlertTranslation[];
  area: AlertArea;
  area_communes: string[];
  effective: Date | null;
  expires: Date;
  created_by: string;
  created_at: Generated<Date>;
  approved_by: string | null;
  sent_at: Date | null;
  rejected_reason: string | null;
  // the SMS delivery reports live in the notifications module (they keep arriving after the fan-out)
  delivery: Omit<DeliveryReport, 'acknowledged' | 'safe' | 'needHelp' | 'fanOutDone' | 'smsDelivered' | 'smsFailed' | 'smsPending'> | null;
  fan_out_done_at: Date | null;
}

export interface AnswerTable {
  alert_id: string;
  user_id: string;
  answer: 'safe' | 'need_help';
  lat: number | null;
  lon: number | null;
  note: string | null;
  answered_at: Generated<Date>;
}

type Tables = { alerts: AlertTable; alert_answers: AnswerTable };
export type AlertRow = Selectable<AlertTable>;
export type NewAlert = Insertable<AlertTable>;
export type AnswerRow = Selectable<AnswerTable>;

const t = (db: Kysely<object>) => db.withTables<Tables>();
const json = (v: unknown) => sql<never>`${JSON.stringify(v)}::jsonb`;

export async function insert(db: Kysely<object>, a: Omit<NewAlert, 'translations' | 'area' | 'area_communes'> & { translations: AlertTranslation[]; area: AlertArea; area_communes: string[] }): Promise<AlertRow> {
  return t(db)
    .insertInto('alerts')
    .values({ ...a, translations: json(a.translations), area: json(a.area), area_communes: sql<string[]>`${sql.val(a.area_communes)}::text[]` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function byId(db: Kysely<object>, id: string, forUpdate = false): Promise<AlertRow | undefined> {
  let q = t(db).selectFrom('alerts').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function byIdentifier(db: Kysely<object>, identifier: string): Promise<AlertRow | undefined> {
  return t(db).selectFrom('alerts').selectAll().where('identifier', '=', identifier).executeTakeFirst();
}

export async function update(db: Kysely<object>, id: string, patch: Omit<Updateable<AlertTable>, 'translations' | 'area' | 'area_communes' | 'delivery'>): Promise<void> {
  await t(db).updateTable('alerts').set(patch).where('id', '=', id).execute();
}

export async function saveDelivery(db: Kysely<object>, id: string, delivery: NonNullable<AlertTable['delivery']>, at: Date): Promise<void> {
  await t(db).updateTable('alerts').set({ delivery: json(delivery), fan_out_done_at: at }).where('id', '=', id).execute();
}

/** Sent alerts (newest first), for a commune or everywhere; `current` keeps those in force at `now`. */
export async function listSent(db: Kysely<object>, opts: { commune?: string; current?: boolean; now: Date; limit: number }): Promise<AlertRow[]> {
  let q = t(db).selectFrom('alerts').selectAll().where('state', '=', 'sent');
  if (opts.commune) q = q.where(sql<boolean>`area_communes @> ARRAY[${opts.commune}]::text[]`);
  if (opts.current) q = q.where('expires', '>', opts.now).where('superseded_by', 'is', null).where('msg_type', '<>', 'Cancel');
  return q.orderBy('sent_at', 'desc').limit(opts.limit).execute();
}

/** Every alert, drafts first then newest, for the console. */
export async function listAll(db: Kysely<object>, limit: number): Promise<AlertRow[]> {
  return t(db).selectFrom('alerts').selectAll().orderBy(sql`state = 'draft'`, 'desc').orderBy('created_at', 'desc').limit(limit).execute();
}

export async function saveAnswer(db: Kysely<object>, a: Insertable<AnswerTable>): Promise<void> {
  await t(db)
    .insertInto('alert_answers')
    .values(a)
    .onConflict((oc) => oc.columns(['alert_id', 'user_id']).doUpdateSet({ answer: a.answer, lat: a.lat ?? null, lon: a.lon ?? null, note: a.note ?? null, answered_at: new Date() }))
    .execute();
}

export async function answersOf(db: Kysely<object>, alertId: string): Promise<AnswerRow[]> {
  return t(db).selectFrom('alert_answers').selectAll().where('alert_id', '=', alertId).orderBy('answered_at', 'desc').execute();
}

export async function myAnswers(db: Kysely<object>, userId: string, alertIds: readonly string[]): Promise<Map<string, AnswerRow['answer']>> {
  if (alertIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('alert_answers').select(['alert_id', 'answer']).where('user_id', '=', userId).where('alert_id', 'in', [...alertIds]).execute();
  return new Map(rows.map((r) => [r.alert_id, r.answer]));
}

/** Whether a demo Exercise alert is still in force (demo seeding keeps one). */
export async function demoExerciseInForce(db: Kysely<object>, now: Date): Promise<boolean> {
  return !!(await t(db).selectFrom('alerts').select('id').where('status', '=', 'Exercise').where('identifier', 'like', '%-DEMO-%').where('expires', '>', now).executeTakeFirst());
}

/** A person's answers to alerts ("I am safe" / "I need help", with where they were): their export. */
export function answersBy(db: Kysely<object>, userId: string) {
  return t(db).selectFrom('alert_answers').select(['alert_id', 'answer', 'lat', 'lon', 'note', 'answered_at']).where('user_id', '=', userId).orderBy('answered_at').execute();
}

/** A deleted account's answers go: where a person was is sensitive data. */
export async function eraseAnswers(db: Kysely<object>, userId: string): Promise<void> {
  await t(db).deleteFrom('alert_answers').where('user_id', '=', userId).execute();
}
