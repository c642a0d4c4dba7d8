// The shape every capability module has. A module's index.ts exports a ModuleDefinition;
// app.ts creates the modules in dependency order. Modules reach each other only through
// `platform.use(otherModule)` (the other module's public API) or through events.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { AuditLog } from './audit.ts';
import type { EventBus } from './events.ts';
import type { JobQueue } from './jobs.ts';
import type { Messages } from './i18n.ts';
import type { SessionResolver } from './auth.ts';
import type { ProvincePack } from './pack.ts';
import type { FileStore } from './files.ts';
import type { WorkingCalendar } from './calendar/index.ts';
import type { SettingsDefinition } from './settings.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** A capability the citizen app may show a tile for (GET /api/features). */
export interface Feature {
  key: string;
  /** Which face shows it: the citizen app, the staff console or the leaders' dashboard. */
  face: 'citizen' | 'staff' | 'leader';
}

export interface ModuleInstance<Api> {
  api: Api;
  messages?: Messages;
  routes?: (app: App) => Promise<void> | void;
  /** Idempotent; demo data only when `demo` is true. */
  seed?: (opts: { demo: boolean }) => Promise<void>;
  features?: Feature[];
  /** The identity module supplies this; the platform calls it for every request. */
  sessionResolver?: SessionResolver;
  stop?: () => Promise<void>;
}

export interface ModuleDefinition<Api = unknown> {
  name: string;
  /** The module's SQL migrations folder (NNNN_name.sql, numbers in the module's range). */
  migrations?: URL;
  /** The module's environment variables (settings.ts); config.ts reads them at boot. */
  settings?: SettingsDefinition<unknown>;
  create(platform: Platform): ModuleInstance<Api> | Promise<ModuleInstance<Api>>;
}

export interface Platform {
  config: Config;
  db: Database;
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
}
