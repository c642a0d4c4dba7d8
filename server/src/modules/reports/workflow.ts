// The report workflow (quy trình xử lý phản ánh) as a pure state machine: which action
// may move a report from which status, and to where. Labels are province data; the
// steps are fixed here so every province's reports mean the same thing in Open311.
import {
  isOpenReport as isOpen, OPEN_REPORT_STATUSES as OPEN_STATUSES, REPORT_ACTIONS as ACTIONS, REPORT_STATUSES as STATUSES, type ReportAction, type ReportStatus,
} from '@cds/contracts';
import { AppError, conflict } from '../../platform/errors.ts';

export { ACTIONS, isOpen, OPEN_STATUSES, STATUSES, type ReportAction, type ReportStatus };

/** Statuses where the deadline clock runs. */
export const CLOCK_RUNNING: readonly ReportStatus[] = ['new', 'accepted', 'assigned', 'in_progress'];

const ACTIVE: readonly ReportStatus[] = ['accepted', 'assigned', 'in_progress'];

const FROM: Record<ReportAction, readonly ReportStatus[]> = {
  accept: ['new'],
  reject: ['new'],
  transfer: ['new', 'accepted'],
  assign: ACTIVE,
  start: ['assigned'],
  request_info: ACTIVE,
  provide_info: ['need_info'],
  resume: ['need_info'],
  resolve: ACTIVE,
  close: ['resolved'],
  reopen: ['resolved', 'closed'],
  merge: OPEN_STATUSES,
};

export interface TransitionContext {
  /** Where a paused report goes back to. */
  resumeStatus?: ReportStatus | null;
  hasAssignee?: boolean;
}

export function canTransition(from: ReportStatus, action: ReportAction): boolean {
  return FROM[action].includes(from);
}

/** The status after `action`, or a 409 naming the current status when it is not allowed. */
export function nextStatus(from: ReportStatus, action: ReportAction, ctx: TransitionContext = {}): ReportStatus {
  if (!canTransition(from, action)) throw conflict('reports.bad_transition', { status: from, action });
  switch (action) {
    case 'accept':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'transfer':
      return 'new';
    case 'assign':
      return 'assigned';
    case 'start':
      return 'in_progress';
    case 'request_info':
      return 'need_info';
    case 'provide_info':
    case 'resume':
      return ctx.resumeStatus && ACTIVE.includes(ctx.resumeStatus) ? ctx.resumeStatus : 'accepted';
    case 'resolve':
      return 'resolved';
    case 'close':
    case 'merge':
      return 'closed';
    case 'reopen':
      return ctx.hasAssignee ? 'in_progress' : 'accepted';
  }
}

/** The actions staff may take now, for the buttons of the report page. */
export function availableActions(from: ReportStatus): ReportAction[] {
  return ACTIONS.filter((a) => canTransition(from, a));
}

/** The province's workflow settings (packs/<province>/report-workflow.json). */
export interface WorkflowSettings {
  labels: Record<ReportStatus, { vi: string; en: string }>;
  warnDaysBefore: number;
  autoCloseDays: number;
  reopenDays: number;
  duplicateRadiusMeters: number;
  duplicateWindowDays: number;
}

/** The state machine with the province's labels, which refusals name. */
export class ReportWorkflow {
  constructor(readonly settings: WorkflowSettings) {}

  statusLabel(status: ReportStatus, locale: 'vi' | 'en' = 'vi'): string {
    return this.settings.labels[status]?.[locale] ?? status;
  }

  /** The next status, with the province's label in the error when the move is not allowed. */
  transition(from: ReportStatus, action: ReportAction, ctx: TransitionContext = {}): ReportStatus {
    try {
      return nextStatus(from, action, ctx);
    } catch (err) {
      if (err instanceof AppError) throw conflict('reports.bad_transition', { status: this.statusLabel(from) });
      throw err;
    }
  }
}
