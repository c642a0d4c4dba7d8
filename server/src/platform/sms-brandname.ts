// SMS through a Vietnamese brandname gateway (tin nhắn thương hiệu), in the shape of the
// eSMS.vn JSON API (SendMultipleMessage_V4_post_json): ApiKey/SecretKey, Brandname,
// SmsType 2 (customer care), IsUnicode, and a RequestId the gateway uses to drop a
// message it already took, so a retried fan-out never texts a person twice.
// Non-unicode messages (160 characters a segment instead of 70, cheaper) carry the
// Vietnamese text without diacritics.
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
  constructor(
    private readonly opts: BrandnameOptions,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  /** Sends one message; returns the gateway's message id. */
  async send(to: string, body: string, options: SmsOptions = {}): Promise<string | undefined> {
    const payload = {
      ApiKey: this.opts.apiKey,
      SecretKey: this.opts.secretKey,
      Phone: to,
      Content: this.opts.unicode ? body : stripDiacritics(body),
      Brandname: this.opts.brandname,
      SmsType: '2',
      IsUnicode: this.opts.unicode ? '1' : '0',
      ...(options.requestId ? { RequestId: options.requestId.slice(0, 100) } : {}),
      ...(this.opts.callbackUrl ? { CallbackUrl: this.opts.callbackUrl } : {}),
    };
    let res: Response;
    try {
      res = await this.fetchFn(this.opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new SmsSendError(`SMS gateway unreachable: ${(err as Error).message}`);
    }
    if (!res.ok) throw new SmsSendError(`SMS gateway answered ${res.status}`);
    const reply = (await res.json().catch(() => ({}))) as GatewayReply;
    if (reply.CodeResult !== '100') throw new SmsSendError(`SMS gateway refused the message: ${reply.CodeResult ?? '?'} ${reply.ErrorMessage ?? ''}`.trim());
    return reply.SMSID;
  }
}
