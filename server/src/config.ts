// Environment -> typed configuration, validated once at boot. A wrong value stops the
// process with one line naming the variable, so an operator never has to read a stack.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoMode: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  provincePack: string;
  /** 32-byte key (base64) for personal data at rest; demo mode may generate one in DATA_DIR. */
  dataEncryptionKey: string | undefined;
  sessionTtlHours: number;
  otp: { ttlSeconds: number; maxAttempts: number; resendCooldownSeconds: number };
  sms: { channel: 'outbox' | 'http'; httpUrl: string | undefined; httpToken: string | undefined; sender: string };
  eid: {
    issuer: string | undefined;
    clientId: string;
    clientSecret: string | undefined;
    redirectUri: string;
    scope: string;
  };
  /** Which roles this process plays: the HTTP API, the background worker, or both. */
  processRole: 'all' | 'api' | 'worker';
  webDistDir: string;
  trustProxy: boolean;
}

export class ConfigError extends Error {}

const REPO_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

type Env = Record<string, string | undefined>;

function fail(name: string, expected: string, got: string): never {
  throw new ConfigError(`Invalid configuration: ${name} must be ${expected} (got "${got}")`);
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) fail(name, `a whole number from ${min} to ${max}`, raw);
  const n = Number(raw);
  if (n < min || n > max) fail(name, `a whole number from ${min} to ${max}`, raw);
  return n;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  return fail(name, 'true or false', raw);
}

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) fail(name, `one of ${allowed.join(', ')}`, raw);
  return raw as T;
}

function readUrl(env: Env, name: string, fallback?: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    const u = new URL(raw);
    if (!['http:', 'https:', 'postgres:', 'postgresql:'].includes(u.protocol)) throw new Error();
  } catch {
    fail(name, 'a URL', raw);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const port = readInt(env, 'PORT', 3000, 1, 65535);
  const databaseUrl = readUrl(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:/.test(databaseUrl)) fail('DATABASE_URL', 'a postgres:// URL', databaseUrl);
  const demoMode = readBool(env, 'DEMO_MODE', databaseUrl === undefined);
  const publicUrl = (readUrl(env, 'PUBLIC_URL', `http://localhost:${port}`) ?? '').replace(/\/$/, '');
  const key = env.DATA_ENCRYPTION_KEY || undefined;
  if (key !== undefined && Buffer.from(key, 'base64').length !== 32) {
    fail('DATA_ENCRYPTION_KEY', '32 bytes encoded in base64 (openssl rand -base64 32)', '…');
  }
  if (key === undefined && !demoMode) {
    throw new ConfigError('Invalid configuration: DATA_ENCRYPTION_KEY is required when DEMO_MODE is off (openssl rand -base64 32)');
  }
  const smsChannel = readEnum(env, 'SMS_CHANNEL', ['outbox', 'http'] as const, 'outbox');
  if (smsChannel === 'outbox' && !demoMode) {
    throw new ConfigError('Invalid configuration: SMS_CHANNEL=outbox only works with DEMO_MODE on; set SMS_CHANNEL=http and SMS_HTTP_URL');
  }
  const smsHttpUrl = readUrl(env, 'SMS_HTTP_URL');
  if (smsChannel === 'http' && !smsHttpUrl) throw new ConfigError('Invalid configuration: SMS_HTTP_URL is required when SMS_CHANNEL=http');
  const province = env.PROVINCE_PACK || 'lang-son';
  if (!/^[a-z0-9-]+$/.test(province)) fail('PROVINCE_PACK', 'a pack folder name such as lang-son', province);

  return {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl,
    databaseUrl,
    // npm runs workspace scripts inside server/; paths are relative to where the person typed the command
    dataDir: env.DATA_DIR ? path.resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR) : REPO_DATA_DIR,
    demoMode,
    logLevel: readEnum(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    provincePack: province,
    dataEncryptionKey: key,
    sessionTtlHours: readInt(env, 'SESSION_TTL_HOURS', 24 * 30, 1, 24 * 365),
    otp: {
      ttlSeconds: readInt(env, 'OTP_TTL_SECONDS', 300, 30, 3600),
      maxAttempts: readInt(env, 'OTP_MAX_ATTEMPTS', 5, 1, 20),
      resendCooldownSeconds: readInt(env, 'OTP_RESEND_COOLDOWN_SECONDS', 60, 0, 3600),
    },
    sms: {
      channel: smsChannel,
      httpUrl: smsHttpUrl,
      httpToken: env.SMS_HTTP_TOKEN || undefined,
      sender: env.SMS_SENDER || 'CONGDANSO',
    },
    eid: {
      issuer: readUrl(env, 'EID_ISSUER'),
      clientId: env.EID_CLIENT_ID || 'cong-dan-so',
      clientSecret: env.EID_CLIENT_SECRET || undefined,
      redirectUri: readUrl(env, 'EID_REDIRECT_URI', `${publicUrl}/api/auth/eid/callback`) ?? '',
      scope: env.EID_SCOPE || 'openid',
    },
    processRole: readEnum(env, 'PROCESS_ROLE', ['all', 'api', 'worker'] as const, 'all'),
    webDistDir: env.WEB_DIST_DIR ? path.resolve(env.INIT_CWD ?? process.cwd(), env.WEB_DIST_DIR) : fileURLToPath(new URL('../../web/dist', import.meta.url)),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
  };
}
