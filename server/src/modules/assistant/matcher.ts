// Matching what people type to what the assistant knows, in process and without a model:
// Vietnamese folding, the catalogue's abbreviations and everyday words (shared with
// procedure search), small typos mended against the known words, then every known phrase
// scored by the rare words and syllable bigrams it shares with the question. Like Rasa's
// fallback policy, an answer is given only above a threshold and clearly ahead of the
// runner-up; two close answers make a clarifying question instead.
import { foldVietnamese } from '@cds/contracts';
import { expandSynonyms } from '../procedures/index.ts';

/**
 * Chatty words that carry no meaning for matching ("cho mình hỏi", "ạ", "với"). Folding
 * merges words (cần/căn, mã/mà, thi/thì, ở/ơ), so a word that is also part of a name
 * ("căn cước", "mã số thuế", "thi tốt nghiệp", "nhà ở") is never listed alone.
 */
const FILLER = [
  'cho toi hoi', 'cho minh hoi', 'cho em hoi', 'cho hoi', 'xin hoi', 'toi muon hoi', 'em muon hoi', 'minh muon hoi', 'muon hoi', 'hoi chut',
  'lam on', 'giup toi', 'giup minh', 'giup em', 'giup voi', 'ban oi', 'ad oi', 'admin oi', 'tai sao', 'vi sao', 'lam sao', 'the nao', 'nhu the nao',
  'lam the nao', 'bang cach nao', 'the thi', 'nhu nao', 'ra sao',
  'toi', 'minh', 'em', 'anh', 'chu', 'bac', 'muon', 'phai', 'nen', 'a', 'ah', 'ak', 'nhe', 'oi', 'voi', 'vay', 'nhi', 'ha',
  'duoc', 'dc', 'khong', 'ko', 'k', 'kg', 'hok', 'gi', 'nao', 'nhu', 'cach', 'giup', 'cua', 'va', 'day', 'nay', 'thu tuc', 'u',
];

const FILLER_PHRASES = FILLER.map((f) => f.split(' ')).sort((a, b) => b.length - a.length);

function dropFiller(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const hit = FILLER_PHRASES.find((p) => p.every((w, j) => words[i + j] === w));
    if (hit) i += hit.length;
    else out.push(words[i++]!);
  }
  return out;
}

/** Folded, abbreviations expanded, filler dropped: the words matching compares. */
export function normalize(text: string): string[] {
  const words = expandSynonyms(foldVietnamese(text)).split(' ').filter(Boolean);
  return dropFiller(words);
}

/** Words of a known phrase: expanded the same way; filler is kept only where it is part of the phrase's meaning. */
function phraseWords(text: string): string[] {
  const words = expandSynonyms(foldVietnamese(text)).split(' ').filter(Boolean);
  const kept = dropFiller(words);
  // a phrase made only of filler-like words keeps them rather than meaning nothing
  return kept.length ? kept : words;
}

export interface KnownThing<P = unknown> {
  /** Unique: `procedure:<id>`, `intent:hotline`, `faq:<id>`. */
  key: string;
  /** The phrases that mean it: a procedure's name and everyday names, an intent's examples. */
  phrases: string[];
  /** A small lead among equals (essential procedures, everyday intents). */
  prior?: number;
  /** The first phrase is the thing's official name: asking it whole is the clearest sign. */
  named?: boolean;
  payload: P;
}

export interface Candidate<P = unknown> {
  key: string;
  score: number;
  payload: P;
}

interface IndexedPhrase {
  /** The thing's own name (a procedure's official name), not an everyday alias. */
  isName: boolean;
  words: string[];
  set: Set<string>;
  bigrams: Set<string>;
  weight: number;
}

interface IndexedThing<P> {
  thing: KnownThing<P>;
  phrases: IndexedPhrase[];
}

// Weights of the score, tuned on test-set.ts: explaining the question counts most (a
// question about something else keeps words nothing explains), then asking a phrase whole.
const W = { recall: 0.5, coverage: 0.3, order: 0.2, wholeName: 0.05 };

const bigramsOf = (w: string[]) => w.slice(1).map((x, i) => `${w[i]} ${x}`);

/** Damerau–Levenshtein distance, stopping early above 1: a typo is one key off. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (restA.slice(1) === restB.slice(1)) return true; // substitution
  if (restA.slice(1) === restB || restA === restB.slice(1)) return true; // deletion, insertion
  return restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2); // swap
}

export class Matcher<P = unknown> {
  private readonly things: IndexedThing<P>[];
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly mended = new Map<string, string | null>();
  /** Word → the things with a phrase holding it. */
  private readonly byWord = new Map<string, number[]>();

  constructor(things: KnownThing<P>[]) {
    const df = new Map<string, number>();
    for (const t of things) {
      const words = new Set(t.phrases.flatMap(phraseWords));
      for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    }
    const n = Math.max(things.length, 1);
    for (const [w, d] of df) this.idf.set(w, Math.log(1 + n / d));
    // a word nobody uses weighs like the rarest known word: the question is about something else
    this.unknownIdf = Math.log(1 + n);
    this.things = things.map((thing) => ({
      thing,
      phrases: thing.phrases.map(phraseWords).map((words, i) => {
        const set = new Set(words);
        return { isName: i === 0 && !!thing.named, words, set, bigrams: new Set(bigramsOf(words)), weight: this.weigh(set) };
      }).filter((p) => p.words.length > 0),
    }));
    this.things.forEach((t, i) => {
      for (const w of new Set(t.phrases.flatMap((p) => p.words))) {
        const list = this.byWord.get(w);
        if (list) list.push(i);
        else this.byWord.set(w, [i]);
      }
    });
  }

  private weigh(words: Iterable<string>): number {
    let sum = 0;
    for (const w of words) sum += this.idf.get(w) ?? this.unknownIdf;
    return sum;
  }

  /** A word not known replaced by the known word one typo away (the most telling one), if any. */
  private mend(word: string): string {
    if (this.idf.has(word) || word.length < 4 || /\d/.test(word)) return word;
    if (this.mended.has(word)) return this.mended.get(word) ?? word;
    let best: string | null = null;
    for (const known of this.idf.keys()) {
      if (known.length >= 3 && withinOneEdit(word, known) && (!best || this.idf.get(known)! < this.idf.get(best)!)) best = known;
    }
    if (this.mended.size < 10_000) this.mended.set(word, best);
    return best ?? word;
  }

  /** The question's words as the matcher compares them. */
  words(text: string): string[] {
    return normalize(text).map((w) => this.mend(w));
  }

  /** Every known thing that shares a word with the question, best first. */
  rank(text: string, limit = 5): Candidate<P>[] {
    return this.rankWords(this.words(text), limit);
  }

  rankWords(words: string[], limit = 5): Candidate<P>[] {
    if (!words.length) return [];
    const qset = new Set(words);
    const qbigrams = bigramsOf(words);
    const qweight = this.weigh(qset);
    // only phrases that share a word with the question can score (inverted index)
    const touched = new Set<number>();
    for (const w of qset) for (const i of this.byWord.get(w) ?? []) touched.add(i);
    const out: Candidate<P>[] = [];
    for (const ti of touched) {
      const { thing, phrases } = this.things[ti]!;
      let best = 0;
      // the question holds the official name whole: the clearest sign among kin procedures
      let wholeName = 0;
      for (const p of phrases) {
        let shared = 0;
        for (const w of qset) if (p.set.has(w)) shared += this.idf.get(w) ?? 0;
        if (shared === 0) continue;
        // how much of the question the phrase explains, and how much of the phrase was asked
        const recall = shared / qweight;
        const coverage = shared / p.weight;
        let order: number;
        if (p.bigrams.size === 0 || qbigrams.length === 0) order = Math.min(recall, coverage);
        else {
          let hits = 0;
          for (const b of qbigrams) if (p.bigrams.has(b)) hits++;
          order = hits / Math.min(qbigrams.length, p.bigrams.size);
        }
        const score = W.recall * recall + W.coverage * coverage + W.order * order;
        if (score > best) best = score;
        if (p.isName && coverage === 1) wholeName = W.wholeName;
      }
      if (best > 0) out.push({ key: thing.key, score: best + wholeName + (thing.prior ?? 0), payload: thing.payload });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

export interface Thresholds {
  /** Below this the assistant says it does not know. */
  answer: number;
  /** The lead over the runner-up needed to commit to an answer. */
  margin: number;
}

export const THRESHOLDS: Thresholds = { answer: 0.57, margin: 0.05 };

export type Decision<P> =
  | { kind: 'answer'; top: Candidate<P> }
  | { kind: 'clarify'; options: [Candidate<P>, Candidate<P>] }
  | { kind: 'unknown'; best: Candidate<P> | null };

/** Answer, ask which of two, or admit not knowing. */
export function decide<P>(ranked: Candidate<P>[], t: Thresholds = THRESHOLDS): Decision<P> {
  const top = ranked[0];
  if (!top || top.score < t.answer) return { kind: 'unknown', best: top ?? null };
  const second = ranked[1];
  if (second && second.score >= t.answer && top.score - second.score < t.margin) return { kind: 'clarify', options: [top, second] };
  return { kind: 'answer', top };
}
