// cameras: public cameras (traffic, river, border-gate approach) with their place and HLS
// stream, for citizens to watch during floods and at the border; in demo mode a local HLS
// test stream made with ffmpeg.
import path from 'node:path';
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { ensureDemoStream } from './demo-stream.ts';
import { messages } from './messages.ts';
import { cameraRoutes } from './routes.ts';
import { seedDemoCameras } from './seed.ts';
import { CameraService } from './service.ts';

export type CamerasApi = Record<string, never>;

export const camerasModule: ModuleDefinition<CamerasApi> = {
  name: 'cameras',
  migrations: new URL('./migrations/', import.meta.url),
  create(platform) {
    const service = new CameraService(platform, { areas: platform.use(areasModule) });
    const demoDir = platform.config.demoMode ? path.join(platform.config.dataDir, 'cameras-demo') : null;
    if (demoDir) {
      // in the background: the server answers at once, the stream appears a few seconds later
      void ensureDemoStream(demoDir).then(
        (ok) => (ok ? undefined : platform.log.warn('cameras: ffmpeg is not available; demo cameras show a still picture')),
        (err: unknown) => platform.log.error({ err }, 'cameras: the demo stream could not be made'),
      );
    }
    return {
      api: {},
      messages,
      routes: (app) => cameraRoutes(app, service, demoDir),
      seed: async ({ demo }) => {
        if (demo) await seedDemoCameras(platform.db.kysely);
      },
      features: [{ key: 'cameras', face: 'citizen' }],
    };
  },
};
