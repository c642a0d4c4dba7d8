import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, createOutbox, onceSent, sendThroughOutbox, type Outbox, type OutboxEvent } from './outbox.ts';

interface Sent {
  url: string;
  method: string;
  key: string | null;
  body: unknown;
}

/** A server whose answers the test scripts, one per request; it records what arrived. */
function scriptedServer(answers: Array<number | 'network'>) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    sent.push({ url: String(input), method: init.method ?? 'GET', key: headers.get('Idempotency-Key'), body: init.body ? JSON.parse(String(init.body)) : undefined });
    const next = answers.shift() ?? 200;
    if (next === 'network') throw new TypeError('Failed to fetch');
    const body = next >= 400 ? { error: { code: 'validation', message: 'Tiêu đề quá ngắn', details: [{ field: 'title', message: 'Quá ngắn' }] } } : { id: 'r1' };
    return new Response(JSON.stringify(body), { status: next, headers: { 'content-type': 'application/json' } });
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

let clock = 1_000_000;
let dbCounter = 0;
let dbName = '';
const opened: Outbox[] = [];

function open(fetch: typeof globalThis.fetch, extra: { isOnline?: () => boolean } = {}): Outbox {
  const outbox = createOutbox({
    dbName,
    fetch,
    now: () => clock,
    random: () => 0.5,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    schedule: () => () => undefined,
    ...extra,
  });
  opened.push(outbox);
  return outbox;
}

beforeEach(() => {
  dbName = `outbox-test-${++dbCounter}`;
  clock = 1_000_000;
});

afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

describe('outbox', () => {
  it('sends an item once and removes it, with an Idempotency-Key equal to its id', async () => {
    const server = scriptedServer([201]);
    const outbox = open(server.fetch);
    const events: OutboxEvent[] = [];
    outbox.subscribe((e) => events.push(e));
    const item = await outbox.enqueue({ kind: 'report', url: '/api/reports', body: { title: 'Đèn hỏng' } });
    await outbox.flush();
    expect(server.sent).toHaveLength(1);
    expect(server.sent[0]).toMatchObject({ url: '/api/reports', method: 'POST', key: item.id, body: { title: 'Đèn hỏng' } });
    expect(await outbox.list()).toEqual([]);
    const sent = events.find((e) => e.type === 'sent');
    expect(sent && sent.type === 'sent' && sent.response).toEqual({ id: 'r1' });
  });

  it('retries network errors and 5xx with growing delays, keeping the same key', async () => {
    const server = scriptedServer(['network', 503, 201]);
    const outbox = open(server.fetch);
    const item = await outbox.enqueue({ kind: 'report', url: '/api/reports', body: { a: 1 } });
    await outbox.flush();
    let [waiting] = await outbox.list();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    const firstDelay = waiting!.nextAttemptAt - clock;

    await outbox.flush();
    expect(server.sent).toHaveLength(1);

    clock = waiting!.nextAttemptAt;
    await outbox.flush();
    [waiting] = await outbox.list();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 2 });
    expect(waiting!.nextAttemptAt - clock).toBeGreaterThan(firstDelay);

    clock = waiting!.nextAttemptAt;
    await outbox.flush();
    expect(await outbox.list()).toEqual([]);
    expect(server.sent.map((s) => s.key)).toEqual([item.id, item.id, item.id]);
  });

  it('stops on a 4xx and keeps the server message', async () => {
    const server = scriptedServer([400]);
    const outbox = open(server.fetch);
    await outbox.enqueue({ kind: 'report', url: '/api/reports', body: {} });
    await outbox.flush();
    const [failed] = await outbox.list();
    expect(failed).toMatchObject({ status: 'failed', lastError: 'Tiêu đề quá ngắn', attempts: 1 });
    clock += 3_600_000;
    await outbox.flush();
    expect(server.sent).toHaveLength(1);
  });

  it('survives closing and opening again, and sends on the next start', async () => {
    const offline = scriptedServer([]);
    const first = open(offline.fetch, { isOnline: () => false });
    const item = await first.enqueue({ kind: 'report', url: '/api/reports', body: { n: 1 } });
    await first.flush();
    expect(offline.sent).toHaveLength(0);
    await first.close();
    opened.length = 0;

    const server = scriptedServer([201]);
    const second = open(server.fetch);
    expect((await second.list()).map((i) => i.id)).toEqual([item.id]);
    const target = new EventTarget();
    const stop = second.start(target);
    await second.flush();
    stop();
    expect(server.sent.map((s) => s.key)).toEqual([item.id]);
    expect(await second.list()).toEqual([]);
  });

  it('flushes when the browser comes back online', async () => {
    let online = false;
    const server = scriptedServer([201]);
    const outbox = open(server.fetch, { isOnline: () => online });
    const target = new EventTarget();
    const stop = outbox.start(target);
    await outbox.enqueue({ kind: 'report', url: '/api/reports', body: {} });
    await outbox.flush();
    expect(server.sent).toHaveLength(0);
    online = true;
    target.dispatchEvent(new Event('online'));
    await outbox.flush();
    stop();
    expect(server.sent).toHaveLength(1);
  });

  it('puts a failed item back in line on retry', async () => {
    const server = scriptedServer([409, 201]);
    const outbox = open(server.fetch);
    const item = await outbox.enqueue({ kind: 'report', url: '/api/reports', body: {} });
    await outbox.flush();
    expect((await outbox.list())[0]?.status).toBe('failed');
    await outbox.retry(item.id);
    expect(await outbox.list()).toEqual([]);
    expect(server.sent.map((s) => s.key)).toEqual([item.id, item.id]);
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap and keeps at least half the delay', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
  });
});

describe('sendThroughOutbox (reports and applications)', () => {
  const input = { kind: 'report.create', url: '/api/reports', method: 'POST' as const, body: { description: 'Đèn hỏng' } };

  it('online: sends at once and returns the server reply, leaving nothing behind', async () => {
    const server = scriptedServer([201]);
    const outbox = open(server.fetch);
    const outcome = await sendThroughOutbox<{ id: string }>(input, outbox);
    expect(outcome).toEqual({ kind: 'sent', response: { id: 'r1' } });
    expect(server.sent).toHaveLength(1);
    expect(await outbox.list()).toEqual([]);
  });

  it('offline: keeps the work in the outbox and says it is queued', async () => {
    const server = scriptedServer([201]);
    const outbox = open(server.fetch, { isOnline: () => false });
    const outcome = await sendThroughOutbox(input, outbox);
    const items = await outbox.list();
    expect(items.map((i) => i.kind)).toEqual(['report.create']);
    expect(outcome).toEqual({ kind: 'queued', id: items[0]!.id });
    expect(server.sent).toHaveLength(0);
  });

  it('a queued item tells the page that queued it when it lands, with the server reply', async () => {
    let online = false;
    const server = scriptedServer([201]);
    const outbox = open(server.fetch, { isOnline: () => online });
    const outcome = await sendThroughOutbox<{ id: string }>(input, outbox);
    if (outcome.kind !== 'queued') throw new Error(`expected queued, got ${outcome.kind}`);
    const landed: unknown[] = [];
    onceSent(outcome.id, (r) => landed.push(r), outbox);
    await outbox.flush();
    expect(landed).toEqual([]);
    online = true;
    await outbox.flush();
    expect(landed).toEqual([{ id: 'r1' }]);
  });

  it('a lost network mid-send is queued for a retry, not lost', async () => {
    const server = scriptedServer(['network']);
    const outbox = open(server.fetch);
    expect(await sendThroughOutbox(input, outbox)).toMatchObject({ kind: 'queued' });
    expect((await outbox.list())[0]?.status).toBe('pending');
  });

  it('a refusal returns the server message and is taken out of the outbox', async () => {
    const server = scriptedServer([422]);
    const outbox = open(server.fetch);
    expect(await sendThroughOutbox(input, outbox)).toEqual({ kind: 'failed', message: 'Tiêu đề quá ngắn' });
    expect(await outbox.list()).toEqual([]);
  });
});
