// open311: the Open311 GeoReport v2 API over the reports module's api.
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { reportsModule } from '../reports/index.ts';
import * as repo from './repo.ts';
import { open311Routes } from './routes.ts';
import { hashKey, Open311Service } from './service.ts';

export interface Open311Api {
  /** Registers an API key (stored hashed) for a client that may file requests. */
  addKey(key: string, name: string): Promise<void>;
}

export const open311Module: ModuleDefinition<Open311Api> = {
  name: 'open311',
  migrations: new URL('./migrations/', import.meta.url),
  create(platform) {
    const service = new Open311Service(platform, platform.use(reportsModule), platform.use(areasModule));
    return {
      api: { addKey: (key, name) => repo.addKey(platform.db.kysely, hashKey(key), name) },
      routes: (app) => open311Routes(app, service),
    };
  },
};
