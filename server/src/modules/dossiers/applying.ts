// Applying (nộp hồ sơ): drafts with attachments, submitting (the day's code at the agency,
// the appointment date, the receipt), and the applicant's steps after that: supplying
// documents asked for, withdrawing, rating.
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { assertSameRequest, requestFingerprint } from '../../platform/idempotency.ts';
import { formatDossierCode } from './code.ts';
import {
  checkUpload, isUniqueViolation, loadProcedure, lockIn, MAX_FILES, notifyApplicant, statusName, stepsFor, viDay, iso,
  type DossiersContext,
} from './context.ts';
import type { ProcedureInfo } from './ports.ts';
import * as repo from './repo.ts';
import type { CreateDossier, DossierDetail, DossierSummary, FileUpload, UpdateDraft } from '@cds/contracts/dossiers';
import { nextStatus, STATUS, type Status } from './status.ts';
import { DEFAULT_STEPS } from './steps.ts';
import { foldVietnamese } from './text.ts';

interface DecodedFile {
  docKey: string;
  fileName: string;
  bytes: Buffer;
  mime: string;
}

export class ApplyingService {
  private readonly db: Kysely<object>;

  constructor(private readonly c: DossiersContext) {
    this.db = c.db;
  }

  private decodeFiles(files: FileUpload[], field: string, procedure: ProcedureInfo | null): DecodedFile[] {
    return files.map((f, i) => {
      const { bytes, mime } = checkUpload(f.contentBase64, `${field}.${i}.contentBase64`);
      if (procedure && !procedure.requiredDocuments.some((d) => d.key === f.docKey) && f.docKey !== 'other') {
        throw invalidField(`${field}.${i}.docKey`, 'dossiers.document_unknown');
      }
      return { docKey: f.docKey, fileName: f.fileName.replace(/[\\/\r\n]/g, '_'), bytes, mime };
    });
  }

  private async resolveAgency(procedure: ProcedureInfo, communeCode: string): Promise<string> {
    if (!(await this.c.ports.areas.communeName(communeCode))) throw invalidField('communeCode', 'dossiers.commune_unknown');
    const agency = await this.c.ports.procedures.resolveAgency(procedure, communeCode);
    if (!agency) throw invalidField('communeCode', 'dossiers.no_agency');
    return agency.agencyId;
  }

  private validateForm(procedure: ProcedureInfo, data: Record<string, unknown>): void {
    const problems = this.c.ports.procedures.validateForm(procedure, data);
    if (problems.length) throw new AppError(400, 'validation', {}, problems.map((p) => ({ field: `formData.${p.field}`, message: p.message, ...(p.params ? { params: p.params } : {}) })));
  }

  private requireDocuments(procedure: ProcedureInfo, docKeys: string[]): void {
    const missing = procedure.requiredDocuments.filter((d) => d.required && !docKeys.includes(d.key));
    if (missing.length) {
      throw new AppError(400, 'validation', {}, missing.map((d) => ({ field: `attachments.${d.key}`, message: 'dossiers.document_required', params: { name: d.name } })));
    }
  }

  /** Creates a draft (and submits it when asked). The same Idempotency-Key returns the same dossier. */
  async create(p: Principal, input: CreateDossier, idempotencyKey: string | null): Promise<{ detail: DossierDetail; replayed: boolean }> {
    const fingerprint = requestFingerprint(input);
    if (idempotencyKey) {
      const existing = await repo.byIdempotencyKey(this.db, p.userId, idempotencyKey);
      if (existing) return this.replay(p, existing, fingerprint);
    }
    const procedure = await loadProcedure(this.c, input.procedureId);
    const agencyId = await this.resolveAgency(procedure, input.communeCode);
    const files = this.decodeFiles(input.attachments ?? [], 'attachments', procedure);
    if (files.length > MAX_FILES) throw invalidField('attachments', 'dossiers.too_many_files', { max: MAX_FILES });
    if (input.submit) {
      this.validateForm(procedure, input.formData);
      this.requireDocuments(procedure, files.map((f) => f.docKey));
    }
    const person = await this.applicant(p);
    const steps = await stepsFor(this.c, procedure.id);
    const stored = await Promise.all(files.map((f) => this.c.platform.files.put(f.bytes)));
    const submitCtx = input.submit ? await this.submitContext(agencyId) : null;
    try {
      const row = await this.db.transaction().execute(async (trx) => {
        const d = await repo.insertDossier(trx, {
          procedure_id: procedure.id, procedure_code: procedure.code, procedure_name: procedure.name, processing_days: Math.ceil(procedure.processingDays),
          agency_id: agencyId, commune_code: input.communeCode, applicant_user_id: p.userId, applicant_name: person.fullName,
          applicant_name_folded: foldVietnamese(person.fullName), applicant_phone: person.phone, channel: 'online',
          form_data: this.c.personalIds.seal(procedure.formSchema, input.formData), idempotency_key: idempotencyKey, idempotency_hash: idempotencyKey ? fingerprint : null, steps,
        });
        for (const [i, f] of files.entries()) {
          await repo.addAttachment(trx, { dossier_id: d.id, doc_key: f.docKey, file_id: stored[i]!.id, file_name: f.fileName, mime: f.mime, size: f.bytes.length, round: 0 });
        }
        await repo.addEvent(trx, { dossier_id: d.id, action: 'create', from_status: 0, to_status: 0, step: null, actor_user_id: p.userId, actor_name: person.fullName, agency_id: null, note: null });
        return submitCtx ? this.submitIn(trx, d, procedure, submitCtx, p.userId, person.fullName) : d;
      });
      return { detail: await this.c.views.detail(p, row), replayed: false };
    } catch (err) {
      // two deliveries of the same outbox item raced: the loser returns the winner's dossier
      if (idempotencyKey && isUniqueViolation(err)) {
        const existing = await repo.byIdempotencyKey(this.db, p.userId, idempotencyKey);
        if (existing) return this.replay(p, existing, fingerprint);
      }
      throw err;
    }
  }

  private async replay(p: Principal, existing: repo.DossierRow, fingerprint: string): Promise<{ detail: DossierDetail; replayed: boolean }> {
    assertSameRequest(existing.idempotency_hash, fingerprint);
    return { detail: await this.c.views.detail(p, existing), replayed: true };
  }

  private async applicant(p: Principal): Promise<{ fullName: string; phone: string }> {
    const person = await this.c.ports.people.person(p.userId);
    if (!person) throw forbidden();
    return person;
  }

  private async ownDraft(p: Principal, id: string): Promise<repo.DossierRow> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'apply', d))) throw notFound('dossiers.not_found');
    if (d.status !== STATUS.draft) throw conflict('dossiers.not_draft');
    return d;
  }

  async updateDraft(p: Principal, id: string, input: UpdateDraft): Promise<DossierDetail> {
    const d = await this.ownDraft(p, id);
    const procedure = await loadProcedure(this.c, d.procedure_id);
    let agencyId = d.agency_id;
    if (input.communeCode && input.communeCode !== d.commune_code) agencyId = await this.resolveAgency(procedure, input.communeCode);
    const formData = input.formData ? this.c.personalIds.seal(procedure.formSchema, input.formData) : d.form_data;
    const row = await repo.update(this.db, id, { form_data: formData, commune_code: input.communeCode ?? d.commune_code, agency_id: agencyId });
    return this.c.views.detail(p, row);
  }

  async addDraftAttachment(p: Principal, id: string, file: FileUpload): Promise<DossierDetail> {
    const d = await this.ownDraft(p, id);
    const [f] = this.decodeFiles([file], 'attachment', await loadProcedure(this.c, d.procedure_id));
    const existing = await repo.attachments(this.db, id);
    if (existing.length >= MAX_FILES) throw invalidField('attachment', 'dossiers.too_many_files', { max: MAX_FILES });
    const stored = await this.c.platform.files.put(f!.bytes);
    await repo.addAttachment(this.db, { dossier_id: id, doc_key: f!.docKey, file_id: stored.id, file_name: f!.fileName, mime: f!.mime, size: f!.bytes.length, round: 0 });
    return this.c.views.detail(p, d);
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
    const agency = await this.c.ports.areas.getAgency(agencyId);
    if (!agency) throw invalidField('communeCode', 'dossiers.no_agency');
    return { agencyEid: agency.electronicId || agency.code };
  }

  /** Submits a draft: the day's code at the agency, the appointment date, the receipt. */
  async submit(p: Principal, id: string): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'apply', d))) throw notFound('dossiers.not_found');
    if (d.status !== STATUS.draft) return this.c.views.detail(p, d); // already submitted: a retry
    const procedure = await loadProcedure(this.c, d.procedure_id);
    this.validateForm(procedure, this.c.personalIds.open(d.form_data));
    this.requireDocuments(procedure, (await repo.attachments(this.db, id)).map((a) => a.doc_key));
    const ctx = await this.submitContext(d.agency_id);
    const person = await this.applicant(p);
    const row = await this.db.transaction().execute(async (trx) => {
      const locked = await repo.byId(trx, id, true);
      if (!locked || locked.status !== STATUS.draft) return locked!;
      return this.submitIn(trx, locked, procedure, ctx, p.userId, person.fullName);
    });
    return this.c.views.detail(p, row);
  }

  private async submitIn(trx: Kysely<object>, d: repo.DossierRow, procedure: ProcedureInfo, ctx: { agencyEid: string }, actor: string, actorName: string): Promise<repo.DossierRow> {
    const now = new Date();
    const day = toLocalDate(now);
    const seq = await repo.nextCodeSequence(trx, ctx.agencyEid, day);
    const code = formatDossierCode(ctx.agencyEid, day, seq);
    const due = this.c.platform.calendar.dueDate(now, Math.ceil(procedure.processingDays));
    const steps = d.steps.length ? d.steps : DEFAULT_STEPS;
    const row = await repo.update(trx, d.id, { code, status: STATUS.new, submitted_at: now, due_date: due, appointment_date: due, current_step: steps[0]!.key });
    await repo.addFees(trx, d.id, procedure.fees);
    await repo.addEvent(trx, { dossier_id: d.id, action: 'submit', from_status: 0, to_status: 1, step: steps[0]!.key, actor_user_id: actor, actor_name: actorName, agency_id: d.agency_id, note: null });
    await repo.addLetter(trx, { dossier_id: d.id, kind: 'receipt', issued_by: null, data: { appointmentDate: due } });
    await notifyApplicant(this.c, trx, row, translate('vi', 'dossiers.notify.submitted', { date: viDay(due) }), 'submit');
    await this.c.platform.events.publish(trx, 'dossier.submitted', d.id, { code, agencyId: d.agency_id, procedureId: d.procedure_id });
    return row;
  }

  async supply(p: Principal, id: string, files: FileUpload[], note: string | undefined): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'apply', d))) throw notFound('dossiers.not_found');
    const to = nextStatus('supply_documents', d.status as Status, d.resume_status as Status | null);
    if (to === null) throw conflict('dossiers.bad_transition', { status: statusName(d.status) });
    const decoded = this.decodeFiles(files, 'attachments', null);
    const stored = await Promise.all(decoded.map((f) => this.c.platform.files.put(f.bytes)));
    const person = await this.applicant(p);
    const row = await this.db.transaction().execute(async (trx) => {
      const locked = await lockIn(trx, id, 'supply_documents');
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
        await this.c.ports.notifier?.notify({ userId: locked.assignee_user_id, kind: 'dossier', title: translate('vi', 'dossiers.notify.title', { code: locked.code ?? '', status: statusName(to) }), body: translate('vi', 'dossiers.notify.supplied', { code: locked.code ?? '' }), link: `/staff/dossiers/${id}`, dedupeKey: `dossier:${id}:supplied:${now.getTime()}` }, trx);
      }
      await this.c.platform.events.publish(trx, 'dossier.changed', id, { action: 'supply_documents', status: to });
      return updated;
    });
    return this.c.views.detail(p, row);
  }

  private async dueWithPauses(trx: Kysely<object>, d: repo.DossierRow): Promise<string> {
    const pauses = (await repo.pauses(trx, [d.id])).map((x) => ({ from: x.started_at, to: x.ended_at }));
    return this.c.platform.calendar.dueDate(d.submitted_at ?? new Date(), d.processing_days, pauses);
  }

  async withdraw(p: Principal, id: string, reason: string): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'apply', d))) throw notFound('dossiers.not_found');
    const person = await this.applicant(p);
    const row = await this.db.transaction().execute(async (trx) => {
      const locked = await lockIn(trx, id, 'withdraw');
      await repo.closePause(trx, id, new Date());
      const updated = await repo.update(trx, id, { status: STATUS.withdrawn, resume_status: null });
      await repo.addEvent(trx, { dossier_id: id, action: 'withdraw', from_status: locked.status, to_status: STATUS.withdrawn, step: locked.current_step, actor_user_id: p.userId, actor_name: person.fullName, agency_id: locked.agency_id, note: reason });
      await this.c.platform.events.publish(trx, 'dossier.changed', id, { action: 'withdraw', status: STATUS.withdrawn });
      return updated;
    });
    return this.c.views.detail(p, row);
  }

  async rate(p: Principal, id: string, rating: number, comment: string | undefined): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'apply', d))) throw notFound('dossiers.not_found');
    if (!([STATUS.returned, STATUS.refused, STATUS.stopped] as number[]).includes(d.status)) throw conflict('dossiers.rating_not_allowed');
    return this.c.views.detail(p, await repo.update(this.db, id, { rating, rating_comment: comment ?? null }));
  }

  async mine(p: Principal, limit: number, offset: number): Promise<{ items: DossierSummary[]; total: number }> {
    const { items, total } = await repo.mine(this.db, p.userId, limit, offset);
    return { items: items.map((d) => this.c.views.summary(d)), total };
  }

  async exportFor(userId: string) {
    const rows = await repo.forApplicantExport(this.db, userId);
    return rows.map((d) => ({ code: d.code, procedure: d.procedure_name, status: statusName(d.status), submittedAt: iso(d.submitted_at), formData: this.c.personalIds.open(d.form_data), communeCode: d.commune_code }));
  }

  /** Seals the personal ID numbers of forms stored in clear (before sealing existed); returns how many. */
  async sealStoredIds(): Promise<number> {
    const procedures = new Map<string, ProcedureInfo | null>();
    let sealed = 0;
    for (;;) {
      const batch = await repo.unsealedForms(this.db, 200);
      if (batch.length === 0) return sealed;
      for (const d of batch) {
        if (!procedures.has(d.procedure_id)) procedures.set(d.procedure_id, await this.c.ports.procedures.getProcedure(d.procedure_id));
        const schema = procedures.get(d.procedure_id)?.formSchema;
        const clear = !!schema && this.c.personalIds.hasClear(schema, d.form_data);
        await repo.markSealed(this.db, d.id, clear ? this.c.personalIds.seal(schema, d.form_data) : null);
        if (clear) sealed++;
      }
    }
  }
}
