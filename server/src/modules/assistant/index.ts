// Assistant (trợ lý ảo): answers in Vietnamese typed any way, from the procedure catalogue,
// the asker's own dossiers and reports, and the province's contacts, with links into the
// app; logs what it could not answer so editors can teach it.
import type { ModuleDefinition } from '../../platform/module.ts';
import { RateLimiter } from '../../platform/rate-limit.ts';
import { alertsModule } from '../alerts/index.ts';
import { areasModule } from '../areas/index.ts';
import { dossiersModule } from '../dossiers/index.ts';
import { identityModule, USER_ANONYMISED } from '../identity/index.ts';
import { newsModule } from '../news/index.ts';
import { paymentsModule } from '../payments/index.ts';
import { proceduresModule } from '../procedures/index.ts';
import { reportsModule } from '../reports/index.ts';
import { OpenAiCompatibleRephraser } from './llm.ts';
import { messages } from './messages.ts';
import { assistantAbilities } from './policy.ts';
import * as repo from './repo.ts';
import { assistantRoutes } from './routes.ts';
import { AssistantService } from './service.ts';
import { assistantSettings } from './settings.ts';

export interface AssistantApi {
  /** Removes conversations past their expiry (also a job every hour); returns how many. */
  sweep(): Promise<number>;
}

export { assistantSettings };

const DEMO_EDITOR = '0900000701';

export const assistantModule: ModuleDefinition<AssistantApi> = {
  name: 'assistant',
  migrations: new URL('./migrations/', import.meta.url),
  settings: assistantSettings,
  abilities: assistantAbilities,
  create(platform) {
    const settings = assistantSettings.of(platform.config);
    const identity = platform.use(identityModule);
    const service = new AssistantService(platform, {
      procedures: platform.use(proceduresModule),
      dossiers: platform.use(dossiersModule),
      reports: platform.use(reportsModule),
      areas: platform.use(areasModule),
      payments: platform.use(paymentsModule),
      alerts: platform.use(alertsModule),
      news: platform.use(newsModule),
      homeCommune: async (userId) => (await identity.getUserSummary(userId))?.communeCode ?? null,
      rephraser: settings.llm ? new OpenAiCompatibleRephraser(settings.llm, platform.log) : null,
    });
    const reindex = async () => service.invalidate();
    // a person's conversations (slots they gave) are theirs; the masked question log is not
    identity.registerExporter('assistant', (userId) => repo.conversationsOf(platform.db.kysely, userId));
    identity.registerPersonalData('assistant', async () => ({ erased: [{ key: 'assistant.erased.conversations' }], kept: [] }));
    return {
      api: { sweep: () => service.sweep() },
      messages,
      routes: (app) => assistantRoutes(app, service, new RateLimiter(platform.db)),
      // the catalogue changed: answers come from the new one from the next question on
      events: {
        'procedure.created': reindex,
        'procedure.updated': reindex,
        [USER_ANONYMISED]: (event) => repo.eraseConversations(platform.db.kysely, (event.payload as { userId: string }).userId),
      },
      jobs: [{ name: 'assistant.sweep', cron: '17 * * * *', handler: async () => void (await service.sweep()) }],
      seed: async ({ demo }) => {
        if (!demo) return;
        await identity.seedDemoAccounts([{
          // lives and works in Phường Tam Thanh, like the other capability staff
          phone: DEMO_EDITOR, fullName: 'Hoàng Thị Mai', communeCode: '05986',
          memberships: [{ role: 'assistant_editor', agencyCode: 'UBND-20', areaCode: '20' }],
        }]);
        const editorId = await identity.findUserIdByPhone(DEMO_EDITOR);
        if (editorId) await service.seedDemo(editorId);
      },
      features: [{ key: 'assistant', face: 'citizen' }, { key: 'assistant', face: 'staff' }],
    };
  },
};
