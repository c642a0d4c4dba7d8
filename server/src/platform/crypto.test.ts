import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataCipher, loadDataKey, randomToken, safeEqual, sha256 } from './crypto.ts';

const key = Buffer.alloc(32, 3);

describe('personal data encryption', () => {
  it('round-trips text, with a fresh IV each time', () => {
    const cipher = new DataCipher(key);
    const a = cipher.encrypt('020085001234', 'users.personal_id');
    const b = cipher.encrypt('020085001234', 'users.personal_id');
    assert.notEqual(a, b);
    assert.ok(!a.includes('020085001234'));
    assert.equal(cipher.decrypt(a, 'users.personal_id'), '020085001234');
    assert.equal(cipher.decrypt(cipher.encrypt('Nguyễn Văn An', 'x'), 'x'), 'Nguyễn Văn An');
  });

  it('refuses a value moved to another field, a changed value, or another key', () => {
    const cipher = new DataCipher(key);
    const sealed = cipher.encrypt('020085001234', 'users.personal_id');
    assert.throws(() => cipher.decrypt(sealed, 'users.address'));
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    assert.throws(() => cipher.decrypt(`v1:${raw.toString('base64')}`, 'users.personal_id'));
    assert.throws(() => new DataCipher(Buffer.alloc(32, 4)).decrypt(sealed, 'users.personal_id'));
    assert.throws(() => cipher.decrypt('v0:abc', 'users.personal_id'), /unknown ciphertext format/);
  });

  it('gives a stable keyed hash per purpose', () => {
    const cipher = new DataCipher(key);
    assert.equal(cipher.mac('personal_id', '020085001234'), cipher.mac('personal_id', '020085001234'));
    assert.notEqual(cipher.mac('personal_id', '020085001234'), cipher.mac('otp', '020085001234'));
    assert.notEqual(cipher.mac('personal_id', '020085001234'), new DataCipher(Buffer.alloc(32, 4)).mac('personal_id', '020085001234'));
  });

  it('uses DATA_ENCRYPTION_KEY when set', () => {
    assert.deepEqual(loadDataKey({ dataEncryptionKey: key.toString('base64'), demoMode: false, dataDir: '/nonexistent' }), key);
  });

  it('in demo mode without a key, creates DATA_DIR/secret.key once (0600) and keeps using it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-key-'));
    try {
      const first = loadDataKey({ dataEncryptionKey: undefined, demoMode: true, dataDir: dir });
      assert.equal(first.length, 32);
      const file = path.join(dir, 'secret.key');
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.deepEqual(loadDataKey({ dataEncryptionKey: undefined, demoMode: true, dataDir: dir }), first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to run without a key outside demo mode', () => {
    assert.throws(() => loadDataKey({ dataEncryptionKey: undefined, demoMode: false, dataDir: os.tmpdir() }), /DATA_ENCRYPTION_KEY/);
  });

  it('makes random tokens and hashes', () => {
    const t = randomToken(32);
    assert.match(t, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(t, randomToken(32));
    assert.equal(sha256('abc'), sha256('abc'));
    assert.ok(safeEqual('abc', 'abc'));
    assert.ok(!safeEqual('abc', 'abd'));
    assert.ok(!safeEqual('abc', 'abcd'));
  });
});
