// File storage, content-addressed: a file is stored once under its SHA-256, so a photo
// sent twice (an offline retry) takes no extra space and ids cannot be guessed from
// order. Local disk under DATA_DIR/files by default, or any S3-compatible store (AWS,
// MinIO, Ceph, a Vietnamese cloud's object storage) when FILES_S3_BUCKET is set, so API
// processes on several machines share files. Metadata (who uploaded what, for which
// record) lives in the owning module's tables.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { PlatformSettings } from '../config.ts';

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
  /** The bytes as a stream (large files sent on without holding them in memory); null when absent. */
  stream(id: string): Promise<Readable | null>;
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

  async stream(id: string): Promise<Readable | null> {
    if (!ID.test(id)) return null;
    // opened before it is returned, so a missing file is null here and not an error mid-reply
    const handle = await fs.open(this.pathOf(id)).catch(() => null);
    return handle ? handle.createReadStream() : null;
  }

  async delete(id: string): Promise<void> {
    if (!ID.test(id)) return;
    await fs.rm(this.pathOf(id), { force: true });
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// the SDK is loaded only when a bucket is configured: it adds a second to every start otherwise
const sdk = () => import('@aws-sdk/client-s3');

/** The same store on an S3-compatible bucket; keys are `files/ab/cd/<sha256>` as on disk. */
export class S3FileStore implements FileStore {
  private client: Promise<S3Client> | undefined;
  private readonly bucket: string;

  constructor(private readonly settings: NonNullable<PlatformSettings['filesS3']>) {
    this.bucket = settings.bucket;
  }

  private s3(): Promise<S3Client> {
    const settings = this.settings;
    this.client ??= sdk().then(({ S3Client }) => new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      // unset keys: the SDK's own chain (environment, instance role, web identity)
      credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
      // SDK ≥ 3.729 adds CRC32 checksums to every upload, which many S3-compatible stores refuse
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }));
    return this.client;
  }

  private keyOf(id: string): string {
    return `files/${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
  }

  async put(bytes: Buffer): Promise<StoredFile> {
    const id = sha256(bytes);
    // an object appears whole or not at all, so no temporary name as on disk; the same bytes
    // put twice overwrite themselves
    const { PutObjectCommand } = await sdk();
    await (await this.s3()).send(new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(id), Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' }));
    return { id, size: bytes.length };
  }

  async get(id: string): Promise<Buffer | null> {
    const body = await this.body(id);
    return body ? Buffer.from(await body.transformToByteArray()) : null;
  }

  async stream(id: string): Promise<Readable | null> {
    return (await this.body(id)) as Readable | null;
  }

  async delete(id: string): Promise<void> {
    if (!ID.test(id)) return;
    const { DeleteObjectCommand } = await sdk();
    await (await this.s3()).send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(id) }));
  }

  private async body(id: string) {
    if (!ID.test(id)) return null;
    const { GetObjectCommand, NoSuchKey } = await sdk();
    try {
      const res = await (await this.s3()).send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(id) }));
      return res.Body ?? null;
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
      throw err;
    }
  }

  /** Closes the SDK's kept-alive connections. */
  async destroy(): Promise<void> {
    if (this.client) (await this.client).destroy();
  }
}

/** Local disk under DATA_DIR/files unless FILES_S3_BUCKET names a bucket. */
export function createFileStore(config: Pick<PlatformSettings, 'dataDir' | 'filesS3'>): FileStore {
  return config.filesS3 ? new S3FileStore(config.filesS3) : new LocalFileStore(path.join(config.dataDir, 'files'));
}
