import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';

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
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)}`, () => {
      assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && message.test(err.message));
    });
  }

  it('stops the process with one line naming the variable', () => {
    const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
    const res = spawnSync(process.execPath, ['--import', 'tsx', main], { env: { ...process.env, PORT: 'not-a-port' }, encoding: 'utf8', timeout: 30000 });
    assert.equal(res.status, 1);
    assert.equal(res.stderr.trim(), 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "not-a-port")');
  });
});
