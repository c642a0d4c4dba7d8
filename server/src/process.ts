// What one process of the platform does, by PROCESS_ROLE (vai trò tiến trình):
//   all    — the HTTP API and the background work (jobs, outbox delivery, sweeps): one process, as on a laptop
//   api    — the HTTP API only; it sends jobs and relays live events but delivers nothing itself
//   worker — jobs, outbox delivery and the cron sweeps, with no port open
// main.ts runs one process, or with WEB_CONCURRENCY=N a node:cluster primary and N API processes.
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import { buildApp, type BuiltApp } from './app.ts';
import type { ModuleDefinition } from './platform/module.ts';

export interface Duties {
  /** Opens the HTTP port. */
  listen: boolean;
  /** Works the job queues, runs the cron schedules and delivers outbox events to their handlers. */
  work: boolean;
}

export function dutiesOf(role: Config['processRole']): Duties {
  return { listen: role !== 'worker', work: role !== 'api' };
}

export interface RunningProcess {
  built: BuiltApp;
  duties: Duties;
  /** The address it listens on, or null for a worker. */
  address: string | null;
  close(): Promise<void>;
}

/** Builds the app over an open, migrated database and starts what the process role asks for. */
export async function startProcess(opts: { config: Config; db: Database; replica?: Database | null; seed: boolean; logger?: boolean | object; modules?: ModuleDefinition[] }): Promise<RunningProcess> {
  const { config } = opts;
  const duties = dutiesOf(config.processRole);
  const built = await buildApp({ config, db: opts.db, replica: opts.replica, logger: opts.logger, modules: opts.modules });
  await built.start({ seed: opts.seed, work: duties.work, dispatch: duties.work });
  const address = duties.listen ? await built.app.listen({ port: config.port, host: config.host }) : null;
  return { built, duties, address, close: () => built.close() };
}
