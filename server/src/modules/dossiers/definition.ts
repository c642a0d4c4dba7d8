// Builds the dossiers module from its ports, so index.ts wires the real modules and a
// test can wire stand-ins.
import type { ModuleDefinition, Platform } from '../../platform/module.ts';
import { RateLimiter } from '../../platform/rate-limit.ts';
import { messages } from './messages.ts';
import { dossierRoutes } from './routes.ts';
import { DossierService, type Ports } from './service.ts';

export interface DossiersApi {
  /** The applicant's dossiers, for the personal-data export. */
  exportFor(userId: string): Promise<unknown>;
}

/** `created` hands the service to tests (e.g. to render PDFs uncompressed). */
export function createDossiersModule(ports: (platform: Platform) => Ports, created?: (service: DossierService, platform: Platform) => void): ModuleDefinition<DossiersApi> {
  return {
    name: 'dossiers',
    migrations: new URL('./migrations/', import.meta.url),
    create(platform) {
      const service = new DossierService(platform, ports(platform));
      const api: DossiersApi = { exportFor: (userId) => service.exportFor(userId) };
      created?.(service, platform);
      platform.jobs.define({ name: 'dossiers.due-soon', cron: '0 7 * * 1-5', handler: async () => void (await service.remindDueSoon()) });
      return {
        api,
        messages,
        routes: (app) => dossierRoutes(app, service, new RateLimiter(platform.db)),
        features: [
          { key: 'dossiers', face: 'citizen' },
          { key: 'dossiers', face: 'staff' },
          { key: 'service-indicators', face: 'leader' },
        ],
      };
    },
  };
}
