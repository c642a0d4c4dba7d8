// Product photos: recognised by their bytes, decoded and re-encoded with sharp (which drops
// EXIF, so a seller's home position does not leak), resized, with a square thumbnail. Same
// rules as report photos; HEIC is not taken here (phones' share sheets send JPEG).
import { MAX_PRODUCT_PHOTOS } from '@cds/contracts/market.rules';
import { detectFileType } from '../../platform/files.ts';
import { invalidField } from '../../platform/errors.ts';
import { loadSharp } from '../../platform/lazy.ts';

const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
const FULL_EDGE = 1200;
const THUMB_EDGE = 320;
const MAX_PIXELS = 50_000_000;

export interface ProcessedPhoto {
  full: Buffer;
  thumb: Buffer;
}

export async function processPhotos(photos: readonly string[], field = 'photos'): Promise<ProcessedPhoto[]> {
  if (photos.length > MAX_PRODUCT_PHOTOS) throw invalidField(field, 'market.photo_not_image');
  const out: ProcessedPhoto[] = [];
  for (const [i, data] of photos.entries()) out.push(await processPhoto(decode(data, `${field}.${i}`), `${field}.${i}`));
  return out;
}

/** One photo sent as base64 or a data: URL; errors name `field`. */
export async function processPhotoData(data: string, field: string): Promise<ProcessedPhoto> {
  return processPhoto(decode(data, field), field);
}

function decode(data: string, field: string): Buffer {
  const clean = data.replace(/^data:[^;]+;base64,/, '');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(clean)) throw invalidField(field, 'market.photo_not_image');
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length === 0) throw invalidField(field, 'market.photo_not_image');
  if (bytes.length > MAX_PHOTO_BYTES) throw invalidField(field, 'market.photo_too_large', { mb: MAX_PHOTO_BYTES / 1024 / 1024 });
  return bytes;
}

export async function processPhoto(bytes: Buffer, field: string): Promise<ProcessedPhoto> {
  const type = detectFileType(bytes);
  if (!type || type === 'application/pdf' || type === 'image/heic') throw invalidField(field, 'market.photo_not_image');
  const sharp = await loadSharp();
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate();
    const full = await image.clone().resize(FULL_EDGE, FULL_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
    const thumb = await image.clone().resize(THUMB_EDGE, THUMB_EDGE, { fit: 'cover' }).jpeg({ quality: 70 }).toBuffer();
    return { full, thumb };
  } catch {
    throw invalidField(field, 'market.photo_broken');
  }
}

/** A small demo photo: a coloured square with soft stripes, drawn at seed time (nothing binary in the repo). */
export async function demoPhoto(rgb: readonly [number, number, number]): Promise<Buffer> {
  const [r, g, b] = rgb;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480"><rect width="480" height="480" fill="rgb(${r},${g},${b})"/>`
    + `<circle cx="240" cy="240" r="150" fill="rgba(255,255,255,0.35)"/><circle cx="240" cy="240" r="90" fill="rgba(0,0,0,0.12)"/></svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}
