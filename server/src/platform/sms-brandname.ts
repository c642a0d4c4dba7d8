// SMS through a Vietnamese brandname gateway (tin nhắn thương hiệu), in the shape of the
// eSMS.vn JSON API (SendMultipleMessage_V4_post_json): ApiKey/SecretKey, Brandname,
// SmsType 2 (customer care), IsUnicode, and a RequestId the gateway uses to drop a
// message it already took, so a retried fan-out never texts a person twice.
// Non-unicode messages (160 characters a segment instead of 70, cheaper) carry the
// Vietnamese text without diacritics.
import { Pool } from 'undici';
import { SmsSendError, type SmsChannel, type SmsOptions } from './sms.ts';

export interface BrandnameOptions {
  url: string;
  apiKey: string;
  secretKey: string;
  brandname: string;
  unicode: boolean;
  timeoutMs?: number;
  /** Where the gateway posts its delivery reports (eSMS: CallbackUrl). */
  callbackUrl?: string;
}

/** Vietnamese without diacritics, case kept: "Lũ quét ở Đồng Đăng" → "Lu quet o Dong Dang". */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** The gateway's answer: CodeResult "100" means accepted. */
interface GatewayReply {
  CodeResult?: string;
  SMSID?: string;
  ErrorMessage?: string;
}

export class BrandnameSmsChannel implements SmsChannel {
  // kept-alive connections to the gateway: an alert texts a province, not one person
  private readonly pool: Pool;
  private readonly path: string;
  /** An alert sends one text to many phones: its form without diacritics is made once. */
  private lastText = { body: '', content: '' };

  constructor(private readonly opts: BrandnameOptions) {
    const url = new URL(opts.url);
    const timeout = opts.timeoutMs ?? 10_000;
    this.pool = new Pool(url.origin, { connect: { timeout }, headersTimeout: timeout, bodyTimeout: timeout, keepAliveTimeout: 30_000 });
    this.path = `${url.pathname}${url.search}`;
  }

  /** Sends one message; returns the gateway's message id. */
  async send(to: string, body: string, options: SmsOptions = {}): Promise<string | undefined> {
    const payload = {
      ApiKey: this.opts.apiKey,
      SecretKey: this.opts.secretKey,
      Phone: to,
      Content: this.content(body),
      Brandname: this.opts.brandname,
      SmsType: '2',
      IsUnicode: this.opts.unicode ? '1' : '0',
      ...(options.requestId ? { RequestId: options.requestId.slice(0, 100) } : {}),
      ...(this.opts.callbackUrl ? { CallbackUrl: this.opts.callbackUrl } : {}),
    };
    let status: number;
    let reply: GatewayReply;
    try {
      const res = await this.pool.request({ path: this.path, method: 'POST', headers: ['content-type', 'application/json'], body: JSON.stringify(payload) });
      status = res.statusCode;
      reply = status >= 200 && status < 300 ? ((await res.body.json().catch(() => ({}))) as GatewayReply) : (await res.body.dump(), {});
    } catch (err) {
      throw new SmsSendError(`SMS gateway unreachable: ${(err as Error).message}`);
    }
    if (status < 200 || status >= 300) throw new SmsSendError(`SMS gateway answered ${status}`);
    if (reply.CodeResult !== '100') throw new SmsSendError(`SMS gateway refused the message: ${reply.CodeResult ?? '?'} ${reply.ErrorMessage ?? ''}`.trim());
    return reply.SMSID;
  }

  private content(body: string): string {
    if (this.opts.unicode) return body;
    if (this.lastText.body !== body) this.lastText = { body, content: stripDiacritics(body) };
    return this.lastText.content;
  }
}
