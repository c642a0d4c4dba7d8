import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers.ts';
import { DataCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { OtpService } from './otp.ts';
import { IdentityRepo } from './repo.ts';

const settings = { ttlSeconds: 300, maxAttempts: 3, resendCooldownSeconds: 60 };

function fieldError(err: unknown, message: string): boolean {
  assert.ok(err instanceof AppError);
  assert.equal(err.status, 400);
  assert.deepEqual((err.details as { field: string; message: string }[]).map((d) => [d.field, d.message]), [['code', message]]);
  return true;
}

const wrong = (code: string) => (code === '000000' ? '000001' : '000000');

describe('one-time codes', () => {
  let tdb: TestDatabase;
  let now: Date;
  let otp: OtpService;
  let repo: IdentityRepo;
  before(async () => {
    tdb = await createTestDatabase();
    repo = new IdentityRepo(tdb.db);
    now = new Date('2026-03-01T10:00:00Z');
    otp = new OtpService(repo, new DataCipher(Buffer.alloc(32, 9)), settings, () => now);
  });
  after(() => tdb.drop());

  it('issues six random digits, stored only as a keyed hash', async () => {
    const issued = await otp.issue('0912000001', 'register');
    assert.match(issued.code, /^\d{6}$/);
    assert.equal(issued.expiresInSeconds, 300);
    assert.equal(issued.resendAfterSeconds, 60);
    const row = await repo.latestOtp('0912000001', 'register');
    assert.ok(row && !row.code_hash.includes(issued.code));
  });

  it('accepts the right code once', async () => {
    const { code } = await otp.issue('0912000002', 'register');
    const id = await otp.check('0912000002', 'register', code);
    await tdb.db.kysely.transaction().execute((trx) => otp.consume(id, trx));
    await assert.rejects(otp.check('0912000002', 'register', code), (e) => fieldError(e, 'identity.otp_expired'));
  });

  it('keeps purposes apart', async () => {
    const { code } = await otp.issue('0912000003', 'register');
    await assert.rejects(otp.check('0912000003', 'password_reset', code), (e) => fieldError(e, 'identity.otp_expired'));
  });

  it('refuses a wrong code and says how many tries are left', async () => {
    const { code } = await otp.issue('0912000004', 'register');
    await assert.rejects(otp.check('0912000004', 'register', wrong(code)), (e) => {
      assert.ok(e instanceof AppError);
      assert.deepEqual(e.details, [{ field: 'code', message: 'identity.otp_wrong', params: { remaining: 2 } }]);
      return true;
    });
    assert.ok(await otp.check('0912000004', 'register', code));
  });

  it('locks the code after the allowed number of tries, even with the right code', async () => {
    const { code } = await otp.issue('0912000005', 'register');
    await assert.rejects(otp.check('0912000005', 'register', wrong(code)), (e) => fieldError(e, 'identity.otp_wrong'));
    await assert.rejects(otp.check('0912000005', 'register', wrong(code)), (e) => fieldError(e, 'identity.otp_wrong'));
    await assert.rejects(otp.check('0912000005', 'register', wrong(code)), (e) => fieldError(e, 'identity.otp_exhausted'));
    await assert.rejects(otp.check('0912000005', 'register', code), (e) => fieldError(e, 'identity.otp_exhausted'));
  });

  it('expires after the time to live', async () => {
    const { code } = await otp.issue('0912000006', 'register');
    now = new Date(now.getTime() + 300 * 1000);
    await assert.rejects(otp.check('0912000006', 'register', code), (e) => fieldError(e, 'identity.otp_expired'));
  });

  it('waits for the cooldown before sending another code, and only the newest code counts', async () => {
    const first = await otp.issue('0912000007', 'register');
    now = new Date(now.getTime() + 59 * 1000);
    await assert.rejects(otp.issue('0912000007', 'register'), (e) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.status, 429);
      assert.equal(e.code, 'rate_limited');
      assert.deepEqual(e.details, { retryAfterSeconds: 1 });
      return true;
    });
    now = new Date(now.getTime() + 1000);
    const second = await otp.issue('0912000007', 'register');
    if (first.code !== second.code) await assert.rejects(otp.check('0912000007', 'register', first.code), (e) => fieldError(e, 'identity.otp_wrong'));
    assert.ok(await otp.check('0912000007', 'register', second.code));
  });

  it('forgets a code that could not be delivered, so the person may ask again at once', async () => {
    const issued = await otp.issue('0912000008', 'register');
    await otp.discard(issued.id);
    assert.ok(await otp.issue('0912000008', 'register'));
  });

  it('the daily sweep removes codes older than a day', async () => {
    await otp.issue('0912000009', 'password_reset');
    await repo.sweep(new Date(now.getTime() + 86400e3 - 1000));
    assert.ok(await repo.latestOtp('0912000009', 'password_reset'));
    await repo.sweep(new Date(now.getTime() + 86400e3 + 1000));
    assert.equal(await repo.latestOtp('0912000009', 'password_reset'), undefined);
  });
});
