// The brandname SMS adapter against a local stand-in that speaks the eSMS-style JSON API:
// keys and brandname sent, unicode or folded text, deduplication by request id, refusals.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BrandnameSmsChannel, stripDiacritics } from './sms-brandname.ts';
import { createSmsChannel, SmsSendError } from './sms.ts';
import { testConfig } from '../../test/template.ts';
import type { Database } from '../db/connection.ts';

interface Received {
  ApiKey: string;
  SecretKey: string;
  Phone: string;
  Content: string;
  Brandname: string;
  SmsType: string;
  IsUnicode: string;
  RequestId?: string;
  CallbackUrl?: string;
}

describe('brandname SMS gateway adapter', () => {
  const received: Received[] = [];
  const seen = new Set<string>();
  let url = '';
  let server: http.Server;

  before(async () => {
    // a stand-in of the gateway: checks the keys, drops a request id it already took
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const m = JSON.parse(body) as Received;
        res.setHeader('content-type', 'application/json');
        if (m.ApiKey !== 'key' || m.SecretKey !== 'secret') return res.end(JSON.stringify({ CodeResult: '101', ErrorMessage: 'Authorize Failed' }));
        if (m.RequestId && seen.has(m.RequestId)) return res.end(JSON.stringify({ CodeResult: '100', SMSID: 'dup' }));
        if (m.RequestId) seen.add(m.RequestId);
        received.push(m);
        res.end(JSON.stringify({ CodeResult: '100', SMSID: `id-${received.length}` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/MainService.svc/json/SendMultipleMessage_V4_post_json/`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('folds Vietnamese for non-unicode messages, case kept', () => {
    assert.equal(stripDiacritics('Lũ quét ở Đồng Đăng, đề phòng sạt lở!'), 'Lu quet o Dong Dang, de phong sat lo!');
  });

  it('sends with the keys and brandname, without diacritics unless unicode is on', async () => {
    const ascii = new BrandnameSmsChannel({ url, apiKey: 'key', secretKey: 'secret', brandname: 'UBND-LSN', unicode: false });
    assert.equal(await ascii.send('0900000002', 'Cảnh báo lũ quét'), 'id-1');
    assert.deepEqual({ ...received[0] }, { ApiKey: 'key', SecretKey: 'secret', Phone: '0900000002', Content: 'Canh bao lu quet', Brandname: 'UBND-LSN', SmsType: '2', IsUnicode: '0' });
    const unicode = new BrandnameSmsChannel({ url, apiKey: 'key', secretKey: 'secret', brandname: 'UBND-LSN', unicode: true });
    await unicode.send('0900000002', 'Cảnh báo lũ quét');
    assert.equal(received[1]?.Content, 'Cảnh báo lũ quét');
    assert.equal(received[1]?.IsUnicode, '1');
  });

  it('passes the request id, so a retry is one message', async () => {
    const ch = new BrandnameSmsChannel({ url, apiKey: 'key', secretKey: 'secret', brandname: 'UBND-LSN', unicode: false });
    const before = received.length;
    await ch.send('0900000001', 'x', { requestId: 'alert:1:0900000001' });
    await ch.send('0900000001', 'x', { requestId: 'alert:1:0900000001' });
    assert.equal(received.length, before + 1);
    assert.equal(received.at(-1)?.RequestId, 'alert:1:0900000001');
  });

  it('tells the gateway where to post delivery reports, and returns its message id', async () => {
    const ch = new BrandnameSmsChannel({ url, apiKey: 'key', secretKey: 'secret', brandname: 'UBND-LSN', unicode: false, callbackUrl: 'https://congdan.langson.gov.vn/api/sms/delivery-reports' });
    const id = await ch.send('0900000003', 'x', { requestId: 'alert:2:abc' });
    assert.equal(received.at(-1)?.CallbackUrl, 'https://congdan.langson.gov.vn/api/sms/delivery-reports');
    assert.equal(id, `id-${received.length}`);
  });

  it('throws when the gateway refuses or cannot be reached', async () => {
    const wrong = new BrandnameSmsChannel({ url, apiKey: 'nope', secretKey: 'secret', brandname: 'X', unicode: false });
    await assert.rejects(wrong.send('0900000001', 'x'), (e) => e instanceof SmsSendError && /101/.test(e.message));
    const down = new BrandnameSmsChannel({ url: 'http://127.0.0.1:1/', apiKey: 'key', secretKey: 'secret', brandname: 'X', unicode: false, timeoutMs: 2000 });
    await assert.rejects(down.send('0900000001', 'x'), SmsSendError);
  });

  it('is chosen by SMS_CHANNEL=brandname, which needs the gateway URL and both keys', () => {
    const config = testConfig({ SMS_CHANNEL: 'brandname', SMS_HTTP_URL: url, SMS_BRANDNAME_API_KEY: 'key', SMS_BRANDNAME_SECRET_KEY: 'secret' });
    assert.ok(createSmsChannel(config, {} as Database) instanceof BrandnameSmsChannel);
    assert.throws(() => testConfig({ SMS_CHANNEL: 'brandname', SMS_HTTP_URL: url }), /SMS_BRANDNAME_API_KEY and SMS_BRANDNAME_SECRET_KEY are required/);
    assert.throws(() => testConfig({ SMS_CHANNEL: 'brandname', SMS_BRANDNAME_API_KEY: 'k', SMS_BRANDNAME_SECRET_KEY: 's' }), /SMS_HTTP_URL is required when SMS_CHANNEL=brandname/);
  });
});
