// SQL of the procedures module: the catalogue table and its ranked search.
import { sql, type Generated, type Insertable, type JSONColumnType, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/connection.ts';
import type { FormSchema } from '@cds/contracts';
import type { PreparedQuery, SearchDocument } from './search.ts';

type Executor = Kysely<object>;
export type Fee = { name: string; amountVnd: number; note: string | null };
export type DocumentSpec = { key: string; name: string; originals: number; copies: number; required: boolean; template: string | null };

export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  name: string;
  sector: string;
  level: 'full_online' | 'partial_online';
  tier: 'province' | 'commune';
  agency_code: string | null;
  agency_label: string;
  processing_days: number;
  processing_note: string | null;
  fees: JSONColumnType<Fee[], string, string>;
  required_documents: JSONColumnType<DocumentSpec[], string, string>;
  applicants: string;
  legal_basis: JSONColumnType<string[], string, string>;
  steps: JSONColumnType<string[], string, string>;
  result: string;
  form_schema: JSONColumnType<FormSchema, string, string>;
  life_events: string[];
  keywords: string[];
  essential: boolean;
  online: boolean;
  external_url: string | null;
  source: 'pack' | 'admin';
  pack_hash: string | null;
  search_name: string;
  search_aliases: string;
  search_sector: string;
  name_words: string[];
  alias_words: string[];
  alias_phrases: string[];
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
type Tables = { procedures: ProcedureTable };
export type ProcedureRow = Selectable<ProcedureTable>;
export type ProcedureValues = Omit<Insertable<ProcedureTable>, 'id' | 'created_at' | 'updated_at'>;

export type SearchFilter = {
  sector?: string;
  agency?: string;
  level?: string;
  tier?: string;
  lifeEvent?: string;
  essential?: boolean;
};

const DETAIL_COLUMNS = [
  'id', 'code', 'name', 'sector', 'level', 'tier', 'agency_code', 'agency_label', 'processing_days', 'processing_note',
  'fees', 'required_documents', 'applicants', 'legal_basis', 'steps', 'result', 'form_schema', 'life_events', 'keywords',
  'essential', 'online', 'external_url', 'source', 'updated_at',
] as const;
export type ProcedureDetailRow = Pick<ProcedureRow, (typeof DETAIL_COLUMNS)[number]>;
export type SearchRow = Pick<ProcedureRow, 'id' | 'code' | 'name' | 'sector' | 'level' | 'tier' | 'agency_code' | 'agency_label' |
  'processing_days' | 'processing_note' | 'fees' | 'essential' | 'online' | 'life_events'> & { score: number };

export type IndexRow = Omit<SearchRow, 'score'> & SearchDocument & { updated_at: Date };

export function versionOf(count: number, lastUpdate: Date | null): string {
  return `${count}@${lastUpdate ? new Date(lastUpdate).getTime() : 0}`;
}

const SEARCH_COLUMNS = 'id, code, name, sector, level, tier, agency_code, agency_label, processing_days, processing_note, fees, essential, online, life_events';

function filterSql(filter: SearchFilter) {
  const parts = [sql`true`];
  if (filter.sector) parts.push(sql`sector = ${filter.sector}`);
  if (filter.agency) parts.push(sql`agency_code = ${filter.agency}`);
  if (filter.level) parts.push(sql`level = ${filter.level}`);
  if (filter.tier) parts.push(sql`tier = ${filter.tier}`);
  if (filter.lifeEvent) parts.push(sql`life_events @> ARRAY[${filter.lifeEvent}]::text[]`);
  if (filter.essential !== undefined) parts.push(sql`essential = ${filter.essential}`);
  return sql.join(parts, sql` AND `);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Below this a row is not shown: trigram overlap with the name or aliases, or an alias
// phrase found whole in the query. Tuned on the query table in procedures.test.ts.
const MIN_SIMILARITY = 0.45;
// ...and rows far below the best match are noise ("CCCD" should not list every "cấp" procedure).
const RELATIVE_CUTOFF = 0.4;

export class ProceduresRepo {
  constructor(private readonly db: Database) {}

  private k(trx?: Executor) {
    return (trx ?? this.db.kysely).withTables<Tables>();
  }

  async find(idOrCode: string, trx?: Executor): Promise<ProcedureDetailRow | undefined> {
    return this.k(trx).selectFrom('procedures').select(DETAIL_COLUMNS)
      .where(UUID.test(idOrCode) ? 'id' : 'code', '=', idOrCode)
      .executeTakeFirst();
  }

  async all(trx?: Executor): Promise<ProcedureDetailRow[]> {
    return this.k(trx).selectFrom('procedures').select(DETAIL_COLUMNS).orderBy('code').execute();
  }

  async packHashes(trx: Executor): Promise<Map<string, { hash: string | null; source: string }>> {
    const rows = await this.k(trx).selectFrom('procedures').select(['code', 'pack_hash', 'source']).execute();
    return new Map(rows.map((r) => [r.code, { hash: r.pack_hash, source: r.source }]));
  }

  async insert(values: ProcedureValues, trx?: Executor): Promise<string> {
    const row = await this.k(trx).insertInto('procedures').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Replaces the pack's version of a procedure unless an admin has edited it here. */
  async upsertFromPack(values: ProcedureValues, trx: Executor): Promise<void> {
    const { code: _code, ...rest } = values;
    await this.k(trx).insertInto('procedures').values(values)
      .onConflict((oc) => oc.column('code').doUpdateSet({ ...rest, updated_at: sql<Date>`now()` }).where('procedures.source', '=', 'pack'))
      .execute();
  }

  async update(id: string, values: ProcedureValues, trx?: Executor): Promise<void> {
    await this.k(trx).updateTable('procedures').set({ ...values, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
  }

  async codeTaken(code: string, exceptId: string | null, trx?: Executor): Promise<boolean> {
    let q = this.k(trx).selectFrom('procedures').select('id').where('code', '=', code);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return !!(await q.executeTakeFirst());
  }

  async search(query: PreparedQuery | null, filter: SearchFilter, limit: number, offset: number): Promise<{ rows: SearchRow[]; total: number }> {
    if (!query) return this.list(filter, limit, offset);
    const found = await this.ranked(query, filter, limit, offset, false);
    // nothing shares a word with the query: maybe a typo in every word, so look by trigrams
    // (on every page alike: `total` counts all matches, whatever the page)
    return found.total > 0 ? found : this.ranked(query, filter, limit, offset, true);
  }

  /**
   * Ranks the candidates: procedures sharing a rarer word or an everyday phrase with the
   * query (word-array indexes), or, in `fuzzy` mode, resembling it (pg_trgm's <%, whose
   * per-row cost is why it is only the fallback).
   */
  private async ranked(query: PreparedQuery, filter: SearchFilter, limit: number, offset: number, fuzzy: boolean): Promise<{ rows: SearchRow[]; total: number }> {
    const candidates = fuzzy
      ? sql`(${query.text} <% search_name OR ${query.text} <% search_aliases)`
      : sql`(name_words && ${query.pickWords}::text[] OR alias_words && ${query.pickWords}::text[] OR alias_phrases && ${query.phrases}::text[])`;
    const res = await sql<SearchRow & { total: number }>`
      WITH c AS (
        SELECT ${sql.raw(SEARCH_COLUMNS)}, ${scoreExpression(query)} AS score
        FROM procedures WHERE ${filterSql(filter)} AND ${candidates}
      ), kept AS (
        SELECT * FROM c WHERE score >= GREATEST(${MIN_SIMILARITY}::float, ${RELATIVE_CUTOFF}::float * (SELECT max(score) FROM c))
      )
      SELECT *, (count(*) OVER ())::int AS total FROM kept
      ORDER BY score DESC, essential DESC, name LIMIT ${limit} OFFSET ${offset}`.execute(this.db.kysely);
    const total = res.rows[0]?.total ?? (offset > 0 ? (await this.ranked(query, filter, 1, 0, fuzzy)).total : 0);
    return { rows: res.rows, total };
  }

  private async list(filter: SearchFilter, limit: number, offset: number): Promise<{ rows: SearchRow[]; total: number }> {
    const where = filterSql(filter);
    const [rows, count] = await Promise.all([
      sql<SearchRow>`SELECT ${sql.raw(SEARCH_COLUMNS)}, 0::float AS score FROM procedures WHERE ${where}
        ORDER BY essential DESC, name LIMIT ${limit} OFFSET ${offset}`.execute(this.db.kysely),
      sql<{ n: number }>`SELECT count(*)::int AS n FROM procedures WHERE ${where}`.execute(this.db.kysely),
    ]);
    return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
  }

  /** What the in-process search index holds, in the catalogue's order (the tie-break of the ranking). */
  async searchIndexRows(): Promise<IndexRow[]> {
    const res = await sql<IndexRow>`SELECT ${sql.raw(SEARCH_COLUMNS)}, search_name, search_aliases, search_sector, name_words, alias_words,
      alias_phrases, updated_at FROM procedures ORDER BY essential DESC, name`.execute(this.db.kysely);
    return res.rows;
  }

  /** Changes whenever a procedure is added or edited (there is no delete): tells a stale search index. */
  async catalogueVersion(): Promise<string> {
    const res = await sql<{ n: number; at: Date | null }>`SELECT count(*)::int AS n, max(updated_at) AS at FROM procedures`.execute(this.db.kysely);
    return versionOf(res.rows[0]?.n ?? 0, res.rows[0]?.at ?? null);
  }

  async lifeEventCounts(): Promise<{ key: string; count: number }[]> {
    const res = await sql<{ key: string; count: number }>`
      SELECT e AS key, count(*)::int AS count FROM procedures, unnest(life_events) AS e GROUP BY e ORDER BY count(*) DESC, e`.execute(this.db.kysely);
    return res.rows;
  }

  async sectorCounts(): Promise<{ name: string; count: number }[]> {
    return this.k().selectFrom('procedures').select(['sector as name', sql<number>`count(*)::int`.as('count')])
      .groupBy('sector').orderBy('count', 'desc').orderBy('sector').execute();
  }

  async counts(): Promise<{ total: number; online: number }> {
    const row = await this.k().selectFrom('procedures')
      .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) FILTER (WHERE online)::int`.as('online')])
      .executeTakeFirstOrThrow();
    return row;
  }
}

/**
 * Relevance of a row to the query: trigram similarity of the query within the name
 * (weighted most), the aliases and the sector; the share of query words found whole in
 * the name and aliases; and an everyday phrase (alias) found whole in what was typed.
 */
function scoreExpression(q: PreparedQuery) {
  const words = sql`${q.words}::text[]`;
  const phrases = sql`${q.phrases}::text[]`;
  const wordCount = sql`${Math.max(q.words.length, 1)}::float`;
  const typedCount = sql`${q.typedWords}::float`;
  return sql<number>`(
    1.0 * word_similarity(${q.text}, search_name)
    + 0.8 * word_similarity(${q.text}, search_aliases)
    + 0.15 * word_similarity(${q.text}, search_sector)
    + CASE WHEN name_words && ${words} THEN 0.6 * cardinality(ARRAY(SELECT unnest(name_words) INTERSECT SELECT unnest(${words})))::float / ${wordCount} ELSE 0 END
    + CASE WHEN alias_words && ${words} THEN 0.3 * cardinality(ARRAY(SELECT unnest(alias_words) INTERSECT SELECT unnest(${words})))::float / ${wordCount} ELSE 0 END
    + CASE WHEN alias_phrases && ${phrases} THEN 0.8 * LEAST(1, (SELECT max(array_length(string_to_array(a, ' '), 1)) FROM unnest(alias_phrases) a
        WHERE a = ANY(${phrases}))::float / ${typedCount}) ELSE 0 END
    + CASE WHEN position(${q.text} IN search_name) > 0 THEN 0.5 ELSE 0 END
  )`;
}
