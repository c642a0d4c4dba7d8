// Service-quality indicators of Quyết định 766/QĐ-TTg computed from dossier records.
// Pure functions: the service loads the records, these only count.
import { toLocalDate, type WorkingCalendar } from '../../platform/calendar/index.ts';

export interface Pause {
  from: Date;
  to: Date | null;
}

export interface DossierRecord {
  procedureId: string;
  procedureName: string;
  channel: 'online' | 'counter';
  submittedAt: Date;
  /** First of processed / result returned / stopped / refused; null while unfinished. */
  finishedAt: Date | null;
  processingDays: number;
  pauses: Pause[];
  moreDocsRequests: number;
  hasAttachments: boolean;
  hasElectronicResult: boolean;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** 0–1, or null when there is nothing to count. */
  rate: number | null;
  /** The rate that earns full marks in Decision 766, when it names one. */
  target: number | null;
}

const rate = (numerator: number, denominator: number, target: number | null = null): Rate => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
  target,
});

/** Working days the dossier waited for the citizen before `until`. */
function pausedWorkingDays(r: DossierRecord, cal: WorkingCalendar, until: Date): number {
  return r.pauses.reduce((sum, p) => sum + cal.workingDaysBetween(toLocalDate(p.from), toLocalDate(p.to ?? until)), 0);
}

/**
 * On time = finished on or before the due date, where the due date counts working days
 * from submission and skips the days spent supplying documents. A second request for
 * more documents makes the dossier late whatever the dates say.
 */
export function isOnTime(r: DossierRecord, cal: WorkingCalendar): boolean {
  if (!r.finishedAt) return false;
  if (r.moreDocsRequests > 1) return false;
  const due = cal.dueDate(r.submittedAt, r.processingDays, r.pauses, r.finishedAt);
  return toLocalDate(r.finishedAt) <= due;
}

/** Working days spent processing, without the days waiting for the citizen. */
export function processingWorkingDays(r: DossierRecord, cal: WorkingCalendar): number | null {
  if (!r.finishedAt) return null;
  const total = cal.workingDaysBetween(toLocalDate(r.submittedAt), toLocalDate(r.finishedAt));
  return Math.max(0, total - pausedWorkingDays(r, cal, r.finishedAt));
}

const within = (d: Date | null, from: Date, to: Date) => !!d && d >= from && d < to;

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** Dossiers finished in the period that finished on time ÷ dossiers finished in the period. */
export function onTimeRate(records: DossierRecord[], period: Period, cal: WorkingCalendar): Rate {
  const finished = records.filter((r) => within(r.finishedAt, period.from, period.to));
  return rate(finished.filter((r) => isOnTime(r, cal)).length, finished.length);
}

export interface ProcedureTime {
  procedureId: string;
  procedureName: string;
  finished: number;
  averageWorkingDays: number;
}

export function averageProcessingTime(records: DossierRecord[], period: Period, cal: WorkingCalendar): ProcedureTime[] {
  const byProcedure = new Map<string, { name: string; days: number[] }>();
  for (const r of records) {
    if (!within(r.finishedAt, period.from, period.to)) continue;
    const entry = byProcedure.get(r.procedureId) ?? { name: r.procedureName, days: [] };
    entry.days.push(processingWorkingDays(r, cal) ?? 0);
    byProcedure.set(r.procedureId, entry);
  }
  return [...byProcedure.entries()]
    .map(([procedureId, e]) => ({
      procedureId,
      procedureName: e.name,
      finished: e.days.length,
      averageWorkingDays: Math.round((e.days.reduce((a, b) => a + b, 0) / e.days.length) * 100) / 100,
    }))
    .sort((a, b) => a.procedureName.localeCompare(b.procedureName, 'vi'));
}

/** Dossiers received online ÷ all dossiers received in the period (full marks at 50%). */
export function onlineSubmissionRate(records: DossierRecord[], period: Period): Rate {
  const received = records.filter((r) => within(r.submittedAt, period.from, period.to));
  return rate(received.filter((r) => r.channel === 'online').length, received.length, 0.5);
}

/** Dossiers with digitised attachments and an electronic result ÷ all dossiers received (full marks at 80%). */
export function digitisationRate(records: DossierRecord[], period: Period): Rate {
  const received = records.filter((r) => within(r.submittedAt, period.from, period.to));
  return rate(received.filter((r) => r.hasAttachments && r.hasElectronicResult).length, received.length, 0.8);
}

/** Procedures offered online ÷ all procedures (full marks at 80%). */
export function onlineProcedureShare(counts: { total: number; online: number }): Rate {
  return rate(counts.online, counts.total, 0.8);
}
