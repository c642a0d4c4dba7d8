import { Type } from 'typebox';
import { policy } from '../../platform/auth.ts';
import type { App, Feature, Platform } from '../../platform/module.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { describeInstallation } from './service.ts';

export async function systemRoutes(app: App, platform: Platform, listFeatures: () => Feature[]): Promise<void> {
  app.get('/api/health', {
    config: { policy: policy.public },
    schema: {
      tags: ['system'],
      summary: 'Liveness and readiness: the database answers and every migration is applied',
      response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.String() }) },
    },
  }, async (_request, reply) => {
    try {
      const pending = await pendingMigrations(platform.db);
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
        200: Type.Object({
          province: Type.Object({ code: Type.String(), name: Type.String() }),
          brand: Type.Object({
            appName: Type.String(), shortName: Type.String(), tagline: Type.String(), hotline: Type.String(),
            colors: Type.Object({ primary: Type.String(), primaryContrast: Type.String(), accent: Type.String() }),
          }),
          demoMode: Type.Boolean(),
          features: Type.Array(Type.Object({ key: Type.String(), face: Type.String() })),
        }),
      },
    },
  }, async () => describeInstallation(platform, listFeatures()));

  app.get('/api/openapi.json', { config: { policy: policy.public }, schema: { hide: true } }, async () => app.swagger());
}
