import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, testConfig, type TestDatabase } from '../../test/helpers.ts';
import { createSmsChannel, HttpSmsChannel, OutboxSmsChannel, SmsSendError } from './sms.ts';

describe('SMS channels', () => {
  let tdb: TestDatabase;
  before(async () => {
    tdb = await createTestDatabase();
  });
  after(() => tdb.drop());

  it('the outbox keeps messages, newest first, filterable by number', async () => {
    const outbox = new OutboxSmsChannel(tdb.db);
    await outbox.send('0912345678', 'first');
    await outbox.send('0987654321', 'other');
    await outbox.send('0912345678', 'second');
    const mine = await outbox.list({ to: '0912345678' });
    assert.deepEqual(mine.map((m) => m.body), ['second', 'first']);
    assert.ok(mine[0]!.sentAt instanceof Date);
    assert.equal((await outbox.list()).length >= 3, true);
  });

  it('the HTTP channel posts {to, from, text} with a Bearer token', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    await new HttpSmsChannel({ url: 'https://sms.example/send', token: 'sekret', sender: 'CONGDANSO' }, fakeFetch).send('0912345678', 'Ma xac thuc: 123456');
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.url, 'https://sms.example/send');
    assert.equal(calls[0]!.init.method, 'POST');
    assert.equal((calls[0]!.init.headers as Record<string, string>).authorization, 'Bearer sekret');
    assert.deepEqual(JSON.parse(String(calls[0]!.init.body)), { to: '0912345678', from: 'CONGDANSO', text: 'Ma xac thuc: 123456' });
  });

  it('the HTTP channel reports a refusal or an unreachable gateway', async () => {
    const refusing = (async () => new Response('no', { status: 500 })) as typeof fetch;
    await assert.rejects(new HttpSmsChannel({ url: 'https://sms.example', token: undefined, sender: 'X' }, refusing).send('0912345678', 'x'), SmsSendError);
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await assert.rejects(new HttpSmsChannel({ url: 'https://sms.example', token: undefined, sender: 'X' }, down).send('0912345678', 'x'), /unreachable/);
  });

  it('configuration picks the channel', () => {
    assert.ok(createSmsChannel(testConfig(), tdb.db) instanceof OutboxSmsChannel);
    const http = testConfig({ SMS_CHANNEL: 'http', SMS_HTTP_URL: 'https://sms.example/send' });
    assert.ok(createSmsChannel(http, tdb.db) instanceof HttpSmsChannel);
  });
});
