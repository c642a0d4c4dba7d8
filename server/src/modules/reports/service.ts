// Rules of citizen reports (phản ánh kiến nghị): filing (with photos, place, routing and
// deadline), duplicates and support (+1), following, rating and reopening, the public
// map and list. Staff handling lives in staff.ts; scheduled work in jobs.ts.
import type { PersonalDataPlan } from '../identity/index.ts';
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../../platform/auth.ts';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { assertSameRequest, requestFingerprint } from '../../platform/idempotency.ts';
import { checkAnswers } from './categories.ts';
import type { ReportsContext } from './context.ts';
import { computeDueDate } from './deadline.ts';
import { processPhotos } from './photos.ts';
import { subjectOf } from './policy.ts';
import type { PlaceFound } from './ports.ts';
import * as repo from './repo.ts';
import type { MapCluster, MapPoint, MyReport } from '@cds/contracts/reports';
import { MAP_CLUSTER_BELOW_ZOOM } from '@cds/contracts';
import { iso, isPublicPhoto, photoView, timelineEntry, type PublicReport } from './views.ts';
import { isOpen } from './workflow.ts';

export type { CategoryView } from './catalog.ts';

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

export type { MyReport };

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newTrackingCode(): string {
  return `PA-${Array.from({ length: 8 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('')}`;
}

type PublicPageQuery = Parameters<typeof repo.publicPage>[1];
type PublicPage = { items: PublicReport[]; nextCursor: string | null };

type Deps = Pick<ReportsContext, 'db' | 'publicDb' | 'platform' | 'workflow' | 'catalog' | 'presenter' | 'timeline' | 'policy' | 'areas'>;

/** The first report filed with an Idempotency-Key, if this request is the same one (422 otherwise). */
function replayed(existing: repo.ReportRecord, fingerprint: string): { report: repo.ReportRecord; created: boolean } {
  assertSameRequest(existing.client_hash, fingerprint);
  return { report: existing, created: false };
}

const CLUSTER_CACHE_MS = 10_000;
/** How long a page of the public list is served from memory when no report event came. */
const PUBLIC_PAGE_CACHE_MS = 5_000;
const MAX_ZOOM = 22;
/** The zoom the whole province fits one phone screen at: its grid when no bbox says where. */
const PROVINCE_ZOOM = 9;
/** From here on cells would be a few metres wide: points even when the area holds more. */
const POINTS_ALWAYS_FROM_ZOOM = 18;

/** A grid cell's width in degrees at a zoom: a sixth of a 256-pixel tile. */
function cellOf(zoom: number): number {
  return 360 / 2 ** zoom / 6;
}

/** The zoom a bbox fills a screen about four tiles (1,024 pixels) wide at. */
function zoomOfBbox([w, s, e, n]: [number, number, number, number]): number {
  const span = Math.max(e - w, n - s, 1e-9);
  return Math.max(0, Math.min(MAX_ZOOM, Math.floor(Math.log2((4 * 360) / span))));
}

/** The bbox grown to whole grid cells, so a map panned a little asks the same (cached) area. */
function snap([w, s, e, n]: [number, number, number, number], cell: number): [number, number, number, number] {
  return [Math.floor(w / cell) * cell, Math.floor(s / cell) * cell, Math.ceil(e / cell) * cell, Math.ceil(n / cell) * cell];
}

/** The public list's cursor: the sort and the last row's key, opaque to clients (base64url JSON). */
function writeCursor(sort: repo.Sort, key: string[]): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');
}

function readCursor(sort: repo.Sort, cursor: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const key = Array.isArray(parsed) && parsed[0] === sort ? parsed.slice(1) : null;
  // a cursor from another sort, or altered, is refused rather than giving a wrong page
  if (!repo.isPageKey(sort, key)) throw invalidField('cursor', 'validation.invalid');
  return key;
}

export class ReportsService {
  private readonly db: Kysely<object>;
  private readonly clusterCache: LRUCache<string, MapCluster[], { filter: repo.ListFilter; grid: number }>;
  private readonly publicPages: LRUCache<string, PublicPage, PublicPageQuery>;

  constructor(private readonly c: Deps) {
    this.db = c.db;
    this.clusterCache = new LRUCache({ max: 500, ttl: CLUSTER_CACHE_MS, fetchMethod: (_key, _stale, { context: { filter, grid } }) => repo.mapClusters(c.publicDb, filter, cellOf(grid)) });
    this.publicPages = new LRUCache({ max: 200, ttl: PUBLIC_PAGE_CACHE_MS, fetchMethod: (_key, _stale, { context }) => this.readPublicPage(context) });
  }

  /** Forgets the public pages read so far: a report was filed, moved on or changed somewhere. */
  forgetPublicReads(): void {
    this.publicPages.clear();
    this.clusterCache.clear();
  }

  private isReporter(principal: Principal | null, r: repo.ReportRecord): boolean {
    return !!principal && this.c.policy.can(principal, 'follow_up', subjectOf(r));
  }

  private assertReporter(principal: Principal, r: repo.ReportRecord): void {
    if (!this.isReporter(principal, r)) throw forbidden('reports.not_reporter');
  }

  // ------------------------------------------------------------ places and routing

  async resolvePlace(input: Pick<CreateInput, 'lat' | 'lon' | 'communeCode' | 'address'>): Promise<{ lat: number; lon: number; place: PlaceFound }> {
    const pack = this.c.platform.pack;
    if (input.lat !== undefined && input.lon !== undefined) {
      const found = await this.c.areas.locate(input.lat, input.lon);
      if (!found || found.province.code !== pack.provinceCode) throw invalidField('location', 'reports.outside_province', { province: pack.provinceName });
      return { lat: input.lat, lon: input.lon, place: found };
    }
    if (input.communeCode && input.address?.trim()) {
      const commune = this.c.areas.commune(input.communeCode);
      if (!commune || commune.provinceCode !== pack.provinceCode) throw invalidField('communeCode', 'reports.commune_unknown');
      const centre = await this.c.areas.communeCentre(commune.code);
      if (!centre) throw invalidField('location', 'reports.location_required');
      return { ...centre, place: { commune: { code: commune.code, name: commune.name }, province: { code: pack.provinceCode, name: pack.provinceName } } };
    }
    throw invalidField('location', 'reports.location_required');
  }

  /** The agency a category's reports go to at a place ('commune' = its People's Committee). */
  async route(routing: string, communeCode: string): Promise<{ id: string; name: string }> {
    const agency = routing === 'commune' ? await this.c.areas.agencyForCommune(communeCode) : await this.c.areas.agencyByCode(routing);
    if (!agency) throw new AppError(422, 'reports.no_agency', { hotline: this.c.platform.pack.hotline });
    this.c.presenter.remember(agency);
    return agency;
  }

  /** The receiving agency, told to the citizen before they send (the same routing create() uses). */
  async preview(q: { category: string; lat?: number; lon?: number; communeCode?: string }): Promise<{ agency: { id: string; name: string }; commune: { code: string; name: string }; deadlineDays: number }> {
    const category = await this.c.catalog.fileable(q.category, 'category');
    if ((q.lat === undefined) !== (q.lon === undefined)) throw invalidField(q.lat === undefined ? 'lat' : 'lon', 'validation.required');
    // a commune alone has no address yet: any placeholder lets resolvePlace take the commune path
    const where = await this.resolvePlace(q.lat !== undefined ? { lat: q.lat, lon: q.lon } : { communeCode: q.communeCode, address: q.communeCode ? '-' : undefined });
    const agency = await this.route(category.routing, where.place.commune.code);
    return { agency: { id: agency.id, name: agency.name }, commune: where.place.commune, deadlineDays: category.deadline_days };
  }

  // ------------------------------------------------------------ filing

  async create(principal: Principal | null, input: CreateInput, opts: CreateOptions): Promise<{ report: repo.ReportRecord; created: boolean }> {
    const fingerprint = requestFingerprint(input);
    if (principal && opts.clientId) {
      const existing = await repo.findByClientId(this.db, principal.userId, opts.clientId);
      if (existing) return replayed(existing, fingerprint);
    }
    const category = await this.c.catalog.fileable(input.categoryCode);
    const answers = checkAnswers(category.questions, input.answers);
    const photos = await processPhotos(input.photos);
    const fromPhoto = input.lat === undefined && !input.communeCode ? photos.find((p) => p.gps)?.gps : undefined;
    const where = await this.resolvePlace(fromPhoto ? { ...input, ...fromPhoto } : input);
    const agency = await this.route(category.routing, where.place.commune.code);
    const now = new Date();
    const stored = await Promise.all(photos.map(async (p) => ({ p, full: await this.c.platform.files.put(p.full), thumb: await this.c.platform.files.put(p.thumb) })));
    try {
      const report = await this.db.transaction().execute(async (trx) => {
        const id = await repo.insertReport(trx, {
          tracking_code: newTrackingCode(), category_code: category.code, description: input.description.trim(), lat: where.lat, lon: where.lon,
          address: input.address?.trim() || null, commune_code: where.place.commune.code, province_code: where.place.province.code, agency_id: agency.id,
          reporter_id: principal?.userId ?? null, contact: input.contact ?? {}, anonymous: input.anonymous ?? false, answers, source: opts.source,
          client_id: principal && opts.clientId ? opts.clientId : null, client_hash: principal && opts.clientId ? fingerprint : null, deadline_days: category.deadline_days,
          due_date: computeDueDate(this.c.platform.calendar, now, category.deadline_days, [], now), received_at: now,
        });
        for (const [i, s] of stored.entries()) {
          await repo.insertPhoto(trx, { reportId: id, fileId: s.full.id, thumbId: s.thumb.id, kind: 'citizen', width: s.p.width, height: s.p.height, position: i, approved: false });
        }
        const row = (await repo.findReport(trx, id))!;
        await this.c.timeline.record(trx, row, { actorId: principal?.userId ?? null, kind: 'created', toStatus: 'new', body: null });
        if (principal) await repo.follow(trx, id, principal.userId);
        await this.c.platform.events.publish(trx, 'report.created', id, { trackingCode: row.tracking_code, category: row.category_code, communeCode: row.commune_code, agencyId: row.agency_id });
        return row;
      });
      return { report, created: true };
    } catch (err) {
      // two copies of one offline submission racing: the unique index keeps one
      if (principal && opts.clientId && /reports_client_id|unique/i.test(String((err as Error).message))) {
        const existing = await repo.findByClientId(this.db, principal.userId, opts.clientId);
        if (existing) return replayed(existing, fingerprint);
      }
      throw err;
    }
  }

  // ------------------------------------------------------------ reading

  /** A report as the public may see it; hidden reports only to their reporter and staff. */
  async get(principal: Principal | null, idOrCode: string): Promise<MyReport> {
    const r = await repo.findReport(this.db, idOrCode);
    if (!r) throw notFound('reports.not_found');
    const mine = this.isReporter(principal, r);
    if (r.hidden && !mine && !(principal && this.c.policy.can(principal, 'read_staff', subjectOf(r)))) throw notFound('reports.not_found');
    const { events, photos, ...ties } = await repo.pageReads(this.db, r.id, principal?.userId ?? null);
    const [view] = await this.c.presenter.publicView([r], this.db, photos);
    const timeline = events.map((e) => timelineEntry(e));
    // the reporter sees their photos still awaiting moderation too
    const ownPhotos = mine ? photos.filter((p) => p.moderation !== 'hidden').map((p) => photoView(p, false)) : view!.photos;
    const withinReopen = r.resolved_at !== null && Date.now() - new Date(r.resolved_at).getTime() <= this.c.workflow.settings.reopenDays * 86_400_000;
    return {
      ...view!,
      photos: ownPhotos,
      anonymous: r.anonymous,
      answers: mine ? r.answers : {},
      ratingComment: r.rating_comment,
      timeline,
      following: ties.following,
      supported: ties.supported,
      canRate: mine && r.status === 'resolved' && r.rating === null,
      canReopen: mine && (r.status === 'resolved' || r.status === 'closed') && r.merged_into === null && withinReopen,
      canAnswer: mine && r.status === 'need_info',
      mine,
    };
  }

  /**
   * A page of the public list; `cursor` is the `nextCursor` of the page before (same filters and
   * sort). Everyone asks for the same few pages (the newest, a commune's, a category's), so a
   * page is read once and kept PUBLIC_PAGE_CACHE_MS, or until a report event says it changed.
   */
  async publicList(filter: repo.ListFilter, sort: repo.Sort, limit: number, offset: number, cursor: string | undefined): Promise<PublicPage> {
    const query: PublicPageQuery = { filter, sort, limit, offset: cursor ? 0 : offset, after: cursor ? readCursor(sort, cursor) : null };
    return (await this.publicPages.fetch(JSON.stringify(query), { context: query })) ?? this.readPublicPage(query);
  }

  private async readPublicPage(query: PublicPageQuery): Promise<PublicPage> {
    const { items, next } = await repo.publicPage(this.c.publicDb, query);
    return { items: await this.c.presenter.publicView(items), nextCursor: next ? writeCursor(query.sort, next) : null };
  }

  /**
   * The public map: never thousands of dots. Points (newest first, six fields each) only
   * when zoomed in to an area holding at most `limit` of them: the repo reads limit + 1 to
   * know, without counting every match. Otherwise clusters on a grid about a sixth of a
   * 256-pixel tile wide at the zoom given, or at the zoom the bbox would be seen at (never
   * finer than both); the whole province (no bbox, no zoom) at PROVINCE_ZOOM.
   */
  async map(filter: repo.ListFilter, limit: number, zoom: number | undefined): Promise<{ items: MapPoint[]; clusters: MapCluster[] }> {
    const bbox = filter.bbox;
    const grid = bbox ? Math.min(zoom ?? MAX_ZOOM, zoomOfBbox(bbox)) : Math.min(zoom ?? PROVINCE_ZOOM, PROVINCE_ZOOM);
    // the grid's cells, whole: a cell cut by the bbox's edge would show part of its count
    const area = { ...filter, bbox: bbox && snap(bbox, cellOf(grid)) };
    const key = JSON.stringify([area, zoom ?? null, grid]);
    const clusters = (): Promise<{ items: MapPoint[]; clusters: MapCluster[] }> => this.clusters(key, area, grid).then((c) => ({ items: [], clusters: c }));
    if ((zoom !== undefined && zoom < MAP_CLUSTER_BELOW_ZOOM) || (!bbox && zoom === undefined) || this.clusterCache.has(key)) return clusters();
    const rows = await repo.mapPoints(this.c.publicDb, filter, limit + 1);
    // reports on one spot never come apart: at street level the newest `limit` are shown
    if (rows.length > limit && (zoom ?? grid) < POINTS_ALWAYS_FROM_ZOOM) return clusters();
    return { items: rows.slice(0, limit).map((r) => ({ id: r.id, trackingCode: r.tracking_code, lat: r.lat, lon: r.lon, status: r.status, category: r.category_code })), clusters: [] };
  }

  /**
   * Clusters are kept CLUSTER_CACHE_MS in process (a province-wide count of 100,000 reports
   * is the costly read, and a circle's count a few seconds old misleads no one).
   */
  private clusters(key: string, filter: repo.ListFilter, grid: number): Promise<MapCluster[]> {
    return this.clusterCache.fetch(key, { context: { filter, grid } }).then((c) => c ?? []);
  }

  async mine(principal: Principal, limit: number, offset: number): Promise<{ items: PublicReport[]; total: number; following: PublicReport[] }> {
    const [{ items, total }, followed] = await Promise.all([
      repo.list(this.db, { filter: {}, reporterId: principal.userId, sort: 'newest', limit, offset }),
      offset === 0 ? repo.followed(this.db, principal.userId, 50) : [],
    ]);
    // one read of the photos for both lists
    const views = await this.c.presenter.publicView([...items, ...followed]);
    return { items: views.slice(0, items.length), total, following: views.slice(items.length) };
  }

  async duplicates(categoryCode: string, lat: number, lon: number): Promise<(PublicReport & { distance: number })[]> {
    await this.c.catalog.fileable(categoryCode);
    const rows = await repo.nearbyOpen(this.db, { category: categoryCode, lat, lon, meters: this.c.workflow.settings.duplicateRadiusMeters, sinceDays: this.c.workflow.settings.duplicateWindowDays, limit: 5 });
    const views = await this.c.presenter.publicView(rows);
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
      if (this.isReporter(principal, r)) throw conflict('reports.own_report');
      if (!isOpen(r.status)) throw conflict('reports.bad_transition', { status: this.c.workflow.statusLabel(r.status) });
      const added = await repo.addSupporter(trx, r.id, principal.userId);
      await repo.follow(trx, r.id, principal.userId);
      return { supporters: r.supporters + (added ? 1 : 0), added };
    });
  }

  async follow(principal: Principal, idOrCode: string, on: boolean): Promise<void> {
    await this.mutate(idOrCode, async (trx, r) => {
      if (r.hidden && !this.isReporter(principal, r)) throw notFound('reports.not_found');
      if (on) await repo.follow(trx, r.id, principal.userId);
      else await repo.unfollow(trx, r.id, principal.userId);
    });
  }

  async rate(principal: Principal, idOrCode: string, stars: number, comment: string | undefined): Promise<void> {
    await this.mutate(idOrCode, async (trx, r) => {
      this.assertReporter(principal, r);
      if (r.rating !== null) throw conflict('reports.already_rated');
      const to = this.c.workflow.transition(r.status, 'close');
      await repo.updateReport(trx, r.id, { status: to, rating: stars, rating_comment: comment?.trim() || null, closed_at: new Date() });
      await this.c.timeline.record(trx, r, { actorId: principal.userId, kind: 'rated', fromStatus: r.status, toStatus: to, body: comment?.trim() || null, details: { rating: stars } });
      await this.c.platform.events.publish(trx, 'report.rated', r.id, { rating: stars, agencyId: r.agency_id });
    });
  }

  async reopen(principal: Principal, idOrCode: string, reason: string): Promise<void> {
    await this.mutate(idOrCode, async (trx, r) => {
      this.assertReporter(principal, r);
      if (r.merged_into) throw conflict('reports.bad_transition', { status: this.c.workflow.statusLabel(r.status) });
      const to = this.c.workflow.transition(r.status, 'reopen', { hasAssignee: !!r.assignee_id });
      if (!r.resolved_at || Date.now() - new Date(r.resolved_at).getTime() > this.c.workflow.settings.reopenDays * 86_400_000) {
        throw conflict('reports.reopen_expired', { days: this.c.workflow.settings.reopenDays });
      }
      const now = new Date();
      // the deadline starts again from the reopening, with the category's full time
      const due = computeDueDate(this.c.platform.calendar, now, r.deadline_days, [], now);
      await repo.updateReport(trx, r.id, { status: to, resolved_at: null, closed_at: null, rating: null, rating_comment: null, due_date: due, warned_at: null, escalated_at: null });
      await this.c.timeline.record(trx, r, { actorId: principal.userId, kind: 'reopened', fromStatus: r.status, toStatus: to, body: reason.trim() });
      await this.c.platform.events.publish(trx, 'report.reopened', r.id, { agencyId: r.agency_id });
    });
  }

  /** The citizen answers a request for more information; the deadline clock runs again. */
  async provideInfo(principal: Principal, idOrCode: string, text: string): Promise<void> {
    await this.mutate(idOrCode, async (trx, r) => {
      this.assertReporter(principal, r);
      await this.resumeClock(trx, r, principal.userId, 'info_provided', text, 'provide_info');
    });
  }

  async resumeClock(trx: Kysely<object>, r: repo.ReportRecord, actorId: string | null, kind: string, text: string | null, action: 'provide_info' | 'resume'): Promise<void> {
    const to = this.c.workflow.transition(r.status, action, { resumeStatus: r.resume_status });
    const now = new Date();
    const pauses = r.pauses.map((p) => (p.to === null ? { ...p, to: now.toISOString() } : p));
    const due = computeDueDate(this.c.platform.calendar, new Date(r.received_at), r.deadline_days, pauses, now);
    await repo.updateReport(trx, r.id, { status: to, resume_status: null, pauses, due_date: due });
    await this.c.timeline.record(trx, r, { actorId, kind, fromStatus: r.status, toStatus: to, body: text?.trim() || null });
  }

  // ------------------------------------------------------------ photos

  async photo(principal: Principal | null, photoId: string, size: 'full' | 'thumb'): Promise<Buffer> {
    if (!/^[0-9a-f-]{36}$/i.test(photoId)) throw notFound('reports.photo_not_found');
    const p = await repo.findPhoto(this.db, photoId);
    if (!p) throw notFound('reports.photo_not_found');
    if (!isPublicPhoto(p)) {
      const r = await repo.findReport(this.db, p.report_id);
      const allowed = r && ((this.isReporter(principal, r) && p.moderation !== 'hidden') || (principal && this.c.policy.can(principal, 'read_staff', subjectOf(r))));
      if (!allowed) throw notFound('reports.photo_not_found');
    }
    const bytes = await this.c.platform.files.get(size === 'thumb' ? p.thumb_id : p.file_id);
    if (!bytes) throw notFound('reports.photo_not_found');
    return bytes;
  }

  /** Reads the GPS position of a photo so the app can offer it as the report's place. */
  async inspectPhoto(data: string): Promise<{ lat: number; lon: number; inProvince: boolean } | null> {
    const [p] = await processPhotos([data], 'photo');
    if (!p?.gps) return null;
    const found = await this.c.areas.locate(p.gps.lat, p.gps.lon);
    return { ...p.gps, inProvince: !!found && found.province.code === this.c.platform.pack.provinceCode };
  }

  // ------------------------------------------------------------ personal data export

  async exportFor(userId: string): Promise<unknown> {
    const { items } = await repo.list(this.db, { filter: {}, reporterId: userId, sort: 'newest', limit: 10_000, offset: 0 });
    const { followed, supported } = await repo.ties(this.db, userId);
    return {
      sent: items.map((r) => ({
        trackingCode: r.tracking_code, category: r.category_code, description: r.description, status: r.status, lat: r.lat, lon: r.lon,
        address: r.address, anonymous: r.anonymous, contact: r.contact, answers: r.answers, receivedAt: iso(r.received_at), rating: r.rating, ratingComment: r.rating_comment,
      })),
      followed,
      supported,
    };
  }

  /** For the deletion receipt: reports stay without the person's name; nothing is kept as theirs. */
  async describePersonalData(userId: string): Promise<PersonalDataPlan> {
    const sent = await repo.countByReporter(this.db, userId);
    return { erased: [{ key: sent ? 'reports.erased.sent' : 'reports.erased.follows', params: { count: sent } }], kept: [] };
  }

  async erasePersonalData(userId: string): Promise<void> {
    await this.db.transaction().execute((trx) => repo.eraseReporter(trx, userId));
  }
}
