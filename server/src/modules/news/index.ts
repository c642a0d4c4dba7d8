// News: official news and announcements (tin tức, thông báo) of agencies, written by their
// editors, reviewed by a second editor, targeted at the province or some communes, read by
// citizens on the home screen, the news page and RSS/Atom feeds.
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { identityModule, USER_ANONYMISED } from '../identity/index.ts';
import { notificationsModule } from '../notifications/index.ts';
import { messages } from './messages.ts';
import { newsAbilities } from './policy.ts';
import * as repo from './repo.ts';
import { newsRoutes } from './routes.ts';
import { seedDemoNews } from './seed.ts';
import { NewsService, PUBLISHED_EVENT } from './service.ts';

export interface NewsApi {
  /** Publishes scheduled items whose time has come (also a job every minute); returns how many. */
  publishDue(): Promise<number>;
  /** The latest published news of a commune (with the province's), newest first: id and title. */
  latest(communeCode: string | null, limit: number): Promise<{ id: string; title: string; publishedAt: string | null }[]>;
}

export const NEWS_PUBLISH_JOB = 'news-publish-due';

export const newsModule: ModuleDefinition<NewsApi> = {
  name: 'news',
  migrations: new URL('./migrations/', import.meta.url),
  abilities: newsAbilities,
  create(platform) {
    const identity = platform.use(identityModule);
    const service = new NewsService(platform, { areas: platform.use(areasModule), identity, notifications: platform.use(notificationsModule) });
    identity.registerExporter('news', async (userId) => ({ followedTopics: await repo.followsOf(platform.db.kysely, userId) }));
    identity.registerPersonalData('news', async () => ({ erased: [{ key: 'news.erased.follows' }], kept: [] }));
    return {
      api: {
        publishDue: () => service.publishDue(),
        latest: async (commune, limit) => (await service.list(null, { ...(commune ? { commune } : {}), limit }, 'vi')).items
          .map((n) => ({ id: n.id, title: n.title, publishedAt: n.publishedAt })),
      },
      messages,
      routes: (app) => newsRoutes(app, service),
      jobs: [{ name: NEWS_PUBLISH_JOB, cron: '* * * * *', handler: async () => void (await service.publishDue()) }],
      events: {
        [USER_ANONYMISED]: (event) => repo.eraseFollows(platform.db.kysely, (event.payload as { userId: string }).userId),
        [PUBLISHED_EVENT]: async (event) => {
          const p = event.payload as { newsId: string; version: number; reason: 'published' | 'major_update' };
          await service.notifyFollowers(p.newsId, p.version, p.reason);
        },
      },
      seed: async ({ demo }) => {
        if (demo) await seedDemoNews(platform, identity);
      },
      features: [{ key: 'news', face: 'citizen' }],
    };
  },
};
