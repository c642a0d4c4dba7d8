// Photos sent with a report: recognised by their bytes, decoded and re-encoded with sharp
// (which drops EXIF, so no camera serial or home location leaks), resized, with a small
// thumbnail. The GPS position in the original, if any, is read first and offered back.
import type { Sharp } from 'sharp';
import { detectFileType } from '../../platform/files.ts';
import { loadSharp } from '../../platform/lazy.ts';
import { invalidField } from '../../platform/errors.ts';

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
const FULL_EDGE = 1600;
const THUMB_EDGE = 320;
const MAX_PIXELS = 50_000_000;

export interface ProcessedPhoto {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  gps: { lat: number; lon: number } | null;
}

export function decodeBase64Photo(data: string, field: string): Buffer {
  const clean = data.replace(/^data:[^;]+;base64,/, '');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(clean)) throw invalidField(field, 'reports.photo_not_image');
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length === 0) throw invalidField(field, 'reports.photo_not_image');
  if (bytes.length > MAX_PHOTO_BYTES) throw invalidField(field, 'reports.photo_too_large', { mb: MAX_PHOTO_BYTES / 1024 / 1024 });
  return bytes;
}

/** Every photo of a list (base64 or data: URLs), each error naming its place in the list. */
export async function processPhotos(photos: string[] | undefined, field = 'photos'): Promise<ProcessedPhoto[]> {
  if (!photos?.length) return [];
  if (photos.length > MAX_PHOTOS) throw invalidField(field, 'reports.too_many_photos', { max: MAX_PHOTOS });
  const out: ProcessedPhoto[] = [];
  for (const [i, data] of photos.entries()) out.push(await processPhoto(decodeBase64Photo(data, `${field}.${i}`), `${field}.${i}`));
  return out;
}

export async function processPhoto(bytes: Buffer, field: string): Promise<ProcessedPhoto> {
  const type = detectFileType(bytes);
  if (!type || type === 'application/pdf') throw invalidField(field, 'reports.photo_not_image');
  // loaded outside the try: a package that cannot load is the server's fault, not the photo's
  await loadSharp();
  try {
    const { image, exif } = type === 'image/heic' ? await openHeic(bytes) : await openWithSharp(bytes);
    const full = await image.clone().resize(FULL_EDGE, FULL_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    const thumb = await image.clone().resize(THUMB_EDGE, THUMB_EDGE, { fit: 'cover' }).jpeg({ quality: 70 }).toBuffer();
    return { full: full.data, thumb, width: full.info.width, height: full.info.height, gps: exif ? gpsFromExif(exif) : null };
  } catch {
    throw invalidField(field, 'reports.photo_broken');
  }
}

/** A decoded photo, upright, ready to resize; plus the original's EXIF block (for GPS). */
interface OpenedPhoto {
  image: Sharp;
  exif: Buffer | undefined;
}

async function openWithSharp(bytes: Buffer): Promise<OpenedPhoto> {
  const sharp = await loadSharp();
  const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  return { image: sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate(), exif: meta.exif };
}

/**
 * iPhone photos. sharp's prebuilt libvips reads the HEIF container (so EXIF) but has no HEVC
 * decoder, so the pixels come from libheif compiled to WebAssembly. libheif already applies the
 * HEIF rotation boxes, so no EXIF rotation is needed.
 */
async function openHeic(bytes: Buffer): Promise<OpenedPhoto> {
  const sharp = await loadSharp();
  const exif = await sharp(bytes).metadata().then((m) => m.exif, () => undefined);
  // imported on first use: the WebAssembly bundle is several MB
  const { default: heic } = await import('heic-decode');
  const images = await heic.all({ buffer: bytes });
  try {
    const first = images[0];
    if (!first || first.width * first.height > MAX_PIXELS) throw new Error('no HEIC image of an acceptable size');
    const { width, height, data } = await first.decode();
    const rgba = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return { image: sharp(rgba, { raw: { width, height, channels: 4 } }), exif };
  } finally {
    images.dispose();
  }
}

/** Reads GPSLatitude/GPSLongitude from a raw EXIF block (TIFF layout). */
export function gpsFromExif(exif: Buffer): { lat: number; lon: number } | null {
  try {
    const start = exif.toString('ascii', 0, 4) === 'Exif' ? 6 : 0;
    const tiff = exif.subarray(start);
    const le = tiff.toString('ascii', 0, 2) === 'II';
    const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
    const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
    const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12);
    const gpsEntry = entries(u32(4)).find((e) => u16(e) === 0x8825);
    if (gpsEntry === undefined) return null;
    const tags = new Map(entries(u32(gpsEntry + 8)).map((e) => [u16(e), e]));
    const ref = (tag: number) => {
      const e = tags.get(tag);
      return e === undefined ? '' : tiff.toString('ascii', e + 8, e + 9);
    };
    const dms = (tag: number) => {
      const e = tags.get(tag);
      if (e === undefined) return NaN;
      const at = u32(e + 8);
      const r = (i: number) => u32(at + i * 8) / u32(at + i * 8 + 4);
      return r(0) + r(1) / 60 + r(2) / 3600;
    };
    const lat = dms(2) * (ref(1) === 'S' ? -1 : 1);
    const lon = dms(4) * (ref(3) === 'W' ? -1 : 1);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
  } catch {
    return null;
  }
}
