// Domain events through a transactional outbox. A module writes its change and the event
// in one transaction (publish(trx, …)); pg_notify inside that transaction fires only on
// commit, waking the dispatcher of every API process. One process claims each event and
// runs the in-process handlers; every process re-broadcasts it to live listeners (SSE).
import { EventEmitter } from 'node:events';
import { sql, type Generated, type JSONColumnType, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../db/connection.ts';

export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  aggregateId: string | null;
  payload: P;
  createdAt: Date;
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface OutboxEventTable {
  id: Generated<string>;
  type: string;
  aggregate_id: string | null;
  payload: JSONColumnType<Record<string, unknown>>;
  created_at: Generated<Date>;
  delivered_at: Date | null;
  attempts: Generated<number>;
  claimed_until: Date | null;
  last_error: string | null;
  failed_at: Date | null;
}

type OutboxTable = { outbox_events: OutboxEventTable };

type OutboxRow = Pick<Selectable<OutboxEventTable>, 'id' | 'type' | 'aggregate_id' | 'payload' | 'created_at' | 'attempts'>;

const CHANNEL = 'cds_events';
const MAX_ATTEMPTS = 8;
const CLAIM_SECONDS = 60;

export class EventBus {
  private readonly handlers = new Map<string, EventHandler[]>();
  /** Fires for every committed event in any process; for live updates only (may miss on restart). */
  readonly live = new EventEmitter();
  private unlisten: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;

  constructor(private readonly db: Database, private readonly log: { error: (o: object, m: string) => void } = console) {
    this.live.setMaxListeners(0);
  }

  on(type: string, handler: EventHandler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  /** Writes the event in the caller's transaction; it is delivered after commit. */
  async publish(trx: Kysely<object>, type: string, aggregateId: string | null, payload: Record<string, unknown>): Promise<void> {
    const row = await trx
      .withTables<OutboxTable>()
      .insertInto('outbox_events')
      .values({ type, aggregate_id: aggregateId, payload: JSON.stringify(payload) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify({ id: String(row.id), type, aggregateId })})`.execute(trx);
  }

  /** Whether this process claims and delivers outbox events (worker processes) or only relays them live. */
  dispatching = false;

  /**
   * Starts delivering: on every NOTIFY, and by polling as a safety net. With `dispatch: false`
   * (an API-only process, PROCESS_ROLE=api) it only relays events to live listeners and
   * leaves delivery to the worker processes.
   */
  async start(pollMs = 5000, opts: { dispatch?: boolean } = {}): Promise<void> {
    this.dispatching = opts.dispatch ?? true;
    this.unlisten = await this.db.listen(CHANNEL, (payload) => {
      try {
        this.live.emit('event', JSON.parse(payload));
      } catch {
        /* a foreign payload on our channel is ignored */
      }
      if (this.dispatching) void this.drain();
    });
    if (!this.dispatching) return;
    this.timer = setInterval(() => void this.drain(), pollMs);
    this.timer.unref();
    await this.drain();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await this.draining;
  }

  /** Delivers everything pending; concurrent calls coalesce into one more pass. */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        while ((await this.deliverBatch()) > 0) {
          /* keep going while there is work */
        }
      } while (this.again);
    })().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async deliverBatch(): Promise<number> {
    const { rows } = await this.db.query<OutboxRow>(
      `UPDATE outbox_events SET claimed_until = now() + interval '${CLAIM_SECONDS} seconds', attempts = attempts + 1
       WHERE id IN (SELECT id FROM outbox_events
                    WHERE delivered_at IS NULL AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
    );
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    for (const row of rows) await this.deliver(row);
    return rows.length;
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const event: DomainEvent = { id: String(row.id), type: row.type, aggregateId: row.aggregate_id, payload: row.payload, createdAt: row.created_at };
    try {
      for (const handler of this.handlers.get(row.type) ?? []) await handler(event);
      await this.db.query('UPDATE outbox_events SET delivered_at = now(), last_error = NULL WHERE id = $1', [row.id]);
    } catch (err) {
      this.log.error({ err, eventId: row.id, type: row.type }, 'event handler failed');
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      // back off: the claim expires later the more often it has failed
      await this.db.query(
        `UPDATE outbox_events SET last_error = $2, failed_at = CASE WHEN $3 THEN now() END,
           claimed_until = now() + make_interval(secs => $4) WHERE id = $1`,
        [row.id, String((err as Error).message ?? err), giveUp, Math.min(2 ** row.attempts, 600)],
      );
    }
  }
}
