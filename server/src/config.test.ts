import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { ConfigError, loadConfig, moduleSettings, PLATFORM_VARIABLES } from './config.ts';
import { identitySettings } from './modules/identity/index.ts';

const key = Buffer.alloc(32, 1).toString('base64');

describe('configuration', () => {
  it('defaults to the embedded database in demo mode', () => {
    const c = loadConfig({});
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.demoMode, true);
    assert.equal(c.port, 3000);
    assert.equal(c.publicUrl, 'http://localhost:3000');
  });

  it('turns demo mode off by default with a real database', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATA_ENCRYPTION_KEY: key, SMS_CHANNEL: 'http', SMS_HTTP_URL: 'https://sms.example.vn/send' });
    assert.equal(c.demoMode, false);
  });

  it('needs DEMO_MODE=true for demo mode on a public address or in production', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3100' }).demoMode, true);
    assert.equal(loadConfig({ PUBLIC_URL: 'https://congdanso.example.vn', DEMO_MODE: 'true' }).demoMode, true);
    for (const env of [{ PUBLIC_URL: 'https://congdanso.example.vn' }, { NODE_ENV: 'production' }]) {
      assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && /DATA_ENCRYPTION_KEY is required when DEMO_MODE is off/.test(err.message));
      const c = loadConfig({ ...env, DATA_ENCRYPTION_KEY: key, SMS_CHANNEL: 'http', SMS_HTTP_URL: 'https://sms.example.vn/send' });
      assert.equal(c.demoMode, false, JSON.stringify(env));
    }
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT/],
    [{ DEMO_MODE: 'maybe' }, /DEMO_MODE must be true or false/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ DATA_ENCRYPTION_KEY: 'short' }, /DATA_ENCRYPTION_KEY/],
    [{ DATABASE_URL: 'postgres://u@h/db' }, /DATA_ENCRYPTION_KEY is required/],
    [{ DATABASE_URL: 'postgres://u@h/db', DATA_ENCRYPTION_KEY: key }, /SMS_CHANNEL=outbox only works with DEMO_MODE/],
    [{ SMS_CHANNEL: 'http' }, /SMS_HTTP_URL is required/],
    [{ PROVINCE_PACK: '../etc' }, /PROVINCE_PACK/],
    // variables a module declares in its settings.ts are read at boot the same way
    [{ OTP_TTL_SECONDS: '5' }, /^Invalid configuration: OTP_TTL_SECONDS must be a whole number from 30 to 3600 \(got "5"\)$/],
    [{ EID_REDIRECT_URI: 'not a url' }, /^Invalid configuration: EID_REDIRECT_URI must be a URL/],
    [{ EID_CLIENT_SECRET: 'x', SESSION_TTL_HOURS: '0' }, /SESSION_TTL_HOURS must be a whole number from 1 to 8760/],
    // several processes cannot share one embedded database
    [{ WEB_CONCURRENCY: '4' }, /^Invalid configuration: WEB_CONCURRENCY=4 needs PostgreSQL \(DATABASE_URL\); the embedded PGlite database runs in one process only/],
    [{ WEB_CONCURRENCY: '0' }, /WEB_CONCURRENCY must be a whole number from 1 to 64/],
    [{ DATABASE_URL: 'postgres://u@h/db', DEMO_MODE: 'true', WEB_CONCURRENCY: '2', PROCESS_ROLE: 'worker' }, /PROCESS_ROLE=worker runs none/],
    [{ DATABASE_REPLICA_URL: 'postgres://u@replica/db' }, /DATABASE_REPLICA_URL is a replica of DATABASE_URL/],
    [{ FILES_S3_ENDPOINT: 'http://127.0.0.1:9000' }, /FILES_S3_BUCKET is required/],
    [{ FILES_S3_BUCKET: 'cds', FILES_S3_ACCESS_KEY_ID: 'k' }, /FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY go together/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)}`, () => {
      assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && message.test(err.message));
    });
  }

  it('reads the scaling settings: API processes, a read replica, files on S3', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@primary/db', DATABASE_REPLICA_URL: 'postgres://u@replica/db', DEMO_MODE: 'true', WEB_CONCURRENCY: '3', PROCESS_ROLE: 'api',
      FILES_S3_ENDPOINT: 'http://127.0.0.1:9000', FILES_S3_BUCKET: 'cds-files', FILES_S3_ACCESS_KEY_ID: 'k', FILES_S3_SECRET_ACCESS_KEY: 's', FILES_S3_FORCE_PATH_STYLE: 'true' });
    assert.equal(c.webConcurrency, 3);
    assert.equal(c.processRole, 'api');
    assert.equal(c.databaseReplicaUrl, 'postgres://u@replica/db');
    assert.deepEqual(c.filesS3, { endpoint: 'http://127.0.0.1:9000', bucket: 'cds-files', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true });
    const d = loadConfig({});
    assert.equal(d.webConcurrency, 1);
    assert.equal(d.filesS3, null, 'local disk stays the default');
    assert.equal(d.databaseReplicaUrl, undefined);
  });

  it("gives each module its own settings, with defaults that depend on the platform's", () => {
    const c = loadConfig({ PUBLIC_URL: 'https://congdanso.example.vn/', DEMO_MODE: 'true', OTP_MAX_ATTEMPTS: '3' });
    const identity = identitySettings.of(c);
    assert.equal(identity.otp.maxAttempts, 3);
    assert.equal(identity.sessionTtlHours, 720);
    assert.equal(identity.eid.redirectUri, 'https://congdanso.example.vn/api/auth/eid/callback');
    assert.equal(identity.eid.issuer, undefined);
    assert.equal('eid' in c, false, 'eID settings are not the platform\'s');
  });

  it('.env.example documents every variable the platform and the modules read, and nothing else', () => {
    const example = fs.readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
    const declared = [PLATFORM_VARIABLES, ...moduleSettings().map((s) => s.variables)].flatMap((o) => Object.keys(o.properties)).sort();
    assert.deepEqual(documented, declared);
  });

  it('stops the process with one line naming the variable', () => {
    const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
    const res = spawnSync(process.execPath, ['--import', 'tsx', main], { env: { ...process.env, PORT: 'not-a-port' }, encoding: 'utf8', timeout: 30000 });
    assert.equal(res.status, 1);
    assert.equal(res.stderr.trim(), 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "not-a-port")');
  });
});
