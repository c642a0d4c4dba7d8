// One-stop-shop processing (xử lý hồ sơ một cửa): the staff queue, every action through
// the transition table (accept, assign, forward, request documents or payment, complete,
// return, refuse, stop, apologise), processing steps per procedure, and the daily
// reminder of dossiers about to be late.
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n.ts';
import { checkUpload, loadProcedure, lockIn, notifyApplicant, statusName, stepsFor, viDay, type DossiersContext } from './context.ts';
import * as repo from './repo.ts';
import type { ActionInput, DossierDetail, DossierSummary, StaffAction } from '@cds/contracts/dossiers';
import { FINISHING, nextStatus, STATUS, type Status } from './status.ts';
import { isLastProcessingStep, stepAfter, validateSteps, type Step } from './steps.ts';

/** Statuses in which the applicant may pay the dossier's fee online. */
const PAYABLE: readonly Status[] = [STATUS.new, STATUS.accepted, STATUS.processing, STATUS.paymentRequested];

export interface PayableFee {
  dossierId: string;
  code: string | null;
  applicantUserId: string;
  agencyId: string;
  communeCode: string;
  procedureName: string;
  feeNames: string[];
  amountVnd: number;
}

export class ProcessingService {
  private readonly db: Kysely<object>;

  constructor(private readonly c: DossiersContext) {
    this.db = c.db;
  }

  private async staffDossier(p: Principal, id: string): Promise<repo.DossierRow> {
    const d = await repo.byId(this.db, id);
    if (!d || d.status === STATUS.draft) throw notFound('dossiers.not_found');
    if (!(await this.c.access.can(p, 'act', d))) {
      if (await this.c.access.can(p, 'read', d)) throw forbidden();
      throw notFound('dossiers.not_found');
    }
    return d;
  }

  async act(p: Principal, id: string, action: StaffAction, input: ActionInput): Promise<DossierDetail> {
    const d = await this.staffDossier(p, id);
    if (nextStatus(action, d.status as Status) === null) throw conflict('dossiers.bad_transition', { status: statusName(d.status) });
    const actorName = (await this.c.ports.people.person(p.userId))?.fullName ?? null;
    const prepared = await this.prepareAction(d, action, input);
    const row = await this.db.transaction().execute(async (trx) => {
      const locked = await lockIn(trx, id, action);
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
      await this.c.platform.events.publish(trx, 'dossier.changed', id, { action, status: to, agencyId: updated.agency_id });
      return updated;
    });
    return this.c.views.detail(p, row);
  }

  /** What an online payment of this dossier's fee must carry: its unpaid fees, while the dossier is open. */
  async payableFee(id: string): Promise<PayableFee | null> {
    const d = await repo.byId(this.db, id);
    // a deleted account's dossier has no payer online
    if (!d || !d.applicant_user_id || !PAYABLE.includes(d.status as Status)) return null;
    const unpaid = (await repo.fees(this.db, id)).filter((f) => !f.paid_at);
    const amountVnd = unpaid.reduce((sum, f) => sum + Number(f.amount_vnd), 0);
    if (amountVnd <= 0) return null;
    return {
      dossierId: d.id, code: d.code, applicantUserId: d.applicant_user_id, agencyId: d.agency_id, communeCode: d.commune_code,
      procedureName: d.procedure_name, feeNames: unpaid.map((f) => f.name), amountVnd,
    };
  }

  /** Dossiers whose fees were paid per Vietnam day and method (the payments module's leader figures). */
  feePaymentsByDay(from: Date, to: Date): Promise<repo.FeePaymentCount[]> {
    return repo.feePaymentsByDay(this.db, from, to);
  }

  /**
   * The fee was paid online (event payments.confirmed): the unpaid fees become paid and a
   * dossier waiting for payment (6) goes back to processing (4). Idempotent: the event may
   * come twice. An amount that no longer matches (fees changed meanwhile) moves nothing,
   * so staff settle it.
   */
  async paidOnline(id: string, payment: { paymentId: string; code: string; amountVnd: number }): Promise<'moved' | 'paid' | 'nothing'> {
    return this.db.transaction().execute(async (trx) => {
      const d = await repo.byId(trx, id, true);
      if (!d) return 'nothing';
      const unpaid = (await repo.fees(trx, id)).filter((f) => !f.paid_at);
      const due = unpaid.reduce((sum, f) => sum + Number(f.amount_vnd), 0);
      if (unpaid.length === 0 || due !== payment.amountVnd) return 'nothing';
      const now = new Date();
      await repo.markFeesPaid(trx, id, null, now, 'online');
      if (d.status !== STATUS.paymentRequested) return 'paid';
      const to = nextStatus('mark_paid', d.status as Status)!;
      const updated = await repo.update(trx, id, { status: to });
      await repo.addEvent(trx, {
        dossier_id: id, action: 'mark_paid', from_status: d.status, to_status: to, step: updated.current_step, actor_user_id: null, actor_name: null,
        agency_id: d.agency_id, to_agency_id: null, to_user_id: null, note: null, details: { paymentId: payment.paymentId, paymentCode: payment.code, method: 'online' },
      });
      await notifyApplicant(this.c, trx, updated, translate('vi', 'dossiers.notify.paid_online', { amount: payment.amountVnd.toLocaleString('vi-VN') }), 'paid_online');
      await this.c.platform.events.publish(trx, 'dossier.changed', id, { action: 'mark_paid', status: to, agencyId: updated.agency_id });
      return 'moved';
    });
  }

  /** Checks that need other modules or the file store, done before the transaction. */
  private async prepareAction(d: repo.DossierRow, action: StaffAction, input: ActionInput): Promise<{ patch: repo.DossierPatch; details: Record<string, unknown> }> {
    const patch: repo.DossierPatch = {};
    if (action === 'forward' && input.toAgencyId) {
      if (!(await this.c.ports.areas.getAgency(input.toAgencyId))) throw invalidField('toAgencyId', 'dossiers.agency_unknown');
      patch.agency_id = input.toAgencyId;
    }
    if ((action === 'complete' || action === 'return_result') && input.result) {
      const { bytes, mime } = checkUpload(input.result.contentBase64, 'result.contentBase64');
      const stored = await this.c.platform.files.put(bytes);
      Object.assign(patch, { result_file_id: stored.id, result_file_name: input.result.fileName.replace(/[\\/\r\n]/g, '_'), result_mime: mime });
    }
    if (action === 'apologize' && !this.c.platform.calendar.isWorkingDay(input.newAppointmentDate!)) throw invalidField('newAppointmentDate', 'dossiers.date_not_working');
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
    let body = translate('vi', 'dossiers.notify.changed', { procedure: d.procedure_name, status: statusName(d.status) });
    if (action === 'request_documents') body = translate('vi', 'dossiers.notify.more_documents');
    if (action === 'apologize') body = translate('vi', 'dossiers.notify.apology', { date: viDay(input.newAppointmentDate ?? '') });
    await notifyApplicant(this.c, trx, d, body, action);
  }

  async queue(p: Principal, f: { status?: string; procedureId?: string; q?: string; overdue?: boolean; limit?: number; offset?: number }): Promise<{ items: DossierSummary[]; total: number }> {
    const agencyIds = this.c.access.handlingAgencies(p);
    const today = toLocalDate(new Date());
    const { items, total } = await repo.queue(this.db, {
      agencyIds, statuses: f.status?.split(',').map(Number), procedureId: f.procedureId, q: f.q,
      overdueOn: f.overdue ? today : undefined, limit: f.limit ?? 20, offset: f.offset ?? 0,
    });
    const visible: DossierSummary[] = [];
    for (const d of items) if (await this.c.access.can(p, 'act', d)) visible.push(this.c.views.summary(d));
    return { items: visible, total };
  }

  async getSteps(procedureId: string): Promise<Step[]> {
    return stepsFor(this.c, procedureId);
  }

  async setSteps(p: Principal, procedureId: string, steps: Step[]): Promise<Step[]> {
    await loadProcedure(this.c, procedureId);
    validateSteps(steps);
    await repo.setProcedureSteps(this.db, procedureId, steps);
    await this.c.platform.audit.record({ actorUserId: p.userId, action: 'dossier.steps_changed', subjectType: 'procedure', subjectId: procedureId, details: { steps } });
    return steps;
  }

  /**
   * Tells the officer holding a dossier, once per appointment date, that it is due within
   * a working day (or late), so the apology letter can go out before the citizen waits.
   */
  async remindDueSoon(now = new Date()): Promise<number> {
    const horizon = this.c.platform.calendar.addWorkingDays(toLocalDate(now), 1);
    const due = await repo.dueBy(this.db, horizon);
    for (const d of due) {
      await this.c.ports.notifier?.notify({
        userId: d.assignee_user_id!, kind: 'dossier.due', title: translate('vi', 'dossiers.notify.due_title', { code: d.code ?? '' }),
        body: translate('vi', 'dossiers.notify.due_body', { date: viDay(d.appointment_date ?? '') }),
        link: `/staff/dossiers/${d.id}`, dedupeKey: `dossier:${d.id}:due:${d.appointment_date}`,
      });
    }
    return due.length;
  }
}
