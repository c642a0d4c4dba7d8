// Leaders' dashboard (bảng điều hành): indicators of the leader's area.
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { identityModule } from '../identity/index.ts';
import { reportsModule } from '../reports/index.ts';
import { messages } from './messages.ts';
import { dashboardAbilities } from './policy.ts';
import { dashboardRoutes } from './routes.ts';
import { DashboardService } from './service.ts';

export const dashboardModule: ModuleDefinition<void> = {
  name: 'dashboard',
  abilities: dashboardAbilities,
  create(platform) {
    const areas = platform.use(areasModule);
    const identity = platform.use(identityModule);
    const service = new DashboardService(areas, identity, platform.pack.provinceCode, platform.use(reportsModule));
    return {
      api: undefined,
      messages,
      routes: (app) => dashboardRoutes(app, service),
      features: [{ key: 'dashboard', face: 'leader' }],
    };
  },
};
