// Claims of the national eID (VNeID) as the national public service portal passes them:
// sub, SoDinhDanh (12-digit personal ID), HoVaTen (full name), NgayThangNamSinh (date of
// birth) and LoaiTaiKhoan (account level; 2 = verified in person).

export const EID_CLAIMS = ['SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'LoaiTaiKhoan'] as const;

export interface EidIdentity {
  sub: string;
  personalId: string | null;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  level: number | null;
}

/** Accepts dd/MM/yyyy (how Vietnamese papers write it), yyyy-MM-dd, ddMMyyyy and yyyyMMdd. */
export function parseEidDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  const patterns: [RegExp, (m: RegExpExecArray) => [string, string, string]][] = [
    [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, (m) => [m[3]!, m[2]!, m[1]!]],
    [/^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/, (m) => [m[1]!, m[2]!, m[3]!]],
    [/^(\d{2})(\d{2})(\d{4})$/, (m) => [m[3]!, m[2]!, m[1]!]],
    [/^(\d{4})(\d{2})(\d{2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
  ];
  for (const [re, pick] of patterns) {
    const m = re.exec(v);
    if (!m) continue;
    const [y, mo, d] = pick(m);
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso) return iso;
  }
  return null;
}

export function readEidIdentity(claims: Record<string, unknown>): EidIdentity {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!sub) throw new Error('the eID provider sent no subject');
  const rawId = typeof claims.SoDinhDanh === 'string' || typeof claims.SoDinhDanh === 'number' ? String(claims.SoDinhDanh).trim() : '';
  const level = Number(claims.LoaiTaiKhoan);
  return {
    sub,
    personalId: /^\d{12}$/.test(rawId) ? rawId : null,
    fullName: typeof claims.HoVaTen === 'string' ? claims.HoVaTen.trim().replace(/\s+/g, ' ') : '',
    dateOfBirth: parseEidDate(claims.NgayThangNamSinh),
    level: Number.isInteger(level) && level > 0 ? level : null,
  };
}
