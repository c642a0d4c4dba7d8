// RFC 8291 message encryption for Web Push (aes128gcm content coding, RFC 8188), written on
// node:crypto rather than through `web-push`: the library validates and re-decodes the keys,
// rebuilds its options and runs the generic `http_ece` coder for every message, which cost
// about as much CPU again as the cryptography itself, and an alert fan-out does this for
// hundreds of thousands of devices. The tests decrypt what this writes with `http_ece`, the
// library the push services' own test server uses, so the two cannot drift apart.
import { createCipheriv, createECDH, createHmac, randomFillSync } from 'node:crypto';

/** One record holds the whole message: push services accept at most 4096 bytes of body. */
const RECORD_SIZE = 4096;
/** salt (16) + record size (4) + key id length (1) + key id (65) + padding delimiter (1) + GCM tag (16) */
const OVERHEAD = 16 + 4 + 1 + 65 + 1 + 16;
export const MAX_PUSH_PAYLOAD = RECORD_SIZE - OVERHEAD;

const KEY_INFO = Buffer.from('WebPush: info\0');
// HKDF-Expand's first block: info followed by the counter 0x01
const CEK_INFO = Buffer.from('Content-Encoding: aes128gcm\0\x01');
const NONCE_INFO = Buffer.from('Content-Encoding: nonce\0\x01');
const ONE = Buffer.from([0x01]);

// One ECDH object per thread: generateKeys() makes a fresh key pair on every call, and building
// the object each time cost a tenth of the message. Salts come from a buffer refilled 1,024 at a
// time, for the same reason.
const ephemeral = createECDH('prime256v1');
const salts = Buffer.alloc(16 * 1024);
let saltAt = salts.length;
function freshSalt(): Buffer {
  if (saltAt === salts.length) {
    randomFillSync(salts);
    saltAt = 0;
  }
  // a copy: the pool is overwritten when it runs out
  return Buffer.from(salts.subarray(saltAt, (saltAt += 16)));
}

const hmac = (key: Buffer, ...data: Buffer[]): Buffer => {
  const h = createHmac('sha256', key);
  for (const d of data) h.update(d);
  return h.digest();
};

/** A subscription's keys, decoded once per device rather than once per message. */
export interface PushKeys {
  /** the user agent's P-256 public key, 65 bytes uncompressed */
  p256dh: Buffer;
  /** the user agent's authentication secret, 16 bytes */
  auth: Buffer;
}

/** Decodes and checks a subscription's base64url keys; null when no message could ever be encrypted to them. */
export function decodePushKeys(p256dh: string, auth: string): PushKeys | null {
  const key = Buffer.from(p256dh, 'base64url');
  const secret = Buffer.from(auth, 'base64url');
  if (key.length !== 65 || key[0] !== 0x04 || secret.length < 16) return null;
  return { p256dh: key, auth: secret };
}

/**
 * The body of one push message: the aes128gcm header (salt, record size, our ephemeral public
 * key) and the single encrypted record. A fresh ephemeral key pair and salt every message
 * (RFC 8291 section 3.1); throws if the device's key is not a point on P-256.
 */
export function encryptPushMessage(keys: PushKeys, plaintext: Buffer): Buffer {
  if (plaintext.length > MAX_PUSH_PAYLOAD) throw new RangeError(`push payload of ${plaintext.length} bytes exceeds ${MAX_PUSH_PAYLOAD}`);
  const serverPublic = ephemeral.generateKeys();
  const sharedSecret = ephemeral.computeSecret(keys.p256dh);
  // RFC 5869 HKDF written out: every output here is at most one SHA-256 block, so Extract and
  // one Expand step are two HMACs, a third of what node's hkdfSync costs per call
  // IKM = HKDF(salt: auth secret, IKM: ECDH secret, info: "WebPush: info" 0 ua_public as_public, 32)
  const prkKey = hmac(keys.auth, sharedSecret);
  const ikm = hmac(prkKey, KEY_INFO, keys.p256dh, serverPublic, ONE);
  const salt = freshSalt();
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, CEK_INFO).subarray(0, 16);
  const nonce = hmac(prk, NONCE_INFO).subarray(0, 12);

  const header = Buffer.alloc(16 + 4 + 1);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header[20] = serverPublic.length;
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  // 0x02: the last (and only) record, no further padding
  const body = Buffer.concat([cipher.update(plaintext), cipher.update(Buffer.from([0x02])), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([header, serverPublic, body]);
}
