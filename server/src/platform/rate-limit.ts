// Window counters in the database, so a limit holds across every API process.
// Keys name what is limited, e.g. "login:phone:0900000001" or "otp:ip:203.0.113.7".
//
// Windows of a minute or more are budgets ("5 passwords per 15 minutes"). Counted in fixed
// windows, a budget doubles at each boundary (5 tries at 10:14:59, 5 more at 10:15:00), so
// they are smoothed the way a sliding window would count: the previous window's count
// weighs by the share of it still inside the last `windowSeconds`. Shorter windows are a
// pace ("one try per 2 seconds") and stay fixed, so the next window really opens on time.
import { sql, type Generated, type Kysely } from 'kysely';
import type { Database } from '../db/connection.ts';

type RateLimitTables = {
  rate_limits: { key: string; window_start: Date; count: Generated<number> };
};

// the sweep below keeps two days of windows
const MAX_WINDOW_SECONDS = 24 * 3600;
const SMOOTHED_FROM_SECONDS = 60;

export interface RateDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise seconds until the current window closes. */
  retryAfterSeconds: number;
}

export class RateLimiter {
  private sinceCleanup = 0;

  constructor(private readonly db: Database, private readonly now: () => Date = () => new Date()) {}

  private window(windowSeconds: number): { start: Date; previousStart: Date; size: number; nowMs: number } {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
      throw new Error(`rate-limit windows are whole seconds from 1 to ${MAX_WINDOW_SECONDS}`);
    }
    const nowMs = this.now().getTime();
    const size = windowSeconds * 1000;
    const start = Math.floor(nowMs / size) * size;
    return { start: new Date(start), previousStart: new Date(start - size), size, nowMs };
  }

  /**
   * Whether an event fits: `withThis` is this window's count with the event in question,
   * `stored` what the window holds after this call. Refused: how long until one more event
   * fits, as the previous window's weight fades.
   */
  private decide(w: { start: Date; size: number; nowMs: number }, withThis: number, stored: number, previous: number, limit: number): RateDecision {
    const start = w.start.getTime();
    // the epsilon keeps float noise from refusing an event exactly at its promised time
    if (previous * (1 - (w.nowMs - start) / w.size) + withThis <= limit + 1e-9) return { allowed: true, retryAfterSeconds: 0 };
    let allowedAtMs: number;
    if (w.size < SMOOTHED_FROM_SECONDS * 1000) allowedAtMs = start + w.size;
    else if (stored + 1 <= limit) allowedAtMs = start + (1 - (limit - stored - 1) / previous) * w.size;
    else allowedAtMs = start + w.size + Math.max(0, 1 - (limit - 1) / stored) * w.size;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Math.round(allowedAtMs) - w.nowMs) / 1000)) };
  }

  private async previousCount(key: string, w: { previousStart: Date; size: number }, trx?: Kysely<object>): Promise<number> {
    if (w.size < SMOOTHED_FROM_SECONDS * 1000) return 0;
    const row = await (trx ?? this.db.kysely)
      .withTables<RateLimitTables>()
      .selectFrom('rate_limits')
      .select('count')
      .where('key', '=', key)
      .where('window_start', '=', w.previousStart)
      .executeTakeFirst();
    return row?.count ?? 0;
  }

  /** Counts one event and says whether it is within `limit` events per window. */
  async hit(key: string, limit: number, windowSeconds: number, trx?: Kysely<object>): Promise<RateDecision> {
    const w = this.window(windowSeconds);
    const stored = `${key}|${windowSeconds}`;
    const row = await (trx ?? this.db.kysely)
      .withTables<RateLimitTables>()
      .insertInto('rate_limits')
      .values({ key: stored, window_start: w.start, count: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }))
      .returning('count')
      .executeTakeFirstOrThrow();
    const previous = await this.previousCount(stored, w, trx);
    await this.maybeCleanup();
    return this.decide(w, row.count, row.count, previous, limit);
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
    const stored = `${key}|${windowSeconds}`;
    const row = await this.db.kysely
      .withTables<RateLimitTables>()
      .selectFrom('rate_limits')
      .select('count')
      .where('key', '=', stored)
      .where('window_start', '=', w.start)
      .executeTakeFirst();
    const count = row?.count ?? 0;
    return this.decide(w, count + 1, count, await this.previousCount(stored, w), limit);
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
