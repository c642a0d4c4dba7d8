// SQL of the identity module, over its own tables only.
import { sql, type Generated, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/connection.ts';

export type Sex = 'male' | 'female' | 'other';
export type UserStatus = 'active' | 'disabled' | 'anonymised';
export type SessionMethod = 'password' | 'register' | 'eid';
export type OtpPurpose = 'register' | 'password_reset';

export interface UserTable {
  id: Generated<string>;
  phone: string | null;
  password_hash: string | null;
  full_name: Generated<string>;
  // written as YYYY-MM-DD; always read back through to_char (drivers turn dates into local midnights)
  date_of_birth: string | null;
  sex: Sex | null;
  personal_id_enc: string | null;
  personal_id_hash: string | null;
  commune_code: string | null;
  address: string | null;
  eid_sub: string | null;
  eid_level: number | null;
  eid_linked_at: Date | null;
  status: Generated<UserStatus>;
  search_text: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  anonymised_at: Date | null;
}

export interface SessionTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  method: SessionMethod;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface OtpCodeTable {
  id: Generated<string>;
  phone: string;
  purpose: OtpPurpose;
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  attempts: Generated<number>;
  consumed_at: Date | null;
}

export interface ConsentTable {
  id: Generated<string>;
  user_id: string;
  purpose: string;
  version: string;
  granted_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export interface DeletionRequestTable {
  id: Generated<string>;
  user_id: string;
  requested_at: Generated<Date>;
  due_at: Date;
  cancelled_at: Date | null;
  completed_at: Date | null;
}

export interface EidLoginStateTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

type IdentityTables = {
  users: UserTable;
  sessions: SessionTable;
  otp_codes: OtpCodeTable;
  consents: ConsentTable;
  deletion_requests: DeletionRequestTable;
  eid_login_states: EidLoginStateTable;
};

export type Executor = Kysely<object>;

const USER_COLUMNS = [
  'id', 'phone', 'password_hash', 'full_name', 'sex', 'personal_id_enc', 'personal_id_hash', 'commune_code',
  'address', 'eid_sub', 'eid_level', 'status', 'created_at',
] as const;
/** A user as the module reads it (the search text and bookkeeping columns stay in SQL). */
export type UserRow = Pick<Selectable<UserTable>, (typeof USER_COLUMNS)[number] | 'date_of_birth'>;
export type NewUser = Insertable<UserTable>;
export type UserPatch = Updateable<UserTable>;

const SESSION_COLUMNS = ['id', 'user_id', 'method', 'created_at', 'expires_at', 'last_seen_at', 'ip', 'user_agent'] as const;
/** A session without its token hash. */
export type SessionRow = Pick<Selectable<SessionTable>, (typeof SESSION_COLUMNS)[number]>;

const OTP_COLUMNS = ['id', 'code_hash', 'created_at', 'expires_at', 'attempts', 'consumed_at'] as const;
export type OtpRow = Pick<Selectable<OtpCodeTable>, (typeof OTP_COLUMNS)[number]>;

const CONSENT_COLUMNS = ['purpose', 'version', 'granted_at', 'withdrawn_at'] as const;
export type ConsentRow = Pick<Selectable<ConsentTable>, (typeof CONSENT_COLUMNS)[number]>;

export type DeletionRow = Selectable<DeletionRequestTable>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

export class IdentityRepo {
  constructor(private readonly db: Database) {}

  private k(ex?: Executor) {
    return (ex ?? this.db.kysely).withTables<IdentityTables>();
  }

  private users(ex?: Executor) {
    return this.k(ex)
      .selectFrom('users')
      .select([...USER_COLUMNS, sql<string | null>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('date_of_birth')]);
  }

  findUser(id: string, ex?: Executor): Promise<UserRow | undefined> {
    return this.users(ex).where('id', '=', id).executeTakeFirst();
  }

  /** A user and their open deletion request's dates, if any, in one read (GET /api/me). */
  findUserWithDeletion(id: string): Promise<(UserRow & { deletion_requested_at: Date | null; deletion_due_at: Date | null }) | undefined> {
    const open = (column: 'requested_at' | 'due_at') => sql<Date | null>`(SELECT d.${sql.ref(column)} FROM deletion_requests d
      WHERE d.user_id = users.id AND d.cancelled_at IS NULL AND d.completed_at IS NULL LIMIT 1)`;
    return this.users().select([open('requested_at').as('deletion_requested_at'), open('due_at').as('deletion_due_at')])
      .where('id', '=', id).executeTakeFirst();
  }

  findUserByPhone(phone: string, ex?: Executor): Promise<UserRow | undefined> {
    return this.users(ex).where('phone', '=', phone).executeTakeFirst();
  }

  /** Account ids by phone number, for the phones that have an account. */
  async userIdsByPhones(phones: readonly string[]): Promise<Map<string, string>> {
    if (phones.length === 0) return new Map();
    const rows = await this.k().selectFrom('users').select(['id', 'phone']).where('phone', 'in', phones).execute();
    return new Map(rows.flatMap((r) => (r.phone ? [[r.phone, r.id] as const] : [])));
  }

  findUserByEidSub(sub: string, ex?: Executor): Promise<UserRow | undefined> {
    return this.users(ex).where('eid_sub', '=', sub).executeTakeFirst();
  }

  findUserByPersonalIdHash(hash: string, ex?: Executor): Promise<UserRow | undefined> {
    return this.users(ex).where('personal_id_hash', '=', hash).executeTakeFirst();
  }

  async insertUser(values: NewUser, ex: Executor): Promise<string> {
    const row = await this.k(ex).insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updateUser(id: string, patch: UserPatch, ex: Executor): Promise<void> {
    await this.k(ex).updateTable('users').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();
  }

  async listUsers(filter: { q?: string; limit: number; offset: number }): Promise<{ rows: UserRow[]; total: number }> {
    const pattern = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
    let rows = this.users();
    let count = this.k().selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'));
    if (pattern) {
      rows = rows.where('search_text', 'like', pattern);
      count = count.where('search_text', 'like', pattern);
    }
    const [list, total] = await Promise.all([
      rows.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
      count.executeTakeFirstOrThrow(),
    ]);
    return { rows: list, total: Number(total.n) };
  }

  async activeUserCountsByCommune(excludeIds: readonly string[] = []): Promise<{ commune_code: string; n: number }[]> {
    let q = this.k()
      .selectFrom('users')
      .select(['commune_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'active')
      .where('commune_code', 'is not', null);
    if (excludeIds.length) q = q.where('id', 'not in', excludeIds);
    const rows = await q
      .groupBy('commune_code')
      .execute();
    return rows.map((r) => ({ commune_code: r.commune_code ?? '', n: Number(r.n) }));
  }

  /** Active accounts whose home commune is one of these (for alerts to an area). */
  async activeResidentsOf(communeCodes: readonly string[]): Promise<{ id: string; phone: string | null; commune_code: string | null }[]> {
    if (communeCodes.length === 0) return [];
    return this.k()
      .selectFrom('users')
      .select(['id', 'phone', 'commune_code'])
      .where('status', '=', 'active')
      .where('commune_code', 'in', [...communeCodes])
      .execute();
  }

  /** Phone numbers of active accounts, by id (for SMS of a notice). */
  async activePhones(userIds: readonly string[]): Promise<{ id: string; phone: string | null }[]> {
    if (userIds.length === 0) return [];
    return this.k().selectFrom('users').select(['id', 'phone']).where('status', '=', 'active').where('id', 'in', [...userIds]).execute();
  }

  /** Sign-ups per Vietnam calendar day (UTC+7, no daylight saving) and commune since `since`. */
  async signupsByDay(since: Date, excludeIds: readonly string[] = []): Promise<{ day: string; commune_code: string | null; n: number }[]> {
    const day = sql<string>`to_char((created_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;
    let q = this.k()
      .selectFrom('users')
      .select([day.as('day'), 'commune_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('created_at', '>=', since)
      .where('status', '<>', 'anonymised');
    if (excludeIds.length) q = q.where('id', 'not in', excludeIds);
    const rows = await q
      .groupBy([day, 'commune_code'])
      .execute();
    return rows.map((r) => ({ day: r.day, commune_code: r.commune_code, n: Number(r.n) }));
  }

  // --- sessions ---

  async insertSession(values: Insertable<SessionTable>, ex: Executor): Promise<string> {
    const row = await this.k(ex).insertInto('sessions').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** The live session of an active account for a token hash. */
  findLiveSession(tokenHash: string, now: Date): Promise<{ id: string; user_id: string; last_seen_at: Date; expires_at: Date } | undefined> {
    return this.k()
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'sessions.user_id', 'sessions.last_seen_at', 'sessions.expires_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', now)
      .where('users.status', '=', 'active')
      .executeTakeFirst();
  }

  /** How a session of this person was started (password, register, eid), or undefined. */
  async sessionMethod(sessionId: string, userId: string): Promise<string | undefined> {
    const row = await this.k().selectFrom('sessions').select('method').where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
    return row?.method;
  }

  /** Marks sessions as last used at the times given, never moving a time back. */
  async touchSessions(seen: { id: string; at: Date }[]): Promise<void> {
    await sql`UPDATE sessions s SET last_seen_at = v.at
      FROM unnest(${seen.map((x) => x.id)}::uuid[], ${seen.map((x) => x.at.toISOString())}::timestamptz[]) AS v(id, at)
      WHERE s.id = v.id AND s.last_seen_at < v.at`.execute(this.k());
  }

  async deleteSession(id: string, ex?: Executor): Promise<void> {
    await this.k(ex).deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteUserSessions(userId: string, ex: Executor, exceptSessionId?: string): Promise<void> {
    let q = this.k(ex).deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
    await q.execute();
  }

  listSessions(userId: string): Promise<SessionRow[]> {
    return this.k()
      .selectFrom('sessions')
      .select(SESSION_COLUMNS)
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  /** Removes what can no longer be used: expired sessions and sign-in states, codes older than a day. */
  async sweep(now: Date): Promise<void> {
    await this.k().deleteFrom('sessions').where('expires_at', '<', now).execute();
    await this.k().deleteFrom('eid_login_states').where('expires_at', '<', now).execute();
    await this.k().deleteFrom('otp_codes').where('created_at', '<', new Date(now.getTime() - 86400e3)).execute();
  }

  // --- one-time codes ---

  async insertOtp(values: Insertable<OtpCodeTable>): Promise<string> {
    const row = await this.k().insertInto('otp_codes').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  latestOtp(phone: string, purpose: OtpPurpose): Promise<OtpRow | undefined> {
    return this.k()
      .selectFrom('otp_codes')
      .select(OTP_COLUMNS)
      .where('phone', '=', phone)
      .where('purpose', '=', purpose)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Counts a try before comparing, so parallel guesses cannot exceed the limit. */
  async countOtpAttempt(id: string): Promise<number> {
    const row = await this.k()
      .updateTable('otp_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return row.attempts;
  }

  async deleteOtp(id: string): Promise<void> {
    await this.k().deleteFrom('otp_codes').where('id', '=', id).execute();
  }

  /** Marks a code used; false when another request used it first. */
  async consumeOtp(id: string, now: Date, ex?: Executor): Promise<boolean> {
    const res = await this.k(ex).updateTable('otp_codes').set({ consumed_at: now }).where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  // --- consents ---

  listConsents(userId: string): Promise<ConsentRow[]> {
    return this.k()
      .selectFrom('consents')
      .select(CONSENT_COLUMNS)
      .where('user_id', '=', userId)
      .orderBy('granted_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** Holds the account's row until the transaction ends, so parallel requests of one person take turns. */
  async lockUser(userId: string, ex: Executor): Promise<void> {
    await this.k(ex).selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
  }

  activeConsent(userId: string, purpose: string, ex?: Executor): Promise<(ConsentRow & { id: string }) | undefined> {
    return this.k(ex)
      .selectFrom('consents')
      .select(['id', 'purpose', 'version', 'granted_at', 'withdrawn_at'])
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
  }

  insertConsent(values: Insertable<ConsentTable>, ex: Executor): Promise<ConsentRow> {
    return this.k(ex).insertInto('consents').values(values).returning(CONSENT_COLUMNS).executeTakeFirstOrThrow();
  }

  async withdrawConsents(userId: string, ex: Executor, purpose?: string): Promise<number> {
    let q = this.k(ex).updateTable('consents').set({ withdrawn_at: new Date() }).where('user_id', '=', userId).where('withdrawn_at', 'is', null);
    if (purpose) q = q.where('purpose', '=', purpose);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  // --- deletion requests ---

  private deletions(ex?: Executor) {
    return this.k(ex).selectFrom('deletion_requests').selectAll();
  }

  openDeletion(userId: string, ex?: Executor): Promise<DeletionRow | undefined> {
    return this.deletions(ex).where('user_id', '=', userId).where('cancelled_at', 'is', null).where('completed_at', 'is', null).executeTakeFirst();
  }

  findDeletion(id: string, ex?: Executor, lock = false): Promise<DeletionRow | undefined> {
    const q = this.deletions(ex).where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  }

  dueDeletions(now: Date): Promise<DeletionRow[]> {
    return this.deletions().where('due_at', '<=', now).where('cancelled_at', 'is', null).where('completed_at', 'is', null).orderBy('due_at').limit(500).execute();
  }

  listDeletions(userId: string): Promise<DeletionRow[]> {
    return this.deletions().where('user_id', '=', userId).orderBy('requested_at', 'desc').execute();
  }

  insertDeletion(values: Insertable<DeletionRequestTable>, ex: Executor): Promise<DeletionRow> {
    return this.k(ex).insertInto('deletion_requests').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async closeDeletion(id: string, field: 'cancelled_at' | 'completed_at', now: Date, ex: Executor): Promise<void> {
    await this.k(ex).updateTable('deletion_requests').set({ [field]: now }).where('id', '=', id).execute();
  }

  // --- eID sign-in state ---

  async insertEidState(values: Insertable<EidLoginStateTable>): Promise<void> {
    await this.k().insertInto('eid_login_states').values(values).execute();
    await this.k().deleteFrom('eid_login_states').where('expires_at', '<', new Date()).execute();
  }

  /** Removes and returns a pending sign-in, so a state is used at most once. */
  takeEidState(stateHash: string, now: Date): Promise<{ nonce: string; code_verifier: string; return_to: string } | undefined> {
    return this.k()
      .deleteFrom('eid_login_states')
      .where('state_hash', '=', stateHash)
      .where('expires_at', '>', now)
      .returning(['nonce', 'code_verifier', 'return_to'])
      .executeTakeFirst();
  }
}
