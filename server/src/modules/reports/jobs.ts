// Scheduled work on reports: warn the officer before the deadline, escalate overdue
// reports to the agency head, and close resolved reports the citizen did not rate.
import { translate } from '../../platform/i18n.ts';
import * as repo from './repo.ts';
import type { ReportsService } from './service.ts';

const BATCH = 500;

export class ReportJobs {
  constructor(private readonly s: ReportsService) {}

  /** Runs all three sweeps; each is idempotent (marks what it has done). */
  async sweep(now = new Date()): Promise<{ warned: number; escalated: number; closed: number }> {
    return { warned: await this.warn(now), escalated: await this.escalate(now), closed: await this.autoClose(now) };
  }

  private async recipients(agencyId: string, assigneeId: string | null, roles: string[]): Promise<string[]> {
    if (assigneeId && roles.includes('officer')) return [assigneeId];
    const staff = await this.s.areas.staffOf(agencyId);
    return [...new Set(staff.filter((m) => roles.includes(m.role)).map((m) => m.userId))];
  }

  async warn(now: Date): Promise<number> {
    const cal = this.s.platform.calendar;
    const dueBy = cal.addWorkingDays(this.s.today(), this.s.settings.warnDaysBefore);
    const rows = await repo.dueForWarning(this.s.db, dueBy, BATCH);
    for (const r of rows) {
      const to = await this.recipients(r.agency_id, r.assignee_id, ['officer', 'agency_admin']);
      await this.s.db.transaction().execute(async (trx) => {
        for (const userId of to) {
          await this.s.notifier.notify({
            userId, kind: 'report.deadline', title: translate('vi', 'reports.notify.warn.title', { code: r.tracking_code }),
            body: translate('vi', 'reports.notify.warn.body', { due: r.due_date }), link: `/staff/reports/${r.tracking_code}`, dedupeKey: `report-warn:${r.id}:${r.due_date}`,
          }, trx);
        }
        await repo.t(trx).updateTable('reports').set({ warned_at: now }).where('id', '=', r.id).execute();
      });
    }
    return rows.length;
  }

  async escalate(now: Date): Promise<number> {
    const rows = await repo.overdue(this.s.db, this.s.today(), BATCH);
    for (const r of rows) {
      const heads = await this.recipients(r.agency_id, null, ['agency_admin']);
      await this.s.db.transaction().execute(async (trx) => {
        for (const userId of heads) {
          await this.s.notifier.notify({
            userId, kind: 'report.overdue', title: translate('vi', 'reports.notify.escalate.title', { code: r.tracking_code }),
            body: translate('vi', 'reports.notify.escalate.body', { due: r.due_date }), link: `/staff/reports/${r.tracking_code}`, dedupeKey: `report-overdue:${r.id}:${r.due_date}`,
          }, trx);
        }
        await repo.t(trx).updateTable('reports').set({ escalated_at: now }).where('id', '=', r.id).execute();
        await repo.insertEvent(trx, { report_id: r.id, actor_id: null, kind: 'escalated', public: false, body: null, details: { notified: heads.length, dueDate: r.due_date } });
        await this.s.platform.events.publish(trx, 'report.overdue', r.id, { agencyId: r.agency_id, dueDate: r.due_date });
      });
    }
    return rows.length;
  }

  async autoClose(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.s.settings.autoCloseDays * 86_400_000);
    const rows = await repo.resolvedBefore(this.s.db, before, BATCH);
    for (const r of rows) {
      await this.s.db.transaction().execute(async (trx) => {
        const fresh = await repo.findReport(trx, r.id, true);
        if (!fresh || fresh.status !== 'resolved') return;
        const to = this.s.transition(fresh.status, 'close');
        await repo.updateReport(trx, r.id, { status: to, closed_at: now });
        await this.s.recordChange(trx, fresh, { actorId: null, kind: 'auto_closed', fromStatus: fresh.status, toStatus: to, body: null });
      });
    }
    return rows.length;
  }
}
