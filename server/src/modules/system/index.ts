// Platform endpoints: health, the brand and list of available features, OpenAPI.
import type { Feature, ModuleDefinition } from '../../platform/module.ts';
import { systemRoutes } from './routes.ts';

/** Created last, so it can list the features of every other module. */
export const systemModule = (listFeatures: () => Feature[]): ModuleDefinition<void> => ({
  name: 'system',
  create: (platform) => ({ api: undefined, routes: (app) => systemRoutes(app, platform, listFeatures) }),
});
