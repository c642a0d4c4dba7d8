// Dossier workflows: apply (draft, attachments, submit with a code and an appointment
// date), one-stop-shop processing through the transition table, letters, tracking and
// the Decision 766 indicators. Calls to other modules happen before a transaction opens,
// never inside it (PGlite has one connection).
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { detectFileType } from '../../platform/files.ts';
import { translate } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import { formatDossierCode } from './code.ts';
import * as ind from './indicators.ts';
import * as pdf from './pdf.ts';
import { canAct, canRead, isApplicant, mayViewArea } from './policy.ts';
import type { AreaPort, PeoplePort, ProcedureInfo, ProcedurePort } from './ports.ts';
import * as repo from './repo.ts';
import type { ActionInput, CreateDossier, DossierDetail, DossierSummary, FileUpload, StaffAction, UpdateDraft } from '@cds/contracts/dossiers';
import { nextStatus, STATUS, STATUS_NAMES, TRANSITIONS, FINISHING, type Action, type Status } from './status.ts';
import { DEFAULT_STEPS, isLastProcessingStep, stepAfter, validateSteps, type Step } from './steps.ts';
import { foldVietnamese, normalisePhone } from './text.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 20;
const ALLOWED = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export interface Notifier {
  notify(n: { userId: string; kind: string; title: string; body: string; link?: string | null; dedupeKey?: string | null }, trx?: Kysely<object>): Promise<void>;
}

export interface Ports {
  procedures: ProcedurePort;
  areas: AreaPort;
  people: PeoplePort;
  notifier: Notifier | null;
}

interface DecodedFile {
  docKey: string;
  fileName: string;
  bytes: Buffer;
  mime: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const s = (status: number) => STATUS_NAMES.vi[status as Status] ?? String(status);

export class DossierService {
  constructor(private readonly platform: Platform, private readonly ports: Ports) {}

  private get db() {
    return this.platform.db.kysely;
  }

  // ---------- applying ----------

  private decodeFiles(files: FileUpload[], field: string, procedure: ProcedureInfo | null): DecodedFile[] {
    return files.map((f, i) => {
      const bytes = Buffer.from(f.contentBase64, 'base64');
      if (bytes.length === 0) throw invalidField(`${field}.${i}.contentBase64`, 'dossiers.file_empty');
      if (bytes.length > MAX_FILE_BYTES) throw invalidField(`${field}.${i}.contentBase64`, 'dossiers.file_too_large', { mb: MAX_FILE_BYTES / 1024 / 1024 });
      const mime = detectFileType(bytes);
      if (!mime || !ALLOWED.has(mime)) throw invalidField(`${field}.${i}.contentBase64`, 'dossiers.file_type');
      if (procedure && !procedure.requiredDocuments.some((d) => d.key === f.docKey) && f.docKey !== 'other') {
        throw invalidField(`${field}.${i}.docKey`, 'dossiers.document_unknown');
      }
      return { docKey: f.docKey, fileName: f.fileName.replace(/[\\/\r\n]/g, '_'), bytes, mime };
    });
  }

  private async loadProcedure(id: string): Promise<ProcedureInfo> {
    const procedure = await this.ports.procedures.getProcedure(id);
    if (!procedure) throw invalidField('procedureId', 'dossiers.procedure_not_found');
    return procedure;
  }

  private async resolveAgency(procedure: ProcedureInfo, communeCode: string): Promise<string> {
    if (!(await this.ports.areas.communeName(communeCode))) throw invalidField('communeCode', 'dossiers.commune_unknown');
    const agency = await this.ports.procedures.resolveAgency(procedure, communeCode);
    if (!agency) throw invalidField('communeCode', 'dossiers.no_agency');
    return agency.agencyId;
  }

  private validateForm(procedure: ProcedureInfo, data: Record<string, unknown>): void {
    const problems = this.ports.procedures.validateForm(procedure, data);
    if (problems.length) throw new AppError(400, 'validation', {}, problems.map((p) => ({ field: `formData.${p.field}`, message: p.message, ...(p.params ? { params: p.params } : {}) })));
  }

  private requireDocuments(procedure: ProcedureInfo, docKeys: string[]): void {
    const missing = procedure.requiredDocuments.filter((d) => d.required && !docKeys.includes(d.key));
    if (missing.length) {
      throw new AppError(400, 'validation', {}, missing.map((d) => ({ field: `attachments.${d.key}`, message: 'dossiers.document_required', params: { name: d.name } })));
    }
  }

  private async stepsFor(procedureId: string): Promise<Step[]> {
    return (await repo.procedureSteps(this.db, procedureId)) ?? DEFAULT_STEPS;
  }

  /** Creates a draft (and submits it when asked). The same Idempotency-Key returns the same dossier. */
  async create(p: Principal, input: CreateDossier, idempotencyKey: string | null): Promise<{ detail: DossierDetail; replayed: boolean }> {
    if (idempotencyKey) {
      const existing = await repo.byIdempotencyKey(this.db, p.userId, idempotencyKey);
      if (existing) return { detail: await this.detail(p, existing), replayed: true };
    }
    const procedure = await this.loadProcedure(input.procedureId);
    const agencyId = await this.resolveAgency(procedure, input.communeCode);
    const files = this.decodeFiles(input.attachments ?? [], 'attachments', procedure);
    if (files.length > MAX_FILES) throw invalidField('attachments', 'dossiers.too_many_files', { max: MAX_FILES });
    if (input.submit) {
      this.validateForm(procedure, input.formData);
      this.requireDocuments(procedure, files.map((f) => f.docKey));
    }
    const person = await this.applicant(p);
    const steps = await this.stepsFor(procedure.id);
    const stored = await Promise.all(files.map((f) => this.platform.files.put(f.bytes)));
    const submitCtx = input.submit ? await this.submitContext(agencyId) : null;
    try {
      const row = await this.db.transaction().execute(async (trx) => {
        const d = await repo.insertDossier(trx, {
          procedure_id: procedure.id, procedure_code: procedure.code, procedure_name: procedure.name, processing_days: Math.ceil(procedure.processingDays),
          agency_id: agencyId, commune_code: input.communeCode, applicant_user_id: p.userId, applicant_name: person.fullName,
          applicant_name_folded: foldVietnamese(person.fullName), applicant_phone: person.phone, channel: 'online',
          form_data: input.formData, idempotency_key: idempotencyKey, steps,
        });
        for (const [i, f] of files.entries()) {
          await repo.addAttachment(trx, { dossier_id: d.id, doc_key: f.docKey, file_id: stored[i]!.id, file_name: f.fileName, mime: f.mime, size: f.bytes.length, round: 0 });
        }
        await repo.addEvent(trx, { dossier_id: d.id, action: 'create', from_status: 0, to_status: 0, step: null, actor_user_id: p.userId, actor_name: person.fullName, agency_id: null, note: null });
        return submitCtx ? this.submitIn(trx, d, procedure, submitCtx, p.userId, person.fullName) : d;
      });
      return { detail: await this.detail(p, row), replayed: false };
    } catch (err) {
      // two deliveries of the same outbox item raced: the loser returns the winner's dossier
      if (idempotencyKey && isUniqueViolation(err)) {
        const existing = await repo.byIdempotencyKey(this.db, p.userId, idempotencyKey);
        if (existing) return { detail: await this.detail(p, existing), replayed: true };
      }
      throw err;
    }
  }

  private async applicant(p: Principal): Promise<{ fullName: string; phone: string }> {
    const person = await this.ports.people.person(p.userId);
    if (!person) throw forbidden();
    return person;
  }

  private async ownDraft(p: Principal, id: string): Promise<repo.DossierRow> {
    const d = await repo.byId(this.db, id);
    if (!d || !isApplicant(p, d)) throw notFound('dossiers.not_found');
    if (d.status !== STATUS.draft) throw conflict('dossiers.not_draft');
    return d;
  }

  async updateDraft(p: Principal, id: string, input: UpdateDraft): Promise<DossierDetail> {
    const d = await this.ownDraft(p, id);
    let agencyId = d.agency_id;
    if (input.communeCode && input.communeCode !== d.commune_code) {
      agencyId = await this.resolveAgency(await this.loadProcedure(d.procedure_id), input.communeCode);
    }
    const row = await repo.update(this.db, id, { form_data: input.formData ?? d.form_data, commune_code: input.communeCode ?? d.commune_code, agency_id: agencyId });
    return this.detail(p, row);
  }

  async addDraftAttachment(p: Principal, id: string, file: FileUpload): Promise<DossierDetail> {
    const d = await this.ownDraft(p, id);
    const [f] = this.decodeFiles([file], 'attachment', await this.loadProcedure(d.procedure_id));
    const existing = await repo.attachments(this.db, id);
    if (existing.length >= MAX_FILES) throw invalidField('attachment', 'dossiers.too_many_files', { max: MAX_FILES });
    const stored = await this.platform.files.put(f!.bytes);
    await repo.addAttachment(this.db, { dossier_id: id, doc_key: f!.docKey, file_id: stored.id, file_name: f!.fileName, mime: f!.mime, size: f!.bytes.length, round: 0 });
    return this.detail(p, d);
  }

  async removeDraftAttachment(p: Principal, id: string, attachmentId: string): Promise<void> {
    await this.ownDraft(p, id);
    if ((await repo.removeAttachment(this.db, id, attachmentId)) === 0) throw notFound('not_found');
  }

  async deleteDraft(p: Principal, id: string): Promise<void> {
    await this.ownDraft(p, id);
    await repo.deleteDossier(this.db, id);
  }

  private async submitContext(agencyId: string): Promise<{ agencyEid: string }> {
    const agency = await this.ports.areas.getAgency(agencyId);
    if (!agency) throw invalidField('communeCode', 'dossiers.no_agency');
    return { agencyEid: agency.electronicId || agency.code };
  }

  /** Submits a draft: the day's code at the agency, the appointment date, the receipt. */
  async submit(p: Principal, id: string): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !isApplicant(p, d)) throw notFound('dossiers.not_found');
    if (d.status !== STATUS.draft) return this.detail(p, d); // already submitted: a retry
    const procedure = await this.loadProcedure(d.procedure_id);
    this.validateForm(procedure, d.form_data);
    this.requireDocuments(procedure, (await repo.attachments(this.db, id)).map((a) => a.doc_key));
    const ctx = await this.submitContext(d.agency_id);
    const person = await this.applicant(p);
    const row = await this.db.transaction().execute(async (trx) => {
      const locked = await repo.byId(trx, id, true);
      if (!locked || locked.status !== STATUS.draft) return locked!;
      return this.submitIn(trx, locked, procedure, ctx, p.userId, person.fullName);
    });
    return this.detail(p, row);
  }

  private async submitIn(trx: Kysely<object>, d: repo.DossierRow, procedure: ProcedureInfo, ctx: { agencyEid: string }, actor: string, actorName: string): Promise<repo.DossierRow> {
    const now = new Date();
    const day = toLocalDate(now);
    const seq = await repo.nextCodeSequence(trx, ctx.agencyEid, day);
    const code = formatDossierCode(ctx.agencyEid, day, seq);
    const due = this.platform.calendar.dueDate(now, Math.ceil(procedure.processingDays));
    const steps = d.steps.length ? d.steps : DEFAULT_STEPS;
    const row = await repo.update(trx, d.id, { code, status: STATUS.new, submitted_at: now, due_date: due, appointment_date: due, current_step: steps[0]!.key });
    await repo.addFees(trx, d.id, procedure.fees);
    await repo.addEvent(trx, { dossier_id: d.id, action: 'submit', from_status: 0, to_status: 1, step: steps[0]!.key, actor_user_id: actor, actor_name: actorName, agency_id: d.agency_id, note: null });
    await repo.addLetter(trx, { dossier_id: d.id, kind: 'receipt', issued_by: null, data: { appointmentDate: due } });
    await this.notifyApplicant(trx, row, translate('vi', 'dossiers.notify.submitted', { date: viDay(due) }), 'submit');
    await this.platform.events.publish(trx, 'dossier.submitted', d.id, { code, agencyId: d.agency_id, procedureId: d.procedure_id });
    return row;
  }

  // ---------- citizen actions after submission ----------

  async supply(p: Principal, id: string, files: FileUpload[], note: string | undefined): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !isApplicant(p, d)) throw notFound('dossiers.not_found');
    const to = nextStatus('supply_documents', d.status as Status, d.resume_status as Status | null);
    if (to === null) throw conflict('dossiers.bad_transition', { status: s(d.status) });
    const decoded = this.decodeFiles(files, 'attachments', null);
    const stored = await Promise.all(decoded.map((f) => this.platform.files.put(f.bytes)));
    const person = await this.applicant(p);
    const row = await this.db.transaction().execute(async (trx) => {
      const locked = await this.lockIn(trx, id, 'supply_documents');
      const now = new Date();
      await repo.closePause(trx, id, now);
      for (const [i, f] of decoded.entries()) {
        await repo.addAttachment(trx, { dossier_id: id, doc_key: f.docKey, file_id: stored[i]!.id, file_name: f.fileName, mime: f.mime, size: f.bytes.length, round: locked.more_docs_requests });
      }
      const due = await this.dueWithPauses(trx, locked);
      const appointment = locked.appointment_date && locked.appointment_date > due && locked.apologies > 0 ? locked.appointment_date : due;
      const updated = await repo.update(trx, id, { status: to, resume_status: null, missing_documents: [], due_date: due, appointment_date: appointment });
      await repo.addEvent(trx, { dossier_id: id, action: 'supply_documents', from_status: locked.status, to_status: to, step: locked.current_step, actor_user_id: p.userId, actor_name: person.fullName, agency_id: locked.agency_id, note: note ?? null, details: { files: decoded.length } });
      if (locked.assignee_user_id) {
        await this.ports.notifier?.notify({ userId: locked.assignee_user_id, kind: 'dossier', title: translate('vi', 'dossiers.notify.title', { code: locked.code ?? '', status: s(to) }), body: translate('vi', 'dossiers.notify.supplied', { code: locked.code ?? '' }), link: `/staff/dossiers/${id}`, dedupeKey: `dossier:${id}:supplied:${now.getTime()}` }, trx);
      }
      await this.platform.events.publish(trx, 'dossier.changed', id, { action: 'supply_documents', status: to });
      return updated;
    });
    return this.detail(p, row);
  }

  private async dueWithPauses(trx: Kysely<object>, d: repo.DossierRow): Promise<string> {
    const pauses = (await repo.pauses(trx, [d.id])).map((x) => ({ from: x.started_at, to: x.ended_at }));
    return this.platform.calendar.dueDate(d.submitted_at ?? new Date(), d.processing_days, pauses);
  }

  async withdraw(p: Principal, id: string, reason: string): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !isApplicant(p, d)) throw notFound('dossiers.not_found');
    const person = await this.applicant(p);
    const row = await this.db.transaction().execute(async (trx) => {
      const locked = await this.lockIn(trx, id, 'withdraw');
      await repo.closePause(trx, id, new Date());
      const updated = await repo.update(trx, id, { status: STATUS.withdrawn, resume_status: null });
      await repo.addEvent(trx, { dossier_id: id, action: 'withdraw', from_status: locked.status, to_status: STATUS.withdrawn, step: locked.current_step, actor_user_id: p.userId, actor_name: person.fullName, agency_id: locked.agency_id, note: reason });
      await this.platform.events.publish(trx, 'dossier.changed', id, { action: 'withdraw', status: STATUS.withdrawn });
      return updated;
    });
    return this.detail(p, row);
  }

  async rate(p: Principal, id: string, rating: number, comment: string | undefined): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !isApplicant(p, d)) throw notFound('dossiers.not_found');
    if (!([STATUS.returned, STATUS.refused, STATUS.stopped] as number[]).includes(d.status)) throw conflict('dossiers.rating_not_allowed');
    return this.detail(p, await repo.update(this.db, id, { rating, rating_comment: comment ?? null }));
  }

  /** Locks the row and checks the transition table; throws 409 when the action is not allowed now. */
  private async lockIn(trx: Kysely<object>, id: string, action: Action): Promise<repo.DossierRow> {
    const d = await repo.byId(trx, id, true);
    if (!d) throw notFound('dossiers.not_found');
    if (nextStatus(action, d.status as Status, d.resume_status as Status | null) === null) throw conflict('dossiers.bad_transition', { status: s(d.status) });
    return d;
  }

  // ---------- staff ----------

  private async staffDossier(p: Principal, id: string): Promise<repo.DossierRow> {
    const d = await repo.byId(this.db, id);
    if (!d || d.status === STATUS.draft) throw notFound('dossiers.not_found');
    if (!(await canAct(this.ports.areas, p, d))) {
      if (await canRead(this.ports.areas, p, d)) throw forbidden();
      throw notFound('dossiers.not_found');
    }
    return d;
  }

  async act(p: Principal, id: string, action: StaffAction, input: ActionInput): Promise<DossierDetail> {
    const d = await this.staffDossier(p, id);
    if (nextStatus(action, d.status as Status) === null) throw conflict('dossiers.bad_transition', { status: s(d.status) });
    const actorName = (await this.ports.people.person(p.userId))?.fullName ?? null;
    const prepared = await this.prepareAction(d, action, input);
    const row = await this.db.transaction().execute(async (trx) => {
      const locked = await this.lockIn(trx, id, action);
      const to = nextStatus(action, locked.status as Status)!;
      const now = new Date();
      const derived = this.derive(locked, action, input);
      const patch: repo.DossierPatch = { status: to, ...prepared.patch, ...derived.patch };
      if (FINISHING.includes(to) && !locked.finished_at) patch.finished_at = now;
      await this.applyEffects(trx, locked, action, input, patch, now, p.userId);
      const updated = await repo.update(trx, id, patch);
      await repo.addEvent(trx, {
        dossier_id: id, action, from_status: locked.status, to_status: to, step: updated.current_step, actor_user_id: p.userId, actor_name: actorName,
        agency_id: locked.agency_id, to_agency_id: input.toAgencyId ?? null, to_user_id: input.toUserId ?? input.assigneeUserId ?? null,
        note: input.reason ?? input.note ?? null, details: { ...prepared.details, ...derived.details },
      });
      await this.notifyChange(trx, updated, action, input);
      await this.platform.events.publish(trx, 'dossier.changed', id, { action, status: to, agencyId: updated.agency_id });
      return updated;
    });
    return this.detail(p, row);
  }

  /** Checks that need other modules or the file store, done before the transaction. */
  private async prepareAction(d: repo.DossierRow, action: StaffAction, input: ActionInput): Promise<{ patch: repo.DossierPatch; details: Record<string, unknown> }> {
    const patch: repo.DossierPatch = {};
    if (action === 'forward' && input.toAgencyId) {
      if (!(await this.ports.areas.getAgency(input.toAgencyId))) throw invalidField('toAgencyId', 'dossiers.agency_unknown');
      patch.agency_id = input.toAgencyId;
    }
    if ((action === 'complete' || action === 'return_result') && input.result) {
      const bytes = Buffer.from(input.result.contentBase64, 'base64');
      if (bytes.length === 0) throw invalidField('result.contentBase64', 'dossiers.file_empty');
      if (bytes.length > MAX_FILE_BYTES) throw invalidField('result.contentBase64', 'dossiers.file_too_large', { mb: MAX_FILE_BYTES / 1024 / 1024 });
      const mime = detectFileType(bytes);
      if (!mime || !ALLOWED.has(mime)) throw invalidField('result.contentBase64', 'dossiers.file_type');
      const stored = await this.platform.files.put(bytes);
      Object.assign(patch, { result_file_id: stored.id, result_file_name: input.result.fileName.replace(/[\\/\r\n]/g, '_'), result_mime: mime });
    }
    if (action === 'apologize' && !this.platform.calendar.isWorkingDay(input.newAppointmentDate!)) throw invalidField('newAppointmentDate', 'dossiers.date_not_working');
    this.derive(d, action, input); // fail early, before any file is kept
    return { patch, details: {} };
  }

  /** The parts of the change that depend on the row as locked in the transaction. */
  private derive(d: repo.DossierRow, action: StaffAction, input: ActionInput): { patch: repo.DossierPatch; details: Record<string, unknown> } {
    const patch: repo.DossierPatch = {};
    const details: Record<string, unknown> = {};
    if (action === 'accept') patch.current_step = stepAfter(d.steps, 'receive');
    if (action === 'assign') patch.current_step = stepAfter(d.steps, 'assign');
    if (action === 'forward') {
      if (isLastProcessingStep(d.steps, d.current_step)) throw conflict('dossiers.step_last');
      patch.current_step = stepAfter(d.steps, d.current_step);
      patch.assignee_user_id = input.toUserId ?? null;
    }
    if (action === 'complete') {
      if (!isLastProcessingStep(d.steps, d.current_step)) throw conflict('dossiers.step_not_last');
      patch.current_step = d.steps[d.steps.length - 1]!.key;
    }
    if (action === 'apologize') {
      const day = input.newAppointmentDate!;
      if (d.appointment_date && day <= d.appointment_date) throw invalidField('newAppointmentDate', 'dossiers.date_not_later');
      Object.assign(details, { previousDate: d.appointment_date, newDate: day });
      patch.appointment_date = day;
      patch.apologies = d.apologies + 1;
    }
    if (action === 'request_documents') {
      patch.missing_documents = input.missing!.map((m) => ({ key: m.key ?? null, name: m.name, note: m.note ?? null }));
      patch.more_docs_requests = d.more_docs_requests + 1;
      patch.resume_status = d.status;
    }
    return { patch, details };
  }

  private async applyEffects(trx: Kysely<object>, d: repo.DossierRow, action: StaffAction, input: ActionInput, patch: repo.DossierPatch, now: Date, actor: string): Promise<void> {
    if (action === 'assign') patch.assignee_user_id = input.assigneeUserId ?? actor;
    if (action === 'request_documents') {
      await repo.openPause(trx, d.id, now);
      await repo.addLetter(trx, { dossier_id: d.id, kind: 'more_documents', issued_by: actor, data: { missing: patch.missing_documents, note: input.note ?? null } });
    }
    if (action === 'refuse') await repo.addLetter(trx, { dossier_id: d.id, kind: 'refusal', issued_by: actor, data: { reason: input.reason } });
    if (action === 'apologize') {
      await repo.addLetter(trx, { dossier_id: d.id, kind: 'apology', issued_by: actor, data: { reason: input.reason, previousDate: d.appointment_date, newDate: input.newAppointmentDate } });
    }
    if (action === 'stop') await repo.closePause(trx, d.id, now);
    if (action === 'request_payment') {
      await repo.addFees(trx, d.id, input.fees ?? []);
      if (!(await repo.fees(trx, d.id)).some((f) => !f.paid_at)) throw conflict('dossiers.no_fees');
    }
    if (action === 'mark_paid') await repo.markFeesPaid(trx, d.id, actor, now);
    if (action === 'return_result' && !d.result_file_id && !patch.result_file_id) throw invalidField('result', 'dossiers.result_required');
  }

  private async notifyChange(trx: Kysely<object>, d: repo.DossierRow, action: StaffAction, input: ActionInput): Promise<void> {
    if (action === 'forward' || action === 'assign') return; // internal hand-offs
    let body = translate('vi', 'dossiers.notify.changed', { procedure: d.procedure_name, status: s(d.status) });
    if (action === 'request_documents') body = translate('vi', 'dossiers.notify.more_documents');
    if (action === 'apologize') body = translate('vi', 'dossiers.notify.apology', { date: viDay(input.newAppointmentDate ?? '') });
    await this.notifyApplicant(trx, d, body, action);
  }

  private async notifyApplicant(trx: Kysely<object>, d: repo.DossierRow, body: string, action: string): Promise<void> {
    await this.ports.notifier?.notify({
      userId: d.applicant_user_id, kind: 'dossier', title: translate('vi', 'dossiers.notify.title', { code: d.code ?? '', status: s(d.status) }),
      body, link: `/dossiers/${d.id}`, dedupeKey: `dossier:${d.id}:${action}:${Date.now()}`,
    }, trx);
  }

  async queue(p: Principal, f: { status?: string; procedureId?: string; q?: string; overdue?: boolean; limit?: number; offset?: number }): Promise<{ items: DossierSummary[]; total: number }> {
    const agencyIds = [...new Set(p.memberships.filter((m) => (m.role === 'officer' || m.role === 'agency_admin') && m.agencyId).map((m) => m.agencyId!))];
    const today = toLocalDate(new Date());
    const { items, total } = await repo.queue(this.db, {
      agencyIds, statuses: f.status?.split(',').map(Number), procedureId: f.procedureId, q: f.q,
      overdueOn: f.overdue ? today : undefined, limit: f.limit ?? 20, offset: f.offset ?? 0,
    });
    const visible: DossierSummary[] = [];
    for (const d of items) if (await canAct(this.ports.areas, p, d)) visible.push(this.summary(d));
    return { items: visible, total };
  }

  async mine(p: Principal, limit: number, offset: number): Promise<{ items: DossierSummary[]; total: number }> {
    const { items, total } = await repo.mine(this.db, p.userId, limit, offset);
    return { items: items.map((d) => this.summary(d)), total };
  }

  async get(p: Principal, id: string, ip?: string): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await canRead(this.ports.areas, p, d))) throw notFound('dossiers.not_found');
    if (!isApplicant(p, d)) await this.platform.audit.record({ actorUserId: p.userId, action: 'dossier.read', subjectType: 'dossier', subjectId: id, ip });
    return this.detail(p, d);
  }

  async getSteps(procedureId: string): Promise<Step[]> {
    return this.stepsFor(procedureId);
  }

  async setSteps(p: Principal, procedureId: string, steps: Step[]): Promise<Step[]> {
    await this.loadProcedure(procedureId);
    validateSteps(steps);
    await repo.setProcedureSteps(this.db, procedureId, steps);
    await this.platform.audit.record({ actorUserId: p.userId, action: 'dossier.steps_changed', subjectType: 'procedure', subjectId: procedureId, details: { steps } });
    return steps;
  }

  // ---------- views ----------

  private deadline(d: repo.DossierRow): DossierSummary['deadline'] {
    if (!d.appointment_date || d.status === STATUS.draft || d.finished_at || d.status === STATUS.withdrawn) return 'none';
    const today = toLocalDate(new Date());
    if (today > d.appointment_date) return 'red';
    return this.platform.calendar.workingDaysBetween(today, d.appointment_date) <= 2 ? 'amber' : 'green';
  }

  summary(d: repo.DossierRow): DossierSummary {
    return {
      id: d.id, code: d.code, procedureId: d.procedure_id, procedureName: d.procedure_name, agencyId: d.agency_id, communeCode: d.commune_code,
      applicantName: d.applicant_name, status: d.status, statusName: s(d.status), currentStep: d.current_step, submittedAt: iso(d.submitted_at),
      dueDate: d.due_date, appointmentDate: d.appointment_date, deadline: this.deadline(d), updatedAt: d.updated_at.toISOString(),
    };
  }

  private async detail(p: Principal, d: repo.DossierRow): Promise<DossierDetail> {
    const [attachments, letters, fees, events] = await Promise.all([repo.attachments(this.db, d.id), repo.letters(this.db, d.id), repo.fees(this.db, d.id), repo.events(this.db, d.id)]);
    const staff = await canAct(this.ports.areas, p, d);
    const allowed = (Object.keys(TRANSITIONS) as Action[]).filter((a) => {
      const rule = TRANSITIONS[a];
      if ((rule.actor === 'staff' && !staff) || (rule.actor === 'citizen' && !isApplicant(p, d))) return false;
      return nextStatus(a, d.status as Status, d.resume_status as Status | null) !== null;
    });
    return {
      ...this.summary(d), procedureCode: d.procedure_code, processingDays: d.processing_days, channel: d.channel, applicantPhone: d.applicant_phone,
      formData: d.form_data, steps: d.steps, assigneeUserId: d.assignee_user_id, finishedAt: iso(d.finished_at), moreDocsRequests: d.more_docs_requests,
      missingDocuments: d.missing_documents,
      attachments: attachments.map((a) => ({ id: a.id, docKey: a.doc_key, fileName: a.file_name, mime: a.mime, size: a.size, round: a.round, createdAt: a.created_at.toISOString() })),
      letters: letters.map((l) => ({ id: l.id, kind: l.kind, issuedAt: l.issued_at.toISOString(), url: `/api/dossiers/${d.id}/letters/${l.id}/pdf` })),
      fees: fees.map((f) => ({ id: f.id, name: f.name, amountVnd: Number(f.amount_vnd), paidAt: iso(f.paid_at), method: f.method })),
      hasResult: !!d.result_file_id, rating: d.rating,
      timeline: events.map((e) => ({
        at: e.at.toISOString(), action: e.action, fromStatus: e.from_status, status: e.to_status, statusName: s(e.to_status), step: e.step, note: e.note,
        actorName: staff ? e.actor_name : null, agencyId: e.agency_id, toAgencyId: e.to_agency_id, toUserId: staff ? e.to_user_id : null,
      })),
      allowedActions: allowed,
    };
  }

  // ---------- files and letters ----------

  /** Staff opening a citizen's papers is recorded in the audit log. */
  private async auditRead(p: Principal, d: repo.DossierRow, what: string): Promise<void> {
    if (!isApplicant(p, d)) await this.platform.audit.record({ actorUserId: p.userId, action: 'dossier.read', subjectType: 'dossier', subjectId: d.id, details: { what } });
  }

  async attachmentFile(p: Principal, id: string, attachmentId: string): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await canRead(this.ports.areas, p, d))) throw notFound('dossiers.not_found');
    await this.auditRead(p, d, `attachment:${attachmentId}`);
    const a = (await repo.attachments(this.db, id)).find((x) => x.id === attachmentId);
    const bytes = a ? await this.platform.files.get(a.file_id) : null;
    if (!a || !bytes) throw notFound('dossiers.no_file');
    return { bytes, mime: a.mime, fileName: a.file_name };
  }

  async resultFile(p: Principal, id: string): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await canRead(this.ports.areas, p, d))) throw notFound('dossiers.not_found');
    // the citizen gets the result once it is returned; staff may see it as soon as it is uploaded
    if (isApplicant(p, d) && d.status !== STATUS.returned && !(await canAct(this.ports.areas, p, d))) throw notFound('dossiers.no_file');
    const bytes = d.result_file_id ? await this.platform.files.get(d.result_file_id) : null;
    if (!bytes) throw notFound('dossiers.no_file');
    return { bytes, mime: d.result_mime ?? 'application/octet-stream', fileName: d.result_file_name ?? 'ket-qua' };
  }

  private async letterContext(d: repo.DossierRow, compress: boolean): Promise<pdf.LetterContext> {
    const agency = await this.ports.areas.getAgency(d.agency_id);
    return {
      provinceName: this.platform.pack.provinceName, agencyName: agency?.name ?? '', code: d.code ?? '', applicantName: d.applicant_name,
      applicantPhone: d.applicant_phone, communeName: (await this.ports.areas.communeName(d.commune_code)) ?? d.commune_code,
      procedureName: d.procedure_name, submittedAt: d.submitted_at ?? d.created_at, processingDays: d.processing_days,
      appointmentDate: d.appointment_date, trackUrl: `${this.platform.config.publicUrl}/tra-cuu-ho-so`, compress,
    };
  }

  async letterPdf(p: Principal, id: string, letterId: string, compress = true): Promise<{ bytes: Buffer; fileName: string }> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await canRead(this.ports.areas, p, d))) throw notFound('dossiers.not_found');
    const letter = (await repo.letters(this.db, id)).find((l) => l.id === letterId);
    if (!letter) throw notFound('dossiers.letter_not_found');
    await this.auditRead(p, d, `letter:${letter.kind}`);
    const ctx = await this.letterContext(d, compress);
    const data = letter.data;
    let bytes: Buffer;
    if (letter.kind === 'receipt') {
      const names = await this.documentNames(d);
      // the receipt shows the date promised on submission, whatever happened since
      bytes = await pdf.receiptPdf({ ...ctx, appointmentDate: (data.appointmentDate as string | undefined) ?? d.appointment_date }, names);
    } else if (letter.kind === 'more_documents') {
      const agency = await this.ports.areas.getAgency(d.agency_id);
      bytes = await pdf.moreDocumentsPdf(ctx, (data.missing as repo.MissingDocument[] | undefined) ?? [], (data.note as string | null) ?? null, (agency as { phone?: string | null } | null)?.phone ?? null);
    } else if (letter.kind === 'refusal') {
      bytes = await pdf.refusalPdf(ctx, String(data.reason ?? ''));
    } else {
      bytes = await pdf.apologyPdf(ctx, (data.previousDate as string | null) ?? null, String(data.newDate ?? ''), String(data.reason ?? ''));
    }
    return { bytes, fileName: `${letter.kind}-${d.code ?? d.id}.pdf` };
  }

  async receiptPdf(p: Principal, id: string, compress = true): Promise<{ bytes: Buffer; fileName: string }> {
    const letter = (await repo.letters(this.db, id)).find((l) => l.kind === 'receipt');
    if (!letter) {
      const d = await repo.byId(this.db, id);
      if (!d || !(await canRead(this.ports.areas, p, d))) throw notFound('dossiers.not_found');
      throw notFound('dossiers.letter_not_found');
    }
    return this.letterPdf(p, id, letter.id, compress);
  }

  private async documentNames(d: repo.DossierRow): Promise<string[]> {
    const procedure = await this.ports.procedures.getProcedure(d.procedure_id);
    const names = new Map(procedure?.requiredDocuments.map((x) => [x.key, x.name]) ?? []);
    return (await repo.attachments(this.db, d.id)).map((a) => `${names.get(a.doc_key) ?? a.doc_key}: ${a.file_name}`);
  }

  async controlSheetPdf(p: Principal, id: string, compress = true): Promise<{ bytes: Buffer; fileName: string }> {
    const d = await repo.byId(this.db, id);
    if (!d || d.status === STATUS.draft || !(await canRead(this.ports.areas, p, d))) throw notFound('dossiers.not_found');
    await this.auditRead(p, d, 'control_sheet');
    const events = await repo.events(this.db, id);
    const agencyNames = new Map<string, string>();
    for (const e of events) {
      for (const a of [e.agency_id, e.to_agency_id]) if (a && !agencyNames.has(a)) agencyNames.set(a, (await this.ports.areas.getAgency(a))?.name ?? '');
    }
    const rows = events.filter((e) => e.action !== 'create').map((e) => ({
      at: e.at,
      actor: [e.actor_name, e.agency_id ? agencyNames.get(e.agency_id) : null].filter(Boolean).join(' — '),
      action: ACTION_NAMES[e.action] ?? e.action,
      status: s(e.to_status),
      note: [e.to_agency_id ? `Chuyển đến: ${agencyNames.get(e.to_agency_id)}` : null, e.note].filter(Boolean).join('. '),
    }));
    const bytes = await pdf.controlSheetPdf(await this.letterContext(d, compress), rows);
    return { bytes, fileName: `phieu-kiem-soat-${d.code}.pdf` };
  }

  // ---------- tracking ----------

  async track(code: string, phone: string) {
    const d = await repo.byCode(this.db, code.trim().toUpperCase()) ?? await repo.byCode(this.db, code.trim());
    if (!d || normalisePhone(d.applicant_phone) !== normalisePhone(phone)) throw notFound('dossiers.track_not_found');
    const events = await repo.events(this.db, d.id);
    const agency = await this.ports.areas.getAgency(d.agency_id);
    return {
      code: d.code!, procedureName: d.procedure_name, agencyName: agency?.name ?? '', status: d.status, statusName: s(d.status),
      submittedAt: iso(d.submitted_at), appointmentDate: d.appointment_date, missingDocuments: d.missing_documents, hasResult: d.status === STATUS.returned && !!d.result_file_id,
      // statuses and dates only: notes may name people
      timeline: events.filter((e) => e.from_status !== e.to_status || e.action === 'apologize').map((e) => ({ at: e.at.toISOString(), action: e.action, status: e.to_status, statusName: s(e.to_status), step: e.step, note: null })),
    };
  }

  async trackedResult(code: string, phone: string): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
    const d = await repo.byCode(this.db, code.trim());
    if (!d || normalisePhone(d.applicant_phone) !== normalisePhone(phone) || d.status !== STATUS.returned || !d.result_file_id) throw notFound('dossiers.track_not_found');
    const bytes = await this.platform.files.get(d.result_file_id);
    if (!bytes) throw notFound('dossiers.no_file');
    return { bytes, mime: d.result_mime ?? 'application/octet-stream', fileName: d.result_file_name ?? 'ket-qua' };
  }

  // ---------- indicators ----------

  async indicators(p: Principal, q: { from: string; to: string; area?: string }) {
    if (q.to < q.from) throw invalidField('to', 'dossiers.bad_period');
    const area = q.area ?? p.memberships.find((m) => ['leader', 'agency_admin', 'sysadmin'].includes(m.role))?.areaCode ?? null;
    if (area !== null && !(await mayViewArea(this.ports.areas, p, area))) throw forbidden('dossiers.area_forbidden');
    if (area === null && !p.memberships.some((m) => m.role === 'sysadmin')) throw forbidden('dossiers.area_forbidden');
    const period = { from: new Date(`${q.from}T00:00:00+07:00`), to: new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000) };
    const rows = [];
    for (const d of await repo.forIndicators(this.db, period.from, period.to)) {
      if (area === null || d.commune_code === area || (await this.ports.areas.isWithin(d.commune_code, area))) rows.push(d);
    }
    const [pauses, withFiles] = await Promise.all([repo.pauses(this.db, rows.map((d) => d.id)), repo.withAttachments(this.db, rows.map((d) => d.id))]);
    const records: ind.DossierRecord[] = rows.map((d) => ({
      procedureId: d.procedure_id, procedureName: d.procedure_name, channel: d.channel, submittedAt: d.submitted_at!, finishedAt: d.finished_at,
      processingDays: d.processing_days, pauses: pauses.filter((x) => x.dossier_id === d.id).map((x) => ({ from: x.started_at, to: x.ended_at })),
      moreDocsRequests: d.more_docs_requests, hasAttachments: withFiles.has(d.id), hasElectronicResult: !!d.result_file_id,
    }));
    const onTime = ind.onTimeRate(records, period, this.platform.calendar);
    return {
      from: q.from, to: q.to, area,
      onTimeRate: onTime,
      onlineSubmissionRate: ind.onlineSubmissionRate(records, period),
      digitisationRate: ind.digitisationRate(records, period),
      onlineProcedureShare: ind.onlineProcedureShare(await this.ports.procedures.countProcedures()),
      averageProcessingTime: ind.averageProcessingTime(records, period, this.platform.calendar),
      late: onTime.denominator - onTime.numerator,
      apologies: rows.reduce((n, d) => n + d.apologies, 0),
    };
  }

  /**
   * Tells the officer holding a dossier, once per appointment date, that it is due within
   * a working day (or late), so the apology letter can go out before the citizen waits.
   */
  async remindDueSoon(now = new Date()): Promise<number> {
    const horizon = this.platform.calendar.addWorkingDays(toLocalDate(now), 1);
    const due = await repo.dueBy(this.db, horizon);
    for (const d of due) {
      await this.ports.notifier?.notify({
        userId: d.assignee_user_id!, kind: 'dossier.due', title: translate('vi', 'dossiers.notify.due_title', { code: d.code ?? '' }),
        body: translate('vi', 'dossiers.notify.due_body', { date: viDay(d.appointment_date ?? '') }),
        link: `/staff/dossiers/${d.id}`, dedupeKey: `dossier:${d.id}:due:${d.appointment_date}`,
      });
    }
    return due.length;
  }

  async exportFor(userId: string) {
    const rows = await repo.forApplicantExport(this.db, userId);
    return rows.map((d) => ({ code: d.code, procedure: d.procedure_name, status: s(d.status), submittedAt: iso(d.submitted_at), formData: d.form_data, communeCode: d.commune_code }));
  }
}

export const ACTION_NAMES: Record<string, string> = {
  submit: 'Nộp hồ sơ', accept: 'Tiếp nhận hồ sơ', refuse: 'Từ chối', assign: 'Phân công xử lý', forward: 'Chuyển bước / bàn giao',
  request_documents: 'Yêu cầu bổ sung', supply_documents: 'Công dân bổ sung', request_payment: 'Yêu cầu nộp phí', mark_paid: 'Đã nộp phí tại quầy',
  withdraw: 'Công dân rút hồ sơ', stop: 'Dừng xử lý', complete: 'Hoàn thành xử lý', return_result: 'Trả kết quả', apologize: 'Xin lỗi, hẹn lại',
};

function viDay(day: string): string {
  return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}
