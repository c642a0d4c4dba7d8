// Text messages (SMS) through one interface. Demo mode keeps them in a table that testers
// read at GET /api/dev/sms; production posts them to an SMS gateway over HTTP. Which one
// runs is configuration (SMS_CHANNEL), never code.
import type { Generated, Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import { BrandnameSmsChannel } from './sms-brandname.ts';

export interface SmsOptions {
  /** The same id twice = one message (gateways that deduplicate; the demo outbox ignores it). */
  requestId?: string;
}

export interface SmsChannel {
  send(to: string, body: string, options?: SmsOptions): Promise<unknown>;
}

export interface OutboxMessage {
  to: string;
  body: string;
  sentAt: Date;
}

type SmsTables = {
  sms_outbox: { id: Generated<string>; to_phone: string; body: string; sent_at: Generated<Date> };
};

/** Demo channel: messages go to the sms_outbox table instead of a phone. */
export class OutboxSmsChannel implements SmsChannel {
  constructor(private readonly db: Database) {}

  async send(to: string, body: string, _options?: SmsOptions, trx?: Kysely<object>): Promise<void> {
    await (trx ?? this.db.kysely).withTables<SmsTables>().insertInto('sms_outbox').values({ to_phone: to, body }).execute();
  }

  /** Newest first. */
  async list(filter: { to?: string; limit?: number } = {}): Promise<OutboxMessage[]> {
    let q = this.db.kysely.withTables<SmsTables>().selectFrom('sms_outbox').select(['to_phone', 'body', 'sent_at', 'id']);
    if (filter.to) q = q.where('to_phone', '=', filter.to);
    const rows = await q.orderBy('id', 'desc').limit(Math.min(filter.limit ?? 50, 200)).execute();
    return rows.map((r) => ({ to: r.to_phone, body: r.body, sentAt: r.sent_at }));
  }
}

export class SmsSendError extends Error {}

/**
 * A generic SMS-gateway protocol: POST {to, from, text} as JSON with a Bearer token;
 * any 2xx reply means the gateway accepted the message.
 */
export class HttpSmsChannel implements SmsChannel {
  constructor(
    private readonly opts: { url: string; token: string | undefined; sender: string; timeoutMs?: number },
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async send(to: string, body: string): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    let res: Response;
    try {
      res = await this.fetchFn(this.opts.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to, from: this.opts.sender, text: body }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new SmsSendError(`SMS gateway unreachable: ${(err as Error).message}`);
    }
    if (!res.ok) throw new SmsSendError(`SMS gateway answered ${res.status}`);
  }
}

/** `callbackUrl`: where a brandname gateway posts delivery reports (the notifications module's). */
export function createSmsChannel(config: Config, db: Database, callbackUrl?: string): SmsChannel {
  if (config.sms.channel === 'brandname' && config.sms.httpUrl && config.sms.brandname) {
    return new BrandnameSmsChannel({ url: config.sms.httpUrl, ...config.sms.brandname, brandname: config.sms.sender, ...(callbackUrl ? { callbackUrl } : {}) });
  }
  if (config.sms.channel === 'http' && config.sms.httpUrl) {
    return new HttpSmsChannel({ url: config.sms.httpUrl, token: config.sms.httpToken, sender: config.sms.sender });
  }
  return new OutboxSmsChannel(db);
}
