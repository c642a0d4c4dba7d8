import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import { CitizensQuery, CitizensReply, WorkReply } from '@cds/contracts/dashboard';
import type { DashboardService } from './service.ts';

export function dashboardRoutes(app: App, service: DashboardService): void {
  app.get('/api/dashboard/citizens', {
    config: { policy: policy.ability('dashboard.view') },
    schema: {
      tags: ['dashboard'],
      summary: 'Registered citizens by commune and sign-ups per day (last 30 days) in an area',
      querystring: CitizensQuery,
      response: { 200: CitizensReply },
    },
  }, async (request) => service.citizens(requirePrincipal(request), request.query.area));

  app.get('/api/dashboard/work', {
    config: { policy: policy.ability('dashboard.view') },
    schema: {
      tags: ['dashboard'],
      summary: 'Reports open, overdue and resolved on time by agency and commune, satisfaction, and the weekly trend in an area',
      querystring: CitizensQuery,
      response: { 200: WorkReply },
    },
  }, async (request) => service.work(requirePrincipal(request), request.query.area));
}
