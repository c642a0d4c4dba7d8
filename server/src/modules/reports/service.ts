// Rules of citizen reports (phản ánh kiến nghị): filing (with photos, place, routing and
// deadline), duplicates and support (+1), following, rating and reopening, the public
// map and list. Staff handling lives in staff.ts; scheduled work in jobs.ts.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { AppError, badRequest, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import { checkAnswers, flattenCategories, type CategoryPack } from './categories.ts';
import { computeDueDate } from './deadline.ts';
import { decodeBase64Photo, MAX_PHOTOS, processPhoto, type ProcessedPhoto } from './photos.ts';
import { canReadAsStaff, isReporter, isStaff } from './policy.ts';
import type { AreasPort, PeoplePort, PlaceFound } from './ports.ts';
import * as repo from './repo.ts';
import type { Category, MyReport } from '@cds/contracts/reports';
import { iso, isPublicPhoto, photoView, timelineEntry, type PublicReport } from './views.ts';
import { isOpen, nextStatus, STATUSES, type ReportAction, type ReportStatus, type TransitionContext } from './workflow.ts';

export interface WorkflowSettings {
  labels: Record<ReportStatus, { vi: string; en: string }>;
  warnDaysBefore: number;
  autoCloseDays: number;
  reopenDays: number;
  duplicateRadiusMeters: number;
  duplicateWindowDays: number;
}

export interface NotifyPort {
  notify(n: { userId: string; kind: string; title: string; body: string; link?: string | null; dedupeKey?: string | null }, trx: Kysely<object>): Promise<void>;
}

export interface CreateInput {
  categoryCode: string;
  description: string;
  lat?: number;
  lon?: number;
  address?: string;
  communeCode?: string;
  anonymous?: boolean;
  answers?: Record<string, unknown>;
  /** base64 (or data: URL) photos */
  photos?: string[];
  contact?: repo.Contact;
}

export interface CreateOptions {
  source: 'app' | 'open311' | 'staff';
  clientId?: string;
}

/** A category, with its sub-categories when it is a top-level one. */
export type CategoryView = Category & { children?: Category[] };
export type { MyReport };

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newTrackingCode(): string {
  return `PA-${Array.from({ length: 8 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('')}`;
}

export class ReportsService {
  readonly settings: WorkflowSettings;
  private categoryCache: Map<string, repo.CategoryRow> | undefined;
  private readonly agencyNames = new Map<string, string>();

  constructor(
    readonly platform: Platform,
    readonly areas: AreasPort,
    readonly people: PeoplePort,
    readonly notifier: NotifyPort,
  ) {
    this.settings = platform.pack.readJson<WorkflowSettings>('report-workflow.json');
  }

  get db(): Kysely<object> {
    return this.platform.db.kysely;
  }

  /** The next status, with the province's label in the error when the move is not allowed. */
  transition(from: ReportStatus, action: ReportAction, ctx: TransitionContext = {}): ReportStatus {
    try {
      return nextStatus(from, action, ctx);
    } catch (err) {
      if (err instanceof AppError) throw conflict('reports.bad_transition', { status: this.statusLabel(from) });
      throw err;
    }
  }

  statusLabel(status: ReportStatus, locale: 'vi' | 'en' = 'vi'): string {
    return this.settings.labels[status]?.[locale] ?? status;
  }

  // ------------------------------------------------------------ categories

  /** Loads the pack's categories and templates once; later edits by admins are kept. */
  async seedCategories(): Promise<void> {
    const pack = this.platform.pack.readJson<CategoryPack>('report-categories.json');
    await this.db.transaction().execute(async (trx) => {
      for (const c of flattenCategories(pack)) {
        await repo.t(trx).insertInto('report_categories').values({
          code: c.code, parent_code: c.parentCode, name: c.name, name_en: c.nameEn, description: c.description, icon: c.icon,
          routing: c.routing, deadline_days: c.deadlineDays, questions: JSON.stringify(c.questions), keywords: c.keywords, sort: c.sort,
        }).onConflict((oc) => oc.column('code').doNothing()).execute();
      }
      const existing = await repo.t(trx).selectFrom('report_templates').select('id').limit(1).execute();
      if (existing.length === 0) {
        for (const tpl of pack.templates ?? []) {
          await repo.t(trx).insertInto('report_templates').values({ category_code: tpl.category, title: tpl.title, body: tpl.body }).execute();
        }
      }
    });
    this.categoryCache = undefined;
  }

  async categoryMap(): Promise<Map<string, repo.CategoryRow>> {
    if (!this.categoryCache) this.categoryCache = new Map((await repo.categories(this.db, true)).map((c) => [c.code, c]));
    return this.categoryCache;
  }

  invalidateCategories(): void {
    this.categoryCache = undefined;
  }

  categoryView(c: repo.CategoryRow): CategoryView {
    return {
      code: c.code, parentCode: c.parent_code, name: c.name, nameEn: c.name_en, description: c.description, icon: c.icon,
      routing: c.routing, deadlineDays: c.deadline_days, questions: c.questions, keywords: c.keywords, active: c.active,
    };
  }

  /** Two levels: top categories with their children. */
  async categoryTree(includeInactive = false): Promise<(CategoryView & { children: CategoryView[] })[]> {
    const all = [...(await this.categoryMap()).values()].filter((c) => includeInactive || c.active);
    const tops = all.filter((c) => !c.parent_code).sort((a, b) => a.sort - b.sort);
    return tops.map((top) => ({
      ...this.categoryView(top),
      children: all.filter((c) => c.parent_code === top.code).sort((a, b) => a.sort - b.sort).map((c) => this.categoryView(c)),
    }));
  }

  /** A leaf category a report may be filed under. */
  async fileableCategory(code: string, field = 'categoryCode'): Promise<repo.CategoryRow> {
    const map = await this.categoryMap();
    const cat = map.get(code);
    if (!cat || !cat.active) throw invalidField(field, 'reports.category_unknown');
    if ([...map.values()].some((c) => c.parent_code === code && c.active)) throw invalidField(field, 'reports.category_pick_child');
    return cat;
  }

  // ------------------------------------------------------------ places and routing

  async resolvePlace(input: Pick<CreateInput, 'lat' | 'lon' | 'communeCode' | 'address'>): Promise<{ lat: number; lon: number; place: PlaceFound }> {
    const pack = this.platform.pack;
    if (input.lat !== undefined && input.lon !== undefined) {
      const found = await this.areas.locate(input.lat, input.lon);
      if (!found || found.province.code !== pack.provinceCode) throw invalidField('location', 'reports.outside_province', { province: pack.provinceName });
      return { lat: input.lat, lon: input.lon, place: found };
    }
    if (input.communeCode && input.address?.trim()) {
      const commune = this.areas.commune(input.communeCode);
      if (!commune || commune.provinceCode !== pack.provinceCode) throw invalidField('communeCode', 'reports.commune_unknown');
      const centre = await this.areas.communeCentre(commune.code);
      if (!centre) throw invalidField('location', 'reports.location_required');
      return { ...centre, place: { commune: { code: commune.code, name: commune.name }, province: { code: pack.provinceCode, name: pack.provinceName } } };
    }
    throw invalidField('location', 'reports.location_required');
  }

  /** The agency a category's reports go to at a place ('commune' = its People's Committee). */
  async route(routing: string, communeCode: string): Promise<{ id: string; name: string }> {
    const agency = routing === 'commune' ? await this.areas.agencyForCommune(communeCode) : await this.areas.agencyByCode(routing);
    if (!agency) throw new AppError(422, 'reports.no_agency', { hotline: this.platform.pack.hotline });
    this.agencyNames.set(agency.id, agency.name);
    return agency;
  }

  async agencyName(id: string): Promise<string> {
    let name = this.agencyNames.get(id);
    if (name === undefined) {
      name = (await this.areas.agency(id))?.name ?? '';
      this.agencyNames.set(id, name);
    }
    return name;
  }

  // ------------------------------------------------------------ filing

  async processPhotos(photos: string[] | undefined, field = 'photos'): Promise<ProcessedPhoto[]> {
    if (!photos?.length) return [];
    if (photos.length > MAX_PHOTOS) throw invalidField(field, 'reports.too_many_photos', { max: MAX_PHOTOS });
    const out: ProcessedPhoto[] = [];
    for (const [i, data] of photos.entries()) out.push(await processPhoto(decodeBase64Photo(data, `${field}.${i}`), `${field}.${i}`));
    return out;
  }

  async create(principal: Principal | null, input: CreateInput, opts: CreateOptions): Promise<{ report: repo.ReportRecord; created: boolean }> {
    if (principal && opts.clientId) {
      const existing = await repo.findByClientId(this.db, principal.userId, opts.clientId);
      if (existing) return { report: existing, created: false };
    }
    const category = await this.fileableCategory(input.categoryCode);
    const answers = checkAnswers(category.questions, input.answers);
    const photos = await this.processPhotos(input.photos);
    const fromPhoto = input.lat === undefined && !input.communeCode ? photos.find((p) => p.gps)?.gps : undefined;
    const where = await this.resolvePlace(fromPhoto ? { ...input, ...fromPhoto } : input);
    const agency = await this.route(category.routing, where.place.commune.code);
    const now = new Date();
    const stored = await Promise.all(photos.map(async (p) => ({ p, full: await this.platform.files.put(p.full), thumb: await this.platform.files.put(p.thumb) })));
    try {
      const report = await this.db.transaction().execute(async (trx) => {
        const id = await repo.insertReport(trx, {
          tracking_code: newTrackingCode(), category_code: category.code, description: input.description.trim(), lat: where.lat, lon: where.lon,
          address: input.address?.trim() || null, commune_code: where.place.commune.code, province_code: where.place.province.code, agency_id: agency.id,
          reporter_id: principal?.userId ?? null, contact: input.contact ?? {}, anonymous: input.anonymous ?? false, answers, source: opts.source,
          client_id: principal && opts.clientId ? opts.clientId : null, deadline_days: category.deadline_days,
          due_date: computeDueDate(this.platform.calendar, now, category.deadline_days, [], now), received_at: now,
        });
        for (const [i, s] of stored.entries()) {
          await repo.insertPhoto(trx, { reportId: id, fileId: s.full.id, thumbId: s.thumb.id, kind: 'citizen', width: s.p.width, height: s.p.height, position: i, approved: false });
        }
        const row = (await repo.findReport(trx, id))!;
        await this.recordChange(trx, row, { actorId: principal?.userId ?? null, kind: 'created', toStatus: 'new', body: null });
        if (principal) await repo.follow(trx, id, principal.userId);
        await this.platform.events.publish(trx, 'report.created', id, { trackingCode: row.tracking_code, category: row.category_code, communeCode: row.commune_code, agencyId: row.agency_id });
        return row;
      });
      return { report, created: true };
    } catch (err) {
      // two copies of one offline submission racing: the unique index keeps one
      if (principal && opts.clientId && /reports_client_id|unique/i.test(String((err as Error).message))) {
        const existing = await repo.findByClientId(this.db, principal.userId, opts.clientId);
        if (existing) return { report: existing, created: false };
      }
      throw err;
    }
  }

  /**
   * Writes a timeline entry and tells the reporter and followers (not the actor).
   * Every status change and public reply goes through here, inside the caller's transaction.
   */
  async recordChange(trx: Kysely<object>, report: repo.ReportRecord, e: { actorId: string | null; kind: string; fromStatus?: ReportStatus | null; toStatus?: ReportStatus | null; body: string | null; public?: boolean; details?: Record<string, unknown> }): Promise<void> {
    const eventId = await repo.insertEvent(trx, { report_id: report.id, actor_id: e.actorId, kind: e.kind, from_status: e.fromStatus, to_status: e.toStatus, public: e.public ?? true, body: e.body, details: e.details });
    if (e.public === false) return;
    const recipients = new Set(await repo.followers(trx, report.id));
    if (report.reporter_id) recipients.add(report.reporter_id);
    if (e.actorId) recipients.delete(e.actorId);
    if (e.kind === 'created' && report.reporter_id) recipients.add(report.reporter_id);
    const status = e.toStatus ?? report.status;
    const title = translate('vi', 'reports.notify.title', { code: report.tracking_code, status: this.statusLabel(status) });
    const body = e.kind === 'created' ? translate('vi', 'reports.notify.created', { code: report.tracking_code }) : e.body ?? this.statusLabel(status);
    for (const userId of recipients) {
      await this.notifier.notify({ userId, kind: 'report', title, body: body.slice(0, 500), link: `/reports/${report.tracking_code}`, dedupeKey: `report-event:${eventId}` }, trx);
    }
  }

  // ------------------------------------------------------------ reading

  async publicView(rows: repo.ReportRecord[], db: Kysely<object> = this.db): Promise<PublicReport[]> {
    const cats = await this.categoryMap();
    const photos = await repo.photos(db, rows.map((r) => r.id));
    const out: PublicReport[] = [];
    for (const r of rows) {
      const cat = cats.get(r.category_code);
      out.push({
        id: r.id, trackingCode: r.tracking_code, category: { code: r.category_code, name: cat?.name ?? r.category_code, icon: cat?.icon ?? 'help' },
        description: r.description, status: r.status, statusLabel: this.statusLabel(r.status), lat: r.lat, lon: r.lon, address: r.address,
        communeCode: r.commune_code, communeName: this.areas.commune(r.commune_code)?.name ?? '', agencyId: r.agency_id, agencyName: await this.agencyName(r.agency_id),
        supporters: r.supporters, receivedAt: iso(r.received_at)!, updatedAt: iso(r.updated_at)!, dueDate: r.due_date, resolvedAt: iso(r.resolved_at),
        publicAnswer: r.public_answer, rating: r.rating,
        photos: photos.filter((p) => p.report_id === r.id && isPublicPhoto(p)).map((p) => photoView(p, false)),
      });
    }
    return out;
  }

  /** A report as the public may see it; hidden reports only to their reporter and staff. */
  async get(principal: Principal | null, idOrCode: string): Promise<MyReport> {
    const r = await repo.findReport(this.db, idOrCode);
    if (!r) throw notFound('reports.not_found');
    const mine = isReporter(principal, r);
    if (r.hidden && !mine && !(principal && canReadAsStaff(principal, r))) throw notFound('reports.not_found');
    const [view] = await this.publicView([r]);
    const timeline = (await repo.events(this.db, r.id, false)).map((e) => timelineEntry(e));
    const ownPhotos = mine ? (await repo.photos(this.db, [r.id])).filter((p) => p.moderation !== 'hidden').map((p) => photoView(p, false)) : view!.photos;
    const withinReopen = r.resolved_at !== null && Date.now() - new Date(r.resolved_at).getTime() <= this.settings.reopenDays * 86_400_000;
    return {
      ...view!,
      photos: ownPhotos,
      anonymous: r.anonymous,
      answers: mine ? r.answers : {},
      ratingComment: r.rating_comment,
      timeline,
      following: principal ? await repo.isFollowing(this.db, r.id, principal.userId) : false,
      supported: principal ? await repo.hasSupported(this.db, r.id, principal.userId) : false,
      canRate: mine && r.status === 'resolved' && r.rating === null,
      canReopen: mine && (r.status === 'resolved' || r.status === 'closed') && r.merged_into === null && withinReopen,
      canAnswer: mine && r.status === 'need_info',
      mine,
    };
  }

  async publicList(filter: repo.ListFilter, sort: repo.Sort, limit: number, offset: number): Promise<{ items: PublicReport[]; total: number }> {
    const { items, total } = await repo.list(this.db, { filter, publicOnly: true, sort, limit, offset });
    return { items: await this.publicView(items), total };
  }

  /** Compact points for the public map (no photos, no text). */
  async mapPoints(filter: repo.ListFilter, limit: number): Promise<{ id: string; trackingCode: string; lat: number; lon: number; status: ReportStatus; category: string }[]> {
    const { items } = await repo.list(this.db, { filter, publicOnly: true, sort: 'newest', limit, offset: 0 });
    return items.map((r) => ({ id: r.id, trackingCode: r.tracking_code, lat: r.lat, lon: r.lon, status: r.status, category: r.category_code }));
  }

  async mine(principal: Principal, limit: number, offset: number): Promise<{ items: PublicReport[]; total: number; following: PublicReport[] }> {
    const { items, total } = await repo.list(this.db, { filter: {}, reporterId: principal.userId, sort: 'newest', limit, offset });
    const followed = offset === 0 ? await repo.followed(this.db, principal.userId, 50) : [];
    return { items: await this.publicView(items), total, following: await this.publicView(followed) };
  }

  async duplicates(categoryCode: string, lat: number, lon: number): Promise<(PublicReport & { distance: number })[]> {
    await this.fileableCategory(categoryCode);
    const rows = await repo.nearbyOpen(this.db, { category: categoryCode, lat, lon, meters: this.settings.duplicateRadiusMeters, sinceDays: this.settings.duplicateWindowDays, limit: 5 });
    const views = await this.publicView(rows);
    return views.map((v, i) => ({ ...v, distance: rows[i]!.distance }));
  }

  // ------------------------------------------------------------ citizen actions

  private async mutate<T>(idOrCode: string, fn: (trx: Kysely<object>, r: repo.ReportRecord) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const r = await repo.findReport(trx, idOrCode, true);
      if (!r) throw notFound('reports.not_found');
      return fn(trx, r);
    });
  }

  async support(principal: Principal, idOrCode: string): Promise<{ supporters: number; added: boolean }> {
    return this.mutate(idOrCode, async (trx, r) => {
      if (r.hidden || r.merged_into) throw notFound('reports.not_found');
      if (isReporter(principal, r)) throw conflict('reports.own_report');
      if (!isOpen(r.status)) throw conflict('reports.bad_transition', { status: this.statusLabel(r.status) });
      const added = await repo.addSupporter(trx, r.id, principal.userId);
      await repo.follow(trx, r.id, principal.userId);
      return { supporters: r.supporters + (added ? 1 : 0), added };
    });
  }

  async follow(principal: Principal, idOrCode: string, on: boolean): Promise<void> {
    await this.mutate(idOrCode, async (trx, r) => {
      if (r.hidden && !isReporter(principal, r)) throw notFound('reports.not_found');
      if (on) await repo.follow(trx, r.id, principal.userId);
      else await repo.unfollow(trx, r.id, principal.userId);
    });
  }

  async rate(principal: Principal, idOrCode: string, stars: number, comment: string | undefined): Promise<void> {
    await this.mutate(idOrCode, async (trx, r) => {
      if (!isReporter(principal, r)) throw forbidden('reports.not_reporter');
      if (r.rating !== null) throw conflict('reports.already_rated');
      const to = this.transition(r.status, 'close');
      await repo.updateReport(trx, r.id, { status: to, rating: stars, rating_comment: comment?.trim() || null, closed_at: new Date() });
      await this.recordChange(trx, r, { actorId: principal.userId, kind: 'rated', fromStatus: r.status, toStatus: to, body: comment?.trim() || null, details: { rating: stars } });
      await this.platform.events.publish(trx, 'report.rated', r.id, { rating: stars, agencyId: r.agency_id });
    });
  }

  async reopen(principal: Principal, idOrCode: string, reason: string): Promise<void> {
    await this.mutate(idOrCode, async (trx, r) => {
      if (!isReporter(principal, r)) throw forbidden('reports.not_reporter');
      if (r.merged_into) throw conflict('reports.bad_transition', { status: this.statusLabel(r.status) });
      const to = this.transition(r.status, 'reopen', { hasAssignee: !!r.assignee_id });
      if (!r.resolved_at || Date.now() - new Date(r.resolved_at).getTime() > this.settings.reopenDays * 86_400_000) {
        throw conflict('reports.reopen_expired', { days: this.settings.reopenDays });
      }
      const now = new Date();
      // the deadline starts again from the reopening, with the category's full time
      const due = computeDueDate(this.platform.calendar, now, r.deadline_days, [], now);
      await repo.updateReport(trx, r.id, { status: to, resolved_at: null, closed_at: null, rating: null, rating_comment: null, due_date: due, warned_at: null, escalated_at: null });
      await this.recordChange(trx, r, { actorId: principal.userId, kind: 'reopened', fromStatus: r.status, toStatus: to, body: reason.trim() });
      await this.platform.events.publish(trx, 'report.reopened', r.id, { agencyId: r.agency_id });
    });
  }

  /** The citizen answers a request for more information; the deadline clock runs again. */
  async provideInfo(principal: Principal, idOrCode: string, text: string): Promise<void> {
    await this.mutate(idOrCode, async (trx, r) => {
      if (!isReporter(principal, r)) throw forbidden('reports.not_reporter');
      await this.resumeClock(trx, r, principal.userId, 'info_provided', text, 'provide_info');
    });
  }

  async resumeClock(trx: Kysely<object>, r: repo.ReportRecord, actorId: string | null, kind: string, text: string | null, action: 'provide_info' | 'resume'): Promise<void> {
    const to = this.transition(r.status, action, { resumeStatus: r.resume_status });
    const now = new Date();
    const pauses = r.pauses.map((p) => (p.to === null ? { ...p, to: now.toISOString() } : p));
    const due = computeDueDate(this.platform.calendar, new Date(r.received_at), r.deadline_days, pauses, now);
    await repo.updateReport(trx, r.id, { status: to, resume_status: null, pauses, due_date: due });
    await this.recordChange(trx, r, { actorId, kind, fromStatus: r.status, toStatus: to, body: text?.trim() || null });
  }

  // ------------------------------------------------------------ photos

  async photo(principal: Principal | null, photoId: string, size: 'full' | 'thumb'): Promise<Buffer> {
    if (!/^[0-9a-f-]{36}$/i.test(photoId)) throw notFound('reports.photo_not_found');
    const p = await repo.findPhoto(this.db, photoId);
    if (!p) throw notFound('reports.photo_not_found');
    if (!isPublicPhoto(p)) {
      const r = await repo.findReport(this.db, p.report_id);
      const allowed = r && ((isReporter(principal, r) && p.moderation !== 'hidden') || (principal && canReadAsStaff(principal, r)));
      if (!allowed) throw notFound('reports.photo_not_found');
    }
    const bytes = await this.platform.files.get(size === 'thumb' ? p.thumb_id : p.file_id);
    if (!bytes) throw notFound('reports.photo_not_found');
    return bytes;
  }

  /** Reads the GPS position of a photo so the app can offer it as the report's place. */
  async inspectPhoto(data: string): Promise<{ lat: number; lon: number; inProvince: boolean } | null> {
    const [p] = await this.processPhotos([data], 'photo');
    if (!p?.gps) return null;
    const found = await this.areas.locate(p.gps.lat, p.gps.lon);
    return { ...p.gps, inProvince: !!found && found.province.code === this.platform.pack.provinceCode };
  }

  // ------------------------------------------------------------ personal data export

  async exportFor(userId: string): Promise<unknown> {
    const { items } = await repo.list(this.db, { filter: {}, reporterId: userId, sort: 'newest', limit: 10_000, offset: 0 });
    return items.map((r) => ({
      trackingCode: r.tracking_code, category: r.category_code, description: r.description, status: r.status, lat: r.lat, lon: r.lon,
      address: r.address, anonymous: r.anonymous, answers: r.answers, receivedAt: iso(r.received_at), rating: r.rating, ratingComment: r.rating_comment,
    }));
  }

  ensureDateRange(from: string | undefined, to: string | undefined): void {
    if (from && to && from > to) throw badRequest('validation', {}, [{ field: 'from', message: 'reports.bad_date_range' }]);
  }

  today(): string {
    return toLocalDate(new Date());
  }

  isStaff(p: Principal | null): boolean {
    return isStaff(p);
  }

  statuses(): readonly ReportStatus[] {
    return STATUSES;
  }
}
