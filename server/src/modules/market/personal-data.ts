// What deleting an account does to the market. As a buyer: the delivery address, phone and
// note of every order are wiped (the order stays as the shop's sale, without the person);
// reviews stay as the shop's ratings, linked to nobody who can be named. As a seller: the
// shop stops selling (its products are hidden) and its phone and pickup address are wiped.
import type { Kysely } from 'kysely';
import type { PersonalDataPlan } from '../identity/index.ts';

type Tables = {
  market_orders: { buyer_user_id: string; address: string; phone: string; note: string | null; code: string; status: string; total_vnd: string; created_at: Date };
  market_shops: { id: string; owner_user_id: string; phone: string; pickup_address: string; name: string; commune_code: string; created_at: Date };
  market_products: { shop_id: string; hidden_at: Date | null; hidden_reason: string | null };
};
const t = (db: Kysely<object>) => db.withTables<Tables>();

/** The person's orders as a buyer and the shops they own, for their data export. */
export async function exportPersonalData(db: Kysely<object>, userId: string): Promise<unknown> {
  const [orders, shops] = await Promise.all([
    t(db).selectFrom('market_orders').select(['code', 'status', 'total_vnd', 'address', 'phone', 'note', 'created_at']).where('buyer_user_id', '=', userId).orderBy('created_at').execute(),
    t(db).selectFrom('market_shops').select(['name', 'commune_code', 'phone', 'pickup_address', 'created_at']).where('owner_user_id', '=', userId).orderBy('created_at').execute(),
  ]);
  return { orders: orders.map((o) => ({ ...o, total_vnd: Number(o.total_vnd) })), shops };
}

export async function describePersonalData(db: Kysely<object>, userId: string): Promise<PersonalDataPlan> {
  const [orders, shops] = await Promise.all([
    t(db).selectFrom('market_orders').select('code').where('buyer_user_id', '=', userId).execute(),
    t(db).selectFrom('market_shops').select('name').where('owner_user_id', '=', userId).execute(),
  ]);
  return {
    erased: [
      ...(orders.length ? [{ key: 'market.erased.orders', params: { count: orders.length } }] : []),
      ...shops.map((s) => ({ key: 'market.erased.shop', params: { name: s.name } })),
    ],
    kept: [],
  };
}

/** The `identity.user_anonymised` handler; running it twice changes nothing more. */
export async function erasePersonalData(db: Kysely<object>, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await t(trx).updateTable('market_orders').set({ address: '', phone: '', note: null }).where('buyer_user_id', '=', userId).execute();
    const shops = t(trx).selectFrom('market_shops').select('id').where('owner_user_id', '=', userId);
    await t(trx).updateTable('market_products').set({ hidden_at: new Date(), hidden_reason: 'owner_account_deleted' }).where('shop_id', 'in', shops).where('hidden_at', 'is', null).execute();
    await t(trx).updateTable('market_shops').set({ phone: '', pickup_address: '' }).where('owner_user_id', '=', userId).execute();
  });
}
