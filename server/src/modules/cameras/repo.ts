// SQL of public cameras.
import type { Generated, Insertable, Kysely, Selectable } from 'kysely';
import type { CameraKind } from '@cds/contracts/cameras.rules';

export interface CameraTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: CameraKind;
  lat: number;
  lon: number;
  commune_code: string | null;
  stream_url: string;
  snapshot_url: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

type Tables = { cameras: CameraTable };
export type CameraRow = Selectable<CameraTable>;
export type NewCamera = Insertable<CameraTable>;
export type Db = Kysely<object>;

const t = (db: Db) => db.withTables<Tables>();

export async function listActive(db: Db, kind?: CameraKind): Promise<CameraRow[]> {
  let q = t(db).selectFrom('cameras').selectAll().where('active', '=', true);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').orderBy('name').execute();
}

export async function byId(db: Db, id: string): Promise<CameraRow | undefined> {
  return t(db).selectFrom('cameras').selectAll().where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export async function insert(db: Db, c: NewCamera): Promise<CameraRow | undefined> {
  return t(db).insertInto('cameras').values(c).onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
}
