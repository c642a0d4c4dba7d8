// Scheduled work on reports: warn the officer before the deadline, escalate overdue
// reports to the agency head, and close resolved reports the citizen did not rate.
import type { Kysely } from 'kysely';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { translate } from '../../platform/i18n.ts';
import { ROLE_SETS } from '../../platform/policy.ts';
import type { ReportsContext } from './context.ts';
import * as repo from './repo.ts';

const BATCH = 500;

type Deps = Pick<ReportsContext, 'db' | 'platform' | 'workflow' | 'timeline' | 'areas' | 'notifier'>;

export class ReportJobs {
  private readonly db: Kysely<object>;

  constructor(private readonly c: Deps) {
    this.db = c.db;
  }

  /** Runs all three sweeps; each is idempotent (marks what it has done). */
  async sweep(now = new Date()): Promise<{ warned: number; escalated: number; closed: number }> {
    return { warned: await this.warn(now), escalated: await this.escalate(now), closed: await this.autoClose(now) };
  }

  private async recipients(agencyId: string, assigneeId: string | null, roles: readonly string[]): Promise<string[]> {
    if (assigneeId && roles.includes('officer')) return [assigneeId];
    const staff = await this.c.areas.staffOf(agencyId);
    return [...new Set(staff.filter((m) => roles.includes(m.role)).map((m) => m.userId))];
  }

  async warn(now: Date): Promise<number> {
    const dueBy = this.c.platform.calendar.addWorkingDays(toLocalDate(new Date()), this.c.workflow.settings.warnDaysBefore);
    const rows = await repo.dueForWarning(this.db, dueBy, BATCH);
    for (const r of rows) {
      const to = await this.recipients(r.agency_id, r.assignee_id, ROLE_SETS.handlers);
      await this.db.transaction().execute(async (trx) => {
        for (const userId of to) {
          await this.c.notifier.notify({
            userId, kind: 'report.deadline', title: translate('vi', 'reports.notify.warn.title', { code: r.tracking_code }),
            body: translate('vi', 'reports.notify.warn.body', { due: r.due_date }), link: `/staff/reports/${r.tracking_code}`, dedupeKey: `report-warn:${r.id}:${r.due_date}`,
          }, trx);
        }
        await repo.markSwept(trx, r.id, 'warned_at', now);
      });
    }
    return rows.length;
  }

  async escalate(now: Date): Promise<number> {
    const rows = await repo.overdue(this.db, toLocalDate(new Date()), BATCH);
    for (const r of rows) {
      const heads = await this.recipients(r.agency_id, null, ['agency_admin']);
      await this.db.transaction().execute(async (trx) => {
        for (const userId of heads) {
          await this.c.notifier.notify({
            userId, kind: 'report.overdue', title: translate('vi', 'reports.notify.escalate.title', { code: r.tracking_code }),
            body: translate('vi', 'reports.notify.escalate.body', { due: r.due_date }), link: `/staff/reports/${r.tracking_code}`, dedupeKey: `report-overdue:${r.id}:${r.due_date}`,
          }, trx);
        }
        await repo.markSwept(trx, r.id, 'escalated_at', now);
        await repo.insertEvent(trx, { report_id: r.id, actor_id: null, kind: 'escalated', public: false, body: null, details: { notified: heads.length, dueDate: r.due_date } });
        await this.c.platform.events.publish(trx, 'report.overdue', r.id, { agencyId: r.agency_id, dueDate: r.due_date });
      });
    }
    return rows.length;
  }

  async autoClose(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.c.workflow.settings.autoCloseDays * 86_400_000);
    const rows = await repo.resolvedBefore(this.db, before, BATCH);
    for (const r of rows) {
      await this.db.transaction().execute(async (trx) => {
        const fresh = await repo.findReport(trx, r.id, true);
        if (!fresh || fresh.status !== 'resolved') return;
        const to = this.c.workflow.transition(fresh.status, 'close');
        await repo.updateReport(trx, r.id, { status: to, closed_at: now });
        await this.c.timeline.record(trx, fresh, { actorId: null, kind: 'auto_closed', fromStatus: fresh.status, toStatus: to, body: null });
      });
    }
    return rows.length;
  }
}
