// File storage, content-addressed: a file is stored once under its SHA-256, so a photo
// sent twice (an offline retry) takes no extra space and ids cannot be guessed from
// order. Local disk under DATA_DIR/files by default. Metadata (who uploaded what, for
// which record) lives in the owning module's tables.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export type DetectedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf';

/** Recognises a file by its first bytes, never by its name or declared type. */
export function detectFileType(bytes: Buffer): DetectedType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12 && bytes.toString('ascii', 4, 8) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(bytes.toString('ascii', 8, 12))) return 'image/heic';
  if (bytes.length >= 5 && bytes.toString('ascii', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export interface StoredFile {
  id: string;
  size: number;
}

export interface FileStore {
  put(bytes: Buffer): Promise<StoredFile>;
  get(id: string): Promise<Buffer | null>;
  /**
   * Removes a file's bytes (personal data being erased). Content-addressed: the caller
   * checks first that none of its records still name the id.
   */
  delete(id: string): Promise<void>;
}

const ID = /^[0-9a-f]{64}$/;

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(id: string): string {
    return path.join(this.root, id.slice(0, 2), id.slice(2, 4), id);
  }

  async put(bytes: Buffer): Promise<StoredFile> {
    const id = createHash('sha256').update(bytes).digest('hex');
    const file = this.pathOf(id);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // write then rename, so a reader never sees half a file
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, file);
    return { id, size: bytes.length };
  }

  async get(id: string): Promise<Buffer | null> {
    if (!ID.test(id)) return null;
    return fs.readFile(this.pathOf(id)).catch(() => null);
  }

  async delete(id: string): Promise<void> {
    if (!ID.test(id)) return;
    await fs.rm(this.pathOf(id), { force: true });
  }
}
