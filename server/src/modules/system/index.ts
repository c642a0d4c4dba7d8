// Platform endpoints: health, the brand and list of available features, OpenAPI; and the
// embedded database's vacuuming (maintenance.ts).
import { collectMigrations } from '../../db/migrate.ts';
import type { Feature, ModuleDefinition } from '../../platform/module.ts';
import { maintenanceJobs } from './maintenance.ts';
import { systemRoutes } from './routes.ts';

/** Created last, so it can list the features and migrations of every other module. */
export const systemModule = (listFeatures: () => Feature[], modules: readonly ModuleDefinition[]): ModuleDefinition<void> => ({
  name: 'system',
  create: (platform) => {
    // the files do not change while the process runs; health checks should not re-read them
    const shipped = collectMigrations(modules);
    return { api: undefined, routes: (app) => systemRoutes(app, platform, listFeatures, () => shipped), jobs: maintenanceJobs(platform.db) };
  },
});
