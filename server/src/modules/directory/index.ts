// Directory (danh bạ): every agency of the pack with where it is, when it opens and how to
// reach it; the hotlines that matter; welfare benefits (an sinh xã hội) and a short
// questionnaire. Agency staff keep their own entry current.
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { identityModule } from '../identity/index.ts';
import { proceduresModule } from '../procedures/index.ts';
import { messages } from './messages.ts';
import { directoryAbilities } from './policy.ts';
import { directoryRoutes } from './routes.ts';
import { DirectoryService } from './service.ts';

export type DirectoryApi = Record<string, never>;

export const directoryModule: ModuleDefinition<DirectoryApi> = {
  name: 'directory',
  migrations: new URL('./migrations/', import.meta.url),
  abilities: directoryAbilities,
  create(platform) {
    const service = new DirectoryService(platform, platform.use(areasModule), platform.use(proceduresModule));
    const identity = platform.use(identityModule);
    return {
      api: {},
      messages,
      routes: (app) => directoryRoutes(app, service),
      seed: async ({ demo }) => {
        await service.seed();
        if (!demo) return;
        await identity.seedDemoAccounts([{
          // lives in Phường Tam Thanh (Lương Văn Tri's resident count stays the pack's); heads Phường Lương Văn Tri's People's Committee
          phone: '0900000702', fullName: 'Hoàng Văn Bảo', communeCode: '05986',
          memberships: [{ role: 'agency_admin', agencyCode: 'UBND-05983', areaCode: '05983' }],
        }]);
      },
      features: [{ key: 'directory', face: 'citizen' }, { key: 'directory', face: 'staff' }],
    };
  },
};
