// SQL of the health book: consents only (the record itself is never stored).
import type { Generated, Kysely, Selectable } from 'kysely';

export interface HealthConsentTable {
  id: Generated<string>;
  user_id: string;
  version: string;
  granted_at: Generated<Date>;
  withdrawn_at: Date | null;
}

type Tables = { health_consents: HealthConsentTable };
export type ConsentRow = Selectable<HealthConsentTable>;
export type Db = Kysely<object>;

const t = (db: Db) => db.withTables<Tables>();

export async function activeConsent(db: Db, userId: string): Promise<ConsentRow | undefined> {
  return t(db).selectFrom('health_consents').selectAll().where('user_id', '=', userId).where('withdrawn_at', 'is', null).executeTakeFirst();
}

/** Closes the active consent (if any); returns how many rows it closed. */
export async function withdraw(db: Db, userId: string): Promise<number> {
  const res = await t(db).updateTable('health_consents').set({ withdrawn_at: new Date() }).where('user_id', '=', userId).where('withdrawn_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function grant(db: Db, userId: string, version: string): Promise<ConsentRow> {
  return t(db).insertInto('health_consents').values({ user_id: userId, version, withdrawn_at: null }).returningAll().executeTakeFirstOrThrow();
}

/** Every consent of a person, newest first (for their data export). */
export async function consentsOf(db: Db, userId: string): Promise<ConsentRow[]> {
  return t(db).selectFrom('health_consents').selectAll().where('user_id', '=', userId).orderBy('granted_at', 'desc').execute();
}

/** A deleted account's consents go (the record itself was never stored). */
export async function eraseConsents(db: Db, userId: string): Promise<void> {
  await t(db).deleteFrom('health_consents').where('user_id', '=', userId).execute();
}
