// SQL of the directory: the contact details and opening hours of each agency.
import { sql, type ColumnType, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { OpeningHours } from '@cds/contracts';

export interface DirectoryEntryTable {
  agency_id: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  counter: string | null;
  note: string | null;
  lat: number | null;
  lon: number | null;
  /** Written as JSON text. */
  hours: ColumnType<OpeningHours, string, string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

type Tables = { directory_entries: DirectoryEntryTable };
export type EntryRow = Selectable<DirectoryEntryTable>;
export type NewEntry = Insertable<DirectoryEntryTable>;
export type Db = Kysely<object>;

const t = (db: Db) => db.withTables<Tables>();

export async function allEntries(db: Db): Promise<EntryRow[]> {
  return t(db).selectFrom('directory_entries').selectAll().execute();
}

export async function entryOf(db: Db, agencyId: string, forUpdate = false): Promise<EntryRow | undefined> {
  let q = t(db).selectFrom('directory_entries').selectAll().where('agency_id', '=', agencyId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The pack's data, for entries no staff member has edited (updated_by null). */
export async function upsertFromPack(db: Db, rows: NewEntry[]): Promise<void> {
  if (rows.length === 0) return;
  await t(db).insertInto('directory_entries').values(rows)
    .onConflict((oc) => oc.column('agency_id').doUpdateSet((eb) => ({
      address: eb.ref('excluded.address'), phone: eb.ref('excluded.phone'), email: eb.ref('excluded.email'), website: eb.ref('excluded.website'),
      counter: eb.ref('excluded.counter'), note: eb.ref('excluded.note'), lat: eb.ref('excluded.lat'), lon: eb.ref('excluded.lon'), hours: eb.ref('excluded.hours'),
    })).where('directory_entries.updated_by', 'is', null))
    .execute();
}

/** An edit by agency staff: the whole row as it now stands. */
export async function saveEdited(db: Db, row: NewEntry): Promise<EntryRow> {
  const { agency_id: _id, ...rest } = row;
  return t(db).insertInto('directory_entries').values(row)
    .onConflict((oc) => oc.column('agency_id').doUpdateSet({ ...rest, updated_at: sql<Date>`now()` }))
    .returningAll().executeTakeFirstOrThrow();
}
