// What deleting an account does to the market. As a buyer: the delivery address, phone and
// note of every order and the text of their complaints are wiped (the order stays as the
// shop's sale, without the person);
// reviews stay as the shop's ratings, linked to nobody who can be named. As a seller: the
// shop stops selling (its products are hidden) and its phone and pickup address are wiped.
import type { Kysely } from 'kysely';
import type { PersonalDataPlan } from '../identity/index.ts';
import * as repo from './repo.ts';

/** The person's orders and complaints as a buyer and the shops they own, for their data export. */
export async function exportPersonalData(db: Kysely<object>, userId: string): Promise<unknown> {
  const { orders, shops, complaints } = await repo.personalDataOf(db, userId);
  return { orders: orders.map((o) => ({ ...o, total_vnd: Number(o.total_vnd) })), shops, complaints };
}

export async function describePersonalData(db: Kysely<object>, userId: string): Promise<PersonalDataPlan> {
  const { orders, shops } = await repo.personalDataOf(db, userId);
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
  await db.transaction().execute((trx) => repo.erasePerson(trx, userId));
}
