import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { decodePushKeys, encryptPushMessage, MAX_PUSH_PAYLOAD } from './push-crypto.ts';
import { sendOnThreads } from './push-pool.ts';
import { fitted, generateVapidKeys, PushSender, type PushTarget } from './push.ts';

const require = createRequire(import.meta.url);
// the coder web-push-testing (the push services' own test server) decrypts with
const ece = require('http_ece') as { decrypt(buf: Buffer, params: { version: string; privateKey: ECDH; authSecret: Buffer }): Buffer };

function device(): { ecdh: ECDH; auth: Buffer; p256dh: string; authB64: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString('base64url'), authB64: auth.toString('base64url') };
}

describe('Web Push message encryption (RFC 8291, aes128gcm)', () => {
  it('writes what http_ece decrypts with the device keys, in one 4096-byte record', () => {
    const d = device();
    const text = JSON.stringify({ title: 'Lũ quét ở Xã Thất Khê', body: 'Di chuyển lên chỗ cao ngay.' });
    const body = encryptPushMessage(decodePushKeys(d.p256dh, d.authB64)!, Buffer.from(text));
    assert.equal(ece.decrypt(body, { version: 'aes128gcm', privateKey: d.ecdh, authSecret: d.auth }).toString(), text);
    assert.equal(body.readUInt32BE(16), 4096, 'record size');
    assert.equal(body[20], 65, 'key id: our uncompressed P-256 public key');
  });

  it('uses a fresh salt and ephemeral key for every message', () => {
    const d = device();
    const keys = decodePushKeys(d.p256dh, d.authB64)!;
    const a = encryptPushMessage(keys, Buffer.from('x'));
    const b = encryptPushMessage(keys, Buffer.from('x'));
    assert.notDeepEqual(a.subarray(0, 16), b.subarray(0, 16));
    assert.notDeepEqual(a.subarray(21, 86), b.subarray(21, 86));
  });

  it('refuses keys of the wrong length or form, and a payload beyond one message', () => {
    const d = device();
    assert.equal(decodePushKeys(d.p256dh.slice(0, 40), d.authB64), null);
    assert.equal(decodePushKeys(d.p256dh, randomBytes(8).toString('base64url')), null);
    assert.equal(decodePushKeys(Buffer.concat([Buffer.from([3]), randomBytes(64)]).toString('base64url'), d.authB64), null);
    assert.throws(() => encryptPushMessage(decodePushKeys(d.p256dh, d.authB64)!, Buffer.alloc(MAX_PUSH_PAYLOAD + 1)), RangeError);
  });

  it('shortens a long Vietnamese body so the payload fits one message', () => {
    const json = fitted({ title: 'Cảnh báo lũ', body: 'Nước suối dâng nhanh, người dân di chuyển lên chỗ cao. '.repeat(200), url: '/canh-bao/1' });
    assert.ok(Buffer.byteLength(json) <= MAX_PUSH_PAYLOAD, `${Buffer.byteLength(json)} bytes`);
    const parsed = JSON.parse(json) as { body: string; url: string };
    assert.ok(parsed.body.endsWith('…'));
    assert.equal(parsed.url, '/canh-bao/1');
    assert.equal(fitted({ title: 'a', body: 'b', url: '/' }), JSON.stringify({ title: 'a', body: 'b', url: '/' }));
  });
});

describe('the push sender, on the main thread and on worker threads', () => {
  const devices = Array.from({ length: 8 }, device);
  const vapid = generateVapidKeys();
  // endpoint n: /push/<n>/<device>; 1 answers 410, 2 answers 429 once and then 201, 3 always 500
  const seen = new Map<string, number>();
  const decrypted: string[] = [];
  let url = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [, , n, dev] = (req.url ?? '').split('?')[0]!.split('/');
      const key = req.url ?? '';
      seen.set(key, (seen.get(key) ?? 0) + 1);
      const okHeaders = req.headers['content-encoding'] === 'aes128gcm' && String(req.headers.authorization).startsWith(`vapid t=`) && String(req.headers.authorization).endsWith(`k=${vapid.publicKey}`) && req.headers.urgency === 'high' && req.headers.ttl === '60';
      if (!okHeaders) return void res.writeHead(400).end();
      if (n === '1') return void res.writeHead(410).end();
      if (n === '2' && seen.get(key) === 1) return void res.writeHead(429, { 'retry-after': '0' }).end();
      if (n === '3') return void res.writeHead(500).end();
      const d = devices[Number(dev)]!;
      decrypted.push(ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: d.ecdh, authSecret: d.auth }).toString());
      res.writeHead(201).end();
    });
  });
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const targets = (run: string): PushTarget[] => [
    ...Array.from({ length: 40 }, (_, i) => ({ id: `${run}-ok-${i}`, endpoint: `${url}/push/0/${i % 8}?${run}${i}`, p256dh: devices[i % 8]!.p256dh, auth: devices[i % 8]!.authB64 })),
    { id: `${run}-gone`, endpoint: `${url}/push/1/0?${run}`, p256dh: devices[0]!.p256dh, auth: devices[0]!.authB64 },
    { id: `${run}-busy`, endpoint: `${url}/push/2/1?${run}`, p256dh: devices[1]!.p256dh, auth: devices[1]!.authB64 },
    { id: `${run}-broken`, endpoint: `${url}/push/3/2?${run}`, p256dh: devices[2]!.p256dh, auth: devices[2]!.authB64 },
    { id: `${run}-badkey`, endpoint: `${url}/push/0/3?${run}`, p256dh: 'AAAA', auth: devices[3]!.authB64 },
  ];

  for (const [name, threads] of [['the main thread', 0], ['two worker threads', 2]] as const) {
    it(`sorts every answer the same way on ${name}`, async () => {
      decrypted.length = 0;
      const sender = new PushSender({ vapid, subject: 'mailto:test@example.invalid', concurrency: 8, ttlSeconds: 60, maxRetryAfterMs: 10, threads, threadsFrom: 0 });
      const run = `r${threads}`;
      const stats = await sender.sendAll(targets(run), { title: 'Lũ quét', body: 'Di chuyển lên chỗ cao', url: '/canh-bao/1', tag: 'alert:1' }, 'high');
      assert.equal(stats.pushed, 44);
      assert.equal(stats.accepted, 41, 'the 40 and the one that was busy once');
      assert.deepEqual(stats.expiredIds.sort(), [`${run}-badkey`, `${run}-gone`]);
      assert.equal(stats.failed, 1);
      assert.ok(stats.acceptedIds.includes(`${run}-busy`));
      assert.equal(decrypted.length, 41);
      assert.ok(decrypted.every((t) => (JSON.parse(t) as { title: string }).title === 'Lũ quét'));
    });
  }

  it('really sends on the threads: every batch is answered by a thread', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ id: `t-${i}`, endpoint: `${url}/push/0/${i % 8}?t${i}`, p256dh: devices[i % 8]!.p256dh, auth: devices[i % 8]!.authB64 }));
    const job = { payload: '{"title":"x"}', ttlSeconds: 60, urgency: 'high' as const, authorizations: { [url]: `vapid t=x, k=${vapid.publicKey}` }, concurrency: 16, maxRetryAfterMs: 10 };
    const r = await sendOnThreads(many, job, 2);
    assert.equal(r.acceptedIds.length, 1200);
    assert.equal(r.batchesOnThreads, 3, '1200 targets in batches of 500');
  });
});
