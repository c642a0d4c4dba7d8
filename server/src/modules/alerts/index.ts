// alerts: emergency alerts (cảnh báo khẩn cấp) in the CAP 1.2 model — drafting by the
// disaster-prevention command, approval by a second person, fan-out to everyone in the
// area on every channel, citizens' answers, public CAP documents and the Atom feed.
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { identityModule, USER_ANONYMISED } from '../identity/index.ts';
import { notificationsModule } from '../notifications/index.ts';
import { messages } from './messages.ts';
import { alertAbilities } from './policy.ts';
import * as repo from './repo.ts';
import { alertRoutes } from './routes.ts';
import { AlertService, FAN_OUT_JOB, RIVER_LEVEL_CROSSED, type RiverLevelCrossed } from './service.ts';

export interface AlertsApi {
  /** Runs the fan-out of a sent alert now (the job's handler). */
  fanOut(alertId: string): Promise<void>;
  /** Alerts in force now for a commune (or anywhere, with null), newest first: id and headline. */
  inForce(communeCode: string | null, limit: number): Promise<{ id: string; headline: string; severity: string }[]>;
}

/** Demo staff of the module: the alert officer of the provincial command. */
export const DEMO_ALERT_OFFICER = '0900000401';
const DEMO_LEADER = '0900000201';

export const alertsModule: ModuleDefinition<AlertsApi> = {
  name: 'alerts',
  migrations: new URL('./migrations/', import.meta.url),
  abilities: alertAbilities,
  create(platform) {
    const identity = platform.use(identityModule);
    const service = new AlertService(platform, { areas: platform.use(areasModule), identity, notifications: platform.use(notificationsModule) });
    identity.registerExporter('alerts', (userId) => repo.answersBy(platform.db.kysely, userId));
    identity.registerPersonalData('alerts', async () => ({ erased: [{ key: 'alerts.erased.answers' }], kept: [] }));
    return {
      api: {
        fanOut: (id) => service.fanOut(id),
        inForce: async (commune, limit) => (await service.list(null, { ...(commune ? { commune } : {}), current: true, limit })).items
          .map((a) => ({ id: a.id, headline: a.headline, severity: a.severity })),
      },
      messages,
      routes: (app) => alertRoutes(app, service),
      events: {
        [USER_ANONYMISED]: (event) => repo.eraseAnswers(platform.db.kysely, (event.payload as { userId: string }).userId),
        [RIVER_LEVEL_CROSSED]: async (event) => void (await service.suggestFromRiverLevel(event.payload as unknown as RiverLevelCrossed)),
      },
      jobs: [{ name: FAN_OUT_JOB, retryLimit: 3, handler: async (data: { alertId?: string }) => (data.alertId ? service.fanOut(data.alertId) : undefined) }],
      seed: async ({ demo }) => {
        if (!demo) return;
        await identity.seedDemoAccounts([
          {
            phone: DEMO_ALERT_OFFICER,
            fullName: 'Lương Văn Cảnh',
            communeCode: '05986',
            memberships: [{ role: 'alert_officer', agencyCode: 'UBND-20', areaCode: '20' }],
          },
        ]);
        const officer = await identity.findUserIdByPhone(DEMO_ALERT_OFFICER);
        const leader = await identity.findUserIdByPhone(DEMO_LEADER);
        if (officer && leader) await service.seedDemoExercise(officer, leader);
      },
      features: [
        { key: 'alerts', face: 'citizen' },
        { key: 'alerts', face: 'staff' },
      ],
    };
  },
};
