// Harness of the reports tests: the app, and photos to send.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { createTestApp, type TestApp } from './helpers.ts';

/** The whole app (reports with identity for sign-in, notifications for notices, Open311). */
export function createReportsTestApp(): Promise<TestApp> {
  return createTestApp();
}

/** A small JPEG, optionally with a GPS position in its EXIF. */
export async function jpeg(opts: { gps?: { lat: string; lon: string }; width?: number } = {}): Promise<Buffer> {
  let img = sharp({ create: { width: opts.width ?? 80, height: 60, channels: 3, background: '#5a7' } }).jpeg();
  if (opts.gps) img = img.withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: opts.gps.lat, GPSLongitudeRef: 'E', GPSLongitude: opts.gps.lon } });
  return img.toBuffer();
}

/** A real 64×48 HEIC (HEVC) photo with GPS 21°51′N 106°45′36″E; left half red, top half yellowish. See fixtures/reports/README.md. */
export function heic(): Buffer {
  return readFileSync(new URL('./fixtures/reports/photo-gps.heic', import.meta.url));
}
