// environment: monitoring stations (trạm quan trắc) of air, river water level and rain;
// readings pushed by stations or imported from CSV; VN_AQI (Decision 1459/QĐ-TCMT) for
// citizens near them; a river crossing an alarm level is announced as an event
// (`environment.river_level_crossed`) for the alert officer to consider.
import type { ModuleDefinition, Platform } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { messages } from './messages.ts';
import { environmentRoutes } from './routes.ts';
import { seedDemoStations } from './seed.ts';
import { EnvironmentService, RIVER_LEVEL_CROSSED } from './service.ts';

export { RIVER_LEVEL_CROSSED };

/**
 * For `npm run import:environment`: imports readings from CSV with the module's own rules
 * (idempotent, alarm crossings announced) outside the running app, for any station.
 */
export function importReadingsCsv(platform: Pick<Platform, 'db' | 'events' | 'audit'>, csv: string): Promise<{ accepted: number; duplicates: number }> {
  // no person acts, so no place rule is asked
  const service = new EnvironmentService(platform, { areas: { isWithin: () => false, getCommune: () => undefined } });
  return service.importCsv(null, csv);
}

export interface EnvironmentApi {
  /** Imports readings from CSV text as the command line does (no person: any station). */
  importCsv(csv: string): Promise<{ accepted: number; duplicates: number }>;
}

export const environmentModule: ModuleDefinition<EnvironmentApi> = {
  name: 'environment',
  migrations: new URL('./migrations/', import.meta.url),
  create(platform) {
    const service = new EnvironmentService(platform, { areas: platform.use(areasModule) });
    return {
      api: { importCsv: (csv) => service.importCsv(null, csv) },
      messages,
      routes: (app) => environmentRoutes(app, service),
      seed: async ({ demo }) => {
        if (demo) await seedDemoStations(platform.db.kysely);
      },
      features: [{ key: 'environment', face: 'citizen' }],
    };
  },
};
