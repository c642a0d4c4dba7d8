// Deadlines in working days (ngày làm việc): the due date moves later by every working
// day the clock was paused while staff waited for the citizen.
import { toLocalDate, type LocalDate, type WorkingCalendar } from '../../platform/calendar/index.ts';

export interface Pause {
  from: string;
  to: string | null;
}

export type Urgency = 'ok' | 'due_soon' | 'overdue';

export function computeDueDate(calendar: WorkingCalendar, receivedAt: Date, days: number, pauses: Pause[], now = new Date()): LocalDate {
  return calendar.dueDate(receivedAt, days, pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })), now);
}

/** Overdue once the due day has passed; due soon within `warnDays` working days of it. */
export function urgency(calendar: WorkingCalendar, dueDate: LocalDate, now: Date, warnDays: number): Urgency {
  const today = toLocalDate(now);
  if (today > dueDate) return 'overdue';
  return calendar.workingDaysBetween(today, dueDate) <= warnDays ? 'due_soon' : 'ok';
}

export function openPause(pauses: Pause[], at: Date): Pause[] {
  return [...pauses, { from: at.toISOString(), to: null }];
}

export function closePause(pauses: Pause[], at: Date): Pause[] {
  return pauses.map((p) => (p.to === null ? { ...p, to: at.toISOString() } : p));
}
