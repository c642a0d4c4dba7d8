// The papers of a dossier: attachments and the result file, and the letters as PDF —
// receipt (form 1), request for documents (2), refusal (3), apology (4), and the
// process-control sheet (5). Staff opening a citizen's papers is audited.
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { notFound } from '../../platform/errors.ts';
import { statusName, type DossiersContext } from './context.ts';
import * as pdf from './pdf.ts';
import * as repo from './repo.ts';
import { STATUS } from './status.ts';

export class DocumentService {
  private readonly db: Kysely<object>;

  constructor(private readonly c: DossiersContext) {
    this.db = c.db;
  }

  /** Staff opening a citizen's papers is recorded in the audit log. */
  private async auditRead(p: Principal, d: repo.DossierRow, what: string): Promise<void> {
    if (!(await this.c.access.can(p, 'apply', d))) await this.c.platform.audit.record({ actorUserId: p.userId, action: 'dossier.read', subjectType: 'dossier', subjectId: d.id, details: { what } });
  }

  async attachmentFile(p: Principal, id: string, attachmentId: string): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'read', d))) throw notFound('dossiers.not_found');
    await this.auditRead(p, d, `attachment:${attachmentId}`);
    const a = (await repo.attachments(this.db, id)).find((x) => x.id === attachmentId);
    const bytes = a ? await this.c.platform.files.get(a.file_id) : null;
    if (!a || !bytes) throw notFound('dossiers.no_file');
    return { bytes, mime: a.mime, fileName: a.file_name };
  }

  async resultFile(p: Principal, id: string): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'read', d))) throw notFound('dossiers.not_found');
    // the citizen gets the result once it is returned; staff may see it as soon as it is uploaded
    if ((await this.c.access.can(p, 'apply', d)) && d.status !== STATUS.returned && !(await this.c.access.can(p, 'act', d))) throw notFound('dossiers.no_file');
    const bytes = d.result_file_id ? await this.c.platform.files.get(d.result_file_id) : null;
    if (!bytes) throw notFound('dossiers.no_file');
    return { bytes, mime: d.result_mime ?? 'application/octet-stream', fileName: d.result_file_name ?? 'ket-qua' };
  }

  private async letterContext(d: repo.DossierRow, compress: boolean): Promise<pdf.LetterContext> {
    const agency = await this.c.ports.areas.getAgency(d.agency_id);
    return {
      provinceName: this.c.platform.pack.provinceName, agencyName: agency?.name ?? '', code: d.code ?? '', applicantName: d.applicant_name,
      applicantPhone: d.applicant_phone, communeName: (await this.c.ports.areas.communeName(d.commune_code)) ?? d.commune_code,
      procedureName: d.procedure_name, submittedAt: d.submitted_at ?? d.created_at, processingDays: d.processing_days,
      appointmentDate: d.appointment_date, trackUrl: `${this.c.platform.config.publicUrl}/tra-cuu-ho-so`, compress,
    };
  }

  async letterPdf(p: Principal, id: string, letterId: string, compress = true): Promise<{ bytes: Buffer; fileName: string }> {
    const d = await repo.byId(this.db, id);
    if (!d || !(await this.c.access.can(p, 'read', d))) throw notFound('dossiers.not_found');
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
      const agency = await this.c.ports.areas.getAgency(d.agency_id);
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
      if (!d || !(await this.c.access.can(p, 'read', d))) throw notFound('dossiers.not_found');
      throw notFound('dossiers.letter_not_found');
    }
    return this.letterPdf(p, id, letter.id, compress);
  }

  private async documentNames(d: repo.DossierRow): Promise<string[]> {
    const procedure = await this.c.ports.procedures.getProcedure(d.procedure_id);
    const names = new Map(procedure?.requiredDocuments.map((x) => [x.key, x.name]) ?? []);
    return (await repo.attachments(this.db, d.id)).map((a) => `${names.get(a.doc_key) ?? a.doc_key}: ${a.file_name}`);
  }

  async controlSheetPdf(p: Principal, id: string, compress = true): Promise<{ bytes: Buffer; fileName: string }> {
    const d = await repo.byId(this.db, id);
    if (!d || d.status === STATUS.draft || !(await this.c.access.can(p, 'read', d))) throw notFound('dossiers.not_found');
    await this.auditRead(p, d, 'control_sheet');
    const events = await repo.events(this.db, id);
    const agencyNames = new Map<string, string>();
    for (const e of events) {
      for (const a of [e.agency_id, e.to_agency_id]) if (a && !agencyNames.has(a)) agencyNames.set(a, (await this.c.ports.areas.getAgency(a))?.name ?? '');
    }
    const rows = events.filter((e) => e.action !== 'create').map((e) => ({
      at: e.at,
      actor: [e.actor_name, e.agency_id ? agencyNames.get(e.agency_id) : null].filter(Boolean).join(' — '),
      action: ACTION_NAMES[e.action] ?? e.action,
      status: statusName(e.to_status),
      note: [e.to_agency_id ? `Chuyển đến: ${agencyNames.get(e.to_agency_id)}` : null, e.note].filter(Boolean).join('. '),
    }));
    const bytes = await pdf.controlSheetPdf(await this.letterContext(d, compress), rows);
    return { bytes, fileName: `phieu-kiem-soat-${d.code}.pdf` };
  }
}

export const ACTION_NAMES: Record<string, string> = {
  submit: 'Nộp hồ sơ', accept: 'Tiếp nhận hồ sơ', refuse: 'Từ chối', assign: 'Phân công xử lý', forward: 'Chuyển bước / bàn giao',
  request_documents: 'Yêu cầu bổ sung', supply_documents: 'Công dân bổ sung', request_payment: 'Yêu cầu nộp phí', mark_paid: 'Đã nộp phí tại quầy',
  withdraw: 'Công dân rút hồ sơ', stop: 'Dừng xử lý', complete: 'Hoàn thành xử lý', return_result: 'Trả kết quả', apologize: 'Xin lỗi, hẹn lại',
};
