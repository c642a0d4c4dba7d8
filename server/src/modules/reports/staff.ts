// Staff handling of reports: the agency inbox, the report page, every workflow action,
// internal notes, public replies, moderation, templates, CSV export and category admin.
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { translate } from '../../platform/i18n.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import { authorizeAbility, bindPolicy, ROLE_SETS } from '../../platform/policy.ts';
import type { CategoryView } from './catalog.ts';
import type { ReportsContext } from './context.ts';
import { computeDueDate, openPause, urgency, type Urgency } from './deadline.ts';
import { processPhotos } from './photos.ts';
import { reportAbilities, settingsRules, staffScope, subjectOf } from './policy.ts';
import type { AgencyRef, PersonRef } from './ports.ts';
import * as repo from './repo.ts';
import type { ActBody as ActInput, InboxItem, StaffReport } from '@cds/contracts/reports';
import { photoView, timelineEntry } from './views.ts';
import { availableActions, type ReportStatus } from './workflow.ts';
import type { Question } from './categories.ts';

export type { StaffReport, InboxItem, ActInput };

interface ActContext {
  agencyId: string;
  staff: { userId: string; role: string }[];
  agency: AgencyRef | undefined;
}

export type InboxFilter = repo.ListFilter & { urgency?: 'due_soon' | 'overdue' };

type Deps = Pick<ReportsContext, 'db' | 'platform' | 'workflow' | 'catalog' | 'presenter' | 'timeline' | 'policy' | 'areas' | 'people' | 'notifier'>;

const settings = bindPolicy(settingsRules);

export class StaffReports {
  private readonly db: Kysely<object>;

  constructor(private readonly c: Deps) {
    this.db = c.db;
  }

  private urgencyOf(r: repo.ReportRecord): Urgency | null {
    if (!['new', 'accepted', 'assigned', 'in_progress'].includes(r.status)) return null;
    return urgency(this.c.platform.calendar, r.due_date, new Date(), this.c.workflow.settings.warnDaysBefore);
  }

  private dueByFor(u: 'due_soon' | 'overdue' | undefined): string | undefined {
    if (!u) return undefined;
    const today = toLocalDate(new Date());
    if (u === 'overdue') return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return this.c.platform.calendar.addWorkingDays(today, this.c.workflow.settings.warnDaysBefore);
  }

  private assertHandle(p: Principal, r: repo.ReportRecord): void {
    this.c.policy.authorize(p, 'handle', subjectOf(r));
  }

  async inbox(p: Principal, filter: InboxFilter, sort: repo.Sort, limit: number, offset: number): Promise<{ items: InboxItem[]; total: number }> {
    authorizeAbility(p, reportAbilities, 'reports.work');
    const { urgency: u, ...rest } = filter;
    const f: repo.ListFilter = { ...rest, dueBy: this.dueByFor(u), ...(u ? { status: rest.status ?? ['new', 'accepted', 'assigned', 'in_progress'] } : {}) };
    const { items, total } = await repo.list(this.db, { filter: f, scope: staffScope(p), sort, limit, offset });
    const views = await this.c.presenter.publicView(items);
    return { items: views.map((v, i) => ({ ...v, urgency: this.urgencyOf(items[i]!), assigneeId: items[i]!.assignee_id, hidden: items[i]!.hidden })), total };
  }

  async detail(p: Principal, idOrCode: string, ip?: string): Promise<StaffReport> {
    const r = await repo.findReport(this.db, idOrCode);
    if (!r) throw notFound('reports.not_found');
    this.c.policy.authorize(p, 'read_staff', subjectOf(r));
    return this.view(p, r, ip);
  }

  private async view(p: Principal, r: repo.ReportRecord, ip?: string): Promise<StaffReport> {
    const [base] = await this.c.presenter.publicView([r]);
    const events = await repo.events(this.db, r.id, true);
    const ids = [...new Set([r.reporter_id, r.assignee_id, ...events.map((e) => e.actor_id)].filter((x): x is string => !!x))];
    const people: Map<string, PersonRef> = ids.length ? await this.c.people.people(ids) : new Map();
    const photos = await repo.photos(this.db, [r.id]);
    // reading who filed a report is a read of personal data
    await this.c.platform.audit.record({ actorUserId: p.userId, action: 'reports.read_reporter', subjectType: 'report', subjectId: r.id, ip });
    const reporterPerson = r.reporter_id ? people.get(r.reporter_id) : undefined;
    const actions = availableActions(r.status);
    const assignees = actions.includes('assign') ? await this.assignees(r.agency_id) : [];
    const contactName = [r.contact.lastName, r.contact.firstName].filter(Boolean).join(' ') || null;
    return {
      ...base!,
      anonymous: r.anonymous, hidden: r.hidden, source: r.source, answers: r.answers,
      reporter: r.reporter_id || contactName || r.contact.phone || r.contact.email
        ? { id: r.reporter_id, name: reporterPerson?.name ?? contactName, phone: reporterPerson?.phone ?? r.contact.phone ?? null, email: r.contact.email ?? null }
        : null,
      assignee: r.assignee_id ? { id: r.assignee_id, name: people.get(r.assignee_id)?.name ?? null } : null,
      rejectReason: r.reject_reason, ratingComment: r.rating_comment, mergedInto: r.merged_into,
      urgency: this.urgencyOf(r),
      actions,
      assignees,
      canManage: this.c.policy.can(p, 'moderate', subjectOf(r)),
      photos: photos.map((ph) => photoView(ph, true)),
      timeline: events.map((e) => timelineEntry(e, e.actor_id ? people.get(e.actor_id)?.name ?? null : null)),
    };
  }

  /** Officers and agency admins of the agency, named: the people an assignment may go to (the same check as 'assign'). */
  private async assignees(agencyId: string): Promise<{ id: string; name: string }[]> {
    const ids = [...new Set((await this.c.areas.staffOf(agencyId)).filter((m) => (ROLE_SETS.handlers as readonly string[]).includes(m.role)).map((m) => m.userId))];
    const people = ids.length ? await this.c.people.people(ids) : new Map<string, PersonRef>();
    return ids.map((id) => ({ id, name: people.get(id)?.name ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  private async mutate(p: Principal, idOrCode: string, fn: (trx: Kysely<object>, r: repo.ReportRecord) => Promise<void>): Promise<StaffReport> {
    const id = await this.db.transaction().execute(async (trx) => {
      const r = await repo.findReport(trx, idOrCode, true);
      if (!r) throw notFound('reports.not_found');
      this.assertHandle(p, r);
      await fn(trx, r);
      return r.id;
    });
    // shown even when the action took the report out of the caller's scope (a transfer)
    return this.view(p, (await repo.findReport(this.db, id))!);
  }

  async act(p: Principal, idOrCode: string, input: ActInput): Promise<StaffReport> {
    // everything read through other modules is read before the transaction: on PGlite a
    // query outside the transaction would wait for the transaction's own connection
    const pre = await repo.findReport(this.db, idOrCode);
    if (!pre) throw notFound('reports.not_found');
    this.assertHandle(p, pre);
    const ctx: ActContext = {
      agencyId: pre.agency_id,
      staff: input.action === 'assign' ? await this.c.areas.staffOf(pre.agency_id) : [],
      agency: input.action === 'transfer' && input.agencyCode?.trim() ? await this.c.areas.agencyByCode(input.agencyCode.trim()) : undefined,
    };
    const answerPhotos = input.action === 'resolve' ? await processPhotos(input.photos, 'photos') : [];
    const stored = await Promise.all(answerPhotos.map(async (ph) => ({ ph, full: await this.c.platform.files.put(ph.full), thumb: await this.c.platform.files.put(ph.thumb) })));
    return this.mutate(p, pre.id, async (trx, r) => {
      // transferred meanwhile: the staff list and the scope check no longer hold
      if (r.agency_id !== ctx.agencyId) throw conflict('reports.bad_transition', { status: this.c.workflow.statusLabel(r.status) });
      const change = await this.apply(trx, p, r, input, ctx);
      if (input.action === 'resolve') {
        for (const [i, s] of stored.entries()) {
          await repo.insertPhoto(trx, { reportId: r.id, fileId: s.full.id, thumbId: s.thumb.id, kind: 'answer', width: s.ph.width, height: s.ph.height, position: i, approved: true });
        }
      }
      await this.c.timeline.record(trx, r, { actorId: p.userId, kind: input.action, fromStatus: r.status, toStatus: change.to, body: change.body, details: change.details });
      await this.c.platform.events.publish(trx, 'report.status_changed', r.id, { from: r.status, to: change.to, action: input.action, agencyId: change.agencyId ?? r.agency_id });
    });
  }

  private required(value: string | undefined, field: string): string {
    const v = value?.trim();
    if (!v) throw invalidField(field, 'validation.required');
    return v;
  }

  /** Checks the action's input and writes the report's new state; returns what the timeline says. */
  private async apply(trx: Kysely<object>, p: Principal, r: repo.ReportRecord, input: ActInput, ctx: ActContext): Promise<{ to: ReportStatus; body: string | null; details?: Record<string, unknown>; agencyId?: string }> {
    const now = new Date();
    switch (input.action) {
      case 'accept': {
        const to = this.c.workflow.transition(r.status, 'accept');
        await repo.updateReport(trx, r.id, { status: to });
        return { to, body: input.answer?.trim() || null };
      }
      case 'reject': {
        const reason = this.required(input.reason, 'reason');
        const to = this.c.workflow.transition(r.status, 'reject');
        await repo.updateReport(trx, r.id, { status: to, reject_reason: reason, closed_at: now });
        return { to, body: reason };
      }
      case 'assign': {
        const to = this.c.workflow.transition(r.status, 'assign');
        const assigneeId = input.assigneeId ?? p.userId;
        if (!ctx.staff.some((m) => m.userId === assigneeId && (ROLE_SETS.handlers as readonly string[]).includes(m.role))) throw invalidField('assigneeId', 'reports.assignee_not_officer');
        await repo.updateReport(trx, r.id, { status: to, assignee_id: assigneeId });
        if (assigneeId !== p.userId) {
          await this.c.notifier.notify({
            userId: assigneeId, kind: 'report.assigned', title: translate('vi', 'reports.notify.assigned.title', { code: r.tracking_code }),
            body: translate('vi', 'reports.notify.assigned.body', { due: r.due_date }), link: `/staff/reports/${r.tracking_code}`, dedupeKey: `report-assign:${r.id}:${now.getTime()}`,
          }, trx);
        }
        return { to, body: null, details: { assigneeId } };
      }
      case 'start': {
        const to = this.c.workflow.transition(r.status, 'start');
        await repo.updateReport(trx, r.id, { status: to });
        return { to, body: null };
      }
      case 'request_info': {
        const question = this.required(input.question, 'question');
        const to = this.c.workflow.transition(r.status, 'request_info');
        await repo.updateReport(trx, r.id, { status: to, resume_status: r.status, pauses: openPause(r.pauses, now) });
        return { to, body: question };
      }
      case 'resume': {
        // staff may restart the clock when the citizen answered by phone
        const to = this.c.workflow.transition(r.status, 'resume', { resumeStatus: r.resume_status });
        const pauses = r.pauses.map((x) => (x.to === null ? { ...x, to: now.toISOString() } : x));
        await repo.updateReport(trx, r.id, { status: to, resume_status: null, pauses, due_date: computeDueDate(this.c.platform.calendar, new Date(r.received_at), r.deadline_days, pauses, now) });
        return { to, body: input.answer?.trim() || null };
      }
      case 'resolve': {
        const answer = this.required(input.answer, 'answer');
        const to = this.c.workflow.transition(r.status, 'resolve');
        await repo.updateReport(trx, r.id, { status: to, public_answer: answer, resolved_at: now });
        return { to, body: answer };
      }
      case 'transfer':
        return this.transfer(trx, r, input, ctx);
      case 'merge':
        return this.merge(trx, p, r, input);
      case 'close': {
        const to = this.c.workflow.transition(r.status, 'close');
        await repo.updateReport(trx, r.id, { status: to, closed_at: now });
        return { to, body: null };
      }
      default:
        throw invalidField('action', 'validation.enum');
    }
  }

  private async transfer(trx: Kysely<object>, r: repo.ReportRecord, input: ActInput, ctx: ActContext) {
    const reason = this.required(input.reason, 'reason');
    this.required(input.agencyCode, 'agencyCode');
    const to = this.c.workflow.transition(r.status, 'transfer');
    const agency = ctx.agency;
    if (!agency) throw invalidField('agencyCode', 'reports.agency_unknown');
    if (agency.id === r.agency_id) throw invalidField('agencyCode', 'reports.same_agency');
    await repo.updateReport(trx, r.id, { status: to, agency_id: agency.id, assignee_id: null, warned_at: null, escalated_at: null });
    return { to, body: reason, details: { fromAgencyId: r.agency_id, toAgencyId: agency.id, toAgencyName: agency.name }, agencyId: agency.id };
  }

  private async merge(trx: Kysely<object>, p: Principal, r: repo.ReportRecord, input: ActInput) {
    const targetRef = this.required(input.targetId, 'targetId');
    const target = await repo.findReport(trx, targetRef, true);
    if (!target) throw invalidField('targetId', 'reports.not_found');
    if (target.id === r.id) throw invalidField('targetId', 'reports.merge_self');
    if (!['new', 'accepted', 'assigned', 'in_progress', 'need_info'].includes(target.status) || target.merged_into) throw invalidField('targetId', 'reports.merge_target_closed');
    this.assertHandle(p, target);
    const to = this.c.workflow.transition(r.status, 'merge');
    await repo.updateReport(trx, r.id, { status: to, merged_into: target.id, closed_at: new Date() });
    await repo.moveSupport(trx, r.id, target.id);
    await repo.insertEvent(trx, { report_id: target.id, actor_id: p.userId, kind: 'merged_in', public: true, body: r.tracking_code, details: { fromId: r.id } });
    return { to, body: target.tracking_code, details: { targetId: target.id, targetCode: target.tracking_code } };
  }

  /** An internal note (ghi chú nội bộ), never shown to the citizen. */
  async note(p: Principal, idOrCode: string, text: string): Promise<StaffReport> {
    return this.mutate(p, idOrCode, async (trx, r) => {
      await repo.insertEvent(trx, { report_id: r.id, actor_id: p.userId, kind: 'note', public: false, body: text.trim() });
    });
  }

  /** A public reply without changing the status. */
  async reply(p: Principal, idOrCode: string, text: string): Promise<StaffReport> {
    return this.mutate(p, idOrCode, async (trx, r) => {
      await this.c.timeline.record(trx, r, { actorId: p.userId, kind: 'reply', body: text.trim() });
      await repo.updateReport(trx, r.id, {});
    });
  }

  /** Hides a report from the public, or replaces its public text (the original stays in the history). */
  async moderate(p: Principal, idOrCode: string, input: { hidden?: boolean; description?: string; reason: string }): Promise<StaffReport> {
    return this.mutate(p, idOrCode, async (trx, r) => {
      this.c.policy.authorize(p, 'moderate', subjectOf(r));
      const patch: repo.ReportPatch = {};
      if (input.hidden !== undefined) patch.hidden = input.hidden;
      if (input.description?.trim()) patch.description = input.description.trim();
      await repo.updateReport(trx, r.id, patch);
      await repo.insertEvent(trx, {
        report_id: r.id, actor_id: p.userId, kind: 'moderated', public: false, body: input.reason.trim(),
        details: { hidden: input.hidden ?? null, ...(patch.description ? { originalDescription: r.description } : {}) },
      });
    });
  }

  async moderatePhoto(p: Principal, photoId: string, decision: 'approved' | 'hidden'): Promise<void> {
    const photo = /^[0-9a-f-]{36}$/i.test(photoId) ? await repo.findPhoto(this.db, photoId) : undefined;
    if (!photo) throw notFound('reports.photo_not_found');
    await this.mutate(p, photo.report_id, async (trx, r) => {
      await repo.setPhotoModeration(trx, photoId, decision);
      await repo.insertEvent(trx, { report_id: r.id, actor_id: p.userId, kind: 'photo_moderated', public: false, body: decision, details: { photoId } });
    });
  }

  // ------------------------------------------------------------ templates

  async templates(p: Principal, categoryCode: string | null) {
    authorizeAbility(p, reportAbilities, 'reports.work');
    return (await repo.templates(this.db, categoryCode)).map((t) => ({ id: t.id, categoryCode: t.category_code, title: t.title, body: t.body }));
  }

  async addTemplate(p: Principal, input: { categoryCode: string | null; title: string; body: string }) {
    authorizeAbility(p, reportAbilities, 'reports.configure');
    if (input.categoryCode !== null && !(await this.c.catalog.map()).has(input.categoryCode)) throw invalidField('categoryCode', 'reports.category_unknown');
    const row = await repo.insertTemplate(this.db, { category_code: input.categoryCode, title: input.title.trim(), body: input.body.trim() });
    return { id: row.id, categoryCode: row.category_code, title: row.title, body: row.body };
  }

  async deleteTemplate(p: Principal, id: string): Promise<void> {
    authorizeAbility(p, reportAbilities, 'reports.configure');
    const deleted = /^[0-9a-f-]{36}$/i.test(id) ? await repo.deleteTemplate(this.db, id) : 0;
    if (deleted === 0) throw notFound('reports.template_not_found');
  }

  // ------------------------------------------------------------ CSV

  /** The filtered inbox as CSV, UTF-8 with a BOM so spreadsheet programs read Vietnamese right. */
  async csv(p: Principal, filter: InboxFilter, sort: repo.Sort): Promise<string> {
    const { items } = await this.inbox(p, filter, sort, 10_000, 0);
    const head = ['Mã theo dõi', 'Lĩnh vực', 'Trạng thái', 'Nội dung', 'Địa chỉ', 'Xã/phường', 'Cơ quan', 'Ngày nhận', 'Hạn xử lý', 'Tình trạng hạn', 'Lượt ủng hộ', 'Vĩ độ', 'Kinh độ'];
    const urgencyLabel = { ok: 'Trong hạn', due_soon: 'Sắp đến hạn', overdue: 'Quá hạn' } as const;
    const rows = items.map((r) => [
      r.trackingCode, r.category.name, r.statusLabel, r.description, r.address ?? '', r.communeName, r.agencyName,
      r.receivedAt, r.dueDate, r.urgency ? urgencyLabel[r.urgency] : '', String(r.supporters), String(r.lat), String(r.lon),
    ]);
    await this.c.platform.audit.record({ actorUserId: p.userId, action: 'reports.export_csv', subjectType: 'report', details: { count: items.length } });
    return '\uFEFF' + [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  // ------------------------------------------------------------ categories (admin)

  async saveCategory(p: Principal, code: string, input: { parentCode?: string | null; name: string; nameEn?: string | null; description?: string; icon?: string; routing?: string; deadlineDays?: number; questions?: Question[]; keywords?: string; active?: boolean }, create: boolean): Promise<CategoryView> {
    settings.authorize(p, 'edit_categories', null);
    const map = await this.c.catalog.map();
    const existing = map.get(code);
    if (create && existing) throw conflict('reports.category_exists');
    if (!create && !existing) throw notFound('reports.category_unknown');
    const parent = input.parentCode === undefined ? existing?.parent_code ?? null : input.parentCode;
    if (parent !== null && (!map.has(parent) || map.get(parent)!.parent_code)) throw invalidField('parentCode', 'reports.parent_unknown');
    const routing = input.routing ?? existing?.routing ?? 'commune';
    if (routing !== 'commune' && !(await this.c.areas.agencyByCode(routing))) throw invalidField('routing', 'reports.routing_unknown');
    const values = {
      parent_code: parent, name: input.name.trim(), name_en: input.nameEn ?? existing?.name_en ?? null, description: input.description ?? existing?.description ?? '',
      icon: input.icon ?? existing?.icon ?? 'help', routing, deadline_days: input.deadlineDays ?? existing?.deadline_days ?? 10,
      questions: input.questions ?? existing?.questions ?? [], keywords: input.keywords ?? existing?.keywords ?? '', active: input.active ?? existing?.active ?? true,
    };
    if (create) await repo.insertCategory(this.db, { code, ...values, sort: map.size });
    else await repo.updateCategory(this.db, code, values);
    this.c.catalog.invalidate();
    return this.c.catalog.view((await this.c.catalog.map()).get(code)!);
  }
}

export function csvCell(value: string): string {
  // a leading = + - @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

