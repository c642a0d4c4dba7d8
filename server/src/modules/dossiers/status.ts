// Dossier status changes. The statuses themselves (trạng thái hồ sơ: the national codes
// 1–10, and 0 for a draft) are in @cds/contracts. Every change goes through TRANSITIONS;
// the service refuses anything the table does not list.
import { DOSSIER_STATUS as STATUS, DOSSIER_STATUSES, type DossierStatus as Status } from '@cds/contracts';

export { STATUS, type Status };
export const ALL_STATUSES: readonly Status[] = DOSSIER_STATUSES;

/** Statuses that end processing: the "finished" of Decision 766 (processed, returned, stopped, refused). */
export const FINISHING: readonly Status[] = [STATUS.processed, STATUS.returned, STATUS.stopped, STATUS.refused];
export const CLOSED: readonly Status[] = [STATUS.refused, STATUS.withdrawn, STATUS.stopped, STATUS.returned];

export type Actor = 'citizen' | 'staff';

export type Action =
  | 'submit' | 'accept' | 'refuse' | 'assign' | 'forward' | 'request_documents' | 'supply_documents'
  | 'request_payment' | 'mark_paid' | 'withdraw' | 'stop' | 'complete' | 'return_result' | 'apologize';

interface Rule {
  actor: Actor;
  from: readonly Status[];
  /** 'same' keeps the status (a hand-off or a letter); 'resume' goes back to where it paused. */
  to: Status | 'same' | 'resume';
}

const S = STATUS;
export const TRANSITIONS: Record<Action, Rule> = {
  submit: { actor: 'citizen', from: [S.draft], to: S.new },
  accept: { actor: 'staff', from: [S.new], to: S.accepted },
  refuse: { actor: 'staff', from: [S.new, S.accepted, S.processing], to: S.refused },
  assign: { actor: 'staff', from: [S.accepted], to: S.processing },
  forward: { actor: 'staff', from: [S.processing], to: 'same' },
  request_documents: { actor: 'staff', from: [S.new, S.accepted, S.processing], to: S.moreDocuments },
  supply_documents: { actor: 'citizen', from: [S.moreDocuments], to: 'resume' },
  request_payment: { actor: 'staff', from: [S.accepted, S.processing], to: S.paymentRequested },
  mark_paid: { actor: 'staff', from: [S.paymentRequested], to: S.processing },
  withdraw: { actor: 'citizen', from: [S.new, S.accepted, S.processing, S.moreDocuments, S.paymentRequested], to: S.withdrawn },
  stop: { actor: 'staff', from: [S.processing, S.moreDocuments, S.paymentRequested], to: S.stopped },
  complete: { actor: 'staff', from: [S.processing], to: S.processed },
  return_result: { actor: 'staff', from: [S.processed], to: S.returned },
  apologize: { actor: 'staff', from: [S.new, S.accepted, S.processing, S.paymentRequested, S.processed], to: 'same' },
};

/** Statuses a paused dossier may go back to when the citizen supplies documents. */
export const RESUMABLE: readonly Status[] = [S.new, S.accepted, S.processing];

export function isStatus(n: number): n is Status {
  return (ALL_STATUSES as number[]).includes(n);
}

/** The status after `action` from `from`, or null when the table does not allow it. */
export function nextStatus(action: Action, from: Status, resumeTo: Status | null = null): Status | null {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) return null;
  if (rule.to === 'same') return from;
  if (rule.to === 'resume') return resumeTo !== null && RESUMABLE.includes(resumeTo) ? resumeTo : null;
  return rule.to;
}

/** Whether any action leads from one status to another (the status graph). */
export function canMove(from: Status, to: Status): boolean {
  return (Object.keys(TRANSITIONS) as Action[]).some((a) => {
    const rule = TRANSITIONS[a];
    if (!rule.from.includes(from)) return false;
    if (rule.to === 'same') return from === to;
    if (rule.to === 'resume') return RESUMABLE.includes(to) && from === S.moreDocuments;
    return rule.to === to;
  });
}

export const STATUS_NAMES: Record<'vi' | 'en', Record<Status, string>> = {
  vi: {
    0: 'Bản nháp', 1: 'Mới đăng ký', 2: 'Được tiếp nhận', 3: 'Không được tiếp nhận', 4: 'Đang xử lý',
    5: 'Yêu cầu bổ sung giấy tờ', 6: 'Yêu cầu thực hiện nghĩa vụ tài chính', 7: 'Công dân yêu cầu rút hồ sơ',
    8: 'Dừng xử lý', 9: 'Đã xử lý xong', 10: 'Đã trả kết quả',
  },
  en: {
    0: 'Draft', 1: 'New', 2: 'Accepted', 3: 'Refused', 4: 'Processing', 5: 'More documents requested',
    6: 'Payment requested', 7: 'Withdrawn by the applicant', 8: 'Stopped', 9: 'Processed', 10: 'Result returned',
  },
};
