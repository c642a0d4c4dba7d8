// HTTP of the market: the catalogue and product pages (public), shops and their products
// (sellers), orders (buyers and sellers), the market officers' checks, leaders' numbers,
// the product feed, and the carrier's tracking callback.
import * as S from '@cds/contracts/market';
import { errorReplies, UuidParams } from '@cds/contracts/common';
import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import type { MarketService } from './service.ts';

const tags = ['market'];

/** A spreadsheet cell: quoted, and defused when a spreadsheet would run it as a formula. */
function cell(v: string | number | null): string {
  const s = String(v ?? '');
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
}

export function marketRoutes(app: App, s: MarketService): void {
  // ------------------------------------------------------------ catalogue (anyone)

  app.get('/api/market/products', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Search the catalogue (typed with or without diacritics), filter by commune, category, OCOP stars', querystring: S.ProductQuery, response: { 200: S.ProductPage, ...errorReplies(400) } },
  }, async (request) => s.search(request.query));

  app.get('/api/market/products/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'A product page: photos, seller, OCOP badge, reviews', params: UuidParams, response: { 200: S.ProductDetail, ...errorReplies(404) } },
  }, async (request) => s.productDetail(request.principal, request.params.id));

  app.get('/api/market/photos/:fileId', {
    config: { policy: policy.public },
    schema: { tags, summary: 'A listing photo (JPEG re-encoded on upload)', params: Type.Object({ fileId: Type.String({ pattern: '^[0-9a-f]{64}$' }) }) },
  }, async (request, reply) => reply.type('image/jpeg').header('cache-control', 'public, max-age=31536000, immutable').send(await s.photo(request.params.fileId)));

  app.get('/api/market/shops/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'A shop', params: UuidParams, response: { 200: S.Shop, ...errorReplies(404) } },
  }, async (request) => s.shopView(request.principal, await s.getShop(request.params.id)));

  app.get('/api/market/shipping-quote', {
    config: { policy: policy.public },
    schema: { tags, summary: 'The carrier’s fee for a weight from the shop’s commune to another', querystring: S.ShippingQuoteQuery, response: { 200: S.ShippingQuote, ...errorReplies(400, 404, 502, 503) } },
  }, async (request) => s.quote(request.query));

  // ------------------------------------------------------------ sellers

  app.post('/api/market/shops/consent', {
    config: { policy: policy.ability('market.help') },
    schema: { tags, summary: 'A community helper asks the owner’s consent: a code goes by SMS to the owner’s phone', body: S.ConsentRequest, response: { 200: S.ConsentSent, ...errorReplies(400, 403, 429) } },
  }, async (request) => s.requestConsent(requirePrincipal(request), request.body.ownerPhone));

  app.post('/api/market/shops', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Open a shop (for yourself, or as a helper for a neighbour with their code)', body: S.ShopInput, response: { 201: S.Shop, ...errorReplies(400, 403) } },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    return reply.status(201).send(await s.shopView(p, await s.openShop(p, request.body)));
  });

  app.get('/api/market/my/shops', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Shops I own or opened for a neighbour', response: { 200: S.ShopList } },
  }, async (request) => {
    const p = requirePrincipal(request);
    return { items: await s.shopViews(p, await s.myShops(p)) };
  });

  app.get('/api/market/shops/:id/products', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'The shop’s own listing, hidden products included', params: UuidParams, response: { 200: S.ProductPage, ...errorReplies(403, 404) } },
  }, async (request) => {
    const items = await s.shopProducts(requirePrincipal(request), request.params.id);
    return { items, total: items.length };
  });

  app.post('/api/market/shops/:id/products', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'List a product (photos re-encoded; an OCOP block waits for a market officer)', params: UuidParams, body: S.ProductInput, response: { 201: S.Product, ...errorReplies(400, 403, 404) } },
  }, async (request, reply) => reply.status(201).send(await s.addProduct(requirePrincipal(request), request.params.id, request.body)));

  app.patch('/api/market/products/:id', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Change a product (price, stock, OCOP block …)', params: UuidParams, body: S.ProductPatch, response: { 200: S.Product, ...errorReplies(400, 403, 404) } },
  }, async (request) => s.updateProduct(requirePrincipal(request), request.params.id, request.body));

  app.get('/api/market/shops/:id/orders', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'The shop’s orders (its seller only)', params: UuidParams, querystring: S.OrderListQuery, response: { 200: S.OrderList, ...errorReplies(403, 404) } },
  }, async (request) => s.shopOrders(requirePrincipal(request), request.params.id, request.query));

  app.get('/api/market/shops/:id/sales', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Orders and sales per week (Vietnam time, last 8 weeks)', params: UuidParams, response: { 200: S.ShopSales, ...errorReplies(403, 404) } },
  }, async (request) => s.sales(requirePrincipal(request), request.params.id));

  // ------------------------------------------------------------ orders

  app.post('/api/market/orders', {
    config: { policy: policy.signedIn },
    schema: {
      tags, summary: 'Order from one shop; the server computes the amounts and takes the stock. Send Idempotency-Key: a replay returns the first order (200)',
      headers: S.IdempotencyHeaders, body: S.CreateOrder, response: { 200: S.Order, 201: S.Order, ...errorReplies(400, 404, 409, 422, 502) },
    },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    const { order, created } = await s.placeOrder(p, request.body, request.headers['idempotency-key']);
    return reply.status(created ? 201 : 200).send(await s.getOrder(p, order.id));
  });

  app.get('/api/market/my/orders', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'My orders as a buyer', querystring: S.OrderListQuery, response: { 200: S.OrderList } },
  }, async (request) => s.myOrders(requirePrincipal(request), request.query));

  app.get('/api/market/orders/:id', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'One order (its buyer or its seller); the buyer sees the VietQR while unpaid', params: UuidParams, response: { 200: S.Order, ...errorReplies(404) } },
  }, async (request) => s.getOrder(requirePrincipal(request), request.params.id));

  app.post('/api/market/orders/:id/status', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Seller: confirm, pack, ship (creates the shipment); either: cancel with a reason', params: UuidParams, body: S.OrderMove, response: { 200: S.Order, ...errorReplies(400, 403, 404, 409, 502) } },
  }, async (request) => s.move(requirePrincipal(request), request.params.id, request.body));

  app.post('/api/market/orders/:id/payment-received', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Seller: the VietQR transfer arrived in the shop’s account', params: UuidParams, response: { 200: S.Order, ...errorReplies(403, 404, 409) } },
  }, async (request) => s.confirmPayment(requirePrincipal(request), request.params.id));

  app.post('/api/market/orders/:id/received', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Buyer: I received it', params: UuidParams, response: { 200: S.Order, ...errorReplies(403, 404, 409) } },
  }, async (request) => s.received(requirePrincipal(request), request.params.id));

  app.post('/api/market/orders/:id/reviews', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Buyer of a delivered order: rate a product of it (once)', params: UuidParams, body: S.ReviewInput, response: { 200: S.Order, ...errorReplies(400, 403, 404, 409) } },
  }, async (request) => s.review(requirePrincipal(request), request.params.id, request.body));

  app.patch('/api/market/shops/:id', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Change a shop (name, description, hours, commune, phone, pickup address, bank account)', params: UuidParams, body: S.ShopPatch, response: { 200: S.Shop, ...errorReplies(400, 403, 404) } },
  }, async (request) => {
    const p = requirePrincipal(request);
    return s.shopView(p, await s.updateShop(p, request.params.id, request.body));
  });

  app.put('/api/market/products/:id/photos', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'A product’s photos in their new order (kept by fileId, new ones as data), five at most', params: UuidParams, body: S.ProductPhotos, response: { 200: S.Product, ...errorReplies(400, 403, 404) } },
  }, async (request) => s.setPhotos(requirePrincipal(request), request.params.id, request.body));

  // ------------------------------------------------------------ complaints and refunds

  app.post('/api/market/orders/:id/complaints', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Buyer: complain about an order (reason from the list and what happened); the seller is told', params: UuidParams, body: S.ComplaintInput, response: { 201: S.Order, ...errorReplies(400, 403, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await s.complain(requirePrincipal(request), request.params.id, request.body)));

  app.get('/api/market/complaints/:id/photo', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'The buyer’s photo of a complaint (its buyer, the seller, the officers of the area)', params: UuidParams },
  }, async (request, reply) => reply.type('image/jpeg').header('cache-control', 'private, max-age=3600').send(await s.complaintPhoto(requirePrincipal(request), request.params.id)));

  app.post('/api/market/complaints/:id/answer', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Seller: answer a complaint; the buyer is told', params: UuidParams, body: S.ComplaintAnswer, response: { 200: S.Order, ...errorReplies(400, 403, 404, 409) } },
  }, async (request) => s.answerComplaint(requirePrincipal(request), request.params.id, request.body));

  app.post('/api/market/complaints/:id/decision', {
    config: { policy: policy.ability('market.officer') },
    schema: { tags, summary: 'Market officer of the shop’s area: uphold or refuse a complaint with the reason (audited); buyer and seller are told', params: UuidParams, body: S.ComplaintDecision, response: { 200: S.Complaint, ...errorReplies(400, 403, 404, 409) } },
  }, async (request) => s.decideComplaint(requirePrincipal(request), request.params.id, request.body));

  app.get('/api/market/staff/complaints', {
    config: { policy: policy.ability('market.officer') },
    schema: { tags, summary: 'Complaints about shops in my area, waiting (open) or decided (closed)', querystring: S.StaffComplaintQuery, response: { 200: S.ComplaintList, ...errorReplies(403) } },
  }, async (request) => s.staffComplaints(requirePrincipal(request), request.query));

  app.post('/api/market/orders/:id/refund', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Seller: the money of a cancelled paid order was sent back (the whole amount, with the bank reference)', params: UuidParams, body: S.RefundInput, response: { 200: S.Order, ...errorReplies(400, 403, 404, 409) } },
  }, async (request) => s.recordRefund(requirePrincipal(request), request.params.id, request.body));

  app.post('/api/market/orders/:id/refund-received', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Buyer: the refund arrived', params: UuidParams, response: { 200: S.Order, ...errorReplies(403, 404, 409) } },
  }, async (request) => s.refundReceived(requirePrincipal(request), request.params.id));

  app.get('/api/market/staff/refunds-overdue', {
    config: { policy: policy.ability('market.officer') },
    schema: { tags, summary: 'Cancelled paid orders in my area not refunded within the working days allowed', response: { 200: S.OverdueRefundList, ...errorReplies(403) } },
  }, async (request) => s.overdueRefunds(requirePrincipal(request)));

  app.post('/api/market/orders/:id/demo-advance', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Demo mode only, seller: the demo carrier scans the parcel one step on and calls back signed, as the real carrier would', params: UuidParams, response: { 200: S.Order, ...errorReplies(403, 404, 409, 502) } },
  }, async (request) => s.demoAdvance(requirePrincipal(request), request.params.id));

  // ------------------------------------------------------------ market officers and leaders

  app.get('/api/market/staff/products', {
    config: { policy: policy.ability('market.officer') },
    schema: { tags, summary: 'Products in my area, by OCOP check or hidden', querystring: S.StaffProductQuery, response: { 200: S.ProductPage, ...errorReplies(403) } },
  }, async (request) => s.staffProducts(requirePrincipal(request), request.query));

  app.post('/api/market/products/:id/ocop', {
    config: { policy: policy.ability('market.officer') },
    schema: { tags, summary: 'Verify or reject a product’s OCOP certificate (audited)', params: UuidParams, body: S.OcopDecision, response: { 200: S.Product, ...errorReplies(400, 403, 404, 409) } },
  }, async (request) => s.decideOcop(requirePrincipal(request), request.params.id, request.body));

  app.post('/api/market/products/:id/hide', {
    config: { policy: policy.ability('market.officer') },
    schema: { tags, summary: 'Hide a listing that breaks the rules, with the reason (audited)', params: UuidParams, body: S.HideInput, response: { 200: S.Product, ...errorReplies(400, 403, 404) } },
  }, async (request) => s.hide(requirePrincipal(request), request.params.id, request.body.reason));

  app.post('/api/market/products/:id/unhide', {
    config: { policy: policy.ability('market.officer') },
    schema: { tags, summary: 'Show a hidden listing again (audited)', params: UuidParams, response: { 200: S.Product, ...errorReplies(403, 404) } },
  }, async (request) => s.hide(requirePrincipal(request), request.params.id, null));

  app.get('/api/market/stats', {
    config: { policy: policy.ability('market.stats') },
    schema: { tags, summary: 'Shops per commune, orders and sales per week, OCOP products listed', response: { 200: S.MarketStats, ...errorReplies(403) } },
  }, async () => s.stats());

  // ------------------------------------------------------------ other marketplaces

  app.get('/api/market/feed.json', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Every visible product, for other marketplaces and search engines', response: { 200: S.Feed } },
  }, async () => s.feed());

  app.get('/api/market/feed.csv', {
    config: { policy: policy.public },
    schema: { tags, summary: 'The same feed as CSV (UTF-8 with BOM)' },
  }, async (_request, reply) => {
    const feed = await s.feed();
    const cols = ['id', 'title', 'description', 'link', 'image_link', 'price_vnd', 'availability', 'category', 'seller', 'commune', 'ocop_stars', 'unit', 'weight_grams'] as const;
    const lines = [cols.join(',')];
    for (const i of feed.items) {
      lines.push([i.id, i.title, i.description, i.link, i.imageLink, i.priceVnd, i.availability, i.category, i.seller, i.commune, i.ocopStars, i.unit, i.weightGrams].map(cell).join(','));
    }
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="san-pham.csv"').send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  // the carrier's tracking callback: the signature covers the raw body, so it is read as bytes
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post('/api/market/carrier/callback', {
      config: { policy: policy.public },
      schema: {
        tags, summary: 'Carrier tracking status (HMAC-SHA256 of the raw body in X-Carrier-Signature)',
        headers: Type.Object({ 'x-carrier-signature': Type.Optional(Type.String()) }), response: { 200: S.CarrierCallbackReply, ...errorReplies(400, 401, 404) },
      },
    }, async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      await s.carrierCallback(raw, String(request.headers['x-carrier-signature'] ?? ''));
      return { ok: true };
    });
  });
}
