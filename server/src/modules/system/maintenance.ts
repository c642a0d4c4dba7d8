// Vacuuming for the embedded database. PostgreSQL's autovacuum daemon clears dead row versions
// and refreshes the planner's statistics on its own; PGlite runs PostgreSQL in single-user
// mode, with no background workers, so without these jobs an embedded install's often-updated
// tables (when each session was last used, rate-limit counters, the outbox, the job queue)
// only ever grow, and every lookup in them slows. On PostgreSQL there is nothing to do.
import type { Database } from '../../db/connection.ts';
import type { JobDefinition } from '../../platform/jobs.ts';

/** Tables updated many times a minute on a busy day. */
export const HOT_TABLES = ['sessions', 'rate_limits', 'outbox_events', 'pgboss.job'] as const;

export async function vacuumHotTables(db: Pick<Database, 'exec'>): Promise<void> {
  // one statement each: VACUUM takes no transaction, and the requests waiting for the one
  // connection get their turn in between
  for (const table of HOT_TABLES) await db.exec(`VACUUM (ANALYZE) ${table}`);
}

export function maintenanceJobs(db: Pick<Database, 'kind' | 'exec'>): JobDefinition[] {
  if (db.kind !== 'pglite') return [];
  return [
    { name: 'system.vacuum-hot', cron: '*/30 * * * *', retryLimit: 0, handler: () => vacuumHotTables(db) },
    // the whole database at night, when the pause disturbs no one
    { name: 'system.vacuum-all', cron: '40 3 * * *', retryLimit: 0, handler: async () => void (await db.exec('VACUUM (ANALYZE)')) },
  ];
}
