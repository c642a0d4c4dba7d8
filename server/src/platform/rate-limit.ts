// Fixed-window counters in the database, so a limit holds across every API process.
// Keys name what is limited, e.g. "login:phone:0900000001" or "otp:ip:203.0.113.7".
import { sql, type Generated, type Kysely } from 'kysely';
import type { Database } from '../db/connection.ts';

type RateLimitTables = {
  rate_limits: { key: string; window_start: Date; count: Generated<number> };
};

// the sweep below keeps two days of windows
const MAX_WINDOW_SECONDS = 24 * 3600;

export interface RateDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise seconds until the current window closes. */
  retryAfterSeconds: number;
}

export class RateLimiter {
  private sinceCleanup = 0;

  constructor(private readonly db: Database, private readonly now: () => Date = () => new Date()) {}

  private window(windowSeconds: number): { start: Date; retryAfterSeconds: number } {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
      throw new Error(`rate-limit windows are whole seconds from 1 to ${MAX_WINDOW_SECONDS}`);
    }
    const nowMs = this.now().getTime();
    const size = windowSeconds * 1000;
    const start = Math.floor(nowMs / size) * size;
    return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + size - nowMs) / 1000)) };
  }

  private decide(count: number, limit: number, retryAfterSeconds: number): RateDecision {
    return count > limit ? { allowed: false, retryAfterSeconds } : { allowed: true, retryAfterSeconds: 0 };
  }

  /** Counts one event and says whether it is within `limit` events per window. */
  async hit(key: string, limit: number, windowSeconds: number, trx?: Kysely<object>): Promise<RateDecision> {
    const w = this.window(windowSeconds);
    const row = await (trx ?? this.db.kysely)
      .withTables<RateLimitTables>()
      .insertInto('rate_limits')
      .values({ key: `${key}|${windowSeconds}`, window_start: w.start, count: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }))
      .returning('count')
      .executeTakeFirstOrThrow();
    await this.maybeCleanup();
    return this.decide(row.count, limit, w.retryAfterSeconds);
  }

  /** Gives back one event counted in the current window (e.g. a try that turned out to be a success). */
  async refund(key: string, windowSeconds: number): Promise<void> {
    const w = this.window(windowSeconds);
    await this.db.kysely
      .withTables<RateLimitTables>()
      .updateTable('rate_limits')
      .set({ count: sql`count - 1` })
      .where('key', '=', `${key}|${windowSeconds}`)
      .where('window_start', '=', w.start)
      .where('count', '>', 0)
      .execute();
  }

  /** Whether one more event would still be allowed, without counting it. */
  async peek(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const w = this.window(windowSeconds);
    const row = await this.db.kysely
      .withTables<RateLimitTables>()
      .selectFrom('rate_limits')
      .select('count')
      .where('key', '=', `${key}|${windowSeconds}`)
      .where('window_start', '=', w.start)
      .executeTakeFirst();
    return this.decide((row?.count ?? 0) + 1, limit, w.retryAfterSeconds);
  }

  /** Forgets the counters of a key (e.g. after a successful sign-in). */
  async reset(key: string): Promise<void> {
    await this.db.kysely.withTables<RateLimitTables>().deleteFrom('rate_limits').where('key', 'like', `${key.replace(/[\\%_]/g, '\\$&')}|%`).execute();
  }

  // Old windows are useless; sweep them now and then instead of running a job.
  private async maybeCleanup(): Promise<void> {
    if (++this.sinceCleanup < 500) return;
    this.sinceCleanup = 0;
    const oldest = new Date(this.now().getTime() - 2 * MAX_WINDOW_SECONDS * 1000);
    await this.db.kysely.withTables<RateLimitTables>().deleteFrom('rate_limits').where('window_start', '<', oldest).execute();
  }
}
