// Demo mode's stand-in for VNPay, speaking VNPay 2.1.0 so switching to the real gateway is
// configuration: the payment page checks the request's signature, lets the citizen pay or
// cancel, records the charge in its own ledger, calls the merchant's IPN (twice, as VNPay
// retries) and sends the browser to the return URL with a signed result; its merchant API
// answers querydr and refund signed the way VNPay signs them.
import { randomInt } from 'node:crypto';
import { formatVnd, fromVnpAmount, fromVnpDate, toVnpDate } from '@cds/contracts/payments.rules';
import type { Kysely } from 'kysely';
import type { App } from '../../platform/module.ts';
import { policy } from '../../platform/auth.ts';
import * as repo from './repo.ts';
import type { PaymentsSettings } from './settings.ts';
import { API_REPLY_FIELDS, QUERYDR_FIELDS, REFUND_FIELDS, signApiRequest, signedQuery, verifyApi, verifyCallback, type VnpParams } from './vnpay.ts';

const REQUIRED = ['vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_Amount', 'vnp_CreateDate', 'vnp_CurrCode', 'vnp_IpAddr', 'vnp_Locale', 'vnp_OrderInfo', 'vnp_OrderType', 'vnp_ReturnUrl', 'vnp_TxnRef'];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>body{font:18px/1.5 system-ui,sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem;color:#111}
h1{font-size:1.4rem;color:#005baa}dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{font-weight:600}
button{font-size:1.1rem;padding:.8rem 1.4rem;margin:.4rem .4rem 0 0;border-radius:.5rem;border:2px solid #005baa;cursor:pointer}
.pay{background:#005baa;color:#fff}.cancel{background:#fff;color:#005baa}.note{font-size:.9rem;color:#444}</style></head>
<body><main>${body}</main></body></html>`;
}

/** Why a payment request is refused, or null when it is well formed and signed. */
export function checkPayRequest(q: VnpParams, s: PaymentsSettings, now = new Date()): string | null {
  const missing = REQUIRED.filter((k) => !q[k]);
  if (missing.length) return `Thiếu tham số: ${missing.join(', ')}`;
  if (q.vnp_TmnCode !== s.vnpay!.tmnCode) return 'Website chưa được phê duyệt (sai vnp_TmnCode)';
  if (!verifyCallback(q, s.vnpay!.hashSecret)) return 'Sai chữ ký (vnp_SecureHash)';
  if (q.vnp_Version !== '2.1.0' || q.vnp_Command !== 'pay' || q.vnp_CurrCode !== 'VND') return 'Sai phiên bản, lệnh hoặc tiền tệ';
  if (fromVnpAmount(q.vnp_Amount!) === null) return 'Số tiền không hợp lệ';
  const expires = q.vnp_ExpireDate ? fromVnpDate(q.vnp_ExpireDate) : null;
  if (expires && expires < now) return 'Giao dịch đã quá thời gian chờ thanh toán';
  return null;
}

type Transport = (method: 'GET' | 'POST', url: string, body?: unknown) => Promise<{ status: number; json: unknown }>;

export function demoGatewayRoutes(app: App, db: Kysely<object>, settings: PaymentsSettings, call: Transport, ipnUrl: string): void {
  const config = { policy: policy.public };
  app.get('/demo/vnpay/paymentv2/vpcpay.html', { config, schema: { hide: true } }, async (request, reply) => {
    const q = request.query as VnpParams;
    const problem = checkPayRequest(q, settings);
    reply.type('text/html; charset=utf-8');
    if (problem) return reply.status(400).send(page('Lỗi giao dịch', `<h1>Không thực hiện được giao dịch</h1><p>${esc(problem)}</p>`));
    const query = request.url.slice(request.url.indexOf('?') + 1);
    const form = (decision: string, label: string, cls: string) =>
      `<form method="post" action="/demo/vnpay/paymentv2/complete" style="display:inline"><input type="hidden" name="q" value="${esc(query)}"><input type="hidden" name="decision" value="${decision}"><button class="${cls}" type="submit">${label}</button></form>`;
    return page('Cổng thanh toán (thử nghiệm)', `<h1>Cổng thanh toán VNPAY — bản thử nghiệm</h1>
<p class="note">Cổng giả lập dùng trong chế độ trình diễn. Không có tiền thật được trừ.</p>
<dl><dt>Số tiền</dt><dd>${esc(formatVnd(fromVnpAmount(q.vnp_Amount!)!))}</dd><dt>Nội dung</dt><dd>${esc(q.vnp_OrderInfo!)}</dd><dt>Mã đơn</dt><dd>${esc(q.vnp_TxnRef!)}</dd></dl>
${form('pay', 'Thanh toán', 'pay')}${form('cancel', 'Hủy giao dịch', 'cancel')}`);
  });

  app.post('/demo/vnpay/paymentv2/complete', { config, schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as { q?: string; decision?: string };
    const q = Object.fromEntries(new URLSearchParams(body.q ?? '')) as VnpParams;
    const problem = checkPayRequest(q, settings);
    if (problem || (body.decision !== 'pay' && body.decision !== 'cancel')) {
      return reply.status(400).type('text/html; charset=utf-8').send(page('Lỗi giao dịch', `<h1>Không thực hiện được giao dịch</h1><p>${esc(problem ?? 'Thiếu lựa chọn')}</p>`));
    }
    const paid = body.decision === 'pay';
    const transactionNo = String(randomInt(10_000_000, 99_999_999));
    const result: VnpParams = {
      vnp_Amount: q.vnp_Amount!, vnp_BankCode: paid ? 'NCB' : 'VNPAY', vnp_CardType: 'ATM', vnp_OrderInfo: q.vnp_OrderInfo!,
      vnp_PayDate: toVnpDate(new Date()), vnp_ResponseCode: paid ? '00' : '24', vnp_TmnCode: q.vnp_TmnCode!,
      vnp_TransactionNo: paid ? transactionNo : '0', vnp_TransactionStatus: paid ? '00' : '02', vnp_TxnRef: q.vnp_TxnRef!,
    };
    if (paid) result.vnp_BankTranNo = `VNP${transactionNo}`;
    await repo.demoCharge(db, {
      txn_ref: q.vnp_TxnRef!, tmn_code: q.vnp_TmnCode!, transaction_no: paid ? transactionNo : `C${transactionNo}`, amount: Number(q.vnp_Amount),
      order_info: q.vnp_OrderInfo!, response_code: result.vnp_ResponseCode!, transaction_status: result.vnp_TransactionStatus!, bank_code: result.vnp_BankCode!, pay_date: result.vnp_PayDate!,
    });
    const signed = signedQuery(result, settings.vnpay!.hashSecret);
    // VNPay calls the IPN server to server and repeats it until it hears 00/02; the demo always sends it twice
    for (let i = 0; i < 2; i++) await call('GET', `${ipnUrl}?${signed}`).catch(() => undefined);
    return reply.redirect(`${q.vnp_ReturnUrl}?${signed}`, 302);
  });

  app.post('/demo/vnpay/merchant_webapi/api/transaction', { config, schema: { hide: true } }, async (request, reply) => {
    const b = (request.body ?? {}) as Record<string, string>;
    const replyOf = async (fields: Record<string, string>) => {
      const out: Record<string, string> = {
        vnp_ResponseId: b.vnp_RequestId ?? '', vnp_Command: b.vnp_Command ?? '', vnp_TmnCode: settings.vnpay!.tmnCode, vnp_TxnRef: b.vnp_TxnRef ?? '',
        vnp_Amount: '', vnp_BankCode: '', vnp_PayDate: '', vnp_TransactionNo: '', vnp_TransactionType: '', vnp_TransactionStatus: '', vnp_OrderInfo: '',
        vnp_PromotionCode: '', vnp_PromotionAmount: '', ...fields,
      };
      out.vnp_SecureHash = signApiRequest(settings.vnpay!.hashSecret, API_REPLY_FIELDS, out);
      return reply.send(out);
    };
    const fields = b.vnp_Command === 'refund' ? REFUND_FIELDS : QUERYDR_FIELDS;
    if (b.vnp_TmnCode !== settings.vnpay!.tmnCode) return replyOf({ vnp_ResponseCode: '02', vnp_Message: 'Invalid TmnCode' });
    if (!verifyApi(settings.vnpay!.hashSecret, fields, b)) return replyOf({ vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' });
    const txn = await repo.demoFind(db, b.vnp_TmnCode, b.vnp_TxnRef ?? '');
    if (!txn) return replyOf({ vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' });
    const base = {
      vnp_Amount: String(txn.amount), vnp_BankCode: txn.bank_code, vnp_PayDate: txn.pay_date, vnp_TransactionNo: txn.transaction_no, vnp_OrderInfo: txn.order_info,
    };
    if (b.vnp_Command === 'querydr') {
      return replyOf({ ...base, vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success', vnp_TransactionType: '01', vnp_TransactionStatus: Number(txn.refunded_amount) > 0 ? '06' : txn.transaction_status });
    }
    if (b.vnp_Command === 'refund') {
      const amount = Number(b.vnp_Amount);
      if (txn.transaction_status !== '00' || !Number.isSafeInteger(amount) || amount <= 0 || amount + Number(txn.refunded_amount) > Number(txn.amount)) {
        return replyOf({ ...base, vnp_ResponseCode: '94', vnp_Message: 'Refund amount exceeds the transaction' });
      }
      await repo.demoRefund(db, txn.transaction_no, amount);
      return replyOf({ ...base, vnp_Amount: String(amount), vnp_ResponseCode: '00', vnp_Message: 'Refund success', vnp_TransactionType: b.vnp_TransactionType ?? '02', vnp_TransactionStatus: '05' });
    }
    return replyOf({ vnp_ResponseCode: '99', vnp_Message: 'Unknown command' });
  });
}
