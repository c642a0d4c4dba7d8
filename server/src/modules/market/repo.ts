// SQL of the market: shops, products and their photos, orders and their lines, reviews,
// and the owners' consent codes. Stock changes only here, guarded by the row's own check.
import { sql, type ColumnType, type Generated, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ComplaintReason, ComplaintStatus, DeliveryMethod, OcopStatus, OrderPaymentMethod, OrderStatus, RefundStatus, ShopKind } from '@cds/contracts/market.rules';
import type { OcopInput } from '@cds/contracts/market';

/** BIGINT arrives as text from node-postgres and as a number from PGlite. */
type Bigint = ColumnType<string | number, number, number>;

export interface ShopTable {
  id: Generated<string>;
  owner_user_id: string;
  name: string;
  kind: ShopKind;
  commune_code: string;
  phone: string;
  pickup_address: string;
  bank_bin: string;
  bank_account: string;
  bank_account_name: string;
  business_reg_no: string | null;
  opened_by: string | null;
  consent_at: Date | null;
  description: Generated<string>;
  opening_hours: Generated<string>;
  created_at: Generated<Date>;
}

export interface ProductTable {
  id: Generated<string>;
  shop_id: string;
  name: string;
  search_text: string;
  category: string;
  price_vnd: Bigint;
  unit: string;
  stock: number;
  weight_grams: number;
  description: string;
  ocop: ColumnType<OcopInput | null, string | null, string | null>;
  ocop_status: OcopStatus | null;
  ocop_stars: number | null;
  ocop_note: string | null;
  ocop_checked_by: string | null;
  ocop_checked_at: Date | null;
  hidden_reason: string | null;
  hidden_by: string | null;
  hidden_at: Date | null;
  commune_code: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PhotoTable {
  product_id: string;
  position: number;
  file_id: string;
  thumb_id: string;
}

export interface OrderTable {
  id: Generated<string>;
  code: string;
  shop_id: string;
  buyer_user_id: string;
  status: Generated<OrderStatus>;
  payment_method: OrderPaymentMethod;
  paid_at: Date | null;
  delivery_method: DeliveryMethod;
  tracking_code: string | null;
  address: string;
  phone: string;
  commune_code: string;
  note: string | null;
  subtotal_vnd: Bigint;
  shipping_vnd: Bigint;
  total_vnd: Bigint;
  cancel_reason: string | null;
  client_key: string | null;
  client_hash: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  delivered_at: Date | null;
  refund_status: ColumnType<RefundStatus | null, RefundStatus | null | undefined, RefundStatus | null>;
  /** Vietnam calendar day (YYYY-MM-DD) by which the refund should be sent. */
  refund_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  refund_amount_vnd: ColumnType<string | number | null, number | null | undefined, number | null>;
  refund_reference: ColumnType<string | null, string | null | undefined, string | null>;
  refund_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  refund_confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ComplaintTable {
  id: Generated<string>;
  order_id: string;
  shop_id: string;
  buyer_user_id: string;
  commune_code: string;
  reason: ComplaintReason;
  body: string;
  photo_file_id: string | null;
  status: Generated<ComplaintStatus>;
  seller_answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrderItemTable {
  order_id: string;
  product_id: string;
  name: string;
  unit: string;
  price_vnd: Bigint;
  quantity: number;
  weight_grams: number;
}

export interface ReviewTable {
  order_id: string;
  product_id: string;
  shop_id: string;
  buyer_user_id: string;
  stars: number;
  comment: string;
  created_at: Generated<Date>;
}

export interface ConsentCodeTable {
  id: Generated<string>;
  owner_phone: string;
  helper_user_id: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  expires_at: Date;
  consumed_at: Date | null;
}

type Tables = {
  market_shops: ShopTable; market_products: ProductTable; market_product_photos: PhotoTable; market_orders: OrderTable;
  market_order_items: OrderItemTable; market_reviews: ReviewTable; market_consent_codes: ConsentCodeTable; market_complaints: ComplaintTable;
};

export type ShopRow = Selectable<ShopTable>;
export type ProductRow = Selectable<ProductTable>;
export type PhotoRow = Selectable<PhotoTable>;
export type OrderRow = Selectable<OrderTable>;
export type OrderItemRow = Selectable<OrderItemTable>;
export type ReviewRow = Selectable<ReviewTable>;
export type ComplaintRow = Selectable<ComplaintTable>;
export type Db = Kysely<object>;

const t = (db: Db) => db.withTables<Tables>();

// ------------------------------------------------------------ shops

export async function insertShop(db: Db, s: Insertable<ShopTable>): Promise<ShopRow> {
  return t(db).insertInto('market_shops').values(s).returningAll().executeTakeFirstOrThrow();
}

export async function shopById(db: Db, id: string): Promise<ShopRow | undefined> {
  return t(db).selectFrom('market_shops').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Shops a person owns or opened for a neighbour. */
export async function shopsManagedBy(db: Db, userId: string): Promise<ShopRow[]> {
  return t(db).selectFrom('market_shops').selectAll().where((eb) => eb.or([eb('owner_user_id', '=', userId), eb('opened_by', '=', userId)]))
    .orderBy('created_at', 'desc').execute();
}

export async function shopByName(db: Db, ownerUserId: string, name: string): Promise<ShopRow | undefined> {
  return t(db).selectFrom('market_shops').selectAll().where('owner_user_id', '=', ownerUserId).where('name', '=', name).executeTakeFirst();
}

export async function shopRatings(db: Db, shopIds: readonly string[]): Promise<Map<string, { average: number | null; count: number }>> {
  if (shopIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('market_reviews').select((eb) => ['shop_id', eb.fn.avg<string | number>('stars').as('avg'), eb.fn.countAll<string | number>().as('n')])
    .where('shop_id', 'in', shopIds).groupBy('shop_id').execute();
  return new Map(rows.map((r) => [r.shop_id, { average: Math.round(Number(r.avg) * 10) / 10, count: Number(r.n) }]));
}

export async function shopsPerCommune(db: Db): Promise<{ commune_code: string; n: number }[]> {
  const rows = await t(db).selectFrom('market_shops').select((eb) => ['commune_code', eb.fn.countAll<string | number>().as('n')]).groupBy('commune_code').orderBy('commune_code').execute();
  return rows.map((r) => ({ commune_code: r.commune_code, n: Number(r.n) }));
}

// ------------------------------------------------------------ products

export async function insertProduct(db: Db, p: Insertable<ProductTable>): Promise<ProductRow> {
  return t(db).insertInto('market_products').values(p).returningAll().executeTakeFirstOrThrow();
}

export async function updateProduct(db: Db, id: string, patch: Partial<Insertable<ProductTable>>): Promise<ProductRow> {
  return t(db).updateTable('market_products').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function productById(db: Db, id: string): Promise<ProductRow | undefined> {
  return t(db).selectFrom('market_products').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function productsByIds(db: Db, ids: readonly string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  return t(db).selectFrom('market_products').selectAll().where('id', 'in', ids).execute();
}

export interface ProductSearch {
  words: string[];
  commune?: string | undefined;
  category?: string | undefined;
  stars?: number | undefined;
  shopId?: string | undefined;
  includeHidden: boolean;
  ocopStatus?: OcopStatus | undefined;
  hiddenOnly?: boolean | undefined;
  /** Communes an officer's area covers (null = all). */
  communes?: readonly string[] | null;
  limit: number;
  offset: number;
}

export async function searchProducts(db: Db, s: ProductSearch): Promise<{ items: ProductRow[]; total: number }> {
  let q = t(db).selectFrom('market_products');
  // every folded word must occur (a trigram index serves the LIKE)
  for (const w of s.words) q = q.where('search_text', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
  if (s.commune) q = q.where('commune_code', '=', s.commune);
  if (s.category) q = q.where('category', '=', s.category);
  if (s.stars) q = q.where('ocop_status', '=', 'verified').where('ocop_stars', '=', s.stars);
  if (s.shopId) q = q.where('shop_id', '=', s.shopId);
  if (!s.includeHidden) q = q.where('hidden_at', 'is', null);
  if (s.hiddenOnly) q = q.where('hidden_at', 'is not', null);
  if (s.ocopStatus) q = q.where('ocop_status', '=', s.ocopStatus);
  if (s.communes) q = s.communes.length ? q.where('commune_code', 'in', s.communes) : q.where(sql<boolean>`false`);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(s.limit).offset(s.offset).execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/**
 * Takes `quantity` from the stock unless fewer are left: one UPDATE, so two buyers of the
 * last item cannot both succeed (the second sees stock 0 after the first commits).
 */
export async function takeStock(db: Db, productId: string, quantity: number): Promise<boolean> {
  const row = await t(db).updateTable('market_products').set((eb) => ({ stock: eb('stock', '-', quantity), updated_at: new Date() }))
    .where('id', '=', productId).where('stock', '>=', quantity).where('hidden_at', 'is', null).returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function returnStock(db: Db, productId: string, quantity: number): Promise<void> {
  await t(db).updateTable('market_products').set((eb) => ({ stock: eb('stock', '+', quantity) })).where('id', '=', productId).execute();
}

export async function photosOf(db: Db, productIds: readonly string[]): Promise<PhotoRow[]> {
  if (productIds.length === 0) return [];
  return t(db).selectFrom('market_product_photos').selectAll().where('product_id', 'in', productIds).orderBy('product_id').orderBy('position').execute();
}

export async function insertPhoto(db: Db, p: PhotoRow): Promise<void> {
  await t(db).insertInto('market_product_photos').values(p).execute();
}

export async function deletePhotos(db: Db, productId: string): Promise<void> {
  await t(db).deleteFrom('market_product_photos').where('product_id', '=', productId).execute();
}

/** Whether a stored file is a photo of a listing anyone may see (so the photo route serves nothing else). */
export async function isPublicPhoto(db: Db, fileId: string): Promise<boolean> {
  const row = await t(db).selectFrom('market_product_photos as ph').innerJoin('market_products as p', 'p.id', 'ph.product_id').select('ph.product_id')
    .where((eb) => eb.or([eb('ph.file_id', '=', fileId), eb('ph.thumb_id', '=', fileId)])).where('p.hidden_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export async function productRatings(db: Db, productIds: readonly string[]): Promise<Map<string, { average: number | null; count: number }>> {
  if (productIds.length === 0) return new Map();
  const rows = await t(db).selectFrom('market_reviews').select((eb) => ['product_id', eb.fn.avg<string | number>('stars').as('avg'), eb.fn.countAll<string | number>().as('n')])
    .where('product_id', 'in', productIds).groupBy('product_id').execute();
  return new Map(rows.map((r) => [r.product_id, { average: Math.round(Number(r.avg) * 10) / 10, count: Number(r.n) }]));
}

export async function ocopCounts(db: Db): Promise<{ status: string | null; stars: number | null; n: number }[]> {
  const rows = await t(db).selectFrom('market_products').select((eb) => ['ocop_status', 'ocop_stars', eb.fn.countAll<string | number>().as('n')])
    .where('hidden_at', 'is', null).where('ocop_status', 'is not', null).groupBy(['ocop_status', 'ocop_stars']).execute();
  return rows.map((r) => ({ status: r.ocop_status, stars: r.ocop_stars, n: Number(r.n) }));
}

export async function countListed(db: Db): Promise<number> {
  const row = await t(db).selectFrom('market_products').select((eb) => eb.fn.countAll<string | number>().as('n')).where('hidden_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ------------------------------------------------------------ orders

export async function nextOrderNumber(db: Db): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`SELECT nextval('market_order_code_seq') AS n`.execute(db);
  return Number(rows[0]!.n);
}

export async function insertOrder(db: Db, o: Insertable<OrderTable>): Promise<OrderRow> {
  return t(db).insertInto('market_orders').values(o).returningAll().executeTakeFirstOrThrow();
}

export async function insertOrderItem(db: Db, i: Insertable<OrderItemTable>): Promise<void> {
  await t(db).insertInto('market_order_items').values(i).execute();
}

export async function orderById(db: Db, id: string, forUpdate = false): Promise<OrderRow | undefined> {
  let q = t(db).selectFrom('market_orders').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function orderByClientKey(db: Db, buyerUserId: string, key: string): Promise<OrderRow | undefined> {
  return t(db).selectFrom('market_orders').selectAll().where('buyer_user_id', '=', buyerUserId).where('client_key', '=', key).executeTakeFirst();
}

export async function orderByTracking(db: Db, trackingCode: string): Promise<OrderRow | undefined> {
  return t(db).selectFrom('market_orders').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirst();
}

export async function updateOrder(db: Db, id: string, patch: Partial<Insertable<OrderTable>>): Promise<OrderRow> {
  return t(db).updateTable('market_orders').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function itemsOf(db: Db, orderIds: readonly string[]): Promise<OrderItemRow[]> {
  if (orderIds.length === 0) return [];
  return t(db).selectFrom('market_order_items').selectAll().where('order_id', 'in', orderIds).orderBy('name').execute();
}

export async function listOrders(db: Db, f: { buyerUserId?: string; shopId?: string; status?: OrderStatus; limit: number; offset: number }): Promise<{ items: OrderRow[]; total: number }> {
  let q = t(db).selectFrom('market_orders');
  if (f.buyerUserId) q = q.where('buyer_user_id', '=', f.buyerUserId);
  if (f.shopId) q = q.where('shop_id', '=', f.shopId);
  if (f.status) q = q.where('status', '=', f.status);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Orders not cancelled since `from`, with their totals and the moment they were placed (weeks are cut in the service, in Vietnam time). */
export async function ordersSince(db: Db, from: Date, shopId?: string): Promise<{ created_at: Date; total_vnd: number }[]> {
  let q = t(db).selectFrom('market_orders').select(['created_at', 'subtotal_vnd']).where('created_at', '>=', from).where('status', '!=', 'cancelled');
  if (shopId) q = q.where('shop_id', '=', shopId);
  const rows = await q.execute();
  return rows.map((r) => ({ created_at: r.created_at, total_vnd: Number(r.subtotal_vnd) }));
}

// ------------------------------------------------------------ reviews

export async function insertReview(db: Db, r: Insertable<ReviewTable>): Promise<boolean> {
  const row = await t(db).insertInto('market_reviews').values(r).onConflict((oc) => oc.columns(['order_id', 'product_id']).doNothing()).returning('order_id').executeTakeFirst();
  return row !== undefined;
}

export async function reviewsOfProduct(db: Db, productId: string, limit = 20): Promise<ReviewRow[]> {
  return t(db).selectFrom('market_reviews').selectAll().where('product_id', '=', productId).orderBy('created_at', 'desc').limit(limit).execute();
}

export async function reviewedIn(db: Db, orderIds: readonly string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await t(db).selectFrom('market_reviews').select(['order_id', 'product_id']).where('order_id', 'in', orderIds).execute();
  return new Set(rows.map((r) => `${r.order_id}:${r.product_id}`));
}

// ------------------------------------------------------------ consent codes

export async function insertConsentCode(db: Db, c: Insertable<ConsentCodeTable>): Promise<void> {
  await t(db).insertInto('market_consent_codes').values(c).execute();
}

export async function latestConsentCode(db: Db, ownerPhone: string, helperUserId: string): Promise<Selectable<ConsentCodeTable> | undefined> {
  return t(db).selectFrom('market_consent_codes').selectAll().where('owner_phone', '=', ownerPhone).where('helper_user_id', '=', helperUserId)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export async function countConsentAttempt(db: Db, id: string): Promise<number> {
  const row = await t(db).updateTable('market_consent_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).returning('attempts').executeTakeFirstOrThrow();
  return row.attempts;
}

/** Uses a code up; false when a parallel request used it first. */
export async function consumeConsentCode(db: Db, id: string): Promise<boolean> {
  const row = await t(db).updateTable('market_consent_codes').set({ consumed_at: new Date() }).where('id', '=', id).where('consumed_at', 'is', null).returning('id').executeTakeFirst();
  return row !== undefined;
}

// ------------------------------------------------------------ complaints and refunds

export async function updateShop(db: Db, id: string, patch: Partial<Insertable<ShopTable>>): Promise<ShopRow> {
  return t(db).updateTable('market_shops').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** A product's search words again after its shop was renamed or moved. */
export async function productsOfShop(db: Db, shopId: string): Promise<{ id: string; name: string }[]> {
  return t(db).selectFrom('market_products').select(['id', 'name']).where('shop_id', '=', shopId).execute();
}

export async function insertComplaint(db: Db, c: Insertable<ComplaintTable>): Promise<ComplaintRow> {
  return t(db).insertInto('market_complaints').values(c).returningAll().executeTakeFirstOrThrow();
}

export async function complaintById(db: Db, id: string, forUpdate = false): Promise<ComplaintRow | undefined> {
  let q = t(db).selectFrom('market_complaints').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function complaintsOf(db: Db, orderIds: readonly string[]): Promise<ComplaintRow[]> {
  if (orderIds.length === 0) return [];
  return t(db).selectFrom('market_complaints').selectAll().where('order_id', 'in', orderIds).orderBy('created_at').execute();
}

export async function updateComplaint(db: Db, id: string, patch: Partial<Insertable<ComplaintTable>>): Promise<ComplaintRow> {
  return t(db).updateTable('market_complaints').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Complaints about shops in these communes (null = everywhere), open ones first, oldest first. */
export async function complaintsIn(db: Db, f: { communes: string[] | null; statuses: readonly ComplaintStatus[]; limit: number; offset: number }): Promise<{ items: ComplaintRow[]; total: number }> {
  if (f.communes && f.communes.length === 0) return { items: [], total: 0 };
  let q = t(db).selectFrom('market_complaints').where('status', 'in', f.statuses);
  if (f.communes) q = q.where('commune_code', 'in', f.communes);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Cancelled orders whose refund is still owed after its due day, in these communes (null = everywhere), by the shop's commune. */
export async function overdueRefunds(db: Db, f: { communes: string[] | null; today: string; limit: number }): Promise<OrderRow[]> {
  if (f.communes && f.communes.length === 0) return [];
  let q = t(db).selectFrom('market_orders as o').innerJoin('market_shops as s', 's.id', 'o.shop_id')
    .selectAll('o').where('o.refund_status', '=', 'owed').where('o.refund_due_on', '<', f.today);
  if (f.communes) q = q.where('s.commune_code', 'in', f.communes);
  return q.orderBy('o.refund_due_on').orderBy('o.id').limit(f.limit).execute();
}

// ------------------------------------------------------------ the demo carrier's ledger

// ---- a person's data: export and erasure (identity.user_anonymised) ----

/** The person's orders and complaints as a buyer and the shops they own. */
export async function personalDataOf(db: Db, userId: string) {
  const [orders, shops, complaints] = await Promise.all([
    t(db).selectFrom('market_orders').select(['code', 'status', 'total_vnd', 'address', 'phone', 'note', 'created_at']).where('buyer_user_id', '=', userId).orderBy('created_at').execute(),
    t(db).selectFrom('market_shops').select(['name', 'commune_code', 'phone', 'pickup_address', 'created_at']).where('owner_user_id', '=', userId).orderBy('created_at').execute(),
    t(db).selectFrom('market_complaints').select(['reason', 'body', 'status', 'seller_answer', 'decision_reason', 'created_at']).where('buyer_user_id', '=', userId).orderBy('created_at').execute(),
  ]);
  return { orders, shops, complaints };
}

/** Order contacts wiped; the owner's shops stop selling and lose their phone and pickup address. */
export async function erasePerson(db: Db, userId: string): Promise<void> {
  await t(db).updateTable('market_orders').set({ address: '', phone: '', note: null }).where('buyer_user_id', '=', userId).execute();
  await t(db).updateTable('market_complaints').set({ body: '', photo_file_id: null }).where('buyer_user_id', '=', userId).execute();
  const shops = t(db).selectFrom('market_shops').select('id').where('owner_user_id', '=', userId);
  await t(db).updateTable('market_products').set({ hidden_at: new Date(), hidden_reason: 'owner_account_deleted' }).where('shop_id', 'in', shops).where('hidden_at', 'is', null).execute();
  await t(db).updateTable('market_shops').set({ phone: '', pickup_address: '' }).where('owner_user_id', '=', userId).execute();
}

export interface DemoShipmentTable {
  item_code: string;
  order_number: string;
  callback_url: string;
  status: string;
  fee_vnd: Bigint;
  created_at: Generated<Date>;
}
type DemoTables = { market_demo_shipments: DemoShipmentTable };

export async function demoShipmentInsert(db: Db, s: Insertable<DemoShipmentTable>): Promise<void> {
  await db.withTables<DemoTables>().insertInto('market_demo_shipments').values(s).onConflict((oc) => oc.column('item_code').doNothing()).execute();
}

export async function demoShipmentByOrder(db: Db, orderNumber: string): Promise<Selectable<DemoShipmentTable> | undefined> {
  return db.withTables<DemoTables>().selectFrom('market_demo_shipments').selectAll().where('order_number', '=', orderNumber).executeTakeFirst();
}

export async function demoShipment(db: Db, itemCode: string): Promise<Selectable<DemoShipmentTable> | undefined> {
  return db.withTables<DemoTables>().selectFrom('market_demo_shipments').selectAll().where('item_code', '=', itemCode).executeTakeFirst();
}

export async function demoShipmentMove(db: Db, itemCode: string, status: string): Promise<void> {
  await db.withTables<DemoTables>().updateTable('market_demo_shipments').set({ status }).where('item_code', '=', itemCode).execute();
}
