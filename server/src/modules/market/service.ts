// The rules of the market. Shops are opened by their owner, or by a community helper with
// the owner's consent code; products carry an OCOP block that shows as a badge only once a
// market officer verified it; an order belongs to one shop, its amounts are computed here in
// whole VND, and its stock is taken in the same transaction that writes it, so two buyers
// cannot both buy the last item; the same Idempotency-Key again is the same order.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import { CarrierCallback as CarrierCallbackSchema } from '@cds/contracts/market';
import { buildVietQr, foldVietnamese, normalizePhone, toQrText, vietnameseWords } from '@cds/contracts';
import type {
  Complaint, ComplaintAnswer, ComplaintDecision, ComplaintInput, ComplaintList, OverdueRefundList, ProductPhotos, RefundInput, ShopPatch, StaffComplaintQuery,
  ConsentSent, CreateOrder, Feed, MarketStats, Ocop, OcopDecision, OcopInput, Order, OrderAction, OrderListQuery, OrderMove, Product, ProductDetail,
  ProductInput, ProductPatch, ProductQuery, Review, ReviewInput, Shop, ShopInput, ShopSales, ShippingQuote, ShippingQuoteQuery, StaffProductQuery,
} from '@cds/contracts/market';
import {
  canComplain, canMoveComplaint, canMoveOrder, canMoveRefund, complaintIsOpen, COMPLAINT_MOVES, orderCode, REFUND_WORKING_DAYS, vietnamWeekStart, vietqrBank,
  type ComplaintMove, type OrderStatus,
} from '@cds/contracts/market.rules';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Principal } from '../../platform/auth.ts';
import { loadDataKey } from '../../platform/crypto.ts';
import { AppError, conflict, forbidden, invalidField, notFound, tooMany } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { assertSameRequest, requestFingerprint } from '../../platform/idempotency.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy, type Policy } from '../../platform/policy.ts';
import type { SmsChannel } from '../../platform/sms.ts';
import type { AreasApi } from '../areas/index.ts';
import type { IdentityApi } from '../identity/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { verifySignature, type CarrierAdapter } from './carrier.ts';
import { processPhotoData, processPhotos } from './photos.ts';
import { orderRules, shopRules, type OrderSubject, type ShopSubject } from './policy.ts';
import * as repo from './repo.ts';
import type { MarketSettings } from './settings.ts';
import { loadQrCode } from '../../platform/lazy.ts';

export interface MarketDeps {
  platform: Platform;
  settings: MarketSettings;
  areas: AreasApi;
  identity: IdentityApi;
  notifier: NotificationsApi;
  sms: SmsChannel;
  carrier: CarrierAdapter | null;
  /** Demo mode with the demo carrier only: asks it to scan a shipment one step on (it then calls back, signed). */
  demoAdvance: ((itemCode: string) => Promise<void>) | null;
  /** The province's market targets from its pack, or null. */
  targets: MarketStats['targets'];
}

const CONSENT_TTL_SECONDS = 600;
const CONSENT_COOLDOWN_SECONDS = 30;
const CONSENT_MAX_ATTEMPTS = 5;
const WEEKS_SHOWN = 8;

const shopSubject = (s: repo.ShopRow): ShopSubject => ({ ownerUserId: s.owner_user_id, openedBy: s.opened_by, areaCode: s.commune_code });
const iso = (d: Date) => d.toISOString();
const todayVn = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The words of the search text: the product's and shop's names, the commune, folded. */
function searchText(productName: string, shopName: string, communeName: string): string {
  return foldVietnamese(`${productName} ${shopName} ${communeName}`);
}

export class MarketService {
  private readonly db: Kysely<object>;
  private readonly shops: Policy<ShopSubject, 'manage' | 'moderate'>;
  private readonly orders: Policy<OrderSubject, 'buy' | 'sell'>;
  private readonly macKey: Buffer;

  constructor(private readonly d: MarketDeps) {
    this.db = d.platform.db.kysely;
    this.shops = bindPolicy(shopRules, d.areas, 'market.forbidden');
    this.orders = bindPolicy(orderRules, d.areas, 'market.forbidden');
    this.macKey = createHmac('sha256', loadDataKey(d.platform.config)).update('cds:market-consent').digest();
  }

  // ------------------------------------------------------------ places and people

  private commune(code: string, field: string): { code: string; name: string } {
    const c = this.d.areas.getCommune(code);
    if (!c || c.provinceCode !== this.d.platform.pack.provinceCode) throw invalidField(field, 'market.commune_unknown');
    return c;
  }

  private communeName(code: string): string {
    return this.d.areas.areaName(code) ?? code;
  }

  private phone(value: string, field: string): string {
    const p = normalizePhone(value);
    if (!p) throw invalidField(field, 'market.phone_invalid');
    return p;
  }

  // ------------------------------------------------------------ shops

  private consentHash(phone: string, helper: string, code: string): string {
    return createHmac('sha256', this.macKey).update(`${phone}\u0000${helper}\u0000${code}`).digest('base64url');
  }

  /** A helper at the owner's door asks for the owner's consent: a code goes to the owner's phone. */
  async requestConsent(p: Principal, ownerPhone: string): Promise<ConsentSent> {
    const phone = this.phone(ownerPhone, 'ownerPhone');
    const ownerId = await this.d.identity.findUserIdByPhone(phone);
    if (!ownerId) throw invalidField('ownerPhone', 'market.owner_unknown');
    if (ownerId === p.userId) throw invalidField('ownerPhone', 'market.owner_unknown');
    const latest = await repo.latestConsentCode(this.db, phone, p.userId);
    const wait = latest ? latest.created_at.getTime() + CONSENT_COOLDOWN_SECONDS * 1000 - Date.now() : 0;
    if (wait > 0) throw tooMany('rate_limited', Math.ceil(wait / 1000));
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await repo.insertConsentCode(this.db, {
      owner_phone: phone, helper_user_id: p.userId, code_hash: this.consentHash(phone, p.userId, code), expires_at: new Date(Date.now() + CONSENT_TTL_SECONDS * 1000), consumed_at: null,
    });
    await this.d.sms.send(phone, translate('vi', 'market.sms.consent', { code, minutes: CONSENT_TTL_SECONDS / 60 }));
    const owner = await this.d.identity.getUserSummary(ownerId);
    return { ownerName: owner?.fullName ?? '', expiresInSeconds: CONSENT_TTL_SECONDS };
  }

  /** Checks the owner's code; returns its id to use up with the shop. Errors name `consentCode`. */
  private async checkConsent(phone: string, helper: string, code: string | undefined): Promise<string> {
    if (!code) throw invalidField('consentCode', 'market.consent_required');
    const latest = await repo.latestConsentCode(this.db, phone, helper);
    if (!latest || latest.consumed_at || latest.expires_at.getTime() <= Date.now()) throw invalidField('consentCode', 'market.consent_expired');
    const attempts = await repo.countConsentAttempt(this.db, latest.id);
    if (attempts > CONSENT_MAX_ATTEMPTS) throw invalidField('consentCode', 'market.consent_exhausted');
    const a = Buffer.from(this.consentHash(phone, helper, code));
    const b = Buffer.from(latest.code_hash);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      const remaining = CONSENT_MAX_ATTEMPTS - attempts;
      throw remaining > 0 ? invalidField('consentCode', 'market.consent_wrong', { remaining }) : invalidField('consentCode', 'market.consent_exhausted');
    }
    return latest.id;
  }

  async openShop(p: Principal, input: ShopInput): Promise<repo.ShopRow> {
    const commune = this.commune(input.communeCode, 'communeCode');
    const phone = this.phone(input.phone, 'phone');
    if (!vietqrBank(input.bankBin)) throw invalidField('bankBin', 'market.bank_unknown');
    let ownerId = p.userId;
    let consentId: string | null = null;
    if (input.ownerPhone !== undefined) {
      if (!p.roles.includes('community_helper')) throw forbidden('market.helper_only');
      const ownerPhone = this.phone(input.ownerPhone, 'ownerPhone');
      const found = await this.d.identity.findUserIdByPhone(ownerPhone);
      if (!found || found === p.userId) throw invalidField('ownerPhone', 'market.owner_unknown');
      consentId = await this.checkConsent(ownerPhone, p.userId, input.consentCode);
      ownerId = found;
    }
    return this.db.transaction().execute(async (trx) => {
      if (consentId && !(await repo.consumeConsentCode(trx, consentId))) throw invalidField('consentCode', 'market.consent_expired');
      const shop = await repo.insertShop(trx, {
        owner_user_id: ownerId, name: input.name.trim(), kind: input.kind, commune_code: commune.code, phone, pickup_address: input.pickupAddress.trim(),
        bank_bin: input.bankBin, bank_account: input.bankAccount, bank_account_name: toQrText(input.bankAccountName, 50).toUpperCase(),
        business_reg_no: input.businessRegNo ?? null, opened_by: consentId ? p.userId : null, consent_at: consentId ? new Date() : null,
      });
      if (consentId) {
        // the helper acted for someone else: who, for whom, on which code
        await this.d.platform.audit.record({ actorUserId: p.userId, action: 'market.shop_opened_for_owner', subjectType: 'market_shop', subjectId: shop.id, details: { ownerUserId: ownerId, consentCodeId: consentId } }, trx);
      }
      return shop;
    });
  }

  async shopViews(p: Principal | null, rows: readonly repo.ShopRow[]): Promise<Shop[]> {
    const ratings = await repo.shopRatings(this.db, rows.map((r) => r.id));
    return rows.map((s) => ({
      id: s.id, name: s.name, kind: s.kind, communeCode: s.commune_code, communeName: this.communeName(s.commune_code), phone: s.phone,
      pickupAddress: s.pickup_address, bankBin: s.bank_bin, bankName: vietqrBank(s.bank_bin)?.name ?? s.bank_bin, bankAccount: s.bank_account,
      bankAccountName: s.bank_account_name, businessRegNo: s.business_reg_no, description: s.description, openingHours: s.opening_hours, consentAt: s.consent_at ? iso(s.consent_at) : null, openedByHelper: s.opened_by !== null,
      rating: ratings.get(s.id) ?? { average: null, count: 0 }, createdAt: iso(s.created_at), canManage: !!p && this.shops.can(p, 'manage', shopSubject(s)),
    }));
  }

  async shopView(p: Principal | null, row: repo.ShopRow): Promise<Shop> {
    return (await this.shopViews(p, [row]))[0]!;
  }

  async myShops(p: Principal): Promise<repo.ShopRow[]> {
    return repo.shopsManagedBy(this.db, p.userId);
  }

  async getShop(id: string): Promise<repo.ShopRow> {
    const s = await repo.shopById(this.db, id);
    if (!s) throw notFound('market.shop_not_found');
    return s;
  }

  private async managedShop(p: Principal, id: string): Promise<repo.ShopRow> {
    const s = await this.getShop(id);
    this.shops.authorize(p, 'manage', shopSubject(s));
    return s;
  }

  // ------------------------------------------------------------ products

  private checkOcop(ocop: OcopInput | null | undefined): void {
    if (ocop && ocop.expiresOn <= todayVn()) throw invalidField('ocop.expiresOn', 'market.ocop_expired');
  }

  async addProduct(p: Principal, shopId: string, input: ProductInput): Promise<Product> {
    const shop = await this.managedShop(p, shopId);
    this.checkOcop(input.ocop);
    const photos = await processPhotos(input.photos ?? []);
    const stored = await Promise.all(photos.map(async (ph) => ({ full: await this.d.platform.files.put(ph.full), thumb: await this.d.platform.files.put(ph.thumb) })));
    const row = await this.db.transaction().execute(async (trx) => {
      const product = await repo.insertProduct(trx, {
        shop_id: shop.id, name: input.name.trim(), search_text: searchText(input.name, shop.name, this.communeName(shop.commune_code)), category: input.category,
        price_vnd: input.priceVnd, unit: input.unit, stock: input.stock, weight_grams: input.weightGrams, description: input.description.trim(),
        ocop: input.ocop ? JSON.stringify(input.ocop) : null, ocop_status: input.ocop ? 'pending' : null, ocop_stars: input.ocop?.stars ?? null, ocop_note: null,
        ocop_checked_by: null, ocop_checked_at: null, hidden_reason: null, hidden_by: null, hidden_at: null, commune_code: shop.commune_code,
      });
      for (const [i, s] of stored.entries()) await repo.insertPhoto(trx, { product_id: product.id, position: i, file_id: s.full.id, thumb_id: s.thumb.id });
      return product;
    });
    return (await this.productViews([row], true))[0]!;
  }

  async updateProduct(p: Principal, id: string, patch: ProductPatch): Promise<Product> {
    const current = await repo.productById(this.db, id);
    if (!current) throw notFound('market.product_not_found');
    const shop = await this.managedShop(p, current.shop_id);
    this.checkOcop(patch.ocop);
    const row = await repo.updateProduct(this.db, id, {
      ...(patch.name !== undefined ? { name: patch.name.trim(), search_text: searchText(patch.name, shop.name, this.communeName(shop.commune_code)) } : {}),
      ...(patch.category !== undefined ? { category: patch.category } : {}),
      ...(patch.priceVnd !== undefined ? { price_vnd: patch.priceVnd } : {}),
      ...(patch.unit !== undefined ? { unit: patch.unit } : {}),
      ...(patch.stock !== undefined ? { stock: patch.stock } : {}),
      ...(patch.weightGrams !== undefined ? { weight_grams: patch.weightGrams } : {}),
      ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
      // a changed certificate must be checked again before its badge shows
      ...(patch.ocop !== undefined ? {
        ocop: patch.ocop ? JSON.stringify(patch.ocop) : null, ocop_status: patch.ocop ? 'pending' as const : null, ocop_stars: patch.ocop?.stars ?? null,
        ocop_note: null, ocop_checked_by: null, ocop_checked_at: null,
      } : {}),
    });
    return (await this.productViews([row], true))[0]!;
  }

  private canSeeHidden(p: Principal | null, shop: repo.ShopRow): boolean {
    return !!p && (this.shops.can(p, 'manage', shopSubject(shop)) || this.shops.can(p, 'moderate', shopSubject(shop)));
  }

  async productViews(rows: readonly repo.ProductRow[], showHidden = false): Promise<Product[]> {
    const ids = rows.map((r) => r.id);
    const shopIds = [...new Set(rows.map((r) => r.shop_id))];
    const [photos, ratings, shops] = await Promise.all([
      repo.photosOf(this.db, ids), repo.productRatings(this.db, ids), Promise.all(shopIds.map((s) => repo.shopById(this.db, s))),
    ]);
    const shopName = new Map(shops.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
    const today = todayVn();
    return rows.map((r) => {
      const ocop: Ocop | null = r.ocop && r.ocop_status ? { ...r.ocop, status: r.ocop_status, note: r.ocop_note } : null;
      return {
        id: r.id, shopId: r.shop_id, shopName: shopName.get(r.shop_id) ?? '', communeCode: r.commune_code, communeName: this.communeName(r.commune_code),
        name: r.name, category: r.category as Product['category'], priceVnd: Number(r.price_vnd), unit: r.unit as Product['unit'], stock: r.stock,
        weightGrams: r.weight_grams, description: r.description,
        photos: photos.filter((ph) => ph.product_id === r.id).map((ph) => ({ url: `/api/market/photos/${ph.file_id}`, thumbUrl: `/api/market/photos/${ph.thumb_id}`, fileId: ph.file_id })),
        ocop, ocopBadge: ocop && ocop.status === 'verified' && ocop.expiresOn > today ? ocop.stars : null,
        rating: ratings.get(r.id) ?? { average: null, count: 0 }, hiddenReason: showHidden ? r.hidden_reason : null, createdAt: iso(r.created_at),
      };
    });
  }

  async search(q: ProductQuery): Promise<{ items: Product[]; total: number }> {
    const { items, total } = await repo.searchProducts(this.db, {
      words: vietnameseWords(q.q ?? '').slice(0, 8), commune: q.commune, category: q.category, stars: q.stars, shopId: q.shopId,
      includeHidden: false, limit: q.limit ?? 24, offset: q.offset ?? 0,
    });
    return { items: await this.productViews(items), total };
  }

  /** The shop's own listing, hidden products included (with the officer's reason). */
  async shopProducts(p: Principal, shopId: string): Promise<Product[]> {
    await this.managedShop(p, shopId);
    const { items } = await repo.searchProducts(this.db, { words: [], shopId, includeHidden: true, limit: 500, offset: 0 });
    return this.productViews(items, true);
  }

  async productDetail(p: Principal | null, id: string): Promise<ProductDetail> {
    const row = await repo.productById(this.db, id);
    if (!row) throw notFound('market.product_not_found');
    const shop = (await repo.shopById(this.db, row.shop_id))!;
    const insider = this.canSeeHidden(p, shop);
    if (row.hidden_at && !insider) throw notFound('market.product_not_found');
    const reviews = await repo.reviewsOfProduct(this.db, id);
    const names = await Promise.all(reviews.map((r) => this.d.identity.getUserSummary(r.buyer_user_id)));
    return {
      product: (await this.productViews([row], insider))[0]!,
      shop: await this.shopView(p, shop),
      reviews: reviews.map((r, i): Review => ({ productId: r.product_id, stars: r.stars, comment: r.comment, buyerName: shortName(names[i]?.fullName), createdAt: iso(r.created_at) })),
    };
  }

  /** A listing's photo; only photos of visible listings are served. */
  async photo(fileId: string): Promise<Buffer> {
    const bytes = (await repo.isPublicPhoto(this.db, fileId)) ? await this.d.platform.files.get(fileId) : null;
    if (!bytes) throw notFound('market.product_not_found');
    return bytes;
  }

  // ------------------------------------------------------------ orders

  async quote(q: ShippingQuoteQuery): Promise<ShippingQuote> {
    const shop = await this.getShop(q.shopId);
    this.commune(q.communeCode, 'communeCode');
    if (!this.d.carrier) throw new AppError(503, 'market.carrier_off');
    return { feeVnd: await this.d.carrier.quote(shop.commune_code, q.communeCode, q.weightGrams, 0), carrier: this.d.carrier.name };
  }

  async placeOrder(p: Principal, input: CreateOrder, key: string | undefined): Promise<{ order: repo.OrderRow; created: boolean }> {
    const fingerprint = requestFingerprint(input);
    if (key) {
      const existing = await repo.orderByClientKey(this.db, p.userId, key);
      if (existing) {
        assertSameRequest(existing.client_hash, fingerprint);
        return { order: existing, created: false };
      }
    }
    const shop = await this.getShop(input.shopId);
    if (this.orders.can(p, 'sell', { buyerUserId: '', shop: shopSubject(shop) })) throw invalidField('shopId', 'market.own_shop');
    const commune = this.commune(input.communeCode, 'communeCode');
    const phone = this.phone(input.phone, 'phone');
    const ids = input.items.map((i) => i.productId);
    if (new Set(ids).size !== ids.length) throw invalidField('items', 'market.items_repeated');
    const products = new Map((await repo.productsByIds(this.db, ids)).map((r) => [r.id, r]));
    for (const [i, item] of input.items.entries()) {
      const prod = products.get(item.productId);
      if (!prod) throw invalidField(`items.${i}.productId`, 'market.product_not_found');
      if (prod.shop_id !== shop.id) throw invalidField(`items.${i}.productId`, 'market.items_other_shop');
      if (prod.hidden_at) throw invalidField(`items.${i}.productId`, 'market.hidden');
    }
    // the server's prices, whatever the screen showed
    const subtotal = input.items.reduce((sum, i) => sum + Number(products.get(i.productId)!.price_vnd) * i.quantity, 0);
    const weight = input.items.reduce((sum, i) => sum + products.get(i.productId)!.weight_grams * i.quantity, 0);
    let shipping = 0;
    if (input.deliveryMethod === 'carrier') {
      if (!this.d.carrier) throw invalidField('deliveryMethod', 'market.carrier_off');
      shipping = await this.d.carrier.quote(shop.commune_code, commune.code, weight, input.paymentMethod === 'cod' ? subtotal : 0);
    }
    // read before the transaction: inside it only the transaction may touch the database (PGlite has one connection)
    const buyer = await this.d.identity.getUserSummary(p.userId);
    try {
      const order = await this.db.transaction().execute(async (trx) => {
        // a stable order of rows, so two carts of the same products cannot deadlock each other
        for (const item of [...input.items].sort((a, b) => (a.productId < b.productId ? -1 : 1))) {
          if (!(await repo.takeStock(trx, item.productId, item.quantity))) throw conflict('market.out_of_stock', { name: products.get(item.productId)!.name });
        }
        const row = await repo.insertOrder(trx, {
          code: orderCode(await repo.nextOrderNumber(trx)), shop_id: shop.id, buyer_user_id: p.userId, payment_method: input.paymentMethod, paid_at: null,
          delivery_method: input.deliveryMethod, tracking_code: null, address: input.address.trim(), phone, commune_code: commune.code, note: input.note?.trim() || null,
          subtotal_vnd: subtotal, shipping_vnd: shipping, total_vnd: subtotal + shipping, cancel_reason: null, client_key: key ?? null, client_hash: key ? fingerprint : null,
          delivered_at: null,
        });
        for (const item of input.items) {
          const prod = products.get(item.productId)!;
          await repo.insertOrderItem(trx, { order_id: row.id, product_id: prod.id, name: prod.name, unit: prod.unit, price_vnd: Number(prod.price_vnd), quantity: item.quantity, weight_grams: prod.weight_grams });
        }
        await this.d.notifier.notify({
          userId: shop.owner_user_id, kind: 'market', title: translate('vi', 'market.notice.new_order', { code: row.code }),
          body: translate('vi', 'market.notice.new_order_body', { buyer: buyer?.fullName ?? '', count: input.items.length, total: (subtotal + shipping).toLocaleString('vi-VN') }),
          link: `/market/orders/${row.id}`, dedupeKey: `market:${row.id}:new`,
        }, trx);
        await this.d.platform.events.publish(trx, 'market.order_placed', row.id, { shopId: shop.id, totalVnd: subtotal + shipping });
        return row;
      });
      return { order, created: true };
    } catch (err) {
      // the same key racing itself: the unique index kept one, which is the answer
      if (key && /market_orders_client_key|unique/i.test(String((err as Error).message))) {
        const existing = await repo.orderByClientKey(this.db, p.userId, key);
        if (existing) {
          assertSameRequest(existing.client_hash, fingerprint);
          return { order: existing, created: false };
        }
      }
      throw err;
    }
  }

  private async orderAccess(p: Principal, id: string): Promise<{ order: repo.OrderRow; shop: repo.ShopRow; as: 'buyer' | 'seller' }> {
    const order = await repo.orderById(this.db, id);
    if (!order) throw notFound('market.order_not_found');
    const shop = (await repo.shopById(this.db, order.shop_id))!;
    const subject = { buyerUserId: order.buyer_user_id, shop: shopSubject(shop) };
    if (this.orders.can(p, 'sell', subject)) return { order, shop, as: 'seller' };
    if (this.orders.can(p, 'buy', subject)) return { order, shop, as: 'buyer' };
    // a stranger learns nothing, not even that the order exists
    throw notFound('market.order_not_found');
  }

  async getOrder(p: Principal, id: string): Promise<Order> {
    const { order, shop, as } = await this.orderAccess(p, id);
    return (await this.orderViews([order], as, new Map([[shop.id, shop]])))[0]!;
  }

  async myOrders(p: Principal, q: OrderListQuery): Promise<{ items: Order[]; total: number }> {
    const { items, total } = await repo.listOrders(this.db, { buyerUserId: p.userId, status: q.status, limit: q.limit ?? 30, offset: q.offset ?? 0 });
    return { items: await this.orderViews(items, 'buyer'), total };
  }

  async shopOrders(p: Principal, shopId: string, q: OrderListQuery): Promise<{ items: Order[]; total: number }> {
    const shop = await this.managedShop(p, shopId);
    const { items, total } = await repo.listOrders(this.db, { shopId, status: q.status, limit: q.limit ?? 30, offset: q.offset ?? 0 });
    return { items: await this.orderViews(items, 'seller', new Map([[shop.id, shop]])), total };
  }

  private actions(o: repo.OrderRow, as: 'buyer' | 'seller', allReviewed: boolean, complaints: readonly repo.ComplaintRow[]): OrderAction[] {
    const a: OrderAction[] = [];
    const open = o.status !== 'cancelled' && o.status !== 'delivered';
    const pending = complaints.find((c) => complaintIsOpen(c.status));
    if (as === 'seller') {
      if (canMoveRefund(o.refund_status, 'sent')) a.push('refund');
      if (pending && canMoveComplaint(pending.status, 'answer')) a.push('answer_complaint');
      if (this.d.demoAdvance && o.status === 'shipping' && o.delivery_method === 'carrier' && o.tracking_code) a.push('demo_advance');
      if (o.payment_method === 'vietqr' && !o.paid_at && open) a.push('confirm_payment');
      if (o.status === 'new' && (o.payment_method === 'cod' || o.paid_at)) a.push('confirmed');
      if (o.status === 'confirmed') a.push('packed');
      if (o.status === 'packed') a.push('shipping');
      if (canMoveOrder(o.status, 'cancelled')) a.push('cancel');
    } else {
      if (o.status === 'new') a.push('cancel');
      if (o.status === 'shipping') a.push('received');
      if (o.status === 'delivered' && !allReviewed) a.push('review');
      if (canMoveRefund(o.refund_status, 'confirmed')) a.push('refund_received');
      if (!pending && canComplain(o.status, o.refund_status)) a.push('complain');
    }
    return a;
  }

  async orderViews(rows: readonly repo.OrderRow[], as: 'buyer' | 'seller', shops = new Map<string, repo.ShopRow>()): Promise<Order[]> {
    const ids = rows.map((r) => r.id);
    const [items, reviewed, complaints] = await Promise.all([repo.itemsOf(this.db, ids), repo.reviewedIn(this.db, ids), repo.complaintsOf(this.db, ids)]);
    for (const sid of new Set(rows.map((r) => r.shop_id))) {
      if (!shops.has(sid)) {
        const s = await repo.shopById(this.db, sid);
        if (s) shops.set(sid, s);
      }
    }
    const out: Order[] = [];
    for (const o of rows) {
      const shop = shops.get(o.shop_id)!;
      const lines = items.filter((i) => i.order_id === o.id).map((i) => ({
        productId: i.product_id, name: i.name, priceVnd: Number(i.price_vnd), quantity: i.quantity, unit: i.unit, reviewed: reviewed.has(`${o.id}:${i.product_id}`),
      }));
      const buyer = await this.d.identity.getUserSummary(o.buyer_user_id);
      const total = Number(o.total_vnd);
      const mine = complaints.filter((c) => c.order_id === o.id);
      const wantsQr = as === 'buyer' && o.payment_method === 'vietqr' && !o.paid_at && o.status !== 'cancelled';
      out.push({
        id: o.id, code: o.code, shopId: o.shop_id, shopName: shop.name, shopPhone: shop.phone, buyerName: buyer?.fullName ?? '', phone: o.phone, address: o.address,
        communeCode: o.commune_code, communeName: this.communeName(o.commune_code), status: o.status, paymentMethod: o.payment_method, paidAt: o.paid_at ? iso(o.paid_at) : null,
        deliveryMethod: o.delivery_method, trackingCode: o.tracking_code, items: lines, subtotalVnd: Number(o.subtotal_vnd), shippingVnd: Number(o.shipping_vnd),
        totalVnd: total, note: o.note, cancelReason: o.cancel_reason, createdAt: iso(o.created_at), updatedAt: iso(o.updated_at),
        deliveredAt: o.delivered_at ? iso(o.delivered_at) : null, as, actions: this.actions(o, as, lines.every((l) => l.reviewed), mine),
        vietqr: wantsQr ? await this.vietqr(shop, o.code, total) : null,
        refund: o.refund_status && o.refund_due_on ? {
          status: o.refund_status, dueOn: o.refund_due_on, amountVnd: Number(o.refund_amount_vnd ?? total), reference: o.refund_reference,
          sentAt: o.refund_sent_at ? iso(o.refund_sent_at) : null, confirmedAt: o.refund_confirmed_at ? iso(o.refund_confirmed_at) : null,
        } : null,
        complaints: mine.map((c) => this.complaintView(c, o, shop)),
      });
    }
    return out;
  }

  /** The dynamic VietQR to the shop's own account: the exact total, the order code as the purpose. */
  private async vietqr(shop: repo.ShopRow, code: string, amount: number): Promise<Order['vietqr']> {
    const payload = buildVietQr({ bankBin: shop.bank_bin, accountNumber: shop.bank_account, amount, purpose: code });
    const svg = await (await loadQrCode()).toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { payload, svg, bankName: vietqrBank(shop.bank_bin)?.name ?? shop.bank_bin, accountNumber: shop.bank_account, accountName: shop.bank_account_name, amountVnd: amount, purpose: code };
  }

  /** Moves an order on, or cancels it; stock comes back when an order is cancelled. */
  private async transition(id: string, to: OrderStatus, patch: Parameters<typeof repo.updateOrder>[2] = {}): Promise<repo.OrderRow> {
    return this.db.transaction().execute(async (trx) => {
      const o = (await repo.orderById(trx, id, true))!;
      if (!canMoveOrder(o.status, to)) throw conflict('market.bad_move');
      // money the buyer already sent goes back: the seller owes it within a few working days
      const owesRefund = to === 'cancelled' && o.payment_method === 'vietqr' && o.paid_at !== null;
      const moved = await repo.updateOrder(trx, id, {
        status: to, ...patch, ...(to === 'delivered' ? { delivered_at: new Date() } : {}),
        ...(owesRefund ? { refund_status: 'owed' as const, refund_amount_vnd: Number(o.total_vnd), refund_due_on: this.d.platform.calendar.addWorkingDays(toLocalDate(new Date()), REFUND_WORKING_DAYS) } : {}),
      });
      if (to === 'cancelled') for (const i of await repo.itemsOf(trx, [id])) await repo.returnStock(trx, i.product_id, i.quantity);
      await this.d.notifier.notify({
        userId: o.buyer_user_id, kind: 'market', title: `Đơn hàng ${o.code}`, body: translate('vi', owesRefund ? 'market.status.cancelled_refund' : `market.status.${to}`, { days: REFUND_WORKING_DAYS }),
        link: `/market/orders/${o.id}`, dedupeKey: `market:${o.id}:${to}`,
      }, trx);
      return moved;
    });
  }

  async move(p: Principal, id: string, body: OrderMove): Promise<Order> {
    const { order, shop, as } = await this.orderAccess(p, id);
    if (body.to === 'cancelled') {
      if (!body.reason) throw invalidField('reason', 'market.reason_required');
      // a buyer may take back an order the shop has not accepted yet
      if (as === 'buyer' && order.status !== 'new') throw conflict('market.bad_move');
      await this.transition(id, 'cancelled', { cancel_reason: body.reason.trim() });
      return this.getOrder(p, id);
    }
    if (as !== 'seller') throw forbidden('market.forbidden');
    if (body.to === 'confirmed' && order.payment_method === 'vietqr' && !order.paid_at) throw conflict('market.not_paid');
    let patch: Parameters<typeof repo.updateOrder>[2] = {};
    if (body.to === 'shipping' && order.delivery_method === 'carrier') {
      if (!canMoveOrder(order.status, 'shipping')) throw conflict('market.bad_move');
      if (!this.d.carrier) throw new AppError(503, 'market.carrier_off');
      const buyer = await this.d.identity.getUserSummary(order.buyer_user_id);
      const items = await repo.itemsOf(this.db, [order.id]);
      const shipment = await this.d.carrier.createShipment({
        orderNumber: order.code, sender: { name: shop.name, phone: shop.phone, address: shop.pickup_address, communeCode: shop.commune_code },
        receiver: { name: buyer?.fullName ?? '', phone: order.phone, address: order.address, communeCode: order.commune_code },
        weightGram: items.reduce((s, i) => s + i.weight_grams * i.quantity, 0), codAmount: order.payment_method === 'cod' ? Number(order.total_vnd) : 0,
        content: items.map((i) => `${i.name} x${i.quantity}`).join(', ').slice(0, 200),
      });
      patch = { tracking_code: shipment.itemCode };
    }
    await this.transition(id, body.to, patch);
    return this.getOrder(p, id);
  }

  /** The seller saw the transfer arrive in their bank app (the shop's own account, so only they can tell). */
  async confirmPayment(p: Principal, id: string): Promise<Order> {
    const { order, as } = await this.orderAccess(p, id);
    if (as !== 'seller') throw forbidden('market.forbidden');
    if (order.payment_method !== 'vietqr') throw conflict('market.not_vietqr');
    if (order.paid_at) throw conflict('market.already_paid');
    if (order.status === 'cancelled') throw conflict('market.bad_move');
    await this.db.transaction().execute(async (trx) => {
      await repo.updateOrder(trx, id, { paid_at: new Date() });
      await this.d.platform.audit.record({ actorUserId: p.userId, action: 'market.payment_confirmed', subjectType: 'market_order', subjectId: id, details: { amountVnd: Number(order.total_vnd) } }, trx);
    });
    if (order.status === 'new') await this.transition(id, 'confirmed');
    return this.getOrder(p, id);
  }

  async received(p: Principal, id: string): Promise<Order> {
    const { as } = await this.orderAccess(p, id);
    if (as !== 'buyer') throw forbidden('market.forbidden');
    await this.transition(id, 'delivered');
    return this.getOrder(p, id);
  }

  async review(p: Principal, id: string, input: ReviewInput): Promise<Order> {
    const { order, as } = await this.orderAccess(p, id);
    if (as !== 'buyer') throw forbidden('market.forbidden');
    if (order.status !== 'delivered') throw conflict('market.not_delivered');
    const items = await repo.itemsOf(this.db, [order.id]);
    if (!items.some((i) => i.product_id === input.productId)) throw invalidField('productId', 'market.not_in_order');
    const added = await repo.insertReview(this.db, {
      order_id: order.id, product_id: input.productId, shop_id: order.shop_id, buyer_user_id: p.userId, stars: input.stars, comment: input.comment?.trim() ?? '',
    });
    if (!added) throw conflict('market.already_reviewed');
    return this.getOrder(p, id);
  }

  /** The carrier's tracking callback: verified, then the order follows the shipment. */
  async carrierCallback(raw: Buffer, signature: string): Promise<void> {
    const secret = this.d.settings.carrier?.callbackSecret;
    // the signature first: nothing of an unsigned body is read
    if (!secret || !verifySignature(raw, signature, secret)) throw new AppError(401, 'market.bad_signature');
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw invalidField('body', 'market.bad_callback');
    }
    if (!Value.Check(CarrierCallbackSchema, body)) throw invalidField('body', 'market.bad_callback');
    const order = await repo.orderByTracking(this.db, body.itemCode);
    if (!order || order.code !== body.orderNumber) throw notFound('market.order_not_found');
    // repeated or out-of-order callbacks change nothing
    if (body.status === 'delivered' && canMoveOrder(order.status, 'delivered')) await this.transition(order.id, 'delivered');
  }

  async sales(p: Principal, shopId: string): Promise<ShopSales> {
    await this.managedShop(p, shopId);
    return { weeks: await this.weeks(shopId) };
  }

  private async weeks(shopId?: string): Promise<ShopSales['weeks']> {
    const now = new Date();
    const keys: string[] = [];
    for (let i = WEEKS_SHOWN - 1; i >= 0; i--) keys.push(vietnamWeekStart(new Date(now.getTime() - i * 7 * 86_400_000)));
    // Monday 00:00 Vietnam time of the first week shown
    const from = new Date(`${keys[0]}T00:00:00+07:00`);
    const byWeek = new Map(keys.map((k) => [k, { week: k, orders: 0, salesVnd: 0 }]));
    for (const o of await repo.ordersSince(this.db, from, shopId)) {
      const w = byWeek.get(vietnamWeekStart(o.created_at));
      if (w) {
        w.orders += 1;
        w.salesVnd += o.total_vnd;
      }
    }
    return [...byWeek.values()];
  }

  // ------------------------------------------------------------ editing a shop and a product's photos

  async updateShop(p: Principal, id: string, patch: ShopPatch): Promise<repo.ShopRow> {
    const shop = await this.managedShop(p, id);
    const commune = patch.communeCode !== undefined ? this.commune(patch.communeCode, 'communeCode') : null;
    const phone = patch.phone !== undefined ? this.phone(patch.phone, 'phone') : undefined;
    if (patch.bankBin !== undefined && !vietqrBank(patch.bankBin)) throw invalidField('bankBin', 'market.bank_unknown');
    return this.db.transaction().execute(async (trx) => {
      const updated = await repo.updateShop(trx, id, {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
        ...(patch.openingHours !== undefined ? { opening_hours: patch.openingHours.trim() } : {}),
        ...(commune ? { commune_code: commune.code } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(patch.pickupAddress !== undefined ? { pickup_address: patch.pickupAddress.trim() } : {}),
        ...(patch.bankBin !== undefined ? { bank_bin: patch.bankBin } : {}),
        ...(patch.bankAccount !== undefined ? { bank_account: patch.bankAccount } : {}),
        ...(patch.bankAccountName !== undefined ? { bank_account_name: toQrText(patch.bankAccountName, 50).toUpperCase() } : {}),
        ...(patch.businessRegNo !== undefined ? { business_reg_no: patch.businessRegNo } : {}),
      });
      // the shop's name and commune are part of every product's search words and filters
      if (updated.name !== shop.name || updated.commune_code !== shop.commune_code) {
        const communeName = this.communeName(updated.commune_code);
        for (const prod of await repo.productsOfShop(trx, id)) {
          await repo.updateProduct(trx, prod.id, { search_text: searchText(prod.name, updated.name, communeName), commune_code: updated.commune_code });
        }
      }
      if (updated.bank_account !== shop.bank_account || updated.bank_bin !== shop.bank_bin) {
        // where buyers' money goes: kept in the audit log
        await this.d.platform.audit.record({ actorUserId: p.userId, action: 'market.shop_bank_changed', subjectType: 'market_shop', subjectId: id, details: { bankBin: updated.bank_bin } }, trx);
      }
      return updated;
    });
  }

  /** A product's photos in a new order: kept ones by fileId, new ones re-encoded; at most five. */
  async setPhotos(p: Principal, id: string, body: ProductPhotos): Promise<Product> {
    const current = await repo.productById(this.db, id);
    if (!current) throw notFound('market.product_not_found');
    await this.managedShop(p, current.shop_id);
    const existing = new Map((await repo.photosOf(this.db, [id])).map((ph) => [ph.file_id, ph]));
    const seen = new Set<string>();
    const plan: ({ file_id: string; thumb_id: string } | { data: string; index: number })[] = [];
    for (const [i, item] of body.photos.entries()) {
      if ('fileId' in item) {
        const kept = existing.get(item.fileId);
        if (!kept || seen.has(item.fileId)) throw invalidField(`photos.${i}.fileId`, 'market.photo_unknown');
        seen.add(item.fileId);
        plan.push({ file_id: kept.file_id, thumb_id: kept.thumb_id });
      } else plan.push({ data: item.data, index: i });
    }
    const fresh = plan.filter((x): x is { data: string; index: number } => 'data' in x);
    const processed = await Promise.all(fresh.map(async (x) => {
      const ph = await processPhotoData(x.data, `photos.${x.index}.data`);
      return { index: x.index, full: await this.d.platform.files.put(ph.full), thumb: await this.d.platform.files.put(ph.thumb) };
    }));
    const stored = new Map(processed.map((x) => [x.index, { file_id: x.full.id, thumb_id: x.thumb.id }]));
    const row = await this.db.transaction().execute(async (trx) => {
      await repo.deletePhotos(trx, id);
      for (const [i, item] of plan.entries()) {
        const ph = 'data' in item ? stored.get(item.index)! : item;
        await repo.insertPhoto(trx, { product_id: id, position: i, file_id: ph.file_id, thumb_id: ph.thumb_id });
      }
      return repo.updateProduct(trx, id, {});
    });
    return (await this.productViews([row], true))[0]!;
  }

  // ------------------------------------------------------------ complaints (khiếu nại)

  private complaintView(c: repo.ComplaintRow, o: { code: string }, shop: repo.ShopRow): Complaint {
    return {
      id: c.id, orderId: c.order_id, orderCode: o.code, shopId: c.shop_id, shopName: shop.name, communeName: this.communeName(c.commune_code), reason: c.reason, body: c.body,
      photoUrl: c.photo_file_id ? `/api/market/complaints/${c.id}/photo` : null,
      status: c.status, sellerAnswer: c.seller_answer, answeredAt: c.answered_at ? iso(c.answered_at) : null, decisionReason: c.decision_reason,
      decidedAt: c.decided_at ? iso(c.decided_at) : null, createdAt: iso(c.created_at),
    };
  }

  private async complaintViews(rows: readonly repo.ComplaintRow[]): Promise<Complaint[]> {
    const out: Complaint[] = [];
    for (const c of rows) {
      const [o, shop] = await Promise.all([repo.orderById(this.db, c.order_id), repo.shopById(this.db, c.shop_id)]);
      out.push(this.complaintView(c, o!, shop!));
    }
    return out;
  }

  /** The buyer complains about an order: the seller is told, and the market officer of the shop's commune sees it. */
  async complain(p: Principal, orderId: string, input: ComplaintInput): Promise<Order> {
    const { order, shop, as } = await this.orderAccess(p, orderId);
    if (as !== 'buyer') throw forbidden('market.forbidden');
    if (!canComplain(order.status, order.refund_status)) throw conflict('market.complaint_not_now');
    if ((await repo.complaintsOf(this.db, [order.id])).some((c) => complaintIsOpen(c.status))) throw conflict('market.complaint_open');
    const photo = input.photo ? await processPhotoData(input.photo, 'photo') : null;
    const photoFile = photo ? await this.d.platform.files.put(photo.full) : null;
    try {
      await this.db.transaction().execute(async (trx) => {
        const c = await repo.insertComplaint(trx, {
          order_id: order.id, shop_id: shop.id, buyer_user_id: p.userId, commune_code: shop.commune_code, reason: input.reason, body: input.body.trim(), photo_file_id: photoFile?.id ?? null,
          seller_answer: null, answered_by: null, answered_at: null, decision_reason: null, decided_by: null, decided_at: null,
        });
        await this.d.notifier.notify({
          userId: shop.owner_user_id, kind: 'market', title: translate('vi', 'market.notice.complaint', { code: order.code }),
          body: translate('vi', `market.complaint.reason.${input.reason}`), link: `/market/orders/${order.id}`, dedupeKey: `market:complaint:${c.id}:open`,
        }, trx);
      });
    } catch (err) {
      // two taps at once: the unique index kept the first
      if (/market_complaints_one_open|unique/i.test(String((err as Error).message))) throw conflict('market.complaint_open');
      throw err;
    }
    return this.getOrder(p, orderId);
  }

  private async moveComplaint(id: string, move: ComplaintMove, patch: Parameters<typeof repo.updateComplaint>[2]): Promise<repo.ComplaintRow> {
    return this.db.transaction().execute(async (trx) => {
      const c = (await repo.complaintById(trx, id, true))!;
      if (!canMoveComplaint(c.status, move)) throw conflict('market.complaint_closed');
      return repo.updateComplaint(trx, id, { ...patch, status: COMPLAINT_MOVES[move].to });
    });
  }

  /** A complaint's photo: for its buyer, the shop's seller and the officers of the shop's area; a stranger learns nothing. */
  async complaintPhoto(p: Principal, id: string): Promise<Buffer> {
    const c = await repo.complaintById(this.db, id);
    if (!c?.photo_file_id) throw notFound('market.complaint_not_found');
    const shop = (await repo.shopById(this.db, c.shop_id))!;
    const subject = { buyerUserId: c.buyer_user_id, shop: shopSubject(shop) };
    const allowed = this.orders.can(p, 'buy', subject) || this.orders.can(p, 'sell', subject) || this.shops.can(p, 'moderate', shopSubject(shop));
    const bytes = allowed ? await this.d.platform.files.get(c.photo_file_id) : null;
    if (!bytes) throw notFound('market.complaint_not_found');
    return bytes;
  }

  /** The seller answers; the buyer is told. */
  async answerComplaint(p: Principal, id: string, body: ComplaintAnswer): Promise<Order> {
    const c = await repo.complaintById(this.db, id);
    if (!c) throw notFound('market.complaint_not_found');
    const { order, as } = await this.orderAccess(p, c.order_id);
    if (as !== 'seller') throw forbidden('market.forbidden');
    const moved = await this.moveComplaint(id, 'answer', { seller_answer: body.answer.trim(), answered_by: p.userId, answered_at: new Date() });
    await this.d.notifier.notify({
      userId: order.buyer_user_id, kind: 'market', title: translate('vi', 'market.notice.complaint_answered', { code: order.code }),
      body: moved.seller_answer ?? '', link: `/market/orders/${order.id}`, dedupeKey: `market:complaint:${id}:answered`,
    });
    return this.getOrder(p, c.order_id);
  }

  /** A market officer of the shop's area decides (audited); buyer and seller are both told. */
  async decideComplaint(p: Principal, id: string, d: ComplaintDecision): Promise<Complaint> {
    const c = await repo.complaintById(this.db, id);
    if (!c) throw notFound('market.complaint_not_found');
    const shop = (await repo.shopById(this.db, c.shop_id))!;
    this.shops.authorize(p, 'moderate', shopSubject(shop));
    const order = (await repo.orderById(this.db, c.order_id))!;
    const move: ComplaintMove = d.upheld ? 'uphold' : 'refuse';
    const decided = await this.db.transaction().execute(async (trx) => {
      const row = await repo.complaintById(trx, id, true);
      if (!row || !canMoveComplaint(row.status, move)) throw conflict('market.complaint_closed');
      const u = await repo.updateComplaint(trx, id, { status: COMPLAINT_MOVES[move].to, decision_reason: d.reason.trim(), decided_by: p.userId, decided_at: new Date() });
      await this.d.platform.audit.record({ actorUserId: p.userId, action: d.upheld ? 'market.complaint_upheld' : 'market.complaint_refused', subjectType: 'market_complaint', subjectId: id, details: { orderCode: order.code, reason: d.reason.trim() } }, trx);
      const title = translate('vi', d.upheld ? 'market.notice.complaint_upheld' : 'market.notice.complaint_refused', { code: order.code });
      for (const userId of new Set([order.buyer_user_id, shop.owner_user_id])) {
        await this.d.notifier.notify({ userId, kind: 'market', title, body: d.reason.trim(), link: `/market/orders/${order.id}`, dedupeKey: `market:complaint:${id}:decided:${userId}` }, trx);
      }
      return u;
    });
    return this.complaintView(decided, order, shop);
  }

  async staffComplaints(p: Principal, q: StaffComplaintQuery): Promise<ComplaintList> {
    const { items, total } = await repo.complaintsIn(this.db, {
      communes: this.officerCommunes(p), statuses: (q.state ?? 'open') === 'open' ? ['open', 'answered'] : ['upheld', 'refused'], limit: q.limit ?? 50, offset: q.offset ?? 0,
    });
    return { items: await this.complaintViews(items), total };
  }

  // ------------------------------------------------------------ refunds (hoàn tiền) of cancelled paid orders

  /** The seller sent the money back: the whole amount paid, with the bank's reference; the buyer is asked to confirm. */
  async recordRefund(p: Principal, id: string, input: RefundInput): Promise<Order> {
    const { order, as } = await this.orderAccess(p, id);
    if (as !== 'seller') throw forbidden('market.forbidden');
    if (!canMoveRefund(order.refund_status, 'sent')) throw conflict('market.no_refund_owed');
    const owed = Number(order.refund_amount_vnd ?? order.total_vnd);
    if (input.amountVnd !== owed) throw invalidField('amountVnd', 'market.refund_amount', { amount: owed.toLocaleString('vi-VN') });
    await this.db.transaction().execute(async (trx) => {
      const o = (await repo.orderById(trx, id, true))!;
      if (!canMoveRefund(o.refund_status, 'sent')) throw conflict('market.no_refund_owed');
      await repo.updateOrder(trx, id, { refund_status: 'sent', refund_reference: input.reference.trim(), refund_sent_at: new Date() });
      await this.d.platform.audit.record({ actorUserId: p.userId, action: 'market.refund_sent', subjectType: 'market_order', subjectId: id, details: { amountVnd: owed, reference: input.reference.trim() } }, trx);
      await this.d.notifier.notify({
        userId: o.buyer_user_id, kind: 'market', title: translate('vi', 'market.notice.refund_sent', { code: o.code }),
        body: translate('vi', 'market.notice.refund_sent_body', { amount: owed.toLocaleString('vi-VN'), reference: input.reference.trim() }),
        link: `/market/orders/${id}`, dedupeKey: `market:${id}:refund_sent`,
      }, trx);
    });
    return this.getOrder(p, id);
  }

  /** The buyer saw the refund arrive. */
  async refundReceived(p: Principal, id: string): Promise<Order> {
    const { order, shop, as } = await this.orderAccess(p, id);
    if (as !== 'buyer') throw forbidden('market.forbidden');
    if (!canMoveRefund(order.refund_status, 'confirmed')) throw conflict('market.no_refund_sent');
    await this.db.transaction().execute(async (trx) => {
      await repo.updateOrder(trx, id, { refund_status: 'confirmed', refund_confirmed_at: new Date() });
      await this.d.notifier.notify({
        userId: shop.owner_user_id, kind: 'market', title: translate('vi', 'market.notice.refund_confirmed', { code: order.code }), body: '',
        link: `/market/orders/${id}`, dedupeKey: `market:${id}:refund_confirmed`,
      }, trx);
    });
    return this.getOrder(p, id);
  }

  /** Cancelled paid orders in the officer's area whose money has not gone back by the due day. */
  async overdueRefunds(p: Principal): Promise<OverdueRefundList> {
    const today = toLocalDate(new Date());
    const rows = await repo.overdueRefunds(this.db, { communes: this.officerCommunes(p), today, limit: 200 });
    const items: OverdueRefundList['items'] = [];
    for (const o of rows) {
      const shop = (await repo.shopById(this.db, o.shop_id))!;
      items.push({
        orderId: o.id, orderCode: o.code, shopId: shop.id, shopName: shop.name, shopPhone: shop.phone, communeName: this.communeName(shop.commune_code),
        amountVnd: Number(o.refund_amount_vnd ?? o.total_vnd), dueOn: o.refund_due_on!, cancelledAt: iso(o.updated_at),
        workingDaysLate: this.d.platform.calendar.workingDaysBetween(o.refund_due_on!, today),
      });
    }
    return { items };
  }

  // ------------------------------------------------------------ the demo carrier, one step on

  /** Demo only: the seller asks the demo carrier to scan the parcel one step on; it calls back signed, like the real one. */
  async demoAdvance(p: Principal, id: string): Promise<Order> {
    const { order, as } = await this.orderAccess(p, id);
    if (as !== 'seller') throw forbidden('market.forbidden');
    if (!this.d.demoAdvance) throw notFound('market.demo_only');
    if (order.status !== 'shipping' || !order.tracking_code) throw conflict('market.bad_move');
    await this.d.demoAdvance(order.tracking_code);
    return this.getOrder(p, id);
  }

  // ------------------------------------------------------------ market officers and leaders

  /** Communes a market officer's memberships cover (null = everywhere, for system administrators). */
  private officerCommunes(p: Principal): string[] | null {
    if (p.roles.includes('sysadmin')) return null;
    const areas = p.memberships.filter((m) => m.role === 'market_officer').map((m) => m.areaCode ?? this.d.platform.pack.provinceCode);
    return [...new Set(areas.flatMap((a) => this.d.areas.communesIn(a).map((c) => c.code)))];
  }

  async staffProducts(p: Principal, q: StaffProductQuery): Promise<{ items: Product[]; total: number }> {
    const { items, total } = await repo.searchProducts(this.db, {
      words: [], includeHidden: true, ocopStatus: q.ocop, hiddenOnly: q.hidden, communes: this.officerCommunes(p), limit: q.limit ?? 50, offset: q.offset ?? 0,
    });
    return { items: await this.productViews(items, true), total };
  }

  private async moderated(p: Principal, id: string): Promise<repo.ProductRow> {
    const row = await repo.productById(this.db, id);
    if (!row) throw notFound('market.product_not_found');
    const shop = (await repo.shopById(this.db, row.shop_id))!;
    this.shops.authorize(p, 'moderate', shopSubject(shop));
    return row;
  }

  async decideOcop(p: Principal, id: string, d: OcopDecision): Promise<Product> {
    const row = await this.moderated(p, id);
    if (!row.ocop) throw conflict('market.no_ocop');
    if (d.verified && row.ocop.expiresOn <= todayVn()) throw conflict('market.ocop_expired');
    const updated = await this.db.transaction().execute(async (trx) => {
      const u = await repo.updateProduct(trx, id, { ocop_status: d.verified ? 'verified' : 'rejected', ocop_note: d.note?.trim() || null, ocop_checked_by: p.userId, ocop_checked_at: new Date() });
      await this.d.platform.audit.record({ actorUserId: p.userId, action: d.verified ? 'market.ocop_verified' : 'market.ocop_rejected', subjectType: 'market_product', subjectId: id, details: { certificate: row.ocop?.certificateNumber ?? null, note: d.note ?? null } }, trx);
      return u;
    });
    return (await this.productViews([updated], true))[0]!;
  }

  async hide(p: Principal, id: string, reason: string | null): Promise<Product> {
    await this.moderated(p, id);
    const updated = await this.db.transaction().execute(async (trx) => {
      const u = await repo.updateProduct(trx, id, reason ? { hidden_reason: reason.trim(), hidden_by: p.userId, hidden_at: new Date() } : { hidden_reason: null, hidden_by: null, hidden_at: null });
      await this.d.platform.audit.record({ actorUserId: p.userId, action: reason ? 'market.product_hidden' : 'market.product_shown', subjectType: 'market_product', subjectId: id, details: { reason } }, trx);
      return u;
    });
    return (await this.productViews([updated], true))[0]!;
  }

  async stats(): Promise<MarketStats> {
    const [perCommune, ocop, products] = await Promise.all([repo.shopsPerCommune(this.db), repo.ocopCounts(this.db), repo.countListed(this.db)]);
    const verified = ocop.filter((o) => o.status === 'verified');
    const stars = (n: number) => verified.filter((o) => o.stars === n).reduce((s, o) => s + o.n, 0);
    return {
      shopsByCommune: perCommune.map((c) => ({ communeCode: c.commune_code, communeName: this.communeName(c.commune_code), shops: c.n })),
      weeks: await this.weeks(),
      ocop: { verified: verified.reduce((s, o) => s + o.n, 0), pending: ocop.filter((o) => o.status === 'pending').reduce((s, o) => s + o.n, 0), stars3: stars(3), stars4: stars(4), stars5: stars(5) },
      products,
      targets: this.d.targets,
      shopsTotal: perCommune.reduce((sum, c) => sum + c.n, 0),
    };
  }

  /** Every visible listing, for other marketplaces and search engines to read. */
  async feed(): Promise<Feed> {
    const all: Product[] = [];
    for (let offset = 0; ; offset += 500) {
      const { items } = await repo.searchProducts(this.db, { words: [], includeHidden: false, limit: 500, offset });
      all.push(...(await this.productViews(items)));
      if (items.length < 500 || offset >= 50_000) break;
    }
    const base = this.d.settings.publicUrl;
    return {
      generatedAt: new Date().toISOString(),
      items: all.map((p) => ({
        id: p.id, title: p.name, description: p.description, link: `${base}/market/products/${p.id}`, imageLink: p.photos[0] ? `${base}${p.photos[0].url}` : null,
        priceVnd: p.priceVnd, availability: p.stock > 0 ? 'in_stock' : 'out_of_stock', category: p.category, seller: p.shopName, commune: p.communeName,
        ocopStars: p.ocopBadge, unit: p.unit, weightGrams: p.weightGrams, updatedAt: p.createdAt,
      })),
    };
  }
}

/** "Nguyễn Văn An" → "Nguyễn V. A.": reviews name the buyer without their full name. */
function shortName(full: string | undefined): string {
  const parts = (full ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? '';
  return [parts[0], ...parts.slice(1).map((w) => `${w[0]}.`)].join(' ');
}
