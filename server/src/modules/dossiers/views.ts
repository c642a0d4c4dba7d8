// What a dossier looks like to whoever asks: the summary of lists, and the detail with
// attachments, letters, fees, the timeline and the actions the person may take now.
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { notFound } from '../../platform/errors.ts';
import { iso, statusName, type DossiersContext } from './context.ts';
import * as repo from './repo.ts';
import type { DossierDetail, DossierSummary } from '@cds/contracts/dossiers';
import { nextStatus, STATUS, TRANSITIONS, type Action, type Status } from './status.ts';
import { isLastProcessingStep } from './steps.ts';

type Deps = Pick<DossiersContext, 'db' | 'platform' | 'access' | 'personalIds'>;

export class DossierViews {
  private readonly db: Kysely<object>;

  constructor(private readonly c: Deps) {
    this.db = c.db;
  }

  async get(p: Principal, id: string, ip?: string): Promise<DossierDetail> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'read', d))) throw notFound('dossiers.not_found');
    if (!(await this.c.access.can(p, 'apply', d))) await this.c.platform.audit.record({ actorUserId: p.userId, action: 'dossier.read', subjectType: 'dossier', subjectId: id, ip });
    return this.detail(p, d);
  }

  private deadline(d: repo.DossierRow): DossierSummary['deadline'] {
    if (!d.appointment_date || d.status === STATUS.draft || d.finished_at || d.status === STATUS.withdrawn) return 'none';
    const today = toLocalDate(new Date());
    if (today > d.appointment_date) return 'red';
    return this.c.platform.calendar.workingDaysBetween(today, d.appointment_date) <= 2 ? 'amber' : 'green';
  }

  summary(d: repo.DossierRow): DossierSummary {
    return {
      id: d.id, code: d.code, procedureId: d.procedure_id, procedureName: d.procedure_name, agencyId: d.agency_id, communeCode: d.commune_code,
      applicantName: d.applicant_name, status: d.status, statusName: statusName(d.status), currentStep: d.current_step, submittedAt: iso(d.submitted_at),
      dueDate: d.due_date, appointmentDate: d.appointment_date, deadline: this.deadline(d), updatedAt: d.updated_at.toISOString(),
    };
  }

  /**
   * Personal ID numbers in full only to the staff handling the dossier (whose read is
   * audited) and to the applicant while it is their draft; masked to everyone else.
   */
  private formFor(d: repo.DossierRow, staff: boolean, applicant: boolean): Record<string, unknown> {
    return staff || (applicant && d.status === STATUS.draft) ? this.c.personalIds.open(d.form_data) : this.c.personalIds.masked(d.form_data);
  }

  async detail(p: Principal, d: repo.DossierRow): Promise<DossierDetail> {
    const [attachments, letters, fees, events] = await Promise.all([repo.attachments(this.db, d.id), repo.letters(this.db, d.id), repo.fees(this.db, d.id), repo.events(this.db, d.id)]);
    const staff = await this.c.access.can(p, 'act', d);
    const applicant = await this.c.access.can(p, 'apply', d);
    const allowed = (Object.keys(TRANSITIONS) as Action[]).filter((a) => {
      const rule = TRANSITIONS[a];
      if ((rule.actor === 'staff' && !staff) || (rule.actor === 'citizen' && !applicant)) return false;
      if (nextStatus(a, d.status as Status, d.resume_status as Status | null) === null) return false;
      // the step rules the service enforces (processing.ts derive): offering a button that
      // then answers 409 left officers guessing, so the list says only what will succeed
      if (a === 'complete') return isLastProcessingStep(d.steps, d.current_step);
      if (a === 'forward') return !isLastProcessingStep(d.steps, d.current_step);
      return true;
    });
    return {
      ...this.summary(d), procedureCode: d.procedure_code, processingDays: d.processing_days, channel: d.channel, applicantPhone: d.applicant_phone,
      formData: this.formFor(d, staff, applicant), steps: d.steps, assigneeUserId: d.assignee_user_id, finishedAt: iso(d.finished_at), moreDocsRequests: d.more_docs_requests,
      missingDocuments: d.missing_documents,
      attachments: attachments.map((a) => ({ id: a.id, docKey: a.doc_key, fileName: a.file_name, mime: a.mime, size: a.size, round: a.round, createdAt: a.created_at.toISOString() })),
      letters: letters.map((l) => ({ id: l.id, kind: l.kind, issuedAt: l.issued_at.toISOString(), url: `/api/dossiers/${d.id}/letters/${l.id}/pdf` })),
      fees: fees.map((f) => ({ id: f.id, name: f.name, amountVnd: Number(f.amount_vnd), paidAt: iso(f.paid_at), method: f.method })),
      hasResult: !!d.result_file_id, rating: d.rating,
      timeline: events.map((e) => ({
        at: e.at.toISOString(), action: e.action, fromStatus: e.from_status, status: e.to_status, statusName: statusName(e.to_status), step: e.step, note: e.note,
        actorName: staff ? e.actor_name : null, agencyId: e.agency_id, toAgencyId: e.to_agency_id, toUserId: staff ? e.to_user_id : null,
      })),
      allowedActions: allowed,
    };
  }
}
