// Personal data at rest: AES-256-GCM for values we must read back (the personal ID
// number), keyed HMAC for values we only look up or compare (uniqueness, one-time codes).
// One 32-byte master key from configuration; separate subkeys are derived per use so a
// MAC never reveals anything about the encryption key.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

const KEY_FILE = 'secret.key';
const VERSION = 'v1';

/**
 * The master key: DATA_ENCRYPTION_KEY, or in demo mode a key generated once and kept in
 * DATA_DIR/secret.key (0600), so a demo keeps reading what it wrote across restarts.
 */
export function loadDataKey(config: Pick<Config, 'dataEncryptionKey' | 'demoMode' | 'dataDir'>): Buffer {
  if (config.dataEncryptionKey) return Buffer.from(config.dataEncryptionKey, 'base64');
  if (!config.demoMode) throw new Error('DATA_ENCRYPTION_KEY is required when DEMO_MODE is off');
  const file = path.join(config.dataDir, KEY_FILE);
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together keep one key
    fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}

function subkey(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `cds:${label}`, 32));
}

export class DataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the data encryption key must be 32 bytes');
    this.encKey = subkey(masterKey, 'aes-256-gcm');
    this.macKey = subkey(masterKey, 'hmac-sha256');
  }

  /** `context` (e.g. "users.personal_id") is bound to the ciphertext, so values cannot be swapped between fields. */
  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string, context: string): string {
    const [version, data] = sealed.split(':');
    if (version !== VERSION || !data) throw new Error('unknown ciphertext format');
    const raw = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash for lookups; `purpose` separates the spaces of different fields. */
  mac(purpose: string, value: string): string {
    return createHmac('sha256', this.macKey).update(`${purpose}\u0000${value}`).digest('base64url');
  }
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
