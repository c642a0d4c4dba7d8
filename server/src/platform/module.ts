// The one description of a module's shape (its manifest). A module's index.ts exports a
// ModuleDefinition; modules/index.ts lists them; app.ts creates them in that order and
// wires what they declare. Adding a module is its folder plus one line in that list.
// Modules reach each other only through `platform.use(otherModule)` (the other module's
// public API) or through domain events.
//
// Declared up front (read before any module is created):
//   name, migrations (SQL folder), settings (environment variables), abilities (policy.ts)
// Returned by create(platform):
//   api, routes, jobs, events (handlers), seed, features, messages, sessionResolver, stop
import type { Ability } from '@cds/contracts';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { AuditLog } from './audit.ts';
import type { EventBus, EventHandler } from './events.ts';
import type { JobDefinition, JobQueue } from './jobs.ts';
import type { Messages } from './i18n.ts';
import type { Principal, SessionResolver } from './auth.ts';
import type { ProvincePack } from './pack.ts';
import type { FileStore } from './files.ts';
import type { WorkingCalendar } from './calendar/index.ts';
import type { AbilityTable } from './policy.ts';
import type { SettingsDefinition } from './settings.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** A capability the citizen app may show a tile for (GET /api/features). */
export interface Feature {
  key: string;
  /** Which face shows it: the citizen app, the staff console or the leaders' dashboard. */
  face: 'citizen' | 'staff' | 'leader';
}

export interface ModuleDefinition<Api = unknown> {
  name: string;
  /** The module's SQL migrations folder (NNNN_name.sql, numbers in the module's range). */
  migrations?: URL;
  /** The module's environment variables (settings.ts); config.ts reads them at boot. */
  settings?: SettingsDefinition<unknown>;
  /** Record-less abilities (policy.ts), e.g. `reports.work`; GET /api/me lists the caller's. */
  abilities?: AbilityTable;
  create(platform: Platform): ModuleInstance<Api> | Promise<ModuleInstance<Api>>;
}

export interface ModuleInstance<Api> {
  /** What other modules may call (through `platform.use`). */
  api: Api;
  routes?: (app: App) => Promise<void> | void;
  /** Durable background jobs (pg-boss); a `cron` makes one recurring. */
  jobs?: JobDefinition[];
  /** Handlers of domain events by type (from the outbox, retried: keep them idempotent). */
  events?: Record<string, EventHandler>;
  /** Idempotent; demo data only when `demo` is true. */
  seed?: (opts: { demo: boolean }) => Promise<void>;
  features?: Feature[];
  messages?: Messages;
  /** The identity module supplies this; the platform calls it for every request. */
  sessionResolver?: SessionResolver;
  stop?: () => Promise<void>;
}

export interface Platform {
  config: Config;
  db: Database;
  /**
   * For public anonymous reads that may lag a moment (lists, maps, feeds): the read replica
   * when DATABASE_REPLICA_URL is set, else `db` itself. Never for a read that must see the
   * caller's own write, and never for a write. A module opts in read by read.
   */
  replica: Database;
  events: EventBus;
  jobs: JobQueue;
  audit: AuditLog;
  pack: ProvincePack;
  /** Uploaded files (photos, attachments, results), content-addressed. */
  files: FileStore;
  /** Working days and public holidays, for deadlines. */
  calendar: WorkingCalendar;
  log: FastifyBaseLogger;
  /** The public API of a module created earlier. */
  use<Api>(module: ModuleDefinition<Api>): Api;
  /** Every ability the person holds, from the tables of the platform and every registered module. */
  abilities(principal: Principal): Ability[];
}
