// Vietnamese mobile numbers: 10 digits starting with 0 and a carrier prefix in use
// today (after the 2018 switch from 11-digit numbers). Input may be +84…, 84… or 0…,
// with spaces, dots or dashes; the stored form is always 0xxxxxxxxx.

export type Carrier = 'viettel' | 'vinaphone' | 'mobifone' | 'vietnamobile' | 'gmobile' | 'itel' | 'reddi';

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `0${from + i}`);

export const CARRIER_PREFIXES: Record<Carrier, readonly string[]> = {
  viettel: [...range(32, 39), '086', '096', '097', '098'],
  vinaphone: [...range(81, 85), '088', '091', '094'],
  mobifone: ['070', ...range(76, 79), '089', '090', '093'],
  vietnamobile: ['052', '056', '058', '092'],
  gmobile: ['059', '099'],
  itel: ['087'],
  reddi: ['055'],
};

const PREFIX_TO_CARRIER = new Map<string, Carrier>(
  (Object.entries(CARRIER_PREFIXES) as [Carrier, readonly string[]][]).flatMap(([carrier, prefixes]) => prefixes.map((p) => [p, carrier] as const)),
);

/** The number as 0xxxxxxxxx, or null when it is not a Vietnamese mobile number in use. */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  const m = /^(?:\+84|84|0)(\d{9})$/.exec(compact);
  if (!m) return null;
  const phone = `0${m[1]}`;
  return PREFIX_TO_CARRIER.has(phone.slice(0, 3)) ? phone : null;
}

export function carrierOf(phone: string): Carrier | null {
  const normal = normalizePhone(phone);
  return normal ? (PREFIX_TO_CARRIER.get(normal.slice(0, 3)) ?? null) : null;
}

/** For logs and staff screens: 090****001. */
export function maskPhone(phone: string): string {
  return phone.length === 10 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}
