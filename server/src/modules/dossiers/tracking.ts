// Tracking a dossier without signing in (tra cứu hồ sơ): by its code and the applicant's
// phone number; statuses and dates only, and the result once it is returned.
import type { Kysely } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import { iso, statusName, type DossiersContext } from './context.ts';
import * as repo from './repo.ts';
import { STATUS } from './status.ts';
import { normalisePhone } from './text.ts';

export class TrackingService {
  private readonly db: Kysely<object>;

  constructor(private readonly c: DossiersContext) {
    this.db = c.db;
  }

  async track(code: string, phone: string) {
    const d = await repo.byCode(this.db, code.trim().toUpperCase()) ?? await repo.byCode(this.db, code.trim());
    if (!d || normalisePhone(d.applicant_phone) !== normalisePhone(phone)) throw notFound('dossiers.track_not_found');
    const events = await repo.events(this.db, d.id);
    const agency = await this.c.ports.areas.getAgency(d.agency_id);
    return {
      code: d.code!, procedureName: d.procedure_name, agencyName: agency?.name ?? '', status: d.status, statusName: statusName(d.status),
      submittedAt: iso(d.submitted_at), appointmentDate: d.appointment_date, missingDocuments: d.missing_documents, hasResult: d.status === STATUS.returned && !!d.result_file_id,
      // statuses and dates only: notes may name people
      timeline: events.filter((e) => e.from_status !== e.to_status || e.action === 'apologize').map((e) => ({ at: e.at.toISOString(), action: e.action, status: e.to_status, statusName: statusName(e.to_status), step: e.step, note: null })),
    };
  }

  async trackedResult(code: string, phone: string): Promise<{ bytes: Buffer; mime: string; fileName: string }> {
    const d = await repo.byCode(this.db, code.trim());
    if (!d || normalisePhone(d.applicant_phone) !== normalisePhone(phone) || d.status !== STATUS.returned || !d.result_file_id) throw notFound('dossiers.track_not_found');
    const bytes = await this.c.platform.files.get(d.result_file_id);
    if (!bytes) throw notFound('dossiers.no_file');
    return { bytes, mime: d.result_mime ?? 'application/octet-stream', fileName: d.result_file_name ?? 'ket-qua' };
  }
}
