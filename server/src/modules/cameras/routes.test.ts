// Public cameras over HTTP: the list and one camera for anyone, adding one for staff within
// their area, and the demo HLS stand-in: a real playlist whose segments are MPEG-TS.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn } from '../../../test/identity.ts';
import { ensureDemoStream } from './demo-stream.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
type Who = 'citizen' | 'officer' | 'otherOfficer' | 'admin';
const call = (method: 'GET' | 'POST', url: string, who?: Who, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

before(async () => {
  t = await createTestApp();
  for (const [who, phone] of Object.entries({ citizen: '0900000001', officer: '0900000101', otherOfficer: '0900000102', admin: '0900000901' })) {
    tokens[who] = (await signIn(t.app, phone)).token;
  }
});
after(() => t.teardown());

describe('watching cameras', () => {
  it('lists the demo cameras of every kind, and one by kind', async () => {
    const res = await call('GET', '/api/cameras');
    assert.equal(res.statusCode, 200);
    const kinds = new Set((res.json().items as { kind: string }[]).map((c) => c.kind));
    assert.deepEqual([...kinds].sort(), ['border_gate', 'river', 'traffic']);
    const river = await call('GET', '/api/cameras?kind=river');
    assert.ok(river.json().items.length >= 1);
    assert.ok(river.json().items.every((c: { kind: string }) => c.kind === 'river'));
    assert.equal((await call('GET', '/api/cameras?kind=drone')).statusCode, 400);
  });

  it('gives one camera, 404 for an unknown one, 400 for a bad id', async () => {
    const first = (await call('GET', '/api/cameras')).json().items[0];
    const one = await call('GET', `/api/cameras/${first.id}`);
    assert.equal(one.statusCode, 200);
    assert.match(one.json().streamUrl, /\.m3u8$/);
    assert.equal((await call('GET', '/api/cameras/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await call('GET', '/api/cameras/abc')).statusCode, 400);
  });
});

describe('adding cameras', () => {
  const input = (code: string, communeCode = '05983') => ({ code, name: 'Camera ngã ba', kind: 'traffic', lat: 21.85, lon: 106.76, communeCode, streamUrl: 'https://camera.example.vn/live/1.m3u8' });

  it('lets an officer add one in their commune, not elsewhere; never citizens or the signed-out', async () => {
    const res = await call('POST', '/api/cameras', 'officer', input('CAM-TEST-1'));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await call('POST', '/api/cameras', 'officer', input('CAM-TEST-1'))).statusCode, 409);
    assert.equal((await call('POST', '/api/cameras', 'otherOfficer', input('CAM-TEST-2'))).statusCode, 403);
    assert.equal((await call('POST', '/api/cameras', 'citizen', input('CAM-TEST-3'))).statusCode, 403);
    assert.equal((await call('POST', '/api/cameras', undefined, input('CAM-TEST-4'))).statusCode, 401);
  });

  it('refuses bad input naming the field', async () => {
    const bad = await call('POST', '/api/cameras', 'admin', { ...input('CAM-TEST-5'), streamUrl: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 400);
    assert.ok(JSON.stringify(bad.json().error.details).includes('streamUrl'));
    const commune = await call('POST', '/api/cameras', 'admin', input('CAM-TEST-6', '99999'));
    assert.equal(commune.statusCode, 400);
    assert.ok(JSON.stringify(commune.json().error.details).includes('communeCode'));
  });
});

describe('the demo stream', () => {
  it('is a real HLS playlist of MPEG-TS segments when ffmpeg is present, with a still picture always', async (ctx) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-cameras-'));
    try {
      const ok = await ensureDemoStream(dir);
      assert.ok((await fs.readFile(path.join(dir, 'snapshot.svg'), 'utf8')).startsWith('<svg'));
      if (!ok) return ctx.skip('ffmpeg is not installed');
      const playlist = await fs.readFile(path.join(dir, 'stream', 'index.m3u8'), 'utf8');
      assert.match(playlist, /^#EXTM3U/);
      assert.match(playlist, /#EXT-X-ENDLIST/);
      const segments = playlist.split('\n').filter((l) => l.endsWith('.ts'));
      assert.ok(segments.length >= 3, playlist);
      const seg = await fs.readFile(path.join(dir, 'stream', segments[0]!));
      // MPEG-TS packets are 188 bytes, each starting with the sync byte 0x47
      assert.equal(seg[0], 0x47);
      assert.equal(seg[188], 0x47);
      // made once: a second call keeps the files
      const before = (await fs.stat(path.join(dir, 'stream', 'index.m3u8'))).mtimeMs;
      assert.equal(await ensureDemoStream(dir), true);
      assert.equal((await fs.stat(path.join(dir, 'stream', 'index.m3u8'))).mtimeMs, before);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('serves the playlist, segments and snapshot from the data directory, and nothing else', async () => {
    const still = await call('GET', '/demo/cameras/snapshot.svg');
    assert.equal(still.statusCode, 200);
    assert.match(String(still.headers['content-type']), /image\/svg\+xml/);
    assert.equal((await call('GET', '/demo/cameras/..%2F..%2Fetc%2Fpasswd')).statusCode, 404);
    assert.equal((await call('GET', '/demo/cameras/offline.m3u8')).statusCode, 404);
    // the app's background job makes the stream in the shared test data directory
    const playlist = await call('GET', '/demo/cameras/index.m3u8');
    if (playlist.statusCode === 200) {
      assert.match(String(playlist.headers['content-type']), /application\/vnd\.apple\.mpegurl/);
      const seg = playlist.body.split('\n').find((l) => l.endsWith('.ts'))!;
      const res = await call('GET', `/demo/cameras/${seg}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'video/mp2t');
    } else assert.equal(playlist.statusCode, 404);
  });
});
