// Outbox (hộp thư đi): work a citizen does on a weak or absent network is kept in
// IndexedDB and sent when the network is back. Each item carries one id from the start,
// sent as `Idempotency-Key`, so a retry after a lost reply never creates a second record.
// Network errors, 5xx and 429 are retried with exponential back-off and jitter; any other
// 4xx stops the item and keeps the server's message for the person to read.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { currentLanguage, errorFromResponse } from './api.ts';

export type OutboxMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OutboxItem {
  id: string;
  kind: string;
  url: string;
  method: OutboxMethod;
  body: unknown;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  status: 'pending' | 'failed';
  lastError: string | null;
}

export interface EnqueueInput {
  kind: string;
  url: string;
  method?: OutboxMethod;
  body?: unknown;
}

export type OutboxEvent =
  | { type: 'changed'; items: OutboxItem[] }
  | { type: 'sent'; items: OutboxItem[]; item: OutboxItem; response: unknown }
  | { type: 'failed'; items: OutboxItem[]; item: OutboxItem };

export type OutboxListener = (event: OutboxEvent) => void;

type WithoutItems<E> = E extends OutboxEvent ? Omit<E, 'items'> : never;

export interface OutboxOptions {
  dbName?: string;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Runs `fn` after `ms`; returns a cancel function. Tests pass their own clock. */
  schedule?: (fn: () => void, ms: number) => () => void;
  isOnline?: () => boolean;
}

export interface Outbox {
  enqueue(input: EnqueueInput): Promise<OutboxItem>;
  /** Sends every item that is due, oldest first. Concurrent calls share one run. */
  flush(): Promise<void>;
  list(): Promise<OutboxItem[]>;
  /** Puts a failed item back in line, due now. */
  retry(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  subscribe(listener: OutboxListener): () => void;
  /** Flushes now and whenever the browser comes back online; returns a stop function. */
  start(target?: EventTarget): () => void;
  close(): Promise<void>;
}

interface OutboxSchema extends DBSchema {
  items: { key: string; value: OutboxItem };
}

type SendResult = { kind: 'sent'; response: unknown } | { kind: 'retry' } | { kind: 'failed'; message: string };

const defaultSchedule = (fn: () => void, ms: number) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

/** Equal jitter: half the exponential delay is fixed, half is random, so clients spread out. */
export function backoffDelay(attempts: number, base: number, max: number, random: () => number): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const opts = {
    dbName: options.dbName ?? 'cds-outbox',
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    baseDelayMs: options.baseDelayMs ?? 2_000,
    maxDelayMs: options.maxDelayMs ?? 5 * 60_000,
    schedule: options.schedule ?? defaultSchedule,
    isOnline: options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false),
  };
  const listeners = new Set<OutboxListener>();
  let dbPromise: Promise<IDBPDatabase<OutboxSchema>> | null = null;
  let running: Promise<void> | null = null;
  let rerun = false;
  let cancelTimer: (() => void) | null = null;

  const db = () => {
    dbPromise ??= openDB<OutboxSchema>(opts.dbName, 1, {
      upgrade(database) {
        database.createObjectStore('items', { keyPath: 'id' });
      },
    });
    return dbPromise;
  };

  const list = async () => (await (await db()).getAll('items')).sort((a, b) => a.createdAt - b.createdAt);

  async function emit(event: WithoutItems<OutboxEvent>): Promise<void> {
    const items = await list();
    for (const listener of listeners) listener({ ...event, items } as OutboxEvent);
  }

  async function send(item: OutboxItem): Promise<SendResult> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
      'Idempotency-Key': item.id,
    };
    const init: RequestInit = { method: item.method, headers, credentials: 'same-origin' };
    if (item.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(item.body);
    }
    let res: Response;
    try {
      res = await opts.fetch(item.url, init);
    } catch {
      return { kind: 'retry' };
    }
    if (res.ok) return { kind: 'sent', response: await readJson(res) };
    if (res.status >= 500 || res.status === 429 || res.status === 408) return { kind: 'retry' };
    return { kind: 'failed', message: (await errorFromResponse(res)).message };
  }

  async function process(item: OutboxItem): Promise<void> {
    const result = await send(item);
    const store = await db();
    if (result.kind === 'sent') {
      await store.delete('items', item.id);
      await emit({ type: 'sent', item, response: result.response });
      return;
    }
    const attempts = item.attempts + 1;
    if (result.kind === 'failed') {
      const failed: OutboxItem = { ...item, attempts, status: 'failed', lastError: result.message };
      await store.put('items', failed);
      await emit({ type: 'failed', item: failed });
      return;
    }
    const delay = backoffDelay(attempts, opts.baseDelayMs, opts.maxDelayMs, opts.random);
    await store.put('items', { ...item, attempts, nextAttemptAt: opts.now() + delay });
    await emit({ type: 'changed' });
  }

  async function runOnce(): Promise<void> {
    if (!opts.isOnline()) return;
    const due = (await list()).filter((i) => i.status === 'pending' && i.nextAttemptAt <= opts.now());
    for (const item of due) await process(item);
  }

  async function scheduleNext(): Promise<void> {
    cancelTimer?.();
    cancelTimer = null;
    const pending = (await list()).filter((i) => i.status === 'pending');
    if (pending.length === 0) return;
    const next = Math.min(...pending.map((i) => i.nextAttemptAt));
    cancelTimer = opts.schedule(() => void outbox.flush(), Math.max(0, next - opts.now()));
  }

  const outbox: Outbox = {
    async enqueue(input) {
      const now = opts.now();
      const item: OutboxItem = {
        id: crypto.randomUUID(),
        kind: input.kind,
        url: input.url,
        method: input.method ?? 'POST',
        body: input.body,
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        status: 'pending',
        lastError: null,
      };
      await (await db()).put('items', item);
      await emit({ type: 'changed' });
      void outbox.flush();
      return item;
    },
    flush() {
      if (running) {
        rerun = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            rerun = false;
            await runOnce();
          } while (rerun);
          await scheduleNext();
        } finally {
          running = null;
        }
      })();
      return running;
    },
    list,
    async retry(id) {
      const store = await db();
      const item = await store.get('items', id);
      if (!item) return;
      await store.put('items', { ...item, status: 'pending', nextAttemptAt: opts.now(), lastError: null });
      await emit({ type: 'changed' });
      await outbox.flush();
    },
    async remove(id) {
      await (await db()).delete('items', id);
      await emit({ type: 'changed' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(target = window) {
      const onOnline = () => void outbox.flush();
      target.addEventListener('online', onOnline);
      void outbox.flush();
      return () => target.removeEventListener('online', onOnline);
    },
    async close() {
      cancelTimer?.();
      cancelTimer = null;
      if (running) await running;
      if (dbPromise) (await dbPromise).close();
      dbPromise = null;
    },
  };
  return outbox;
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

let shared: Outbox | null = null;

/** The app's one outbox. */
export function getOutbox(): Outbox {
  shared ??= createOutbox();
  return shared;
}

/** What became of one piece of work handed to the outbox. */
/** `id` of a queued piece of work is its outbox item, so a page can wait for it to land (`onceSent`). */
export type SendOutcome<R> = { kind: 'sent'; response: R } | { kind: 'queued'; id: string } | { kind: 'failed'; message: string };

/**
 * Hands one request to the outbox and tries it at once: online it is sent now ('sent' with
 * the server's reply); offline, or when the server is busy, it waits in the outbox and goes
 * when it can ('queued'). A refusal (4xx) is taken out of the outbox and its message returned,
 * so the form that sent it can show it and nothing stale is retried later. `R` is the reply
 * the endpoint declares in its contract.
 */
export async function sendThroughOutbox<R>(input: EnqueueInput, outbox: Outbox = getOutbox()): Promise<SendOutcome<R>> {
  let itemId = '';
  let outcome = null as SendOutcome<R> | null; // set by the listener below
  const stop = outbox.subscribe((e) => {
    if (e.type === 'sent' && e.item.id === itemId) outcome = { kind: 'sent', response: e.response as R };
    if (e.type === 'failed' && e.item.id === itemId) outcome = { kind: 'failed', message: e.item.lastError ?? '' };
  });
  try {
    itemId = (await outbox.enqueue(input)).id;
    await outbox.flush();
  } finally {
    stop();
  }
  if (!outcome) return { kind: 'queued', id: itemId };
  if (outcome.kind === 'failed') await outbox.remove(itemId);
  return outcome;
}

/**
 * Calls `onSent` with the server's reply when the queued item `id` lands (after the network came
 * back), so the page that queued it can show what the server gave back; returns a stop function.
 */
export function onceSent<R>(id: string, onSent: (response: R) => void, outbox: Outbox = getOutbox()): () => void {
  const stop = outbox.subscribe((e) => {
    if (e.type !== 'sent' || e.item.id !== id) return;
    stop();
    onSent(e.response as R);
  });
  return stop;
}
