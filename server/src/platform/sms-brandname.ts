// SMS through a Vietnamese brandname gateway (tin nhắn thương hiệu), in the shape of the
// eSMS.vn JSON API (SendMultipleMessage_V4_post_json): ApiKey/SecretKey, Brandname,
// SmsType 2 (customer care), IsUnicode, and a RequestId the gateway uses to drop a
// message it already took, so a retried fan-out never texts a person twice.
// Non-unicode messages (160 characters a segment instead of 70, cheaper) carry the
// Vietnamese text without diacritics.
import type { EsmsSendReply, EsmsSendRequest } from '@cds/contracts/notifications';
import type { Pool } from 'undici';
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

/** Posts one request body to the gateway; the demo gateway in this process is reached without a socket. */
export type GatewayTransport = (raw: string) => Promise<{ status: number; json: unknown }>;

export class BrandnameSmsChannel implements SmsChannel {
  private readonly transport: GatewayTransport;
  /** An alert sends one text to many phones: its form without diacritics is made once. */
  private lastText = { body: '', content: '' };

  constructor(private readonly opts: BrandnameOptions, transport?: GatewayTransport) {
    this.transport = transport ?? httpTransport(opts.url, opts.timeoutMs ?? 10_000);
  }

  /** Sends one message; returns the gateway's message id. */
  async send(to: string, body: string, options: SmsOptions = {}): Promise<string | undefined> {
    const payload: EsmsSendRequest = {
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
    let reply: Partial<EsmsSendReply>;
    try {
      const res = await this.transport(JSON.stringify(payload));
      status = res.status;
      reply = (res.json ?? {}) as Partial<EsmsSendReply>;
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

/** Kept-alive connections to the gateway: an alert texts a province, not one person. */
function httpTransport(gatewayUrl: string, timeout: number): GatewayTransport {
  const url = new URL(gatewayUrl);
  // undici is loaded by the first text, not at start
  let pool: Promise<Pool> | undefined;
  const poolOnce = () => (pool ??= import('undici').then(({ Pool }) => new Pool(url.origin, { connect: { timeout }, headersTimeout: timeout, bodyTimeout: timeout, keepAliveTimeout: 30_000 })));
  const path = `${url.pathname}${url.search}`;
  return async (raw) => {
    const res = await (await poolOnce()).request({ path, method: 'POST', headers: ['content-type', 'application/json'], body: raw });
    if (res.statusCode < 200 || res.statusCode >= 300) {
      await res.body.dump();
      return { status: res.statusCode, json: null };
    }
    return { status: res.statusCode, json: await res.body.json().catch(() => null) };
  };
}
