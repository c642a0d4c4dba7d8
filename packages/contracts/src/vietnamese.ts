// Vietnamese text for matching: people type with or without diacritics (dấu), in any
// case, with stray punctuation. Matching compares the folded forms produced here.

/** Lowercase, strip diacritics (đ → d), keep letters and digits, single spaces. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The folded words of a text, in order. */
export function vietnameseWords(text: string): string[] {
  const folded = foldVietnamese(text);
  return folded ? folded.split(' ') : [];
}

/** True when `needle` occurs in `haystack` as whole folded words, e.g. "khai sinh" in "Đăng ký khai sinh". */
export function containsWords(haystack: string, needle: string): boolean {
  const h = ` ${foldVietnamese(haystack)} `;
  const n = foldVietnamese(needle);
  return n.length > 0 && h.includes(` ${n} `);
}
