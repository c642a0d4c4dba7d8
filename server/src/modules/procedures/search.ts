// Turning what people type into what the catalogue says: fold diacritics, expand
// abbreviations and everyday words (data/synonyms.json), drop filler words. The folded
// search document of a procedure is built with the same rules, so both sides meet.
import fs from 'node:fs';
import { foldVietnamese } from '@cds/contracts';

type Synonyms = { replace: Record<string, string>; stop: string[] };
const data = JSON.parse(fs.readFileSync(new URL('./data/synonyms.json', import.meta.url), 'utf8')) as Synonyms;

const REPLACEMENTS = Object.entries(data.replace)
  .map(([from, to]) => ({ from: from.split(' '), to }))
  .sort((a, b) => b.from.length - a.from.length);
const STOP_PHRASES = data.stop.map((s) => s.split(' ')).sort((a, b) => b.length - a.length);

function startsWith(words: string[], at: number, phrase: string[]): boolean {
  return phrase.every((w, i) => words[at + i] === w);
}

/** Replaces known abbreviations and everyday phrases, longest first, left to right. */
export function expandSynonyms(folded: string): string {
  const words = folded ? folded.split(' ') : [];
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const hit = REPLACEMENTS.find((r) => startsWith(words, i, r.from));
    if (hit) {
      out.push(hit.to);
      i += hit.from.length;
    } else {
      out.push(words[i]!);
      i += 1;
    }
  }
  return out.join(' ');
}

function dropStopWords(text: string): string {
  const words = text ? text.split(' ') : [];
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const stop = STOP_PHRASES.find((p) => startsWith(words, i, p));
    if (stop) i += stop.length;
    else out.push(words[i++]!);
  }
  // a query made only of filler words keeps them, rather than matching nothing
  return out.length ? out.join(' ') : text;
}

export type PreparedQuery = {
  /** Folded as typed. */
  raw: string;
  /** Folded, expanded, without filler words: what the ranking compares. */
  text: string;
  /** Distinct words of `text`. */
  words: string[];
  /** How many words were typed, filler words aside (weighs everyday phrases found whole). */
  typedWords: number;
  /** Words that pick candidate rows: `words` without those found in most procedure names. */
  pickWords: string[];
  /** Every run of 1–6 consecutive words of what was typed and of `text`, to meet alias phrases. */
  phrases: string[];
};

// Words in a large share of procedure names: a query sharing only these with a procedure
// does not make it a candidate (it can still rank when it shares a rarer word).
const COMMON = new Set(['dang', 'ky', 'cap', 'giay', 'chung', 'nhan', 'thu', 'tuc', 'lai', 'doi', 'moi', 'va', 'cua', 'cho', 'hoac',
  've', 'tai', 'theo', 'trong', 'voi', 'tuong', 'nguoi', 'viec', 'thong', 'bao', 'phep', 'xac', 'to', 'chuc', 'co', 'thuc', 'hien', 'lan', 'dau',
  'dan', 'uy', 'ban', 'xa', 'tinh', 'hanh', 'chinh', 'cong']);

function runs(text: string, max = 6): string[] {
  const w = text ? text.split(' ') : [];
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) for (let n = 1; n <= max && i + n <= w.length; n++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

export function prepareQuery(q: string): PreparedQuery {
  const raw = foldVietnamese(q);
  const text = dropStopWords(expandSynonyms(raw));
  const typed = dropStopWords(raw).split(' ').filter(Boolean).length;
  const words = [...new Set(text.split(' ').filter(Boolean))];
  const rare = words.filter((w) => !COMMON.has(w));
  return {
    raw, text, words,
    typedWords: Math.max(typed, 1),
    pickWords: rare.length ? rare : words,
    phrases: [...new Set([...runs(raw), ...runs(text)])],
  };
}

export type SearchDocument = {
  search_name: string;
  search_aliases: string;
  search_sector: string;
  name_words: string[];
  alias_words: string[];
  alias_phrases: string[];
};

const words = (text: string) => [...new Set(text.split(' ').filter(Boolean))];

export function searchDocument(p: { name: string; sector: string; keywords: string[] }): SearchDocument {
  const name = foldVietnamese(p.name);
  const phrases = [...new Set(p.keywords.map(foldVietnamese).filter(Boolean))];
  const expanded = phrases.map(expandSynonyms).filter((e, i) => e !== phrases[i]);
  const aliases = [...phrases, ...expanded].join(' | ');
  return {
    search_name: name,
    search_aliases: aliases,
    search_sector: foldVietnamese(p.sector),
    name_words: words(`${name} ${expandSynonyms(name)}`),
    alias_words: words(aliases.replace(/\|/g, ' ')),
    alias_phrases: [...new Set([...phrases, ...expanded])],
  };
}
