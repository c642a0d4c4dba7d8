// A local geocoder without outside services: finds which commune (xã/phường) an address
// text names, by the commune names of the province, ignoring diacritics and case.
import { foldVietnamese } from '@cds/contracts';
import type { Commune } from './admin-units.ts';

// folded words people write before a commune name: "Phường", "P.", "Xã", "X.", "Đặc khu", "TT."
const PREFIXES = ['phuong', 'p', 'xa', 'x', 'dac khu', 'thi tran', 'tt'];
const TYPE_WORDS = /^(phuong|xa|dac khu)\s+/;

type Hit = { commune: Commune; start: number; end: number; prefixed: boolean };

/** The folded name without its type word: "Phường Lương Văn Tri" → "luong van tri". */
function baseName(name: string): string {
  return foldVietnamese(name).replace(TYPE_WORDS, '');
}

function hitsOf(text: string, commune: Commune): Hit[] {
  const base = baseName(commune.name);
  if (!base) return [];
  const hits: Hit[] = [];
  for (let at = text.indexOf(` ${base} `); at >= 0; at = text.indexOf(` ${base} `, at + 1)) {
    const before = text.slice(0, at + 1);
    const prefixed = PREFIXES.some((p) => before.endsWith(` ${p} `));
    hits.push({ commune, start: at + 1, end: at + 1 + base.length, prefixed });
  }
  return hits;
}

/**
 * Communes whose name the text contains as whole words. A name written after a prefix
 * ("phường …", "xã …", "P. …") wins over a bare one, which may be a street ("Hoàng Văn Thụ");
 * a name inside a longer matched name does not count. One result means a match.
 */
export function geocodeCommune(text: string, communes: Commune[]): Commune[] {
  const folded = ` ${foldVietnamese(text)} `;
  const hits = communes.flatMap((c) => hitsOf(folded, c));
  const outer = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  const chosen = outer.some((h) => h.prefixed) ? outer.filter((h) => h.prefixed) : outer;
  return [...new Map(chosen.map((h) => [h.commune.code, h.commune])).values()];
}
