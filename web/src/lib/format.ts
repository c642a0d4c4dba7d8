// One way to show dates, times and numbers everywhere: Vietnam time (Asia/Ho_Chi_Minh)
// as dd/MM/yyyy HH:mm, whatever the device's time zone or language, because an officer
// and a citizen must read the same deadline. Numbers follow the reader's language
// (vi-VN: "12.345", "83,8%").
import i18n from 'i18next';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'vi-VN';
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The Vietnam-time calendar fields of an instant. */
function vietnamParts(d: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

const BARE_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dd/MM/yyyy: a bare day (2026-12-16) as that day; an instant as its day in Vietnam. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const bare = BARE_DAY.exec(iso);
  if (bare) return `${bare[3]}/${bare[2]}/${bare[1]}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = vietnamParts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** dd/MM/yyyy HH:mm in Vietnam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = vietnamParts(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's date in Vietnam as yyyy-MM-dd (for date fields and filters). */
export function vietnamToday(now = new Date()): string {
  const p = vietnamParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * What a person typed in a date field (dd/MM/yyyy, also d/M/yyyy, with - or . between) as
 * yyyy-MM-dd, or null when it is not a real day.
 */
export function parseDayInput(text: string): string | null {
  // a pasted or autofilled ISO day is taken as it is
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (iso) return parseDayInput(`${iso[3]}/${iso[2]}/${iso[1]}`);
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A ratio (0.838) as a percentage in the reader's format: "83,8%" in Vietnamese. */
export function formatPercent(ratio: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: fractionDigits }).format(ratio);
}
