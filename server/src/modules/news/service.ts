// The rules of news: drafts written by an agency's editors, reviewed by a second editor,
// published now or at a set time, edited (major updates tell followers again, minor
// corrections do not), withdrawn with the page kept; citizens read what targets their
// commune or the whole province, follow topics, and read feeds.
import type { Kysely } from 'kysely';
import { actionAllowedIn, isMajorChange, isPublic, NEWS_ACTIONS, NEWS_TOPICS, statusAfterApproval, type NewsAction, type NewsTopic } from '@cds/contracts/news.rules';
import type * as S from '@cds/contracts/news';
import type { Principal } from '../../platform/auth.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy, type Policy } from '../../platform/policy.ts';
import { detectFileType } from '../../platform/files.ts';
import { loadSharp } from '../../platform/lazy.ts';
import type { Agency, AreasApi } from '../areas/index.ts';
import type { IdentityApi } from '../identity/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { atom, rss, type FeedEntry } from './feeds.ts';
import { newsRules, subjectOf, type NewsSubject } from './policy.ts';
import * as repo from './repo.ts';

export const PUBLISHED_EVENT = 'news.published';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const COVER_EDGE = 1600;

type Rules = 'write' | 'review';

export interface NewsDeps {
  areas: Pick<AreasApi, 'getAgency' | 'getCommune' | 'getProvince' | 'isWithin'>;
  identity: Pick<IdentityApi, 'getUserSummary'>;
  notifications: Pick<NotificationsApi, 'notify'>;
}

export class NewsService {
  private readonly policy: Policy<NewsSubject, Rules>;

  constructor(private readonly platform: Platform, private readonly deps: NewsDeps) {
    this.policy = bindPolicy(newsRules, { isWithin: (code, scope) => deps.areas.isWithin(code, scope) }, 'news.forbidden');
  }

  private get db(): Kysely<object> {
    return this.platform.db.kysely;
  }

  /** Public anonymous reads: the read replica when there is one (a moment's lag is harmless there). */
  private get publicDb(): Kysely<object> {
    return this.platform.replica.kysely;
  }

  // ------------------------------------------------------------------ editors

  /** The agencies the person writes for (from their news_editor memberships). */
  private editorAgencyIds(principal: Principal): string[] {
    return [...new Set(this.policy.grants(principal, 'write').flatMap((g) => (g.agencyId ? [g.agencyId] : [])))];
  }

  private async agencyOf(id: string): Promise<Agency> {
    const agency = await this.deps.areas.getAgency(id);
    if (!agency) throw notFound('news.not_found');
    return agency;
  }

  private async loadForWork(principal: Principal, id: string, rule: Rules): Promise<{ item: repo.NewsItemRow; agency: Agency }> {
    const item = await repo.findItem(this.db, id);
    if (!item) throw notFound('news.not_found');
    const agency = await this.agencyOf(item.agency_id);
    this.authorize(principal, item, agency, rule);
    return { item, agency };
  }

  private authorize(principal: Principal, item: repo.NewsItemRow, agency: Agency, rule: Rules): void {
    // an editor of another agency learns nothing about the item
    if (!this.policy.can(principal, 'write', subjectOf(item, agency.areaCode))) throw notFound('news.not_found');
    if (rule === 'review' && !this.policy.can(principal, 'review', subjectOf(item, agency.areaCode))) throw new AppError(403, 'news.own_draft');
  }

  /**
   * Runs a change in a transaction on the item locked and read again (another editor may have
   * acted meanwhile). The agency is read before: on the embedded database a read outside the
   * transaction while it runs would wait for itself.
   */
  private async change(principal: Principal, id: string, rule: Rules, action: NewsAction, fn: (trx: Kysely<object>, item: repo.NewsItemRow, agency: Agency) => Promise<void>): Promise<S.EditorNewsItem> {
    const { agency } = await this.loadForWork(principal, id, rule);
    await this.db.transaction().execute(async (trx) => {
      const item = await repo.findItem(trx, id, true);
      if (!item) throw notFound('news.not_found');
      this.authorize(principal, item, agency, rule);
      if (!actionAllowedIn(action, item.status, !!item.pending_texts)) throw conflict('news.wrong_status');
      await fn(trx, item, agency);
    });
    return this.editorItem(principal, id);
  }

  async create(principal: Principal, input: S.NewsInput): Promise<S.EditorNewsItem> {
    const agencies = this.editorAgencyIds(principal);
    if (agencies.length === 0) throw new AppError(403, 'news.not_an_editor');
    const agencyId = input.agencyId ?? agencies[0]!;
    if (!agencies.includes(agencyId)) throw invalidField('agencyId', 'news.agency_not_yours');
    const agency = await this.agencyOf(agencyId);
    this.checkTargets(agency, input.targetCommunes, 'targetCommunes');
    await this.checkFiles(agencyId, input.coverFileId ?? null, input.attachmentIds ?? []);
    const id = await this.db.transaction().execute(async (trx) => {
      const item = await repo.insertItem(trx, {
        agency_id: agencyId,
        kind: input.kind,
        texts: input.texts,
        topics: [...input.topics],
        province_code: agency.areaCode.slice(0, 2),
        target_communes: [...input.targetCommunes],
        cover_file_id: input.coverFileId ?? null,
        attachment_ids: [...(input.attachmentIds ?? [])],
        publish_at: input.publishAt ? new Date(input.publishAt) : null,
        created_by: principal.userId,
        updated_by: principal.userId,
      });
      await repo.addRevision(trx, { newsId: item.id, version: 1, change: 'created', texts: input.texts, editorId: principal.userId });
      return item.id;
    });
    return this.editorItem(principal, id);
  }

  async update(principal: Principal, id: string, edit: S.NewsEdit): Promise<S.EditorNewsItem> {
    const { item: before, agency } = await this.loadForWork(principal, id, 'write');
    if (edit.targetCommunes) this.checkTargets(agency, edit.targetCommunes, 'targetCommunes');
    await this.checkFiles(before.agency_id, edit.coverFileId ?? null, edit.attachmentIds ?? []);
    return this.change(principal, id, 'write', 'edit', async (trx, item) => {
      const published = item.status === 'published';
      if (published && !edit.change) throw invalidField('change', 'news.change_required');
      // the texts decide, not only the editor's word: beyond the typo threshold an edit is major
      const major = published && (edit.change === 'major' || (!!edit.texts && isMajorChange(item.texts, edit.texts)));
      // a major update of published news waits for a second editor; what citizens read stays.
      // With an update already waiting, new texts replace it (never the published ones).
      const held = published && !!edit.texts && (major || !!item.pending_texts);
      const updated = await repo.updateItem(trx, id, {
        ...(edit.kind ? { kind: edit.kind } : {}),
        ...(edit.texts && !held ? { texts: edit.texts } : {}),
        ...(held ? { pending_texts: edit.texts, pending_by: principal.userId, pending_note: edit.note ?? null, pending_at: new Date(), submitted_by: principal.userId, review_note: null } : {}),
        ...(edit.topics ? { topics: [...edit.topics] } : {}),
        ...(edit.targetCommunes ? { target_communes: [...edit.targetCommunes] } : {}),
        ...(edit.coverFileId !== undefined ? { cover_file_id: edit.coverFileId } : {}),
        ...(edit.attachmentIds ? { attachment_ids: [...edit.attachmentIds] } : {}),
        ...(edit.publishAt !== undefined && !published ? { publish_at: edit.publishAt ? new Date(edit.publishAt) : null } : {}),
        updated_by: principal.userId,
        ...(major && !held ? { version: item.version + 1, major_update_at: new Date() } : {}),
      });
      const change = !published ? 'edited' : held ? 'update_submitted' : major ? 'major_update' : 'minor_correction';
      await repo.addRevision(trx, { newsId: id, version: updated.version, change, note: edit.note ?? null, texts: held ? edit.texts! : updated.texts, editorId: principal.userId });
      if (major && !held) await this.platform.events.publish(trx, PUBLISHED_EVENT, id, { newsId: id, version: updated.version, reason: 'major_update' });
    });
  }

  submit(principal: Principal, id: string): Promise<S.EditorNewsItem> {
    return this.change(principal, id, 'write', 'submit', async (trx, item) => {
      await repo.updateItem(trx, id, { status: 'in_review', submitted_by: principal.userId, review_note: null });
      await repo.addRevision(trx, { newsId: id, version: item.version, change: 'submitted', editorId: principal.userId });
    });
  }

  approve(principal: Principal, id: string, ip?: string): Promise<S.EditorNewsItem> {
    return this.change(principal, id, 'review', 'approve', async (trx, item) => {
      if (item.status === 'published' && item.pending_texts) {
        // the waiting major update goes live: a new version, followers told again
        const updated = await repo.updateItem(trx, id, { texts: item.pending_texts, pending_texts: null, pending_by: null, pending_note: null, pending_at: null, approved_by: principal.userId, version: item.version + 1, major_update_at: new Date(), review_note: null });
        await repo.addRevision(trx, { newsId: id, version: updated.version, change: 'major_update', note: item.pending_note, texts: updated.texts, editorId: principal.userId });
        await this.platform.audit.record({ actorUserId: principal.userId, action: 'news.approve_update', subjectType: 'news', subjectId: id, ip, details: { version: updated.version } }, trx);
        await this.platform.events.publish(trx, PUBLISHED_EVENT, id, { newsId: id, version: updated.version, reason: 'major_update' });
        return;
      }
      const now = new Date();
      const status = statusAfterApproval(item.publish_at, now);
      const publishedAt = status === 'scheduled' && item.publish_at ? item.publish_at : now;
      await repo.updateItem(trx, id, { status, approved_by: principal.userId, published_at: publishedAt, review_note: null });
      await repo.addRevision(trx, { newsId: id, version: item.version, change: status === 'published' ? 'published' : 'approved', editorId: principal.userId });
      await this.platform.audit.record({ actorUserId: principal.userId, action: 'news.approve', subjectType: 'news', subjectId: id, ip, details: { status } }, trx);
      if (status === 'published') await this.platform.events.publish(trx, PUBLISHED_EVENT, id, { newsId: id, version: item.version, reason: 'published' });
    });
  }

  returnToDraft(principal: Principal, id: string, note: string): Promise<S.EditorNewsItem> {
    return this.change(principal, id, 'review', 'return', async (trx, item) => {
      if (item.status === 'published' && item.pending_texts) {
        // the update is dropped; the published version was never touched
        await repo.updateItem(trx, id, { pending_texts: null, pending_by: null, pending_note: null, pending_at: null, review_note: note });
        await repo.addRevision(trx, { newsId: id, version: item.version, change: 'update_returned', note, editorId: principal.userId });
        return;
      }
      await repo.updateItem(trx, id, { status: 'draft', review_note: note });
      await repo.addRevision(trx, { newsId: id, version: item.version, change: 'returned', note, editorId: principal.userId });
    });
  }

  withdraw(principal: Principal, id: string, reason: string, ip?: string): Promise<S.EditorNewsItem> {
    return this.change(principal, id, 'write', 'withdraw', async (trx, item) => {
      await repo.updateItem(trx, id, { status: 'withdrawn', withdrawn_at: new Date(), withdrawn_reason: reason });
      await repo.addRevision(trx, { newsId: id, version: item.version, change: 'withdrawn', note: reason, editorId: principal.userId });
      await this.platform.audit.record({ actorUserId: principal.userId, action: 'news.withdraw', subjectType: 'news', subjectId: id, ip, details: { reason } }, trx);
    });
  }

  async editorList(principal: Principal, q: S.EditorListQuery, locale: Locale): Promise<S.EditorList> {
    const agencies = this.editorAgencyIds(principal);
    const { items, total } = await repo.listForAgencies(this.db, agencies, q.status, q.limit ?? 30, q.offset ?? 0);
    const names = await this.names(items.map((i) => i.created_by));
    const out: S.EditorListItem[] = [];
    for (const i of items) {
      const agency = await this.agencyOf(i.agency_id);
      out.push({
        id: i.id,
        kind: i.kind,
        status: i.status,
        title: i.texts.vi.title,
        areaLabel: this.areaLabel(i, locale),
        authorName: names.get(i.created_by) ?? '',
        updatedAt: i.updated_at.toISOString(),
        publishedAt: i.published_at?.toISOString() ?? null,
        canReview: (i.status === 'in_review' || (i.status === 'published' && !!i.pending_texts)) && this.policy.can(principal, 'review', subjectOf(i, agency.areaCode)),
        pendingUpdate: !!i.pending_texts,
      });
    }
    return { items: out, total };
  }

  async editorItem(principal: Principal, id: string, locale: Locale = 'vi'): Promise<S.EditorNewsItem> {
    const { item, agency } = await this.loadForWork(principal, id, 'write');
    const subject = subjectOf(item, agency.areaCode);
    const mayReview = this.policy.can(principal, 'review', subject);
    const actions = NEWS_ACTIONS.filter((a: NewsAction) => actionAllowedIn(a, item.status, !!item.pending_texts) && (a === 'approve' || a === 'return' ? mayReview : true));
    const files = await repo.filesByIds(this.db, [...(item.cover_file_id ? [item.cover_file_id] : []), ...item.attachment_ids]);
    const revisions = await repo.revisions(this.db, id);
    const names = await this.names([item.created_by, ...(item.pending_by ? [item.pending_by] : []), ...revisions.flatMap((r) => (r.editor_id ? [r.editor_id] : []))]);
    return {
      id: item.id,
      kind: item.kind,
      status: item.status,
      texts: item.texts,
      topics: item.topics,
      targetCommunes: item.target_communes,
      areaLabel: this.areaLabel(item, locale),
      agencyId: agency.id,
      agencyName: agency.name,
      cover: fileView(files.find((f) => f.id === item.cover_file_id)),
      attachments: item.attachment_ids.flatMap((fid) => {
        const f = fileView(files.find((x) => x.id === fid));
        return f ? [f] : [];
      }),
      publishAt: item.publish_at?.toISOString() ?? null,
      publishedAt: item.published_at?.toISOString() ?? null,
      version: item.version,
      authorName: names.get(item.created_by) ?? '',
      reviewNote: item.review_note,
      withdrawnReason: item.withdrawn_reason,
      createdAt: item.created_at.toISOString(),
      updatedAt: item.updated_at.toISOString(),
      actions,
      pendingUpdate: item.pending_texts && item.pending_at
        ? { texts: item.pending_texts, editorName: item.pending_by ? names.get(item.pending_by) ?? '' : '', note: item.pending_note, at: item.pending_at.toISOString() }
        : null,
      revisions: revisions.map((r) => ({
        version: r.version,
        change: r.change,
        note: r.note,
        editorName: r.editor_id ? names.get(r.editor_id) ?? '' : '',
        at: r.created_at.toISOString(),
        title: r.texts?.vi.title ?? null,
      })),
    };
  }

  // ------------------------------------------------------------------ files

  /** Stores a cover image (re-encoded, so no camera data leaks) or a PDF, for the editor's agency. */
  async upload(principal: Principal, input: S.NewsFileUpload): Promise<S.NewsFile> {
    const agencies = this.editorAgencyIds(principal);
    if (agencies.length === 0) throw new AppError(403, 'news.not_an_editor');
    const raw = Buffer.from(input.contentBase64.replace(/^data:[^;]+;base64,/, ''), 'base64');
    if (raw.length === 0) throw invalidField('contentBase64', 'news.file_empty');
    if (raw.length > MAX_FILE_BYTES) throw invalidField('contentBase64', 'news.file_too_large', { mb: MAX_FILE_BYTES / 1024 / 1024 });
    const type = detectFileType(raw);
    if (!type || type === 'image/heic') throw invalidField('contentBase64', 'news.file_type');
    let bytes = raw;
    if (type !== 'application/pdf') {
      const sharp = await loadSharp();
      try {
        bytes = await sharp(raw, { limitInputPixels: 50_000_000 }).rotate().resize(COVER_EDGE, COVER_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
      } catch {
        throw invalidField('contentBase64', 'news.file_broken');
      }
    }
    const stored = await this.platform.files.put(bytes);
    const row = await repo.insertFile(this.db, {
      file_id: stored.id,
      kind: type === 'application/pdf' ? 'pdf' : 'image',
      name: input.name,
      size: stored.size,
      agency_id: agencies[0]!,
      uploaded_by: principal.userId,
    });
    return fileView(row)!;
  }

  /** A file's bytes: anyone for files of readable items, the agency's editors for the rest. */
  async file(principal: Principal | null, fileId: string): Promise<{ bytes: Buffer; mime: string; name: string }> {
    const [row] = await repo.filesByIds(this.db, [fileId]);
    if (!row) throw notFound('news.file_not_found');
    const editor = principal !== null && this.editorAgencyIds(principal).includes(row.agency_id);
    if (!editor && !(await repo.fileIsPublic(this.db, fileId))) throw notFound('news.file_not_found');
    const bytes = await this.platform.files.get(row.file_id);
    if (!bytes) throw notFound('news.file_not_found');
    return { bytes, mime: row.kind === 'pdf' ? 'application/pdf' : 'image/jpeg', name: row.name };
  }

  // ------------------------------------------------------------------ citizens

  /** Whose news a list shows: a commune asked for, or the signed-in person's home commune. */
  private async placeFor(principal: Principal | null, commune: string | undefined): Promise<{ provinceCode: string; commune: string | null }> {
    let code = commune ?? null;
    if (commune && !this.deps.areas.getCommune(commune)) throw invalidField('commune', 'news.commune_outside');
    if (!code && principal) code = (await this.deps.identity.getUserSummary(principal.userId))?.communeCode ?? null;
    const info = code ? this.deps.areas.getCommune(code) : undefined;
    return info ? { provinceCode: info.provinceCode, commune: info.code } : { provinceCode: this.platform.pack.provinceCode, commune: null };
  }

  async list(principal: Principal | null, q: S.NewsListQuery, locale: Locale): Promise<S.NewsList> {
    const place = await this.placeFor(principal, q.commune);
    let topics: NewsTopic[] | undefined = q.topic ? [q.topic] : undefined;
    if (q.followed && principal) {
      const followed = await repo.followedTopics(this.db, principal.userId);
      topics = topics ? topics.filter((t) => followed.includes(t)) : followed;
    }
    const { items, total } = await repo.listPublic(principal ? this.db : this.publicDb, { ...place, topics, limit: q.limit ?? 20, offset: q.offset ?? 0 });
    return { items: await Promise.all(items.map((i) => this.summary(i, locale))), total };
  }

  async article(id: string, locale: Locale): Promise<S.NewsArticle> {
    const item = await repo.findItem(this.db, id);
    if (!item || !isPublic(item.status, item.published_at, new Date())) throw notFound('news.not_found');
    const text = item.texts[locale] ?? item.texts.vi;
    const files = await repo.filesByIds(this.db, item.attachment_ids);
    return {
      ...(await this.summary(item, locale)),
      body: text.body,
      lang: item.texts[locale] ? locale : 'vi',
      languages: Object.keys(item.texts),
      status: item.status,
      attachments: item.attachment_ids.flatMap((fid) => {
        const f = fileView(files.find((x) => x.id === fid));
        return f ? [f] : [];
      }),
      version: item.version,
      updatedAt: item.updated_at.toISOString(),
      majorUpdateAt: item.major_update_at?.toISOString() ?? null,
      withdrawnAt: item.withdrawn_at?.toISOString() ?? null,
      withdrawnReason: item.withdrawn_reason,
    };
  }

  topics(): S.FollowedTopics {
    return { topics: [...NEWS_TOPICS] };
  }

  async followed(userId: string): Promise<S.FollowedTopics> {
    return { topics: await repo.followedTopics(this.db, userId) };
  }

  async follow(userId: string, topics: readonly NewsTopic[]): Promise<S.FollowedTopics> {
    await this.db.transaction().execute((trx) => repo.setFollowedTopics(trx, userId, topics));
    return this.followed(userId);
  }

  /** RSS 2.0 or Atom of what the residents of an area see (a commune: its items and the province-wide ones). */
  async feed(format: 'rss' | 'atom', q: S.FeedQuery, locale: Locale): Promise<string> {
    const area = q.area ?? this.platform.pack.provinceCode;
    const commune = area.length === 5 ? this.deps.areas.getCommune(area) : undefined;
    const province = area.length === 2 ? this.deps.areas.getProvince(area) : undefined;
    if (!commune && !province) throw invalidField('area', 'news.commune_outside');
    const provinceCode = commune ? commune.provinceCode : area;
    const { items } = await repo.listPublic(this.publicDb, { provinceCode, commune: commune?.code ?? null, topics: q.topic ? [q.topic] : undefined, limit: 50, offset: 0 });
    const base = this.platform.config.publicUrl;
    const areaName = commune?.name ?? province!.name;
    const entries: FeedEntry[] = [];
    for (const i of items) {
      const text = i.texts[locale] ?? i.texts.vi;
      entries.push({
        id: i.id,
        title: text.title,
        summary: text.summary || text.body.slice(0, 300),
        link: `${base}/news/${i.id}`,
        publishedAt: i.published_at!,
        updatedAt: i.major_update_at ?? i.published_at!,
        author: (await this.agencyOf(i.agency_id)).name,
        categories: i.topics,
      });
    }
    const qs = new URLSearchParams(q.topic ? { area, topic: q.topic } : { area }).toString();
    const meta = {
      title: translate(locale, 'news.feed_title', { area: areaName }),
      description: translate(locale, 'news.feed_description', { area: areaName }),
      link: `${base}/news`,
      self: `${base}/api/news/feed.${format}?${qs}`,
      language: locale,
      updatedAt: entries[0]?.updatedAt ?? new Date(0),
    };
    return format === 'rss' ? rss(meta, entries) : atom(meta, entries);
  }

  // ------------------------------------------------------------------ publishing and notices

  /** The recurring job: scheduled items whose time came are published and their followers told. */
  async publishDue(): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const due = await repo.publishDue(trx);
      for (const item of due) {
        await repo.addRevision(trx, { newsId: item.id, version: item.version, change: 'published', editorId: null });
        await this.platform.events.publish(trx, PUBLISHED_EVENT, item.id, { newsId: item.id, version: item.version, reason: 'published' });
      }
      return due.length;
    });
  }

  /**
   * Tells the followers of the item's topics who live where it is targeted. Idempotent: one
   * notice per person per version (the inbox dedupes on the key).
   */
  async notifyFollowers(newsId: string, version: number, reason: 'published' | 'major_update'): Promise<number> {
    const item = await repo.findItem(this.db, newsId);
    if (!item || item.version !== version || !isPublic(item.status, item.published_at, new Date()) || item.status === 'withdrawn') return 0;
    let sent = 0;
    for (const userId of await repo.followersOf(this.db, item.topics)) {
      const person = await this.deps.identity.getUserSummary(userId);
      const commune = person?.communeCode ? this.deps.areas.getCommune(person.communeCode) : undefined;
      if (!commune || commune.provinceCode !== item.province_code) continue;
      if (item.target_communes.length > 0 && !item.target_communes.includes(commune.code)) continue;
      const text = item.texts.vi;
      await this.deps.notifications.notify({
        userId,
        kind: 'news',
        title: translate('vi', reason === 'published' ? 'news.notice_published' : 'news.notice_updated', { title: text.title }),
        body: text.summary || text.body.slice(0, 200),
        link: `/news/${item.id}`,
        dedupeKey: `news:${item.id}:v${item.version}`,
      });
      sent++;
    }
    return sent;
  }

  // ------------------------------------------------------------------ helpers

  private async summary(i: repo.NewsItemRow, locale: Locale): Promise<S.NewsSummary> {
    const text = i.texts[locale] ?? i.texts.vi;
    const agency = await this.agencyOf(i.agency_id);
    const [cover] = i.cover_file_id ? await repo.filesByIds(this.db, [i.cover_file_id]) : [];
    return {
      id: i.id,
      kind: i.kind,
      title: text.title,
      summary: text.summary,
      topics: i.topics,
      areaLabel: this.areaLabel(i, locale),
      targetCommunes: i.target_communes,
      agencyName: agency.name,
      publishedAt: i.published_at?.toISOString() ?? null,
      coverUrl: fileView(cover)?.url ?? null,
    };
  }

  private areaLabel(i: Pick<repo.NewsItemRow, 'province_code' | 'target_communes'>, locale: Locale): string {
    if (i.target_communes.length === 0) return translate(locale, 'news.whole_province', { province: this.deps.areas.getProvince(i.province_code)?.name ?? i.province_code });
    return i.target_communes.map((c) => this.deps.areas.getCommune(c)?.name ?? c).join(', ');
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of new Set(ids)) out.set(id, (await this.deps.identity.getUserSummary(id))?.fullName ?? '');
    return out;
  }

  /** Communes must lie in the agency's area (a commune's committee writes only for itself). */
  private checkTargets(agency: Agency, communes: readonly string[], field: string): void {
    communes.forEach((code, i) => {
      const c = this.deps.areas.getCommune(code);
      if (!c || !this.deps.areas.isWithin(code, agency.areaCode)) throw invalidField(`${field}.${i}`, 'news.commune_outside');
    });
  }

  private async checkFiles(agencyId: string, coverId: string | null, attachmentIds: readonly string[]): Promise<void> {
    const files = await repo.filesByIds(this.db, [...(coverId ? [coverId] : []), ...attachmentIds]);
    const mine = (id: string) => files.find((f) => f.id === id && f.agency_id === agencyId);
    if (coverId) {
      const f = mine(coverId);
      if (!f) throw invalidField('coverFileId', 'news.file_not_found');
      if (f.kind !== 'image') throw invalidField('coverFileId', 'news.cover_not_image');
    }
    attachmentIds.forEach((id, i) => {
      const f = mine(id);
      if (!f) throw invalidField(`attachmentIds.${i}`, 'news.file_not_found');
      if (f.kind !== 'pdf') throw invalidField(`attachmentIds.${i}`, 'news.attachment_not_pdf');
    });
  }
}

function fileView(f: repo.NewsFileRow | undefined): S.NewsFile | null {
  if (!f) return null;
  return { id: f.id, kind: f.kind, name: f.name, size: f.size, url: `/api/news/files/${f.id}` };
}
