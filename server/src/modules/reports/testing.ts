// For the reports tests: the app with every module reports works with (identity for
// sign-in, notifications for notices), whether or not modules/index.ts lists them yet.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { buildApp } from '../../app.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { createTestApp, createTestDatabase, testConfig, type TestApp } from '../../../test/helpers.ts';
import { MODULES } from '../index.ts';
import { areasModule } from '../areas/index.ts';
import { identityModule } from '../identity/index.ts';
import { notificationsModule } from '../notifications/index.ts';
import { open311Module } from '../open311/index.ts';
import { reportsModule } from './index.ts';

export async function createReportsTestApp(): Promise<TestApp> {
  const needed: ModuleDefinition[] = [areasModule, identityModule, notificationsModule, reportsModule, open311Module] as ModuleDefinition[];
  const listed = (m: ModuleDefinition) => MODULES.includes(m);
  if (needed.every(listed) && MODULES.indexOf(notificationsModule as ModuleDefinition) < MODULES.indexOf(reportsModule as ModuleDefinition)) return createTestApp();
  const { db, drop } = await createTestDatabase();
  const modules = [...needed, ...MODULES.filter((m) => !needed.includes(m))];
  const built = await buildApp({ config: testConfig(), db, logger: false, modules });
  await built.start({ seed: true, work: false });
  await built.app.ready();
  return { ...built, db, teardown: async () => { await built.close(); await drop(); } };
}

/** A small JPEG, optionally with a GPS position in its EXIF. */
export async function jpeg(opts: { gps?: { lat: string; lon: string }; width?: number } = {}): Promise<Buffer> {
  let img = sharp({ create: { width: opts.width ?? 80, height: 60, channels: 3, background: '#5a7' } }).jpeg();
  if (opts.gps) img = img.withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: opts.gps.lat, GPSLongitudeRef: 'E', GPSLongitude: opts.gps.lon } });
  return img.toBuffer();
}

/** A real 64×48 HEIC (HEVC) photo with GPS 21°51′N 106°45′36″E; left half red, top half yellowish. See fixtures/README.md. */
export function heic(): Buffer {
  return readFileSync(new URL('./fixtures/photo-gps.heic', import.meta.url));
}
