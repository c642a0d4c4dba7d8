// Checks a citizen sees before a form is sent. The server checks again; these only save a trip.

/** Vietnamese mobile numbers: 0 and 9 digits. Spaces, dots and a +84 prefix are accepted. */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  if (compact.startsWith('84') && compact.length === 11) return `0${compact.slice(2)}`;
  return compact;
}

export function isValidPhone(input: string): boolean {
  return /^0\d{9}$/.test(normalizePhone(input));
}

export function isValidOtp(input: string): boolean {
  return /^\d{6}$/.test(input.trim());
}

export const PASSWORD_MIN_LENGTH = 8;

/** Only the length: the server owns the full password rule and names what is missing. */
export function isLongEnoughPassword(input: string): boolean {
  return input.length >= PASSWORD_MIN_LENGTH;
}

export function isValidPersonalId(input: string): boolean {
  return /^\d{12}$/.test(input.trim());
}

/** Keeps an ISO date (YYYY-MM-DD) only if it is a real day in the past. */
export function isPastDate(input: string, today = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) return false;
  const d = new Date(`${input}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(input) && d.getTime() < today.getTime();
}
