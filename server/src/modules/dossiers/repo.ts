// SQL of the dossiers module, narrowed to its own tables.
import { sql, type Generated, type Insertable, type JSONColumnType, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Step } from './steps.ts';
import { foldVietnamese } from './text.ts';

export interface MissingDocument {
  key: string | null;
  name: string;
  note: string | null;
}

export interface DossierTable {
  id: Generated<string>;
  code: string | null;
  procedure_id: string;
  procedure_code: string;
  procedure_name: string;
  processing_days: number;
  agency_id: string;
  commune_code: string;
  /** null once the applicant's account was deleted: the dossier stays as the administrative record */
  applicant_user_id: string | null;
  applicant_name: string;
  applicant_name_folded: Generated<string>;
  applicant_phone: string;
  channel: Generated<'online' | 'counter'>;
  status: Generated<number>;
  resume_status: number | null;
  form_data: JSONColumnType<Record<string, unknown>>;
  idempotency_key: string | null;
  idempotency_hash: string | null;
  /** false only for rows written before personal IDs were sealed, until the start-up sweep */
  personal_ids_sealed: Generated<boolean>;
  steps: JSONColumnType<Step[]>;
  current_step: string | null;
  assignee_user_id: string | null;
  submitted_at: Date | null;
  due_date: string | null;
  appointment_date: string | null;
  finished_at: Date | null;
  more_docs_requests: Generated<number>;
  apologies: Generated<number>;
  missing_documents: JSONColumnType<MissingDocument[]>;
  result_file_id: string | null;
  result_file_name: string | null;
  result_mime: string | null;
  rating: number | null;
  rating_comment: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AttachmentTable {
    id: Generated<string>;
    dossier_id: string;
    doc_key: string;
    file_id: string;
    file_name: string;
    mime: string;
    size: number;
    round: Generated<number>;
  created_at: Generated<Date>;
}

export interface DossierEventTable {
    id: Generated<string>;
    dossier_id: string;
    action: string;
    from_status: number;
    to_status: number;
    step: string | null;
    actor_user_id: string | null;
    actor_name: string | null;
    agency_id: string | null;
    to_agency_id: string | null;
    to_user_id: string | null;
    note: string | null;
    details: JSONColumnType<Record<string, unknown>>;
  at: Generated<Date>;
}

export interface PauseTable {
  id: Generated<string>;
  dossier_id: string;
  started_at: Date;
  ended_at: Date | null;
}

export interface LetterTable {
    id: Generated<string>;
    dossier_id: string;
    kind: LetterKind;
    issued_at: Generated<Date>;
    issued_by: string | null;
  data: JSONColumnType<Record<string, unknown>>;
}

export interface FeeTable {
    id: Generated<string>;
    dossier_id: string;
    name: string;
    amount_vnd: string | number;
    paid_at: Date | null;
    paid_by: string | null;
  method: string | null;
}

export interface ProcedureStepsTable {
  procedure_id: string;
  steps: JSONColumnType<Step[]>;
  updated_at: Generated<Date>;
}

/** Numbers of the day per agency, for dossier codes. */
export interface CodeCounterTable {
  agency_eid: string;
  day: string;
  last: number;
}

type Tables = {
  dossiers: DossierTable;
  dossier_attachments: AttachmentTable;
  dossier_events: DossierEventTable;
  dossier_pauses: PauseTable;
  dossier_letters: LetterTable;
  dossier_fees: FeeTable;
  dossier_procedure_steps: ProcedureStepsTable;
  dossier_code_counters: CodeCounterTable;
};

export type LetterKind = 'receipt' | 'more_documents' | 'refusal' | 'apology';
export type DossierRow = Selectable<DossierTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type EventRow = Selectable<DossierEventTable>;
export type LetterRow = Selectable<LetterTable>;
export type FeeRow = Selectable<FeeTable>;
export type PauseRow = Selectable<PauseTable>;
// JSON columns are written as text; these take the values and the repo serialises them
export type NewDossier = Omit<Insertable<DossierTable>, 'form_data' | 'steps' | 'missing_documents'> & { form_data: Record<string, unknown>; steps: Step[] };
export type DossierPatch = Omit<Updateable<DossierTable>, 'form_data' | 'steps' | 'missing_documents'> & { form_data?: Record<string, unknown>; missing_documents?: MissingDocument[] };
export type NewDossierEvent = Omit<Insertable<DossierEventTable>, 'details'> & { details?: Record<string, unknown> };
export type NewLetter = Omit<Insertable<LetterTable>, 'data'> & { data: Record<string, unknown> };
export type Db = Kysely<object>;

const t = (db: Db) => db.withTables<Tables>();


export async function insertDossier(db: Db, d: NewDossier): Promise<DossierRow> {
  return t(db)
    .insertInto('dossiers')
    .values({ ...d, form_data: JSON.stringify(d.form_data), steps: JSON.stringify(d.steps), missing_documents: '[]', personal_ids_sealed: true })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function byId(db: Db, id: string, forUpdate = false): Promise<DossierRow | undefined> {
  let q = t(db).selectFrom('dossiers').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function byCode(db: Db, code: string): Promise<DossierRow | undefined> {
  return t(db).selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function byIdempotencyKey(db: Db, userId: string, key: string): Promise<DossierRow | undefined> {
  return t(db).selectFrom('dossiers').selectAll().where('applicant_user_id', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();
}


export async function update(db: Db, id: string, patch: DossierPatch): Promise<DossierRow> {
  const { form_data, missing_documents, ...rest } = patch;
  return t(db)
    .updateTable('dossiers')
    .set({
      ...rest,
      ...(form_data ? { form_data: JSON.stringify(form_data) } : {}),
      ...(missing_documents ? { missing_documents: JSON.stringify(missing_documents) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDossier(db: Db, id: string): Promise<void> {
  await t(db).deleteFrom('dossiers').where('id', '=', id).execute();
}

export async function addAttachment(db: Db, a: Insertable<AttachmentTable>): Promise<AttachmentRow> {
  return t(db).insertInto('dossier_attachments').values(a).returningAll().executeTakeFirstOrThrow();
}

export async function attachments(db: Db, dossierId: string): Promise<AttachmentRow[]> {
  return t(db).selectFrom('dossier_attachments').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('id').execute();
}

export async function removeAttachment(db: Db, dossierId: string, id: string): Promise<number> {
  const r = await t(db).deleteFrom('dossier_attachments').where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}


export async function addEvent(db: Db, e: NewDossierEvent): Promise<void> {
  await t(db).insertInto('dossier_events').values({ ...e, details: JSON.stringify(e.details ?? {}) }).execute();
}

export async function events(db: Db, dossierId: string): Promise<EventRow[]> {
  return t(db).selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('id').execute();
}

export async function openPause(db: Db, dossierId: string, at: Date): Promise<void> {
  await t(db).insertInto('dossier_pauses').values({ dossier_id: dossierId, started_at: at }).execute();
}

export async function closePause(db: Db, dossierId: string, at: Date): Promise<void> {
  await t(db).updateTable('dossier_pauses').set({ ended_at: at }).where('dossier_id', '=', dossierId).where('ended_at', 'is', null).execute();
}

export async function pauses(db: Db, dossierIds: string[]): Promise<PauseRow[]> {
  if (dossierIds.length === 0) return [];
  return t(db).selectFrom('dossier_pauses').selectAll().where('dossier_id', 'in', dossierIds).orderBy('id').execute();
}

export async function addLetter(db: Db, l: NewLetter): Promise<LetterRow> {
  return t(db).insertInto('dossier_letters').values({ ...l, data: JSON.stringify(l.data) }).returningAll().executeTakeFirstOrThrow();
}

export async function letters(db: Db, dossierId: string): Promise<LetterRow[]> {
  return t(db).selectFrom('dossier_letters').selectAll().where('dossier_id', '=', dossierId).orderBy('issued_at').orderBy('id').execute();
}

export async function addFees(db: Db, dossierId: string, fees: { name: string; amountVnd: number }[]): Promise<void> {
  if (fees.length === 0) return;
  await t(db).insertInto('dossier_fees').values(fees.map((f) => ({ dossier_id: dossierId, name: f.name, amount_vnd: f.amountVnd }))).execute();
}

export async function fees(db: Db, dossierId: string): Promise<FeeRow[]> {
  return t(db).selectFrom('dossier_fees').selectAll().where('dossier_id', '=', dossierId).orderBy('name').execute();
}

/** Dossiers whose fees were paid, per Vietnam day, method (counter, online), agency and commune, in [from, to): the leaders' payment figures. */
export async function feePaymentsByDay(db: Db, from: Date, to: Date): Promise<FeePaymentCount[]> {
  const { rows } = await sql<{ day: string; method: string | null; agency_id: string; commune_code: string; dossiers: string | number }>`
    SELECT to_char(f.paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, f.method, d.agency_id, d.commune_code, count(DISTINCT f.dossier_id) AS dossiers
    FROM dossier_fees f JOIN dossiers d ON d.id = f.dossier_id
    WHERE f.paid_at >= ${from} AND f.paid_at < ${to} AND f.amount_vnd > 0 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`.execute(db);
  return rows.map((r) => ({ day: r.day, method: r.method ?? 'counter', agencyId: r.agency_id, communeCode: r.commune_code, dossiers: Number(r.dossiers) }));
}

export interface FeePaymentCount {
  day: string;
  method: string;
  agencyId: string;
  communeCode: string;
  dossiers: number;
}

export async function markFeesPaid(db: Db, dossierId: string, by: string | null, at: Date, method: 'counter' | 'online' = 'counter'): Promise<number> {
  const r = await t(db).updateTable('dossier_fees').set({ paid_at: at, paid_by: by, method }).where('dossier_id', '=', dossierId).where('paid_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function procedureSteps(db: Db, procedureId: string): Promise<Step[] | null> {
  const row = await t(db).selectFrom('dossier_procedure_steps').select('steps').where('procedure_id', '=', procedureId).executeTakeFirst();
  return row?.steps ?? null;
}

export async function setProcedureSteps(db: Db, procedureId: string, steps: Step[]): Promise<void> {
  await t(db)
    .insertInto('dossier_procedure_steps')
    .values({ procedure_id: procedureId, steps: JSON.stringify(steps) })
    .onConflict((oc) => oc.column('procedure_id').doUpdateSet({ steps: JSON.stringify(steps), updated_at: new Date() }))
    .execute();
}

export async function mine(db: Db, userId: string, limit: number, offset: number): Promise<{ items: DossierRow[]; total: number }> {
  const base = t(db).selectFrom('dossiers').where('applicant_user_id', '=', userId);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('updated_at', 'desc').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface QueueFilter {
  agencyIds: string[];
  statuses?: number[];
  procedureId?: string;
  q?: string;
  /** Only dossiers still open whose appointment is before this day. */
  overdueOn?: string;
  limit: number;
  offset: number;
}

export async function queue(db: Db, f: QueueFilter): Promise<{ items: DossierRow[]; total: number }> {
  if (f.agencyIds.length === 0) return { items: [], total: 0 };
  let base = t(db).selectFrom('dossiers').where('agency_id', 'in', f.agencyIds).where('status', '>', 0);
  if (f.statuses?.length) base = base.where('status', 'in', f.statuses);
  if (f.procedureId) base = base.where('procedure_id', '=', f.procedureId);
  if (f.overdueOn) base = base.where('appointment_date', '<', f.overdueOn).where('finished_at', 'is', null).where('status', 'not in', [3, 7, 8, 9, 10]);
  if (f.q) {
    const like = `%${foldVietnamese(f.q.trim()).replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where((eb) => eb.or([eb('code', 'ilike', like), eb('applicant_name_folded', 'like', like)]));
  }
  const [items, count] = await Promise.all([
    base.selectAll().orderBy(sql`appointment_date asc nulls last`).orderBy('submitted_at').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Dossiers touching the period (submitted or finished in it), for the indicators. */
export async function forIndicators(db: Db, from: Date, to: Date): Promise<DossierRow[]> {
  return t(db)
    .selectFrom('dossiers')
    .selectAll()
    .where('status', '>', 0)
    .where((eb) => eb.or([eb.and([eb('submitted_at', '>=', from), eb('submitted_at', '<', to)]), eb.and([eb('finished_at', '>=', from), eb('finished_at', '<', to)])]))
    .execute();
}

export async function withAttachments(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await t(db).selectFrom('dossier_attachments').select('dossier_id').distinct().where('dossier_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.dossier_id));
}

/** A person's dossiers for the deletion receipt: code, procedure and whether it was ever submitted. */
export async function ofApplicant(db: Db, userId: string) {
  return t(db).selectFrom('dossiers').select(['id', 'code', 'procedure_name', 'status']).where('applicant_user_id', '=', userId).orderBy('created_at').execute();
}

/**
 * Erases what deleting an account erases: drafts (never submitted, so no administrative
 * record) with their attachments; submitted dossiers are unlinked from the account, and the
 * person's own steps in their history no longer carry their account or name. Returns the file ids that
 * no dossier names any more, for the caller to remove from the store.
 */
export async function eraseApplicant(db: Db, userId: string): Promise<string[]> {
  const drafts = await t(db).selectFrom('dossiers').select('id').where('applicant_user_id', '=', userId).where('status', '=', 0).execute();
  const draftIds = drafts.map((d) => d.id);
  let orphanFiles: string[] = [];
  if (draftIds.length) {
    const files = await t(db).selectFrom('dossier_attachments').select('file_id').distinct().where('dossier_id', 'in', draftIds).execute();
    await t(db).deleteFrom('dossiers').where('id', 'in', draftIds).execute();
    const fileIds = files.map((f) => f.file_id);
    if (fileIds.length) {
      const stillNamed = await t(db).selectFrom('dossier_attachments').select('file_id').distinct().where('file_id', 'in', fileIds).execute();
      const named = new Set(stillNamed.map((f) => f.file_id));
      orphanFiles = fileIds.filter((id) => !named.has(id));
    }
  }
  // only on their own dossiers: what they did as an official stays in others' records
  const own = t(db).selectFrom('dossiers').select('id').where('applicant_user_id', '=', userId);
  await t(db).updateTable('dossier_events').set({ actor_user_id: null, actor_name: null }).where('actor_user_id', '=', userId).where('dossier_id', 'in', own).execute();
  await t(db).updateTable('dossiers').set({ applicant_user_id: null, idempotency_key: null, idempotency_hash: null }).where('applicant_user_id', '=', userId).execute();
  return orphanFiles;
}

/** Forms not yet swept for personal IDs in clear, a batch at a time. */
export function unsealedForms(db: Db, limit: number) {
  return t(db).selectFrom('dossiers').select(['id', 'procedure_id', 'form_data']).where('personal_ids_sealed', '=', false).orderBy('created_at').limit(limit).execute();
}

export async function markSealed(db: Db, id: string, form: Record<string, unknown> | null): Promise<void> {
  await t(db).updateTable('dossiers').set({ personal_ids_sealed: true, ...(form ? { form_data: JSON.stringify(form) } : {}) }).where('id', '=', id).execute();
}

export async function forApplicantExport(db: Db, userId: string) {
  return t(db).selectFrom('dossiers').selectAll().where('applicant_user_id', '=', userId).orderBy('created_at').execute();
}

/** Open dossiers with someone holding them whose appointment falls on or before `day`. */
export async function dueBy(db: Db, day: string): Promise<DossierRow[]> {
  return t(db)
    .selectFrom('dossiers')
    .selectAll()
    .where('status', 'in', [1, 2, 4, 6])
    .where('finished_at', 'is', null)
    .where('assignee_user_id', 'is not', null)
    .where('appointment_date', '<=', day)
    .execute();
}

/**
 * The next number of the day at an agency. The row lock taken by the upsert serialises
 * concurrent submissions, and a rolled-back submission releases its number with it, so
 * numbers are unique and gapless per agency and day. Call inside the submitting transaction.
 */
export async function nextCodeSequence(trx: Db, agencyEid: string, day: string): Promise<number> {
  const row = await t(trx)
    .insertInto('dossier_code_counters')
    .values({ agency_eid: agencyEid, day, last: 1 })
    .onConflict((oc) => oc.columns(['agency_eid', 'day']).doUpdateSet({ last: sql`dossier_code_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}
