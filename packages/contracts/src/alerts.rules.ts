// Emergency alerts (cảnh báo khẩn cấp) in the CAP 1.2 model (OASIS Common Alerting
// Protocol): the code lists of the standard and the alert's life in the platform.
// Both the server and the web app run these; no TypeBox here.

/** CAP <status>: only Actual reaches everyone; Exercise and Test reach people who opted in. */
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export type CapStatus = (typeof CAP_STATUSES)[number];
/** The statuses staff may issue from the console (System and Draft are not broadcast). */
export const ISSUABLE_STATUSES = ['Actual', 'Exercise', 'Test'] as const satisfies readonly CapStatus[];
export type IssuableStatus = (typeof ISSUABLE_STATUSES)[number];

export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];

export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];

export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export type CapUrgency = (typeof CAP_URGENCIES)[number];

export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];

export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** The platform's workflow: drafted → sent (after approval for Actual) or rejected. */
export const ALERT_STATES = ['draft', 'sent', 'rejected'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** A citizen's answer to an alert. */
export const ALERT_ANSWERS = ['safe', 'need_help'] as const;
export type AlertAnswer = (typeof ALERT_ANSWERS)[number];

/** Whether an alert of this status needs a second person's approval before it is sent. */
export function needsApproval(status: IssuableStatus): boolean {
  return status === 'Actual';
}

/** Whether an alert of this status goes only to people who opted in to tests and exercises. */
export function onlyToOptedIn(status: CapStatus): boolean {
  return status !== 'Actual';
}

/** Whether an alert is in force at `now` (sent, not cancelled, not expired). */
export function isInForce(alert: { state: AlertState; cancelled: boolean; expires: string }, now: Date): boolean {
  return alert.state === 'sent' && !alert.cancelled && new Date(alert.expires).getTime() > now.getTime();
}
