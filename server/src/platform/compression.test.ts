// Compressed replies: built web files from their precompressed copies (made once at build
// time), JSON compressed per request, and nothing compressed for a client that did not ask.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { chooseEncoding } from './compression.ts';

describe('chooseEncoding', () => {
  it('prefers brotli, falls back to gzip, and refuses a coding the client gave q=0', () => {
    assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
    assert.equal(chooseEncoding('gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
    assert.equal(chooseEncoding('BR ; q=0.8'), 'br');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*, br;q=0'), 'gzip');
    assert.equal(chooseEncoding('gzip;q=0, br;q=0'), null);
    assert.equal(chooseEncoding('identity'), null);
    assert.equal(chooseEncoding('deflate'), null);
    assert.equal(chooseEncoding(''), null);
    assert.equal(chooseEncoding(undefined), null);
  });
});

describe('compressed replies', () => {
  let t: TestApp;
  let dist: string;
  const script = `console.log(${JSON.stringify('Công dân số '.repeat(300))});\n`;
  before(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    const files = { 'index.html': `<!doctype html><title>Công dân số</title>${'<p>x</p>'.repeat(300)}`, 'assets/app-abc123.js': script };
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dist, name);
      fs.writeFileSync(file, text);
      // each copy carries a mark, so the test knows the stored copy was sent, not one compressed on the fly
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(`${text}/*br*/`));
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(`${text}/*gz*/`));
    }
    t = await createTestApp({ config: { WEB_DIST_DIR: dist } });
  });
  after(async () => {
    await t.teardown();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) => t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends the brotli copy of a built file to a browser that accepts it, gzip to one that accepts only gzip', async () => {
    const br = await get('/assets/app-abc123.js', 'gzip, deflate, br');
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), `${script}/*br*/`);
    assert.match(String(br.headers['cache-control']), /immutable/);
    const gz = await get('/assets/app-abc123.js', 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), `${script}/*gz*/`);
    const plain = await get('/assets/app-abc123.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, script);
  });

  it('sends the app shell compressed for a client-side route', async () => {
    const res = await get('/bao-cao/moi', 'br');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.match(zlib.brotliDecompressSync(res.rawPayload).toString(), /<title>Công dân số<\/title>.*\/\*br\*\/$/s);
  });

  it('compresses a large JSON reply and leaves it alone for a client that did not ask', async () => {
    const gz = await get('/api/openapi.json', 'gzip');
    assert.equal(gz.statusCode, 200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    const doc = JSON.parse(zlib.gunzipSync(gz.rawPayload).toString()) as { paths: object };
    assert.ok(Object.keys(doc.paths).length > 10);
    const plain = await get('/api/openapi.json');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal((plain.json() as { paths: object }).paths !== undefined, true);
  });

  it('compresses a JSON reply held in memory, the same bytes every time, and tells caches it varies', async () => {
    const plain = await get('/api/features');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.length > 1024, 'the feature list is big enough to compress');
    const first = await get('/api/features', 'gzip, deflate, br');
    const again = await get('/api/features', 'gzip, deflate, br');
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['content-encoding'], 'br');
    assert.match(String(first.headers.vary), /accept-encoding/i);
    assert.equal(zlib.brotliDecompressSync(first.rawPayload).toString(), plain.body);
    assert.deepEqual(again.rawPayload, first.rawPayload);
    assert.ok(first.rawPayload.length < plain.rawPayload.length);
    const gz = await get('/api/features', 'br;q=0, gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), plain.body);
    const refused = await get('/api/features', 'br;q=0, gzip;q=0');
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.equal(refused.body, plain.body);
  });

  it('leaves a small reply and one the client asked not to compress as they are', async () => {
    const health = await get('/api/health', 'br');
    assert.equal(health.statusCode, 200);
    assert.equal(health.headers['content-encoding'], undefined);
    const asked = await t.app.inject({ method: 'GET', url: '/api/features', headers: { 'accept-encoding': 'br', 'x-no-compression': '1' } });
    assert.equal(asked.headers['content-encoding'], undefined);
    assert.ok(JSON.parse(asked.body));
  });

  it('compresses a map tile, which decompresses to the tile', async () => {
    // Lạng Sơn city at zoom 10: commune boundaries, more than a kilobyte
    const z = 10;
    const lat = (21.85 * Math.PI) / 180;
    const x = Math.floor(((106.76 + 180) / 360) * 2 ** z);
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z);
    const plain = await get(`/api/tiles/${z}/${x}/${y}.mvt`);
    assert.equal(plain.statusCode, 200);
    assert.ok(plain.rawPayload.length > 1024, `tile of ${plain.rawPayload.length} bytes`);
    const gz = await get(`/api/tiles/${z}/${x}/${y}.mvt`, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers.etag, plain.headers.etag);
    assert.deepEqual(zlib.gunzipSync(gz.rawPayload), plain.rawPayload);
  });
});
