import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { createFileStore, LocalFileStore, S3FileStore, detectFileType, type FileStore } from './files.ts';
import { loadConfig } from '../config.ts';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

describe('file store', () => {
  it('recognises files by content, not by name', () => {
    assert.equal(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0])), 'image/jpeg');
    assert.equal(detectFileType(Buffer.from('%PDF-1.7\n')), 'application/pdf');
    assert.equal(detectFileType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
    assert.equal(detectFileType(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0')), 'image/heic');
    assert.equal(detectFileType(Buffer.from('<html>not an image</html>')), null);
    assert.equal(detectFileType(Buffer.alloc(0)), null);
  });

  it('is local disk by default and an S3 bucket when FILES_S3_BUCKET is set', () => {
    assert.ok(createFileStore(loadConfig({})) instanceof LocalFileStore);
    const s3 = createFileStore(loadConfig({ FILES_S3_BUCKET: 'cds-files', FILES_S3_ENDPOINT: 'http://127.0.0.1:9000', FILES_S3_FORCE_PATH_STYLE: 'true' }));
    assert.ok(s3 instanceof S3FileStore);
    void s3.destroy();
  });
});

// The same behaviour on both stores: local disk, and an S3-compatible server (s3rver, started
// here on a free port over a temporary folder, so the suite needs no outside service).
const stores: { name: string; open: () => Promise<{ store: FileStore; close: () => Promise<void> }> }[] = [
  {
    name: 'local disk',
    open: async () => {
      const root = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-files-'));
      return { store: new LocalFileStore(root), close: () => fs.rm(root, { recursive: true, force: true }) };
    },
  },
  {
    name: 'S3-compatible store',
    open: async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-s3rver-'));
      const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'cds-files' }] });
      const { port } = await server.run();
      const store = new S3FileStore({ endpoint: `http://127.0.0.1:${port}`, bucket: 'cds-files', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
      return {
        store,
        close: async () => {
          await store.destroy();
          await server.close();
          await fs.rm(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

for (const { name, open } of stores) {
  describe(`file store on ${name}`, () => {
    let store: FileStore;
    let close: () => Promise<void>;
    before(async () => ({ store, close } = await open()));
    after(async () => close());

    it('stores content once under its hash and reads it back', async () => {
      const a = await store.put(Buffer.from('hello'));
      const b = await store.put(Buffer.from('hello'));
      assert.equal(a.id, b.id);
      assert.equal(a.id, '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
      assert.equal(a.size, 5);
      assert.equal((await store.get(a.id))?.toString(), 'hello');
      assert.equal(await store.get('../../etc/passwd'), null);
      assert.equal(await store.get('0'.repeat(64)), null);
    });

    it('streams a stored file and answers null for one it does not hold', async () => {
      const bytes = Buffer.alloc(300_000, 7);
      bytes.write('%PDF-1.7');
      const { id } = await store.put(bytes);
      const stream = await store.stream(id);
      assert.ok(stream);
      assert.ok((await readAll(stream)).equals(bytes));
      assert.equal(await store.stream('f'.repeat(64)), null);
      assert.equal(await store.stream('not-an-id'), null);
    });

    it('deletes a file; deleting it again or an unknown id is no error', async () => {
      const { id } = await store.put(Buffer.from('personal data to erase'));
      await store.delete(id);
      assert.equal(await store.get(id), null);
      await store.delete(id);
      await store.delete('../x');
      // other content is untouched
      const kept = await store.put(Buffer.from('kept'));
      assert.equal((await store.get(kept.id))?.toString(), 'kept');
    });
  });
}
