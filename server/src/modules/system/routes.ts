import { Healthy, Installation, Unavailable } from '@cds/contracts/system';
import { policy } from '../../platform/auth.ts';
import type { App, Feature, Platform } from '../../platform/module.ts';
import { pendingMigrations, type Migration } from '../../db/migrate.ts';
import { describeInstallation } from './service.ts';

export async function systemRoutes(app: App, platform: Platform, listFeatures: () => Feature[], shipped: () => Promise<Migration[]>): Promise<void> {
  app.get('/api/health', {
    config: { policy: policy.public },
    schema: {
      tags: ['system'],
      summary: 'Liveness and readiness: the database answers and every migration is applied',
      response: { 200: Healthy, 503: Unavailable },
    },
  }, async (_request, reply) => {
    try {
      const pending = await pendingMigrations(platform.db, await shipped());
      if (pending.length > 0) return reply.status(503).send({ status: 'unavailable', reason: `pending migrations: ${pending.join(', ')}` });
      return { status: 'ok' as const };
    } catch {
      return reply.status(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  app.get('/api/features', {
    config: { policy: policy.public },
    schema: {
      tags: ['system'],
      summary: 'The province brand and the capabilities this installation offers',
      response: {
        200: Installation,
      },
    },
  }, async () => describeInstallation(platform, listFeatures()));

  app.get('/api/openapi.json', { config: { policy: policy.public }, schema: { hide: true } }, async () => app.swagger());
}
