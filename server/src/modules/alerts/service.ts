// The life of an emergency alert: draft → (approval) → sent → fan-out on every channel
// → answers; Update and Cancel are new messages referencing the earlier one (CAP 1.2).
import { randomBytes } from 'node:crypto';
import type { Alert, AlertArea, AlertDraftInput, AlertFollowUpInput, AlertList, AlertListQuery, AlertReport, AnswerInput, AreaPreview } from '@cds/contracts/alerts';
import { isInForce, needsApproval, polygonProblem } from '@cds/contracts/alerts.rules';
import type { Principal } from '../../platform/auth.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy } from '../../platform/policy.ts';
import type { AreasApi } from '../areas/index.ts';
import type { IdentityApi } from '../identity/index.ts';
import type { NotificationsApi } from '../notifications/index.ts';
import { atomFeed, capXml } from './cap.ts';
import { alertRules, type AlertAction, type AlertSubject } from './policy.ts';
import * as repo from './repo.ts';

export const FAN_OUT_JOB = 'alerts-fan-out';

export interface AlertsDeps {
  areas: AreasApi;
  identity: IdentityApi;
  notifications: NotificationsApi;
  now?: () => Date;
}

/** The environment module's event when a river station's newest reading reaches a higher alarm level (báo động I–III). */
export interface RiverLevelCrossed {
  stationId: string;
  stationName: string;
  communeCode: string;
  alarm: number;
  level: number;
  measuredAt: string;
}
export const RIVER_LEVEL_CROSSED = 'environment.river_level_crossed';
const ROMAN: Record<number, string> = { 1: 'I', 2: 'II', 3: 'III' };

const subject = (a: repo.AlertRow): AlertSubject => ({ communes: a.area_communes, status: a.status, createdBy: a.created_by });

export class AlertService {
  private readonly policy;
  private readonly now: () => Date;

  constructor(
    private readonly platform: Platform,
    private readonly deps: AlertsDeps,
  ) {
    this.policy = bindPolicy(alertRules, deps.areas, 'alerts.forbidden');
    this.now = deps.now ?? (() => new Date());
  }

  private get db() {
    return this.platform.db.kysely;
  }

  get sender(): string {
    return `pctt@${new URL(this.platform.config.publicUrl).hostname}`;
  }

  private newIdentifier(tag = ''): string {
    const d = new Date(this.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    return `VN-${this.platform.pack.provinceCode}-${d}-${tag}${randomBytes(5).toString('hex').toUpperCase()}`;
  }

  /**
   * Demo mode: keeps one current Exercise alert (a flash-flood drill for one commune), sent
   * through the real path so the feed, the CAP document and the alerts page show an example.
   */
  async seedDemoExercise(officerId: string, leaderId: string): Promise<void> {
    if (await repo.demoExerciseInForce(this.db, this.now())) return;
    const now = this.now();
    const row = await repo.insert(this.db, {
      identifier: this.newIdentifier('DEMO-'),
      sender: this.sender,
      status: 'Exercise',
      msg_type: 'Alert',
      references_id: null,
      superseded_by: null,
      category: 'Met',
      event: 'Lũ quét (diễn tập)',
      urgency: 'Expected',
      severity: 'Severe',
      certainty: 'Possible',
      headline: 'DIỄN TẬP: Nguy cơ lũ quét, sạt lở đất tại Xã Thất Khê',
      description: 'Đây là bài diễn tập ứng phó lũ quét. Mưa lớn kéo dài có thể gây lũ quét ở các suối và sạt lở đất ven đường.',
      instruction: 'Diễn tập: kiểm tra đường sơ tán về nhà văn hóa thôn, chuẩn bị đèn pin, nước uống, giấy tờ quan trọng.',
      translations: [{ language: 'en', event: 'Flash flood (exercise)', headline: 'EXERCISE: flash flood and landslide risk in Thất Khê', description: 'This is a flash-flood drill.', instruction: 'Exercise: check the evacuation route to the village hall.' }],
      area: { description: 'Xã Thất Khê, tỉnh Lạng Sơn', communes: ['06040'] },
      area_communes: ['06040'],
      effective: now,
      expires: new Date(now.getTime() + 30 * 86400_000),
      created_by: officerId,
      approved_by: leaderId,
      sent_at: now,
      rejected_reason: null,
      delivery: null,
      fan_out_done_at: null,
    });
    await repo.update(this.db, row.id, { state: 'sent' });
    await this.fanOut(row.id);
  }

  /** Checks the draft and works out every commune its area covers. */
  private async areaCommunes(input: AlertDraftInput): Promise<string[]> {
    const start = input.effective ? new Date(input.effective) : this.now();
    if (new Date(input.expires).getTime() <= Math.max(start.getTime(), this.now().getTime())) throw invalidField('expires', 'alerts.expires_past');
    return this.covered(input.area);
  }

  /**
   * Every commune an area covers: the listed ones and those whose boundary a drawn polygon or
   * circle intersects (PostGIS). A polygon is checked first, so PostGIS never sees a broken one.
   */
  private async covered(area: AlertArea): Promise<string[]> {
    const { communes, polygon, circle } = area;
    const bad = communes.findIndex((c) => !this.deps.areas.getCommune(c));
    if (bad >= 0) throw invalidField(`area/communes/${bad}`, 'alerts.commune_unknown');
    const codes = new Set(communes);
    if (polygon) {
      const problem = polygonProblem(polygon);
      if (problem) throw invalidField('area/polygon', `alerts.polygon_${problem}`);
      for (const c of await this.deps.areas.communesIntersecting({ ring: polygon as [number, number][] })) codes.add(c);
    }
    if (circle) for (const c of await this.deps.areas.communesIntersecting({ center: circle.center, radiusM: circle.radiusKm * 1000 })) codes.add(c);
    // only the province's own communes: a shape reaching over the border warns nobody outside it
    const own = [...codes].filter((c) => this.deps.areas.isWithin(c, this.platform.pack.provinceCode) || communes.includes(c));
    if (own.length === 0) throw invalidField('area', 'alerts.area_empty');
    return own.sort();
  }

  /** What a drawn area covers, for the console to show before the officer saves the draft. */
  async previewArea(area: AlertArea): Promise<AreaPreview> {
    const codes = await this.covered(area);
    const residents = await this.deps.identity.residentsOf(codes);
    return { communes: codes.map((code) => ({ code, name: this.deps.areas.areaName(code) ?? code })), residents: residents.length };
  }

  private translationsOk(input: AlertDraftInput): void {
    const langs = new Set<string>();
    for (const [i, tr] of (input.translations ?? []).entries()) {
      if (tr.language.startsWith('vi') || langs.has(tr.language)) throw invalidField(`translations/${i}/language`, 'alerts.language_twice');
      langs.add(tr.language);
    }
  }

  async draft(principal: Principal, input: AlertDraftInput, follow?: { msgType: 'Update' | 'Cancel'; of: repo.AlertRow }): Promise<Alert> {
    this.translationsOk(input);
    const communes = await this.areaCommunes(input);
    this.policy.authorize(principal, 'draft', { communes, status: input.status, createdBy: principal.userId });
    const row = await repo.insert(this.db, {
      identifier: this.newIdentifier(),
      sender: this.sender,
      status: input.status,
      msg_type: follow?.msgType ?? 'Alert',
      references_id: follow?.of.id ?? null,
      superseded_by: null,
      category: input.category,
      event: input.event,
      urgency: input.urgency,
      severity: input.severity,
      certainty: input.certainty,
      headline: input.headline,
      description: input.description,
      instruction: input.instruction ?? null,
      translations: input.translations ?? [],
      area: input.area,
      area_communes: communes,
      effective: input.effective ? new Date(input.effective) : null,
      expires: new Date(input.expires),
      created_by: principal.userId,
      approved_by: null,
      sent_at: null,
      rejected_reason: null,
      delivery: null,
      fan_out_done_at: null,
    });
    await this.platform.audit.record({ actorUserId: principal.userId, action: 'alerts.draft', subjectType: 'alert', subjectId: row.id });
    return this.view(row, principal);
  }

  /** An Update (new texts) or a Cancel (the earlier texts, marked cancelled) of a sent alert. */
  async followUp(principal: Principal, id: string, input: AlertFollowUpInput): Promise<Alert> {
    const of = await this.get(id);
    if (of.state !== 'sent' || of.superseded_by || of.msg_type === 'Cancel') throw conflict('alerts.not_followable');
    this.policy.authorize(principal, 'followUp', subject(of));
    if (input.msgType === 'Update' && !input.draft) throw invalidField('draft', 'validation.required');
    const base: AlertDraftInput = input.draft ?? {
      status: of.status,
      category: of.category as AlertDraftInput['category'],
      event: of.event,
      urgency: 'Past',
      severity: of.severity as AlertDraftInput['severity'],
      certainty: of.certainty as AlertDraftInput['certainty'],
      headline: `HỦY: ${of.headline}`.slice(0, 160),
      description: input.note ?? `Cảnh báo "${of.headline}" đã được hủy.`,
      expires: new Date(Math.max(of.expires.getTime(), this.now().getTime() + 3600_000)).toISOString(),
      area: of.area,
      translations: [],
    };
    if (base.status !== of.status) throw invalidField('draft/status', 'alerts.status_differs');
    return this.draft(principal, base, { msgType: input.msgType, of });
  }

  /** Approves (Actual: a leader other than the drafter) and sends: the fan-out runs as a job. */
  async send(principal: Principal, id: string): Promise<Alert> {
    const row = await this.db.transaction().execute(async (trx) => {
      const a = await repo.byId(trx, id, true);
      if (!a) throw notFound('alerts.not_found');
      this.policy.authorize(principal, 'send', subject(a));
      if (a.state !== 'draft') throw conflict('alerts.not_draft');
      if (a.expires.getTime() <= this.now().getTime()) throw conflict('alerts.expired');
      const sentAt = this.now();
      await repo.update(trx, id, { state: 'sent', sent_at: sentAt, approved_by: needsApproval(a.status) ? principal.userId : null });
      if (a.references_id) await repo.update(trx, a.references_id, { superseded_by: a.id });
      await this.platform.events.publish(trx, 'alerts.sent', a.id, { alertId: a.id, identifier: a.identifier, status: a.status, msgType: a.msg_type, communes: a.area_communes });
      return { ...a, state: 'sent' as const, sent_at: sentAt };
    });
    await this.platform.jobs.send(FAN_OUT_JOB, { alertId: id }, { singletonKey: id, retryLimit: 3 });
    return this.view(row, principal);
  }

  async reject(principal: Principal, id: string, reason: string): Promise<Alert> {
    const a = await this.get(id);
    this.policy.authorize(principal, 'reject', subject(a));
    if (a.state !== 'draft') throw conflict('alerts.not_draft');
    await repo.update(this.db, id, { state: 'rejected', rejected_reason: reason, approved_by: principal.userId });
    return this.view({ ...a, state: 'rejected', rejected_reason: reason }, principal);
  }

  /** The job: tells everyone in the area on every channel; runs once per alert. */
  /**
   * A river station crossed an alarm level (the environment module's
   * `environment.river_level_crossed`): every alert officer whose area covers the station's
   * commune gets a notice linking to a draft form filled from the reading. A person decides
   * whether to warn; nothing is sent from a sensor alone.
   */
  async suggestFromRiverLevel(r: RiverLevelCrossed): Promise<number> {
    const officers = (await this.deps.areas.listMemberships({}))
      .filter((m) => m.role === 'alert_officer' && !m.revokedAt && this.deps.areas.isWithin(r.communeCode, m.areaCode));
    const commune = this.deps.areas.getCommune(r.communeCode)?.name ?? r.communeCode;
    const params = new URLSearchParams({ suggest: 'river', station: r.stationName, commune: r.communeCode, alarm: String(r.alarm), level: String(r.level), at: r.measuredAt });
    for (const userId of new Set(officers.map((m) => m.userId))) {
      await this.deps.notifications.notify({
        userId, kind: 'alert', urgency: r.alarm >= 3 ? 'alert' : 'normal',
        title: translate('vi', 'alerts.river.title', { station: r.stationName, alarm: ROMAN[r.alarm] ?? String(r.alarm) }),
        body: translate('vi', 'alerts.river.body', { level: r.level, commune }),
        link: `/staff/alerts?${params.toString()}`,
        dedupeKey: `river:${r.stationId}:${r.alarm}:${r.measuredAt}`,
      });
    }
    return officers.length;
  }

  async fanOut(alertId: string): Promise<void> {
    const a = await repo.byId(this.db, alertId);
    if (!a || a.state !== 'sent' || a.fan_out_done_at) return;
    const prefix = a.status === 'Actual' ? '' : a.status === 'Exercise' ? '[DIỄN TẬP] ' : '[THỬ NGHIỆM] ';
    const title = `${prefix}${a.msg_type === 'Cancel' ? '' : '⚠ '}${a.headline}`.slice(0, 200);
    const stats = await this.deps.notifications.deliver(
      { communes: a.area_communes, testsOnly: a.status !== 'Actual' },
      {
        kind: 'alert',
        title,
        body: a.instruction ? `${a.description}\n${a.instruction}` : a.description,
        link: `/canh-bao/${a.id}`,
        dedupeKey: `alert:${a.id}`,
        sms: `${prefix}${a.headline}. ${a.instruction ?? a.description}`.slice(0, 300),
      },
      a.severity === 'Extreme' ? 'extreme' : 'alert',
    );
    await repo.saveDelivery(this.db, a.id, { targeted: stats.targeted, inbox: stats.inbox, pushed: stats.pushed, pushAccepted: stats.pushAccepted, pushFailed: stats.pushFailed, pushExpired: stats.pushExpired, smsSent: stats.smsSent }, this.now());
  }

  async answer(principal: Principal, id: string, input: AnswerInput): Promise<Alert> {
    const a = await this.get(id);
    if (a.state !== 'sent' || a.msg_type === 'Cancel') throw notFound('alerts.not_found');
    if ((input.lat === undefined) !== (input.lon === undefined)) throw invalidField(input.lat === undefined ? 'lat' : 'lon', 'alerts.location_pair');
    await repo.saveAnswer(this.db, { alert_id: id, user_id: principal.userId, answer: input.answer, lat: input.lat ?? null, lon: input.lon ?? null, note: input.note ?? null });
    return this.view(a, principal);
  }

  async report(principal: Principal, id: string): Promise<AlertReport> {
    const a = await this.get(id);
    this.policy.authorize(principal, 'read_staff', subject(a));
    const answers = await repo.answersOf(this.db, id);
    const people = await Promise.all(answers.map((r) => this.deps.identity.getUserSummary(r.user_id)));
    // where each answer counts: the commune of the shared location, else the home commune
    const places = await Promise.all(answers.map(async (r, i) => (r.lat !== null && r.lon !== null ? (await this.deps.areas.locate(r.lat, r.lon))?.commune.code : null) ?? people[i]?.communeCode ?? null));
    const perCommune = new Map<string, AlertReport['perCommune'][number]>();
    answers.forEach((r, i) => {
      const code = places[i];
      if (!code) return;
      const row = perCommune.get(code) ?? { code, name: this.deps.areas.areaName(code) ?? code, safe: 0, needHelp: 0 };
      if (r.answer === 'safe') row.safe++;
      else row.needHelp++;
      perCommune.set(code, row);
    });
    const sms = await this.deps.notifications.smsDelivery(`alert:${a.id}`);
    const d = a.delivery;
    return {
      alertId: a.id,
      delivery: {
        targeted: d?.targeted ?? 0,
        inbox: d?.inbox ?? 0,
        pushed: d?.pushed ?? 0,
        pushAccepted: d?.pushAccepted ?? 0,
        pushFailed: d?.pushFailed ?? 0,
        pushExpired: d?.pushExpired ?? 0,
        smsSent: d?.smsSent ?? 0,
        smsDelivered: sms.delivered,
        smsFailed: sms.failed,
        smsPending: sms.pending,
        acknowledged: answers.length,
        safe: answers.filter((r) => r.answer === 'safe').length,
        needHelp: answers.filter((r) => r.answer === 'need_help').length,
        fanOutDone: !!a.fan_out_done_at,
      },
      // a location only when the citizen chose to share it (the answer form asks)
      answers: answers.map((r, i) => ({
        answer: r.answer,
        fullName: people[i]?.fullName ?? '',
        phone: people[i]?.phone ?? null,
        communeCode: places[i] ?? null,
        lat: r.lat,
        lon: r.lon,
        note: r.note,
        at: r.answered_at.toISOString(),
      })),
      perCommune: [...perCommune.values()].sort((x, y) => y.needHelp - x.needHelp || x.name.localeCompare(y.name, 'vi')),
    };
  }

  /** Public: sent alerts for a commune (or everywhere); staff see drafts through `staffList`. */
  async list(principal: Principal | null, q: AlertListQuery): Promise<AlertList> {
    const rows = await repo.listSent(this.db, { commune: q.commune, current: q.current, now: this.now(), limit: q.limit ?? 50 });
    return this.views(rows, principal);
  }

  async staffList(principal: Principal): Promise<AlertList> {
    const rows = (await repo.listAll(this.db, 200)).filter((a) => this.policy.can(principal, 'read_staff', subject(a)));
    return this.views(rows, principal);
  }

  async read(principal: Principal | null, id: string): Promise<Alert> {
    const a = await this.get(id);
    if (a.state !== 'sent' && !(principal && this.policy.can(principal, 'read_staff', subject(a)))) throw notFound('alerts.not_found');
    return this.view(a, principal);
  }

  async capDocument(identifier: string): Promise<string> {
    const a = await repo.byIdentifier(this.db, identifier);
    if (!a || a.state !== 'sent') throw notFound('alerts.not_found');
    const referenced = a.references_id ? await repo.byId(this.db, a.references_id) : null;
    return capXml(a, { senderName: this.senderName, publicUrl: this.platform.config.publicUrl, communeName: (c) => this.deps.areas.areaName(c) ?? c, referenced });
  }

  async feed(): Promise<string> {
    const rows = await repo.listSent(this.db, { current: true, now: this.now(), limit: 100 });
    return atomFeed(rows, { publicUrl: this.platform.config.publicUrl, title: this.senderName, updated: this.now() });
  }

  private get senderName(): string {
    return `Ban Chỉ huy Phòng thủ dân sự ${this.platform.pack.provinceName}`;
  }

  private async get(id: string): Promise<repo.AlertRow> {
    const a = await repo.byId(this.db, id);
    if (!a) throw notFound('alerts.not_found');
    return a;
  }

  private async views(rows: repo.AlertRow[], principal: Principal | null): Promise<AlertList> {
    const mine = principal ? await repo.myAnswers(this.db, principal.userId, rows.map((r) => r.id)) : new Map();
    const items = await Promise.all(rows.map((r) => this.view(r, principal, mine.get(r.id) ?? null)));
    return { items, total: items.length };
  }

  private async view(a: repo.AlertRow, principal: Principal | null, myAnswer?: Alert['myAnswer']): Promise<Alert> {
    if (myAnswer === undefined) myAnswer = principal ? ((await repo.myAnswers(this.db, principal.userId, [a.id])).get(a.id) ?? null) : null;
    const referenced = a.references_id ? await repo.byId(this.db, a.references_id) : null;
    const can = (action: AlertAction) => !!principal && this.policy.can(principal, action, subject(a));
    const actions: Alert['actions'] = [];
    if (a.state === 'draft' && can('send')) actions.push('send');
    if (a.state === 'draft' && can('reject')) actions.push('reject');
    if (a.state === 'sent' && !a.superseded_by && a.msg_type !== 'Cancel' && can('followUp')) actions.push('update', 'cancel');
    const cancelled = !!a.superseded_by || a.msg_type === 'Cancel';
    const creator = await this.deps.identity.getUserSummary(a.created_by);
    const approver = a.approved_by ? await this.deps.identity.getUserSummary(a.approved_by) : null;
    return {
      id: a.id,
      identifier: a.identifier,
      sender: a.sender,
      status: a.status,
      msgType: a.msg_type,
      references: referenced?.identifier ?? null,
      referencesId: a.references_id,
      state: a.state,
      cancelled,
      inForce: isInForce({ state: a.state, cancelled, expires: a.expires.toISOString() }, this.now()),
      category: a.category as Alert['category'],
      event: a.event,
      urgency: a.urgency as Alert['urgency'],
      severity: a.severity as Alert['severity'],
      certainty: a.certainty as Alert['certainty'],
      headline: a.headline,
      description: a.description,
      instruction: a.instruction,
      effective: a.effective?.toISOString() ?? null,
      expires: a.expires.toISOString(),
      area: a.area,
      communeNames: a.area_communes.map((c) => this.deps.areas.areaName(c) ?? c),
      translations: a.translations,
      createdBy: creator?.fullName ?? '',
      createdAt: a.created_at.toISOString(),
      approvedBy: approver?.fullName ?? null,
      sentAt: a.sent_at?.toISOString() ?? null,
      rejectedReason: a.rejected_reason,
      actions,
      myAnswer,
    };
  }
}

export { AppError };
