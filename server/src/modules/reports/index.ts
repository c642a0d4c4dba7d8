// reports: citizen reports (phản ánh kiến nghị) — filing, tracking, the public map, the
// staff workflow with deadlines, and the API the Open311 module speaks through.
import type { Principal } from '../../platform/auth.ts';
import type { ModuleDefinition, Platform } from '../../platform/module.ts';
import { bindPolicy } from '../../platform/policy.ts';
import { areasModule, type AreasApi } from '../areas/index.ts';
import { identityModule, USER_ANONYMISED } from '../identity/index.ts';
import { notificationsModule } from '../notifications/index.ts';
import { CategoryCatalog, type CategoryView } from './catalog.ts';
import type { ReportsContext } from './context.ts';
import { demoStaffPlan, seedDemoReports } from './demo.ts';
import { ReportJobs } from './jobs.ts';
import { reportsSettings } from './settings.ts';
import { messages } from './messages.ts';
import { reportAbilities, reportRules } from './policy.ts';
import type { AreasPort, NotifyPort, PeoplePort } from './ports.ts';
import { ReportPresenter } from './presenter.ts';
import * as repo from './repo.ts';
import { reportRoutes } from './routes.ts';
import { ReportsService, type CreateInput, type CreateOptions } from './service.ts';
import { StaffReports } from './staff.ts';
import { TileService } from './tiles.ts';
import { ReportTimeline } from './timeline.ts';
import { isOpen, OPEN_STATUSES, ReportWorkflow, type ReportStatus, type WorkflowSettings } from './workflow.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';

export type { CategoryView, CreateInput, ReportStatus };
export type ReportRecord = repo.ReportRecord;
export type ReportEvent = repo.EventRow;
export type ListFilter = repo.ListFilter;
export { isOpen };

export interface ReportsApi {
  categories(): Promise<CategoryView[]>;
  /** A leaf category reports may be filed under; throws a 400 naming `field` otherwise. */
  fileableCategory(code: string, field?: string): Promise<CategoryView>;
  create(principal: Principal | null, input: CreateInput, opts: CreateOptions): Promise<{ report: ReportRecord; created: boolean }>;
  find(idOrCode: string): Promise<ReportRecord | undefined>;
  /** Public reports (not hidden, not merged) matching the filter. */
  list(filter: ListFilter, opts: { sort: 'newest' | 'updated'; limit: number; offset: number }): Promise<{ items: ReportRecord[]; total: number }>;
  /** Public timeline entries of reports, in order. */
  publicEvents(reportIds: string[]): Promise<ReportEvent[]>;
  /** Public timeline entries across reports, after an event id (for update feeds). */
  eventsFeed(opts: { after?: Date; before?: Date; limit: number; offset: number }): Promise<(ReportEvent & { tracking_code: string })[]>;
  categoryName(code: string): Promise<string>;
  agencyName(id: string): Promise<string>;
  statusLabel(status: ReportStatus): string;
  /** Public photos of a report as absolute paths. */
  photoUrls(reportId: string): Promise<string[]>;
  exportFor(userId: string): Promise<unknown>;
  /** Leaders' figures: per agency and commune, and the weekly trend since a day (yyyy-MM-dd). */
  workStats(): Promise<repo.WorkStatsRow[]>;
  weeklyTrend(since: string): Promise<{ week: string; commune_code: string; received: number; resolved: number }[]>;
  /** Runs the deadline warning, escalation and auto-close sweeps now. */
  sweep(now?: Date): Promise<{ warned: number; escalated: number; closed: number }>;
}

function areasPort(areas: AreasApi): AreasPort {
  const ref = (a: { id: string; code: string; name: string } | undefined) => (a ? { id: a.id, code: a.code, name: a.name } : undefined);
  return {
    isWithin: (code, scope) => areas.isWithin(code, scope),
    locate: async (lat, lon) => {
      const r = await areas.locate(lat, lon);
      return r ? { commune: { code: r.commune.code, name: r.commune.name }, province: r.province } : null;
    },
    commune: (code) => areas.getCommune(code),
    communeCentre: (code) => areas.communeCentre(code),
    agencyForCommune: async (code) => ref(await areas.agencyForCommune(code)),
    agencyByCode: async (code) => ref(await areas.getAgencyByCode(code)),
    agency: async (id) => ref(await areas.getAgency(id)),
    staffOf: async (agencyId) => (await areas.listMemberships({ agencyId })).map((m) => ({ userId: m.userId, role: m.role, areaCode: m.areaCode })),
  };
}

/** The inbox and identity are optional: without them reports work, without notices or names. */
function optionalUse<Api>(platform: Platform, def: ModuleDefinition<Api>): Api | undefined {
  try {
    return platform.use(def);
  } catch {
    platform.log.warn(`reports: module ${def.name} is not registered before reports`);
    return undefined;
  }
}

export const reportsModule: ModuleDefinition<ReportsApi> = {
  name: 'reports',
  migrations: new URL('./migrations/', import.meta.url),
  abilities: reportAbilities,
  settings: reportsSettings,
  create(platform) {
    const areas = platform.use(areasModule);
    const notifications = optionalUse(platform, notificationsModule);
    const identity = optionalUse(platform, identityModule);
    const people: PeoplePort = {
      people: async (ids) => {
        const found = new Map<string, { name: string; phone: string | null }>();
        for (const id of ids) {
          const u = await identity?.getUserSummary(id);
          if (u) found.set(id, { name: u.fullName, phone: u.phone });
        }
        return found;
      },
    };
    const db = platform.db.kysely;
    const places = areasPort(areas);
    const notifier: NotifyPort = { notify: async (n, trx) => notifications?.notify(n, trx) };
    const workflow = new ReportWorkflow(platform.pack.readJson<WorkflowSettings>('report-workflow.json'));
    const catalog = new CategoryCatalog(db, platform.pack);
    const context: ReportsContext = {
      db, publicDb: platform.replica.kysely, platform, workflow, catalog, areas: places, people, notifier,
      presenter: new ReportPresenter(db, catalog, workflow, places),
      timeline: new ReportTimeline(workflow, notifier),
      policy: bindPolicy(reportRules, places, 'reports.not_your_agency'),
    };
    const service = new ReportsService(context);
    const staff = new StaffReports(context);
    const jobs = new ReportJobs(context);
    const tiles = new TileService(db, (z, x, y) => areas.boundaryTile(z, x, y));
    // a report filed or moved on in any process (NOTIFY reaches them all) makes the cached public pages old
    const onEvent = (event: { type?: unknown }) => {
      if (typeof event.type === 'string' && event.type.startsWith('report.')) service.forgetPublicReads();
    };
    platform.events.live.on('event', onEvent);
    identity?.registerExporter('reports', (userId) => service.exportFor(userId));
    identity?.registerPersonalData('reports', (userId) => service.describePersonalData(userId));
    const api: ReportsApi = {
      categories: async () => (await catalog.tree()).flatMap((c) => [c, ...(c.children ?? [])]),
      fileableCategory: async (code, field) => catalog.view(await catalog.fileable(code, field)),
      create: (principal, input, opts) => service.create(principal, input, opts),
      find: (idOrCode) => repo.findReport(db, idOrCode),
      list: (filter, opts) => repo.list(db, { filter, publicOnly: true, sort: opts.sort, limit: opts.limit, offset: opts.offset }),
      publicEvents: (ids) => repo.publicEvents(db, ids),
      eventsFeed: (opts) => repo.eventsFeed(db, opts),
      categoryName: (code) => catalog.name(code),
      agencyName: (id) => context.presenter.agencyName(id),
      statusLabel: (status) => workflow.statusLabel(status),
      photoUrls: async (reportId) => (await context.presenter.publicView([(await repo.findReport(db, reportId))!]))[0]!.photos.map((p) => p.url),
      exportFor: (userId) => service.exportFor(userId),
      sweep: (now) => jobs.sweep(now),
      workStats: () => repo.workStats(db, toLocalDate(new Date()), OPEN_STATUSES),
      weeklyTrend: (since) => repo.weeklyTrend(db, since),
    };
    return {
      api,
      messages,
      stop: async () => void platform.events.live.off('event', onEvent),
      routes: (app) => reportRoutes(app, { service, staff, tiles, catalog, workflow }),
      jobs: [{ name: 'reports.sweep', cron: '*/15 * * * *', handler: async () => void (await jobs.sweep()) }],
      events: { [USER_ANONYMISED]: (event) => service.erasePersonalData((event.payload as { userId: string }).userId) },
      seed: async ({ demo }) => {
        await catalog.seed();
        if (!demo) return;
        // staff first: every agency a category routes to gets someone to read its reports
        const routings = (await catalog.tree()).flatMap((c) => [c.routing, ...c.children.map((k) => k.routing)]);
        const plan = demoStaffPlan(routings, areas.communesIn(platform.pack.provinceCode), platform.pack.provinceCode);
        await identity?.seedDemoAccounts(plan.accounts);
        const made = await seedDemoReports({ db, platform, areas, catalog }, reportsSettings.of(platform.config).demoCount);
        if (made > 0) platform.log.info(`demo: ${made} reports seeded across the province`);
      },
      features: [{ key: 'reports', face: 'citizen' }, { key: 'reports', face: 'staff' }],
    };
  },
};
