// Vietnamese text helpers: folding for diacritic-free search, phone normalisation.

/** Lower case without diacritics ("Nguyễn Văn Án" → "nguyen van an"); đ becomes d. */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Digits only, with +84/84 turned into a leading 0, so "+84 900 000 001" equals "0900000001". */
export function normalisePhone(s: string): string {
  const digits = s.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}
