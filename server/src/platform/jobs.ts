// Durable background jobs on pg-boss, over whichever database the platform runs on.
// On PGlite, pg-boss's parameterless multi-statement scripts go through exec.
import PgBoss from 'pg-boss';
import type { Database } from '../db/connection.ts';

export interface JobDefinition<D extends object = object> {
  name: string;
  handler: (data: D) => Promise<void>;
  /** Cron schedule (pg-boss syntax) for recurring jobs, e.g. every 15 minutes. */
  cron?: string;
  retryLimit?: number;
}

export class JobQueue {
  readonly boss: PgBoss;
  private readonly definitions: JobDefinition[] = [];
  private started = false;
  private starting: Promise<void> | undefined;
  private begun = false;
  private stopping = false;
  /** The queues this process works (empty in an API-only process). */
  readonly working: string[] = [];
  /** pg-boss's worker id per queue this process works. */
  private readonly workers = new Map<string, string>();
  /**
   * How often each worked queue asks for jobs. On PGlite a query holds the only connection and
   * the event loop (WebAssembly runs on the main thread), so a dozen queues asking every 2 s
   * delayed requests by up to 8 ms several times a second. There every job but a scheduled one
   * (cron, a delayed retry) is sent by this same process, which wakes its worker at once (send);
   * split roles on one PGlite (the process tests) keep asking every 2 s.
   */
  private readonly pollSeconds: number;

  /**
   * `maintain: false` (an API-only process) leaves pg-boss's maintenance and cron scheduling
   * to the worker processes; the process can still send jobs. `alone`: this process sends every
   * job it works (PROCESS_ROLE=all), as a PGlite install always does.
   */
  constructor(private readonly db: Database, opts: { maintain?: boolean; alone?: boolean } = {}) {
    this.boss = new PgBoss({
      db: {
        executeSql: async (text: string, values?: unknown[]) =>
          values && values.length > 0 ? db.query(text, values) : db.exec(text),
      },
      schema: 'pgboss',
      // PGlite is one connection; frequent polling of many queues would crowd out requests.
      monitorStateIntervalSeconds: 60,
      supervise: opts.maintain ?? true,
      schedule: opts.maintain ?? true,
    });
    this.boss.on('error', (err) => console.error('job queue error:', err.message));
    this.pollSeconds = db.kind === 'pglite' && opts.alone ? 15 : 2;
  }

  define<D extends object>(job: JobDefinition<D>): void {
    this.definitions.push(job as unknown as JobDefinition);
  }

  /**
   * Creates queues and, when `work` is true, starts workers and schedules; once `after` has
   * settled, when given (main.ts starts the queues once the port is open). Called once; `send`
   * waits for it from this call on.
   */
  start(opts: { work: boolean }, after?: Promise<void>): Promise<void> {
    this.starting ??= (async () => {
      await after;
      // stopped before its turn came (a start that failed to listen): nothing to start
      if (this.stopping) return;
      this.begun = true;
      await this.startQueues(opts);
    })();
    return this.starting;
  }

  private async startQueues(opts: { work: boolean }): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const job of this.definitions) {
      await this.boss.createQueue(job.name, { name: job.name, retryLimit: job.retryLimit ?? 5, retryBackoff: true });
      if (!opts.work) continue;
      const workerId = await this.boss.work(job.name, { pollingIntervalSeconds: this.pollSeconds }, async (jobs) => {
        for (const j of jobs) await job.handler(j.data as object);
      });
      this.workers.set(job.name, workerId);
      this.working.push(job.name);
      if (job.cron) await this.boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
    }
  }

  async send<D extends object>(name: string, data: D, options: PgBoss.SendOptions = {}): Promise<string | null> {
    // the queue must exist (and this process's worker be known) before a job goes into it
    await this.starting;
    const id = await this.boss.send(name, data, options);
    // a job this process works starts now rather than at the next poll (up to 2 s later: an
    // emergency alert's fan-out should not wait); other processes still find it by polling
    const workerId = this.workers.get(name);
    if (id && workerId && !options.startAfter) this.boss.notifyWorker(workerId);
    return id;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.begun) await this.starting?.catch(() => undefined);
    if (this.started) await this.boss.stop({ graceful: true, timeout: 5000, wait: true });
  }
}
