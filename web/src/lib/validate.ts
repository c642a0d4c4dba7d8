// Checks a citizen sees before a form is sent. The rules are the server's own, from
// @cds/contracts; the server checks again and names any problem these let through.
import { normalizePhone as normalizeMobile, parsePersonalId, PASSWORD_MIN_LENGTH } from '@cds/contracts';

/**
 * The number as 0xxxxxxxxx when it is a Vietnamese mobile number in use (+84, 84 and
 * spaces or dots are accepted); otherwise the input without spacing, for the server to refuse.
 */
export function normalizePhone(input: string): string {
  return normalizeMobile(input) ?? input.replace(/[\s.\-()]/g, '');
}

/** A Vietnamese mobile number with a carrier prefix in use. */
export function isValidPhone(input: string): boolean {
  return normalizeMobile(input) !== null;
}

export function isValidOtp(input: string): boolean {
  return /^\d{6}$/.test(input.trim());
}

/** Only the length: the server owns the full password rule and names what is missing. */
export function isLongEnoughPassword(input: string): boolean {
  return input.length >= PASSWORD_MIN_LENGTH;
}

/**
 * Twelve digits. Whether such a number can be real (province code, birth year, agreeing
 * with the birth date and sex) the server checks with the same rule and names the problem.
 */
export function isValidPersonalId(input: string): boolean {
  const check = parsePersonalId(input.trim());
  return check.ok || check.problem !== 'format';
}

/** Keeps an ISO date (YYYY-MM-DD) only if it is a real day in the past. */
export function isPastDate(input: string, today = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) return false;
  const d = new Date(`${input}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(input) && d.getTime() < today.getTime();
}
