// SQL of the Open311 module: API keys.
import type { Generated, Kysely } from 'kysely';

export interface ApiKeyTable {
  key_hash: string;
  name: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

type Tables = { open311_api_keys: ApiKeyTable };

const t = (db: Kysely<object>) => db.withTables<Tables>();

export async function keyIsActive(db: Kysely<object>, keyHash: string): Promise<boolean> {
  return !!(await t(db).selectFrom('open311_api_keys').select('key_hash').where('key_hash', '=', keyHash).where('active', '=', true).executeTakeFirst());
}

export async function addKey(db: Kysely<object>, keyHash: string, name: string): Promise<void> {
  await t(db).insertInto('open311_api_keys').values({ key_hash: keyHash, name }).onConflict((oc) => oc.column('key_hash').doUpdateSet({ active: true, name })).execute();
}
