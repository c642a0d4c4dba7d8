// Structure of the 12-digit personal identification number (CCCD): PPP G YY RRRRRR.
// PPP = province of birth registration, G = century and sex, YY = birth year. Only the
// structure can be checked here; whether the number exists is known to the police only.
import { CCCD_PROVINCE_CODES } from './cccd-provinces.ts';

export type PersonalIdProblem = 'format' | 'province' | 'future' | 'birth_mismatch' | 'sex_mismatch';

export interface PersonalIdFacts {
  provinceCode: string;
  birthYear: number;
  sex: 'male' | 'female';
}

export type PersonalIdCheck = { ok: true; facts: PersonalIdFacts } | { ok: false; problem: PersonalIdProblem };

/** Reads what the number says about its holder, or why it cannot be a real number. */
export function parsePersonalId(id: string, today = new Date()): PersonalIdCheck {
  if (!/^\d{12}$/.test(id)) return { ok: false, problem: 'format' };
  const provinceCode = id.slice(0, 3);
  if (!(provinceCode in CCCD_PROVINCE_CODES)) return { ok: false, problem: 'province' };
  const g = Number(id[3]);
  // even digits are men, odd are women; each pair is one century from 1900
  const birthYear = 1900 + Math.floor(g / 2) * 100 + Number(id.slice(4, 6));
  if (birthYear > today.getUTCFullYear()) return { ok: false, problem: 'future' };
  return { ok: true, facts: { provinceCode, birthYear, sex: g % 2 === 0 ? 'male' : 'female' } };
}

/** Checks the number and that it agrees with the date of birth (YYYY-MM-DD) and sex we know. */
export function checkPersonalId(
  id: string,
  known: { dateOfBirth?: string | null; sex?: 'male' | 'female' | 'other' | null } = {},
  today = new Date(),
): PersonalIdCheck {
  const parsed = parsePersonalId(id, today);
  if (!parsed.ok) return parsed;
  if (known.dateOfBirth && Number(known.dateOfBirth.slice(0, 4)) !== parsed.facts.birthYear) return { ok: false, problem: 'birth_mismatch' };
  if ((known.sex === 'male' || known.sex === 'female') && known.sex !== parsed.facts.sex) return { ok: false, problem: 'sex_mismatch' };
  return parsed;
}

/** Shows the first 3 and last 2 digits: 020*******34. */
export function maskPersonalId(id: string): string {
  return id.length > 5 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}` : '*'.repeat(id.length);
}
