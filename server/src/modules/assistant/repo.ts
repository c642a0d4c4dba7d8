// SQL of the assistant: conversations and their remembered slots, the log of questions with
// ratings, and the staff's answers (FAQ).
import { sql, type ColumnType, type Generated, type Kysely, type Selectable } from 'kysely';
import type { AssistantIntent, AssistantQuestionFilter } from '@cds/contracts/assistant.rules';

type Db = Kysely<object>;

/** What a conversation remembers between turns (Rasa's slots). */
export interface ConversationState {
  /** The procedure talked about last: "mất bao lâu?" is about it. */
  procedureId?: string;
  /** An open form: what it still waits for. */
  form?: 'dossier_status' | 'report_status';
  dossierCode?: string;
  phone?: string;
  /** The two options of a clarifying question, to pick by "1" or "2". */
  options?: string[];
}

export interface ConversationTable {
  id: Generated<string>;
  user_id: string | null;
  state: ColumnType<ConversationState, string, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  expires_at: Date;
}

export interface TurnTable {
  id: Generated<string>;
  conversation_id: string | null;
  question: string;
  question_key: string;
  intent: AssistantIntent;
  answered: boolean;
  score: number;
  helpful: boolean | null;
  resolved_by: string | null;
  created_at: Generated<Date>;
}

export interface FaqTable {
  id: Generated<string>;
  question: string;
  phrasings: string[];
  answer: string;
  link_title: string | null;
  link_href: string | null;
  created_by: string;
  updated_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}

type Tables = { assistant_conversations: ConversationTable; assistant_turns: TurnTable; assistant_faqs: FaqTable };

export type ConversationRow = Selectable<ConversationTable>;
export type FaqRow = Selectable<FaqTable>;

const t = (db: Db) => db.withTables<Tables>();

export async function findConversation(db: Db, id: string, now: Date): Promise<ConversationRow | undefined> {
  return t(db).selectFrom('assistant_conversations').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
}

export async function createConversation(db: Db, userId: string | null, expiresAt: Date): Promise<ConversationRow> {
  return t(db).insertInto('assistant_conversations').values({ user_id: userId, state: '{}', expires_at: expiresAt }).returningAll().executeTakeFirstOrThrow();
}

export async function saveConversation(db: Db, id: string, state: ConversationState, expiresAt: Date): Promise<void> {
  await t(db).updateTable('assistant_conversations').set({ state: JSON.stringify(state), expires_at: expiresAt, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteExpired(db: Db, now: Date): Promise<number> {
  const res = await t(db).deleteFrom('assistant_conversations').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function insertTurn(db: Db, turn: { conversationId: string; question: string; questionKey: string; intent: AssistantIntent; answered: boolean; score: number }): Promise<string> {
  const row = await t(db).insertInto('assistant_turns').values({
    conversation_id: turn.conversationId, question: turn.question, question_key: turn.questionKey, intent: turn.intent, answered: turn.answered, score: turn.score,
    helpful: null, resolved_by: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The turn with its conversation's owner, to check who may rate it. */
export async function findTurn(db: Db, id: string): Promise<{ id: string; conversation_id: string | null; user_id: string | null } | undefined> {
  return t(db).selectFrom('assistant_turns as t')
    .leftJoin('assistant_conversations as c', 'c.id', 't.conversation_id')
    .select(['t.id', 't.conversation_id', 'c.user_id'])
    .where('t.id', '=', id).executeTakeFirst();
}

export async function rateTurn(db: Db, id: string, helpful: boolean): Promise<void> {
  await t(db).updateTable('assistant_turns').set({ helpful }).where('id', '=', id).execute();
}

export interface QuestionGroupRow {
  key: string;
  example: string;
  count: number;
  last_asked_at: Date;
  intent: AssistantIntent;
  not_helpful: number;
}

/** Questions asked the same way, grouped, most asked first; only those no staff answer resolved. */
export async function questionGroups(db: Db, filter: AssistantQuestionFilter, limit: number): Promise<QuestionGroupRow[]> {
  const which = filter === 'unanswered' ? sql`NOT answered` : sql`helpful = false`;
  const res = await sql<QuestionGroupRow>`
    SELECT question_key AS key, (array_agg(question ORDER BY created_at DESC))[1] AS example, count(*)::int AS count,
      max(created_at) AS last_asked_at, (array_agg(intent ORDER BY created_at DESC))[1] AS intent,
      (count(*) FILTER (WHERE helpful = false))::int AS not_helpful
    FROM assistant_turns WHERE ${which} AND resolved_by IS NULL
    GROUP BY question_key ORDER BY count(*) DESC, max(created_at) DESC LIMIT ${limit}`.execute(db);
  return res.rows;
}

export async function resolveQuestions(db: Db, keys: string[], faqId: string): Promise<void> {
  if (!keys.length) return;
  await t(db).updateTable('assistant_turns').set({ resolved_by: faqId }).where('question_key', 'in', keys).where('resolved_by', 'is', null).execute();
}

export async function listFaqs(db: Db): Promise<FaqRow[]> {
  return t(db).selectFrom('assistant_faqs').selectAll().where('deleted_at', 'is', null).orderBy('updated_at', 'desc').execute();
}

export async function findFaq(db: Db, id: string): Promise<FaqRow | undefined> {
  return t(db).selectFrom('assistant_faqs').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export interface FaqValues {
  question: string;
  phrasings: string[];
  answer: string;
  link_title: string | null;
  link_href: string | null;
}

export async function insertFaq(db: Db, values: FaqValues, by: string): Promise<FaqRow> {
  return t(db).insertInto('assistant_faqs').values({ ...values, created_by: by, updated_by: by, deleted_at: null }).returningAll().executeTakeFirstOrThrow();
}

export async function updateFaq(db: Db, id: string, values: FaqValues, by: string): Promise<FaqRow | undefined> {
  return t(db).updateTable('assistant_faqs').set({ ...values, updated_by: by, updated_at: new Date() }).where('id', '=', id).where('deleted_at', 'is', null).returningAll().executeTakeFirst();
}

export async function deleteFaq(db: Db, id: string, by: string): Promise<boolean> {
  const res = await t(db).updateTable('assistant_faqs').set({ deleted_at: new Date(), updated_by: by }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A person's conversations (the slots they gave), for their data export. */
export function conversationsOf(db: Db, userId: string) {
  return t(db).selectFrom('assistant_conversations').select(['state', 'created_at', 'updated_at']).where('user_id', '=', userId).orderBy('created_at').execute();
}

/** A deleted account's conversations go; the question log, numbers masked, names nobody. */
export async function eraseConversations(db: Db, userId: string): Promise<void> {
  await t(db).deleteFrom('assistant_conversations').where('user_id', '=', userId).execute();
}
