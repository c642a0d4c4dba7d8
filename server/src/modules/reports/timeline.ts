// The timeline of a report (diễn biến xử lý) and the notices it sends: every status
// change and public reply is written here, inside the caller's transaction.
import type { Kysely } from 'kysely';
import { translate } from '../../platform/i18n.ts';
import type { NotifyPort } from './ports.ts';
import * as repo from './repo.ts';
import type { ReportStatus, ReportWorkflow } from './workflow.ts';

export interface TimelineChange {
  actorId: string | null;
  kind: string;
  fromStatus?: ReportStatus | null;
  toStatus?: ReportStatus | null;
  body: string | null;
  public?: boolean;
  details?: Record<string, unknown>;
}

export class ReportTimeline {
  constructor(private readonly workflow: ReportWorkflow, private readonly notifier: NotifyPort) {}

  /** Writes a timeline entry and tells the reporter and followers (not the actor). */
  async record(trx: Kysely<object>, report: repo.ReportRecord, e: TimelineChange): Promise<void> {
    const eventId = await repo.insertEvent(trx, {
      report_id: report.id, actor_id: e.actorId, kind: e.kind, from_status: e.fromStatus, to_status: e.toStatus, public: e.public ?? true, body: e.body, details: e.details,
    });
    if (e.public === false) return;
    const recipients = new Set(await repo.followers(trx, report.id));
    if (report.reporter_id) recipients.add(report.reporter_id);
    if (e.actorId) recipients.delete(e.actorId);
    if (e.kind === 'created' && report.reporter_id) recipients.add(report.reporter_id);
    const status = e.toStatus ?? report.status;
    const title = translate('vi', 'reports.notify.title', { code: report.tracking_code, status: this.workflow.statusLabel(status) });
    const body = e.kind === 'created' ? translate('vi', 'reports.notify.created', { code: report.tracking_code }) : e.body ?? this.workflow.statusLabel(status);
    for (const userId of recipients) {
      await this.notifier.notify({ userId, kind: 'report', title, body: body.slice(0, 500), link: `/reports/${report.tracking_code}`, dedupeKey: `report-event:${eventId}` }, trx);
    }
  }
}
