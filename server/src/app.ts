// buildApp(deps): platform plugins, then each module. main.ts and the tests both use it.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import { AuditLog } from './platform/audit.ts';
import { installAuth, type SessionResolver } from './platform/auth.ts';
import { COMPRESS_THRESHOLD, installReplyCompression } from './platform/compression.ts';
import { installCsrfProtection } from './platform/csrf.ts';
import { installErrorHandling } from './platform/errors.ts';
import { installInputGuards } from './platform/input-guards.ts';
import { installJsonBodyParser } from './platform/json-body.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';
import { lazySerializers, lazyTypeBoxValidatorCompiler } from './platform/schema-compilers.ts';
import { EventBus } from './platform/events.ts';
import { registerMessages } from './platform/i18n.ts';
import { JobQueue } from './platform/jobs.ts';
import type { App, Feature, ModuleDefinition, ModuleInstance, Platform } from './platform/module.ts';
import { loadPack } from './platform/pack.ts';
import { createFileStore } from './platform/files.ts';
import { workingCalendar } from './platform/calendar/index.ts';
import { systemModule } from './modules/system/index.ts';
import { MODULES } from './modules/index.ts';
import { abilitiesOf, hasAbility, PLATFORM_ABILITIES } from './platform/policy.ts';

export interface BuildOptions {
  config: Config;
  db: Database;
  /** A read replica for public anonymous reads (DATABASE_REPLICA_URL); `db` when absent. */
  replica?: Database | null;
  modules?: ModuleDefinition[];
  logger?: boolean | object;
}

export interface StartOptions {
  seed: boolean;
  work: boolean;
  dispatch?: boolean;
  /** Start the job queues once this settles, and resolve without waiting for them. */
  queuesAfter?: Promise<void>;
}

export interface BuiltApp {
  app: App;
  platform: Platform;
  features: Feature[];
  /**
   * Seeds data and starts event delivery and the job queues, with workers when `work`.
   * `dispatch: false` (an API-only process) relays events live without delivering them to
   * handlers. With `queuesAfter` it resolves without waiting for the queues (a request that
   * sends a job waits for them): main.ts listens first, the `queues` promise settles later.
   */
  start(opts: StartOptions): Promise<{ queues: Promise<void> }>;
  close(): Promise<void>;
}

registerAjvFormats();

export async function buildApp(opts: BuildOptions): Promise<BuiltApp> {
  const { config, db } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    // per-request lines cost throughput (issue [3 of 10]); errors are logged by the error handler
    // with the request id either way (platform/errors.ts)
    disableRequestLogging: !config.logRequests,
    // a proxy's X-Request-Id (nginx $request_id) ties its access log to ours
    requestIdHeader: 'x-request-id',
    trustProxy: config.trustProxy,
    // most requests are a few fields; a route that takes files or imports sets its own limit
    bodyLimit: 256 * 1024,
    // a body trickled in slowly holds a socket; a 10 MB upload on a 1 Mbit/s link still fits
    requestTimeout: 120_000,
    ajv: { customOptions: { allErrors: true } },
    // route schemas compile on a route's first use, not at start (platform/schema-compilers.ts)
    schemaController: lazySerializers(),
  })
    .setValidatorCompiler(lazyTypeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // JSON and other text replies over 1 kB are compressed when the client accepts it; brotli at a
  // low quality costs about what gzip does per request. Replies held in memory are compressed in
  // one call and remembered (platform/compression.ts); @fastify/compress does streams. Built web
  // files are compressed once at build time instead (web/scripts/precompress.mjs, served below
  // with preCompressed).
  installReplyCompression(app);
  await app.register(compress, {
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  installJsonBodyParser(app);
  await installSecurityHeaders(app, config.publicUrl);
  await app.register(cookie);
  installCsrfProtection(app, config.publicUrl);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: 15 * 1024 * 1024, files: 10, fields: 50 } });
  const modules = opts.modules ?? MODULES;
  // abilities are declared, not created: every registered module's table is known up front
  const abilityTables = [PLATFORM_ABILITIES, ...modules.flatMap((m) => (m.abilities ? [m.abilities] : []))];
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      // the names GET /api/me's `abilities` can hold, so a client can check the ones it asks for
      // exist (an extension field, which the document's type does not list)
      ...({ 'x-abilities': [...new Set(abilityTables.flatMap((t) => Object.keys(t)))].sort() } as object),
      info: { title: 'Công dân số API', version: '0.1.0', description: 'API of the Công dân số digital citizen platform' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'cds_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installErrorHandling(app);
  installInputGuards(app);

  let sessionResolver: SessionResolver | undefined;
  installAuth(app, () => sessionResolver, (principal, ability) => abilityTables.some((t) => hasAbility(principal, t, ability)));

  const log: FastifyBaseLogger = app.log;
  const events = new EventBus(db, log);
  const jobs = new JobQueue(db, { maintain: config.processRole !== 'api', alone: config.processRole === 'all' });
  const created = new Map<ModuleDefinition<unknown>, ModuleInstance<unknown>>();
  const platform: Platform = {
    config,
    db,
    replica: opts.replica ?? db,
    events,
    jobs,
    audit: new AuditLog(db),
    pack: loadPack(config.provincePack),
    files: createFileStore(config),
    calendar: workingCalendar(),
    log,
    use<Api>(module: ModuleDefinition<Api>): Api {
      const instance = created.get(module as ModuleDefinition<unknown>);
      if (!instance) throw new Error(`module ${module.name} is used before it is created; check the order in modules/index.ts`);
      return instance.api as Api;
    },
    abilities: (principal) => abilitiesOf(principal, abilityTables),
  };

  let features: Feature[] = [];
  const definitions = [...modules, systemModule(() => features, modules)];
  for (const def of definitions) {
    const instance = await def.create(platform);
    created.set(def as ModuleDefinition<unknown>, instance as ModuleInstance<unknown>);
    if (instance.messages) registerMessages(instance.messages);
    if (instance.sessionResolver) sessionResolver = instance.sessionResolver;
    for (const job of instance.jobs ?? []) jobs.define(job);
    for (const [type, handler] of Object.entries(instance.events ?? {})) events.on(type, handler);
  }
  features = [...created.values()].flatMap((m) => m.features ?? []);
  for (const instance of created.values()) {
    if (instance.routes) await app.register(async (scope) => instance.routes!(scope as App));
  }
  serveWebApp(app, config.webDistDir);

  return {
    app,
    platform,
    features,
    async start({ seed, work, dispatch, queuesAfter }) {
      if (seed) for (const instance of created.values()) await instance.seed?.({ demo: config.demoMode });
      const queues = jobs.start({ work }, queuesAfter);
      // handled here so a failure while events start is no unhandled rejection; the caller
      // still sees it through `queues`
      queues.catch(() => undefined);
      await events.start(undefined, { dispatch });
      if (!queuesAfter) await queues;
      return { queues };
    },
    async close() {
      await app.close();
      await events.stop();
      await jobs.stop();
      for (const instance of created.values()) await instance.stop?.();
    },
  };
}

/** Serves the built PWA with a fallback to index.html for client-side routes. */
function serveWebApp(app: App, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return;
  void app.register(fastifyStatic, { root: distDir, wildcard: false, index: false, serve: true, preCompressed: true,
    setHeaders: (reply, file) => {
      // hashed assets never change; the shell and service worker must be revalidated
      if (/[/\\]assets[/\\]/.test(file)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const rel = decodeURIComponent(request.url.split('?')[0] ?? '/').replace(/^\/+/, '');
    const file = path.join(distDir, rel);
    if (rel && file.startsWith(distDir) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
    if (/^(api|open311)\//.test(rel)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
