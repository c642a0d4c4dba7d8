// What one process of the platform does, by PROCESS_ROLE (vai trò tiến trình):
//   all    — the HTTP API and the background work (jobs, outbox delivery, sweeps): one process, as on a laptop
//   api    — the HTTP API only; it sends jobs and relays live events but delivers nothing itself
//   worker — jobs, outbox delivery and the cron sweeps, with no port open
// main.ts runs one process, or with WEB_CONCURRENCY=N a node:cluster primary and N API processes.
import type { Config } from './config.ts';
import type { App } from './platform/module.ts';

export interface Duties {
  /** Opens the HTTP port. */
  listen: boolean;
  /** Works the job queues, runs the cron schedules and delivers outbox events to their handlers. */
  work: boolean;
}

export function dutiesOf(role: Config['processRole']): Duties {
  return { listen: role !== 'worker', work: role !== 'api' };
}

/** What main.ts (buildApp) and the tests (buildTestApp) hand over: a built, not yet started app. */
export interface StartableApp {
  app: App;
  start(opts: { seed: boolean; work: boolean; dispatch?: boolean; queuesAfter?: Promise<void> }): Promise<{ queues: Promise<void> }>;
}

/**
 * Starts what the process role asks for on a built app; returns the address it listens on,
 * or null for a worker. A listening process opens its port before the job queues have
 * started (pg-boss's start is a few dozen queries that no request but a job's sender needs,
 * and a sender waits for it); a process whose queues fail to start still stops, as before.
 */
export async function startRole(built: StartableApp, config: Pick<Config, 'processRole' | 'port' | 'host'>, opts: { seed: boolean }): Promise<string | null> {
  const duties = dutiesOf(config.processRole);
  if (!duties.listen) {
    await built.start({ seed: opts.seed, work: duties.work, dispatch: duties.work });
    return null;
  }
  let opened!: () => void;
  const { queues } = await built.start({ seed: opts.seed, work: duties.work, dispatch: duties.work, queuesAfter: new Promise((resolve) => (opened = resolve)) });
  const address = await built.app.listen({ port: config.port, host: config.host });
  // pg-boss's start (its queries and its cron clock's first tick) after the first requests can come in
  opened();
  queues.catch((err: unknown) => {
    console.error('the job queues did not start:', err);
    process.exit(1);
  });
  return address;
}
