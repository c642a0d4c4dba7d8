import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalFileStore, detectFileType } from './files.ts';

describe('file store', () => {
  it('recognises files by content, not by name', () => {
    assert.equal(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0])), 'image/jpeg');
    assert.equal(detectFileType(Buffer.from('%PDF-1.7\n')), 'application/pdf');
    assert.equal(detectFileType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
    assert.equal(detectFileType(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0')), 'image/heic');
    assert.equal(detectFileType(Buffer.from('<html>not an image</html>')), null);
    assert.equal(detectFileType(Buffer.alloc(0)), null);
  });

  it('stores content once under its hash and reads it back', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-files-'));
    const store = new LocalFileStore(root);
    const a = await store.put(Buffer.from('hello'));
    const b = await store.put(Buffer.from('hello'));
    assert.equal(a.id, b.id);
    assert.equal(a.size, 5);
    assert.equal((await store.get(a.id))?.toString(), 'hello');
    assert.equal(await store.get('../../etc/passwd'), null);
    assert.equal(await store.get('0'.repeat(64)), null);
    await fs.rm(root, { recursive: true, force: true });
  });
});
