// Vietnam time (giờ Việt Nam): UTC+7 all year, no daylight saving since 1975, so a fixed
// offset is exact and cheaper than a time-zone database. Every date a person reads or a
// day a figure is counted by is a Vietnam day, whatever the server's or device's zone.

export const VIETNAM_OFFSET_MS = 7 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');
/** The instant shifted so its UTC fields read as Vietnam wall-clock time. */
const wall = (d: Date) => new Date(d.getTime() + VIETNAM_OFFSET_MS);

/** The Vietnam calendar day of an instant, as YYYY-MM-DD. */
export function vietnamDay(d: Date): string {
  return wall(d).toISOString().slice(0, 10);
}

/** The instant a Vietnam calendar day (YYYY-MM-DD) starts. */
export function vietnamDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** dd/MM/yyyy of an instant in Vietnam, or of a bare day (YYYY-MM-DD) as written. */
export function formatVietnamDate(value: Date | string): string {
  const day = typeof value === 'string' ? value.slice(0, 10) : vietnamDay(value);
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** dd/MM/yyyy HH:mm in Vietnam. */
export function formatVietnamDateTime(d: Date): string {
  const l = wall(d);
  return `${formatVietnamDate(d)} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;
}

/** HH and mm of an instant in Vietnam (for wordings such as "9 giờ 05 phút"). */
export function vietnamHourMinute(d: Date): { hours: string; minutes: string } {
  const l = wall(d);
  return { hours: pad(l.getUTCHours()), minutes: pad(l.getUTCMinutes()) };
}

/** W3C date-time with the Vietnam offset and no milliseconds (feeds, Open311). */
export function w3cVietnam(d: Date): string {
  return `${wall(d).toISOString().slice(0, 19)}+07:00`;
}
