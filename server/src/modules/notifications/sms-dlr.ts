// SMS delivery reports (DLR, báo cáo trạng thái tin nhắn). A brandname gateway accepts a
// message at once and learns later from the carrier whether it reached the phone; it then
// posts a report to our callback URL. Reports are signed as real gateways sign webhooks:
// X-Sms-Timestamp (Unix seconds) and X-Sms-Signature, the hex HMAC-SHA256 of
// "<timestamp>.<raw body>" with a shared secret, refused outside a five-minute window so a
// captured report cannot be replayed later.
//
// The demo gateway stands in for the real one in demo mode and speaks its protocol: the
// platform's brandname client posts to it in eSMS's JSON shape (POST /demo/sms/esms/…), it
// keeps the message in the SMS outbox (GET /api/dev/sms) and, like the real gateway, posts a
// signed report back to the callback URL. Going live is configuration: SMS_CHANNEL=brandname,
// the gateway's URL and keys.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { carrierOf } from '@cds/contracts/phone';
import type { EsmsSendReply, EsmsSendRequest, SmsDeliveryReport } from '@cds/contracts/notifications';
import type { SmsChannel } from '../../platform/sms.ts';

export const DLR_PATH = '/api/sms/delivery-reports';
const WINDOW_S = 300;

export function signDlr(raw: string | Buffer, timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(raw).digest('hex');
}

/** Whether a report's signature is ours and fresh. */
export function verifyDlr(raw: Buffer, timestamp: string, signature: string, secret: string, now: Date): boolean {
  const ts = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - ts) > WINDOW_S) return false;
  const expected = Buffer.from(signDlr(raw, timestamp, secret), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/i.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The request id of one text about one record to one phone: the same pair always gives the
 * same id (the gateway drops a repeat), and the phone appears only as a hash.
 */
export function smsRequestId(ref: string, phone: string): string {
  return `${ref.slice(0, 80)}:${createHash('sha256').update(phone).digest('hex').slice(0, 20)}`;
}

/** Posts a JSON body to a URL (our own process in demo mode). */
export type Poster = (url: string, raw: string, headers: Record<string, string>) => Promise<number>;

export const DEMO_ESMS_PATH = '/demo/sms/esms/SendMultipleMessage_V4_post_json/';
/** The demo gateway's account; a real gateway's keys come from SMS_BRANDNAME_API_KEY / _SECRET_KEY. */
export const DEMO_ESMS_KEYS = { apiKey: 'demo-esms-api-key', secretKey: 'demo-esms-secret-key' } as const;
/** Request ids remembered for dropping repeats; the oldest are forgotten beyond this. */
const REMEMBERED = 100_000;

/**
 * The demo gateway: a text with the demo keys lands in the outbox and the gateway answers
 * CodeResult 100 with its own id; a repeated RequestId is not texted again. A signed report
 * follows to the callback URL (only the platform's own: the demo posts nowhere else). Like a
 * carrier, it cannot deliver to a number that is not a Vietnamese mobile number (no network
 * owns it): those fail with error 'UNREACHABLE'.
 */
export class DemoEsmsGateway {
  private pending: Promise<unknown>[] = [];
  private readonly taken = new Map<string, string>();

  constructor(
    private readonly outbox: SmsChannel,
    private readonly opts: { callbackUrl: string; secret: string; post: () => Poster; now?: () => Date },
  ) {}

  async accept(req: EsmsSendRequest): Promise<EsmsSendReply> {
    if (req.ApiKey !== DEMO_ESMS_KEYS.apiKey || req.SecretKey !== DEMO_ESMS_KEYS.secretKey) return { CodeResult: '101', ErrorMessage: 'Authorize Failed' };
    const earlier = req.RequestId ? this.taken.get(req.RequestId) : undefined;
    if (earlier) return { CodeResult: '100', SMSID: earlier };
    await this.outbox.send(req.Phone, req.Content);
    const smsId = randomUUID();
    if (req.RequestId) {
      this.taken.set(req.RequestId, smsId);
      if (this.taken.size > REMEMBERED) this.taken.delete(this.taken.keys().next().value as string);
      if (req.CallbackUrl === this.opts.callbackUrl) this.reportLater(req.RequestId, smsId, req.Phone);
    }
    return { CodeResult: '100', SMSID: smsId };
  }

  /** Reports not yet posted (tests and shutdown wait for them). */
  async settled(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending);
  }

  private reportLater(requestId: string, smsId: string, phone: string): void {
    const doneTime = (this.opts.now?.() ?? new Date()).toISOString();
    const report: SmsDeliveryReport = carrierOf(phone)
      ? { RequestId: requestId, SMSID: smsId, Status: 'DELIVERED', DoneTime: doneTime }
      : { RequestId: requestId, SMSID: smsId, Status: 'FAILED', ErrorCode: 'UNREACHABLE', DoneTime: doneTime };
    // the report comes after the gateway's answer, as from a real carrier
    const p = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.report(report)).catch(() => undefined);
    this.pending.push(p);
    void p.finally(() => (this.pending = this.pending.filter((x) => x !== p)));
  }

  private async report(r: SmsDeliveryReport): Promise<void> {
    const raw = JSON.stringify(r);
    const ts = String(Math.floor((this.opts.now?.() ?? new Date()).getTime() / 1000));
    await this.opts.post()(this.opts.callbackUrl, raw, { 'content-type': 'application/json', 'x-sms-timestamp': ts, 'x-sms-signature': signDlr(raw, ts, this.opts.secret) });
  }
}
