// Environment -> typed configuration, validated once at boot. The platform's variables are
// declared here; each module declares its own in its settings.ts (named by its manifest)
// and this file reads them all, so a module's secrets never live in a central file.
// A wrong value stops the process with one line naming the variable.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type } from 'typebox';
import { MODULES } from './modules/index.ts';
import { ConfigError, HttpUrl, invalid, parseVariables, type Env, type SettingsDefinition } from './platform/settings.ts';

export { ConfigError };

export interface PlatformSettings {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoMode: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** A log line per request (received, completed); errors are logged either way. */
  logRequests: boolean;
  provincePack: string;
  /** 32-byte key (base64) for personal data at rest; demo mode may generate one in DATA_DIR. */
  dataEncryptionKey: string | undefined;
  /** Text messages (the notifications module will own them once it sends on several channels). */
  sms: {
    channel: 'outbox' | 'http' | 'brandname';
    httpUrl: string | undefined;
    httpToken: string | undefined;
    sender: string;
    /** SMS_CHANNEL=brandname: the gateway's keys and whether to send with diacritics. */
    brandname: { apiKey: string; secretKey: string; unicode: boolean } | null;
  };
  /** Which roles this process plays: the HTTP API, the background worker, or both. */
  processRole: 'all' | 'api' | 'worker';
  /** How many API processes share the port (node:cluster); more than 1 needs PostgreSQL. */
  webConcurrency: number;
  /** A PostgreSQL read replica for public anonymous reads; the writer when unset. */
  databaseReplicaUrl: string | undefined;
  /** Uploaded files on an S3-compatible store instead of DATA_DIR/files when set. */
  filesS3: { endpoint: string | undefined; bucket: string; region: string; accessKeyId: string | undefined; secretAccessKey: string | undefined; forcePathStyle: boolean } | null;
  webDistDir: string;
  trustProxy: boolean;
}

export interface Config extends PlatformSettings {
  /** Each module's settings by module name; a module reads its own with `settings.of(config)`. */
  modules: Readonly<Record<string, unknown>>;
}

/** The platform's own variables (.env.example documents every variable of platform and modules). */
export const PLATFORM_VARIABLES = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  PUBLIC_URL: Type.Optional(HttpUrl()),
  TRUST_PROXY: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  // default: off with NODE_ENV=production (two lines per request cost throughput), on elsewhere
  LOG_REQUESTS: Type.Optional(Type.Boolean()),
  DATABASE_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^postgres(ql)?://', mustBe: 'a postgres:// URL' })),
  DATA_DIR: Type.Optional(Type.String()),
  // default: on with the embedded database, off with DATABASE_URL
  DEMO_MODE: Type.Optional(Type.Boolean()),
  PROVINCE_PACK: Type.String({ pattern: '^[a-z0-9-]+$', default: 'lang-son', mustBe: 'a pack folder name such as lang-son' }),
  DATA_ENCRYPTION_KEY: Type.Optional(Type.String({ secret: true })),
  SMS_CHANNEL: Type.Enum(['outbox', 'http', 'brandname'], { default: 'outbox' }),
  SMS_HTTP_URL: Type.Optional(HttpUrl()),
  SMS_HTTP_TOKEN: Type.Optional(Type.String({ secret: true })),
  SMS_SENDER: Type.String({ default: 'CONGDANSO' }),
  SMS_BRANDNAME_API_KEY: Type.Optional(Type.String({ secret: true })),
  SMS_BRANDNAME_SECRET_KEY: Type.Optional(Type.String({ secret: true })),
  SMS_UNICODE: Type.Boolean({ default: false }),
  PROCESS_ROLE: Type.Enum(['all', 'api', 'worker'], { default: 'all' }),
  WEB_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 1 }),
  DATABASE_REPLICA_URL: Type.Optional(Type.String({ format: 'uri', pattern: '^postgres(ql)?://', mustBe: 'a postgres:// URL' })),
  FILES_S3_ENDPOINT: Type.Optional(HttpUrl()),
  FILES_S3_BUCKET: Type.Optional(Type.String({ minLength: 3 })),
  FILES_S3_REGION: Type.String({ default: 'us-east-1' }),
  FILES_S3_ACCESS_KEY_ID: Type.Optional(Type.String()),
  FILES_S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ secret: true })),
  FILES_S3_FORCE_PATH_STYLE: Type.Boolean({ default: false }),
  WEB_DIST_DIR: Type.Optional(Type.String()),
});

const REPO_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
const REPO_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** No PUBLIC_URL (the default, http://localhost) or one that names this machine. */
export function isLocalUrl(url: string | undefined): boolean {
  if (url === undefined) return true;
  const host = new URL(url).hostname;
  return LOCAL_HOSTS.has(host) || host.endsWith('.localhost');
}

function readPlatform(env: Env): PlatformSettings {
  const v = parseVariables(PLATFORM_VARIABLES, env);
  // demo accounts have known passwords and the SMS outbox is public: on by default only for a
  // laptop (embedded database, local address, not production); anywhere else it must be asked for
  const demoMode = v.DEMO_MODE ?? (v.DATABASE_URL === undefined && isLocalUrl(v.PUBLIC_URL) && env.NODE_ENV !== 'production');
  const key = v.DATA_ENCRYPTION_KEY;
  if (key !== undefined && Buffer.from(key, 'base64').length !== 32) {
    throw invalid('DATA_ENCRYPTION_KEY', '32 bytes encoded in base64 (openssl rand -base64 32)', '…');
  }
  if (key === undefined && !demoMode) {
    throw new ConfigError('Invalid configuration: DATA_ENCRYPTION_KEY is required when DEMO_MODE is off (openssl rand -base64 32); demo mode is off unless DEMO_MODE=true with a DATABASE_URL, a PUBLIC_URL other than localhost, or NODE_ENV=production');
  }
  if (v.SMS_CHANNEL === 'outbox' && !demoMode) {
    throw new ConfigError('Invalid configuration: SMS_CHANNEL=outbox only works with DEMO_MODE on; set SMS_CHANNEL=http and SMS_HTTP_URL');
  }
  if (v.SMS_CHANNEL !== 'outbox' && !v.SMS_HTTP_URL) throw new ConfigError(`Invalid configuration: SMS_HTTP_URL is required when SMS_CHANNEL=${v.SMS_CHANNEL}`);
  if (v.SMS_CHANNEL === 'brandname' && (!v.SMS_BRANDNAME_API_KEY || !v.SMS_BRANDNAME_SECRET_KEY)) {
    throw new ConfigError('Invalid configuration: SMS_BRANDNAME_API_KEY and SMS_BRANDNAME_SECRET_KEY are required when SMS_CHANNEL=brandname');
  }
  // PGlite is one embedded connection inside one process: a second process cannot open its data
  if (v.WEB_CONCURRENCY > 1 && v.DATABASE_URL === undefined) {
    throw new ConfigError(`Invalid configuration: WEB_CONCURRENCY=${v.WEB_CONCURRENCY} needs PostgreSQL (DATABASE_URL); the embedded PGlite database runs in one process only: unset WEB_CONCURRENCY or set it to 1`);
  }
  if (v.WEB_CONCURRENCY > 1 && v.PROCESS_ROLE === 'worker') {
    throw new ConfigError('Invalid configuration: WEB_CONCURRENCY sets the number of API processes and PROCESS_ROLE=worker runs none; start more worker processes instead');
  }
  if (v.DATABASE_REPLICA_URL !== undefined && v.DATABASE_URL === undefined) {
    throw new ConfigError('Invalid configuration: DATABASE_REPLICA_URL is a replica of DATABASE_URL; set DATABASE_URL too');
  }
  const s3Keys = [v.FILES_S3_ACCESS_KEY_ID, v.FILES_S3_SECRET_ACCESS_KEY].filter((k) => k !== undefined).length;
  if (s3Keys === 1) throw new ConfigError('Invalid configuration: FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY go together (or leave both unset to use the SDK\'s default credentials)');
  if (v.FILES_S3_BUCKET === undefined && (v.FILES_S3_ENDPOINT !== undefined || s3Keys > 0)) {
    throw new ConfigError('Invalid configuration: FILES_S3_BUCKET is required when another FILES_S3_ variable is set');
  }
  // npm runs workspace scripts inside server/; paths are relative to where the person typed the command
  const fromCwd = (p: string) => path.resolve(env.INIT_CWD ?? process.cwd(), p);
  return {
    port: v.PORT,
    host: v.HOST,
    publicUrl: (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/$/, ''),
    databaseUrl: v.DATABASE_URL,
    dataDir: v.DATA_DIR ? fromCwd(v.DATA_DIR) : REPO_DATA_DIR,
    demoMode,
    logLevel: v.LOG_LEVEL,
    logRequests: v.LOG_REQUESTS ?? env.NODE_ENV !== 'production',
    provincePack: v.PROVINCE_PACK,
    dataEncryptionKey: key,
    sms: {
      channel: v.SMS_CHANNEL,
      httpUrl: v.SMS_HTTP_URL,
      httpToken: v.SMS_HTTP_TOKEN,
      sender: v.SMS_SENDER,
      brandname: v.SMS_BRANDNAME_API_KEY && v.SMS_BRANDNAME_SECRET_KEY ? { apiKey: v.SMS_BRANDNAME_API_KEY, secretKey: v.SMS_BRANDNAME_SECRET_KEY, unicode: v.SMS_UNICODE } : null,
    },
    processRole: v.PROCESS_ROLE,
    webConcurrency: v.WEB_CONCURRENCY,
    databaseReplicaUrl: v.DATABASE_REPLICA_URL,
    filesS3: v.FILES_S3_BUCKET === undefined ? null : {
      endpoint: v.FILES_S3_ENDPOINT,
      bucket: v.FILES_S3_BUCKET,
      region: v.FILES_S3_REGION,
      accessKeyId: v.FILES_S3_ACCESS_KEY_ID,
      secretAccessKey: v.FILES_S3_SECRET_ACCESS_KEY,
      forcePathStyle: v.FILES_S3_FORCE_PATH_STYLE,
    },
    webDistDir: v.WEB_DIST_DIR ? fromCwd(v.WEB_DIST_DIR) : REPO_WEB_DIST,
    trustProxy: v.TRUST_PROXY,
  };
}

/** The settings every registered module declares. */
export function moduleSettings(modules: readonly { settings?: SettingsDefinition<unknown> }[] = MODULES): SettingsDefinition<unknown>[] {
  return modules.flatMap((m) => (m.settings ? [m.settings] : []));
}

export function loadConfig(env: Env = process.env): Config {
  const platform = readPlatform(env);
  const modules = Object.fromEntries(moduleSettings().map((s) => [s.name, s.read(env, platform)]));
  return { ...platform, modules };
}
