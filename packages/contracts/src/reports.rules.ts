// Enums of citizen reports (phản ánh kiến nghị) shared by the server and the web app (no
// TypeBox here). The transitions between statuses are the server's (reports/workflow.ts).

export const REPORT_STATUSES = ['new', 'accepted', 'rejected', 'assigned', 'in_progress', 'need_info', 'resolved', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Statuses a citizen still waits on; the rest are finished (Open311 "closed"). */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['new', 'accepted', 'assigned', 'in_progress', 'need_info'];

export function isOpenReport(status: ReportStatus): boolean {
  return OPEN_REPORT_STATUSES.includes(status);
}

export const REPORT_ACTIONS = ['accept', 'reject', 'transfer', 'assign', 'start', 'request_info', 'provide_info', 'resume', 'resolve', 'close', 'reopen', 'merge'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Kinds of answer to a category's extra questions (the Open311 attribute datatypes). */
export const QUESTION_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type QuestionDatatype = (typeof QUESTION_DATATYPES)[number];

export const REPORT_SORTS = ['newest', 'oldest', 'due', 'updated', 'supporters'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** Below this zoom the public map gets clusters (a province-wide view would be thousands of points). */
export const MAP_CLUSTER_BELOW_ZOOM = 13;

/**
 * The most points the public map sends at once: an area holding more comes as clusters, so
 * no answer carries thousands of dots (more than a few hundred are unreadable on a phone anyway).
 */
export const MAP_POINTS_MAX = 500;
