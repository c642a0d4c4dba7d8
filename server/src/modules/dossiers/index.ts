// Dossiers (hồ sơ): applying online, one-stop-shop (một cửa) processing, letters as PDF,
// tracking by code, and the service-quality indicators of Decision 766.
import { areasModule } from '../areas/index.ts';
import { identityModule } from '../identity/index.ts';
import { notificationsModule } from '../notifications/index.ts';
import { proceduresModule } from '../procedures/index.ts';
import type { ModuleDefinition, Platform } from '../../platform/module.ts';
import { createDossiersModule } from './definition.ts';
import { describePersonalData } from './personal-data.ts';

export type { DossiersApi, PayableFee } from './definition.ts';

export const dossiersModule = createDossiersModule((platform) => {
  const areas = platform.use(areasModule);
  const identity = platform.use(identityModule);
  const procedures = platform.use(proceduresModule);
  return {
    procedures,
    areas: {
      getAgency: async (id) => (await areas.getAgency(id)) ?? null,
      isWithin: (code, scope) => areas.isWithin(code, scope),
      communeName: async (code) => areas.getCommune(code)?.name ?? null,
    },
    people: {
      person: async (userId) => {
        const u = await identity.getUserSummary(userId);
        return u ? { fullName: u.fullName, phone: u.phone ?? '' } : null;
      },
    },
    notifier: optionalUse(platform, notificationsModule) ?? null,
  };
}, (services, platform) => {
  const identity = platform.use(identityModule);
  identity.registerExporter('dossiers', (userId) => services.applying.exportFor(userId));
  identity.registerPersonalData('dossiers', (userId) => describePersonalData(platform.db.kysely, userId));
});

function optionalUse<Api>(platform: Platform, def: ModuleDefinition<Api>): Api | undefined {
  try {
    return platform.use(def);
  } catch {
    platform.log.warn(`dossiers: module ${def.name} is not registered before dossiers; citizens get no in-app notices`);
    return undefined;
  }
}
