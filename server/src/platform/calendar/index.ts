// Working-day calendar (ngày làm việc): deadlines for reports and dossiers count working
// days, skipping weekends and public holidays. The holidays are data (holidays-vn.json),
// because the official calendar is decided each year; a province pack may add local days.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A calendar day in Vietnam's time zone, as YYYY-MM-DD. */
export type LocalDate = string;

interface HolidayFile {
  timeZone: string;
  years: Record<string, { holidays: ({ date: string; name: string } | { from: string; to: string; name: string })[]; workingWeekends: string[] }>;
}

const VN_OFFSET_MS = 7 * 3600 * 1000; // UTC+7 all year, no daylight saving

export function toLocalDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a local day, as an instant: "by the end of that day". */
export function endOfLocalDay(day: LocalDate): Date {
  return new Date(Date.parse(`${day}T23:59:59.999+07:00`));
}

export function startOfLocalDay(day: LocalDate): Date {
  return new Date(Date.parse(`${day}T00:00:00.000+07:00`));
}

function shiftDay(day: LocalDate, by: number): LocalDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

export class WorkingCalendar {
  private readonly holidays = new Map<LocalDate, string>();
  private readonly workingWeekends = new Set<LocalDate>();
  private readonly knownYears = new Set<number>();

  constructor(file: HolidayFile) {
    for (const [year, spec] of Object.entries(file.years)) {
      this.knownYears.add(Number(year));
      for (const h of spec.holidays) {
        if ('date' in h) this.holidays.set(h.date, h.name);
        else for (let d = h.from; d <= h.to; d = shiftDay(d, 1)) this.holidays.set(d, h.name);
      }
      spec.workingWeekends.forEach((d) => this.workingWeekends.add(d));
    }
  }

  static load(file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'holidays-vn.json')): WorkingCalendar {
    return new WorkingCalendar(JSON.parse(fs.readFileSync(file, 'utf8')) as HolidayFile);
  }

  holidayName(day: LocalDate): string | undefined {
    return this.holidays.get(day);
  }

  /** Whether the calendar has data for this year (outside it, only weekends are skipped). */
  covers(year: number): boolean {
    return this.knownYears.has(year);
  }

  isWorkingDay(day: LocalDate): boolean {
    if (this.workingWeekends.has(day)) return true;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !this.holidays.has(day);
  }

  /** The Nth working day after `day` (the start day itself is not counted). */
  addWorkingDays(day: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('working days must be a whole number ≥ 0');
    let d = day;
    let left = n;
    while (left > 0) {
      d = shiftDay(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** The first working day on or after `day`. */
  nextWorkingDay(day: LocalDate): LocalDate {
    let d = day;
    while (!this.isWorkingDay(d)) d = shiftDay(d, 1);
    return d;
  }

  /** Working days in (from, to]: how many working days pass between two local dates. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (to <= from) return 0;
    let count = 0;
    for (let d = shiftDay(from, 1); d <= to; d = shiftDay(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /**
   * The due date for work received at `receivedAt` that takes `days` working days, with
   * the time the clock was paused (waiting for the citizen) pushed onto the end: each
   * working day that falls inside a pause moves the due date one working day later.
   */
  dueDate(receivedAt: Date, days: number, pauses: { from: Date; to: Date | null }[] = [], now = new Date()): LocalDate {
    const start = toLocalDate(receivedAt);
    const paused = pauses.reduce((sum, p) => sum + this.workingDaysBetween(toLocalDate(p.from), toLocalDate(p.to ?? now)), 0);
    return this.addWorkingDays(start, days + paused);
  }
}

let shared: WorkingCalendar | undefined;
/** The national calendar, loaded once. */
export function workingCalendar(): WorkingCalendar {
  shared ??= WorkingCalendar.load();
  return shared;
}
