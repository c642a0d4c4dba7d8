// Rules of the directory (danh bạ) both sides run: opening hours and "open now" in Vietnam
// time, distance for "near me", and the welfare questionnaire's guidance. No TypeBox here.
import { VIETNAM_OFFSET_MS } from './vietnam-time.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening period, 'HH:mm' to 'HH:mm' (end may be '24:00'), same day. */
export interface OpeningPeriod { from: string; to: string }

/**
 * Opening hours (giờ làm việc) of an office: periods per weekday. A public holiday closes the
 * office unless it opens on holidays; a compensatory working Saturday (làm bù) uses Monday's hours.
 */
export interface OpeningHours {
  weekly: Record<Weekday, OpeningPeriod[]>;
  openOnHolidays: boolean;
}

/** What the working-days calendar says about one Vietnam calendar day. */
export interface DayInfo { holiday: string | null; workingWeekend: boolean }

export interface OpenStatus {
  open: boolean;
  /** 'HH:mm' when open. */
  closesAt: string | null;
  /** The next opening within two weeks when closed: day YYYY-MM-DD and 'HH:mm'. */
  opensNext: { day: string; at: string } | null;
  /** Name of today's public holiday when it closes the office. */
  holiday: string | null;
}

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

export function isTime(text: string): boolean {
  return HHMM.test(text);
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Problems of a set of hours as field paths (e.g. 'weekly.mon.0.to'); empty when sound. */
export function openingHoursProblems(hours: OpeningHours): string[] {
  const problems: string[] = [];
  for (const day of WEEKDAYS) {
    const periods = hours.weekly[day] ?? [];
    let lastEnd = -1;
    periods.forEach((p, i) => {
      if (!isTime(p.from)) problems.push(`weekly.${day}.${i}.from`);
      else if (!isTime(p.to) || minutes(p.to) <= minutes(p.from)) problems.push(`weekly.${day}.${i}.to`);
      else if (minutes(p.from) < lastEnd) problems.push(`weekly.${day}.${i}.from`);
      else lastEnd = minutes(p.to);
    });
  }
  return problems;
}

/** The Vietnam calendar day (YYYY-MM-DD), weekday and minute of the day of an instant. */
export function vietnamClock(instant: Date): { day: string; weekday: Weekday; minute: number } {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const day = local.toISOString().slice(0, 10);
  // getUTCDay: 0 = Sunday
  const weekday = WEEKDAYS[(local.getUTCDay() + 6) % 7]!;
  return { day, weekday, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(day: string): Weekday {
  return WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** The periods an office keeps on one day, holidays and working weekends considered. */
export function periodsOn(hours: OpeningHours, day: string, info: DayInfo): OpeningPeriod[] {
  if (info.holiday && !hours.openOnHolidays) return [];
  const weekday = weekdayOf(day);
  const own = hours.weekly[weekday] ?? [];
  if (info.workingWeekend && (weekday === 'sat' || weekday === 'sun') && own.length === 0) return hours.weekly.mon ?? [];
  return own;
}

/** Whether the office is open at `now` (Vietnam time), when it closes, or when it opens next. */
export function openStatus(hours: OpeningHours, now: Date, dayInfo: (day: string) => DayInfo): OpenStatus {
  const { day, minute } = vietnamClock(now);
  const today = dayInfo(day);
  const holiday = today.holiday && !hours.openOnHolidays ? today.holiday : null;
  for (const p of periodsOn(hours, day, today)) {
    if (minute >= minutes(p.from) && minute < minutes(p.to)) return { open: true, closesAt: p.to, opensNext: null, holiday: null };
  }
  for (let i = 0; i < 14; i++) {
    const d = addDays(day, i);
    const next = periodsOn(hours, d, i === 0 ? today : dayInfo(d)).find((p) => i > 0 || minutes(p.from) > minute);
    if (next) return { open: false, closesAt: null, opensNext: { day: d, at: next.from }, holiday };
  }
  return { open: false, closesAt: null, opensNext: null, holiday };
}

/** Great-circle distance in metres (haversine; enough for "near me"). */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Hotline kinds, most urgent first (the list is sorted by this order). */
export const HOTLINE_KINDS = ['police', 'fire', 'ambulance', 'child', 'citizen', 'electricity', 'water', 'border', 'other'] as const;
export type HotlineKind = (typeof HOTLINE_KINDS)[number];

// ------------------------------------------------------------------ welfare (an sinh xã hội)

export const HOUSEHOLD_STATUSES = ['poor', 'near_poor', 'none', 'unknown'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const DISABILITY_LEVELS = ['especially_severe', 'severe', 'mild', 'none'] as const;
export type DisabilityLevel = (typeof DISABILITY_LEVELS)[number];

/** Answers of the "what might I be eligible for" questionnaire. */
export interface WelfareAnswers {
  age: number;
  household: HouseholdStatus;
  disability: DisabilityLevel;
  hasPension: boolean;
  /** Lost a job after paying unemployment insurance. */
  lostJobWithInsurance: boolean;
  /** Lives alone with nobody obliged and able to support them. */
  noSupporter: boolean;
}

export const WELFARE_BENEFITS = ['elderly_allowance', 'disability_allowance', 'poor_household', 'health_insurance_poor', 'unemployment'] as const;
export type WelfareBenefitKey = (typeof WELFARE_BENEFITS)[number];

/**
 * Benefits worth asking about, for guidance only (the commune decides): the main conditions
 * of Decree 20/2021/NĐ-CP (as amended by Decree 76/2024/NĐ-CP), the poverty standard and
 * unemployment insurance, simplified.
 */
export function suggestBenefits(a: WelfareAnswers): WelfareBenefitKey[] {
  const out: WelfareBenefitKey[] = [];
  const poorish = a.household === 'poor' || a.household === 'near_poor';
  const elderly = (a.age >= 80 && !a.hasPension) || (a.age >= 75 && poorish && !a.hasPension) || (a.age >= 60 && a.household === 'poor' && a.noSupporter);
  if (elderly) out.push('elderly_allowance');
  if (a.disability === 'especially_severe' || a.disability === 'severe') out.push('disability_allowance');
  // anyone unsure of their household's status may ask the commune to assess it
  if (a.household === 'unknown' || poorish) out.push('poor_household');
  if (poorish || elderly || out.includes('disability_allowance')) out.push('health_insurance_poor');
  if (a.lostJobWithInsurance) out.push('unemployment');
  return out;
}
