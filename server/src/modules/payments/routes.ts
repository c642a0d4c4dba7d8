// HTTP of payments: the citizen's routes, the gateway's and bank's callbacks, receipts and
// their public check, and the finance staff's reconciliation and refunds.
import {
  BankNotificationReply, BillLookup, BillLookupQuery, CreatePayment, IpnReply, MyPaymentsQuery, Payment, PaymentFigures, PaymentFiguresQuery, PaymentPage, ReceiptCheck,
  ReceiptCheckQuery, Reconciliation, ReconciliationQuery, RefundBody, SaveBill, SavedBill, SavedBillList, SavedBillPatch, VietQrPayment, VnpayCallback, VnpayRedirect, VnpayStart,
} from '@cds/contracts/payments';
import { errorReplies, UuidParams } from '@cds/contracts/common';
import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import type { PaymentService } from './service.ts';

const tags = ['payments'];

export function paymentRoutes(app: App, service: PaymentService): void {
  app.post('/api/payments', {
    config: { policy: policy.signedIn },
    schema: {
      tags, summary: 'Start paying a dossier fee (the server computes the amount); the same request again gives the open payment',
      body: CreatePayment, response: { 200: Payment, 201: Payment, ...errorReplies(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { payment, created } = await service.create(requirePrincipal(request), request.body);
    return reply.status(created ? 201 : 200).send(service.toPayment(payment));
  });

  app.get('/api/payments/bills', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'The unpaid bills of a customer code (electricity, water, telecom, school fees), from the biller', querystring: BillLookupQuery, response: { 200: BillLookup, ...errorReplies(400, 404, 502) } },
  }, async (request) => service.lookupBills(request.query.service, request.query.customerCode));

  // my bills (hóa đơn của tôi): saved customer codes with what is due on each
  app.get('/api/me/bills', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'My saved customer codes with what is due on each now', response: { 200: SavedBillList } },
  }, async (request) => ({ items: await service.savedBills(requirePrincipal(request)) }));

  app.post('/api/me/bills', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Save a customer code the biller knows, with a label ("Điện nhà mẹ")', body: SaveBill, response: { 201: SavedBill, ...errorReplies(400, 404, 409, 502) } },
  }, async (request, reply) => reply.status(201).send(await service.saveBill(requirePrincipal(request), request.body)));

  app.patch('/api/me/bills/:id', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Rename a saved code or turn its reminders on or off', params: UuidParams, body: SavedBillPatch, response: { 200: SavedBill, ...errorReplies(400, 404) } },
  }, async (request) => service.updateSavedBill(requirePrincipal(request), request.params.id, request.body));

  app.delete('/api/me/bills/:id', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Forget a saved code', params: UuidParams, response: { 204: Type.Null(), ...errorReplies(404) } },
  }, async (request, reply) => {
    await service.removeSavedBill(requirePrincipal(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/payments/figures', {
    config: { policy: policy.ability('dashboard.view') },
    schema: { tags, summary: 'Leaders: per Vietnam day, the share of fees paid online and of cashless payments', querystring: PaymentFiguresQuery, response: { 200: PaymentFigures, ...errorReplies(400, 403) } },
  }, async (request) => service.figures(request.query.from, request.query.to));

  app.get('/api/me/payments', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'My payments, newest first', querystring: MyPaymentsQuery, response: { 200: PaymentPage } },
  }, async (request) => {
    const { items, total } = await service.mine(requirePrincipal(request), request.query.limit ?? 30, request.query.offset ?? 0, request.query.reference);
    return { items: items.map((p) => service.toPayment(p)), total };
  });

  app.get('/api/payments/:id', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'One payment (its payer, or finance staff of the collecting agency)', params: UuidParams, response: { 200: Payment, ...errorReplies(404) } },
  }, async (request) => service.toPayment(await service.get(requirePrincipal(request), request.params.id)));

  app.post('/api/payments/:id/vnpay', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'The signed VNPay 2.1.0 payment URL to send the browser to', params: UuidParams, body: VnpayStart, response: { 200: VnpayRedirect, ...errorReplies(400, 404, 409) } },
  }, async (request) => ({ redirectUrl: await service.startVnpay(requirePrincipal(request), request.params.id, request.body ?? {}, request.ip) }));

  app.post('/api/payments/:id/vietqr', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'A dynamic VietQR for this payment (amount and payment code inside)', params: UuidParams, response: { 200: VietQrPayment, ...errorReplies(404, 409) } },
  }, async (request) => service.vietqr(requirePrincipal(request), request.params.id));

  app.post('/api/payments/:id/vietqr/demo-transfer', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Demo mode: the demo bank notifies the transfer of this payment, signed as a real bank would', params: UuidParams, response: { 200: BankNotificationReply, ...errorReplies(404, 409) } },
  }, async (request) => service.demoTransfer(requirePrincipal(request), request.params.id));

  app.get('/api/payments/:id/receipt.pdf', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'The electronic receipt (biên lai điện tử) as PDF', params: UuidParams },
  }, async (request, reply) => {
    const { bytes, fileName } = await service.receipt(requirePrincipal(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(bytes);
  });

  app.get('/api/payments/receipts/check', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Public check of a receipt from the address in its QR code', querystring: ReceiptCheckQuery, response: { 200: ReceiptCheck, ...errorReplies(400, 404) } },
  }, async (request) => service.checkReceipt(request.query.code, request.query.k));

  // VNPay calls these; they are signed, so they are public routes that trust only the signature
  app.get('/api/payments/vnpay/ipn', {
    config: { policy: policy.public },
    schema: { tags, summary: 'VNPay IPN (server to server): verifies, confirms once, answers RspCode', querystring: VnpayCallback, response: { 200: IpnReply } },
  }, async (request) => {
    try {
      return await service.ipn(request.query);
    } catch (err) {
      request.log.error({ err }, 'payments: IPN failed');
      return { RspCode: '99', Message: 'Unknown error' };
    }
  });

  app.get('/api/payments/vnpay/return', {
    config: { policy: policy.public },
    schema: { tags, summary: 'VNPay return URL: shows the outcome in the app (the IPN decides)', querystring: VnpayCallback },
  }, async (request, reply) => {
    const { paymentId, verified } = await service.returned(request.query);
    if (!paymentId || !verified) return reply.redirect('/payments?ket-qua=loi-chu-ky', 302);
    return reply.redirect(`/payments/${paymentId}?ket-qua=${request.query.vnp_ResponseCode === '00' ? 'thanh-cong' : 'khong-thanh-cong'}`, 302);
  });

  // the collecting bank's transfer notification: the signature covers the raw body, so it is read as bytes
  void app.register(async (scope) => {
    // the platform's JSON parser (platform/json-body.ts) is replaced in this scope only
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post('/api/payments/bank/notify', {
      config: { policy: policy.public },
      schema: {
        tags, summary: 'Bank notification of an incoming VietQR transfer, signed HMAC-SHA256 of the raw body in X-Signature',
        headers: Type.Object({ 'x-signature': Type.Optional(Type.String()) }), response: { 200: BankNotificationReply, ...errorReplies(400, 401) },
      },
    }, async (request) => service.bankNotification(Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), String(request.headers['x-signature'] ?? '')));
  });

  app.get('/api/payments/reconciliation', {
    config: { policy: policy.ability('payments.reconcile') },
    schema: { tags, summary: 'Payments of one Vietnam day by channel, for the finance staff', querystring: ReconciliationQuery, response: { 200: Reconciliation, ...errorReplies(400, 403) } },
  }, async (request) => service.reconciliation(requirePrincipal(request), request.query.day));

  app.get('/api/payments/reconciliation.csv', {
    config: { policy: policy.ability('payments.reconcile') },
    schema: { tags, summary: 'The same day as CSV (UTF-8 with BOM) for the spreadsheet', querystring: ReconciliationQuery },
  }, async (request, reply) => {
    const r = await service.reconciliation(requirePrincipal(request), request.query.day);
    const cell = (v: string | number | null) => {
      const s = String(v ?? '');
      // quote, and defuse cells a spreadsheet would run as a formula
      return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
    };
    const lines = [['ma_thanh_toan', 'kenh', 'trang_thai', 'so_tien_vnd', 'thoi_diem', 'ma_giao_dich', 'noi_dung'].join(',')];
    for (const i of r.items) lines.push([i.code, i.channel, i.status, i.amountVnd, i.paidAt, i.providerTransactionNo, i.description].map(cell).join(','));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="doi-soat-${r.day}.csv"`).send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  app.post('/api/payments/:id/refund', {
    config: { policy: policy.ability('payments.reconcile') },
    schema: { tags, summary: 'Refund a confirmed payment (reason required, audited)', params: UuidParams, body: RefundBody, response: { 200: Payment, ...errorReplies(400, 403, 404, 409, 502) } },
  }, async (request) => service.toPayment(await service.refund(requirePrincipal(request), request.params.id, request.body.reason)));
}
