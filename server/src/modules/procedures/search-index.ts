// The catalogue's ranked search computed in process, so a search costs no database round
// trip (issue [3 of 10]: p99 ≤ 5 ms at 2,000 procedures). It gives the answers of the SQL
// search in repo.ts, which stays as its test oracle (search-index.test.ts compares them):
// pg_trgm's word_similarity is ported (its greedy extent search and float4 rounding), with
// the same score, candidates, trigram fallback, cut-offs and order. Ties are broken by the
// row's position in the database's own `ORDER BY essential DESC, name`, so the database's
// collation decides, as in SQL. Trigrams are interned as integers; an upper bound
// (shared trigrams / query trigrams ≥ word_similarity) skips exact scores that cannot change
// the answer, so a query of common words touching most of the catalogue stays cheap.
// Pure: the rows come from repo.ts; search-catalogue.ts decides when to rebuild.
import type { PreparedQuery, SearchDocument } from './search.ts';

export interface IndexedRow extends SearchDocument {
  essential: boolean;
}

// the constants of repo.ts and pg_trgm's default pg_trgm.word_similarity_threshold
const MIN_SIMILARITY = 0.45;
const RELATIVE_CUTOFF = 0.4;
const WORD_THRESHOLD = 0.6;

/** pg_trgm's trigrams of folded text: each word padded with two spaces before and one after. */
export function trigrams(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[^a-z0-9]+/)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  }
  return out;
}

/** A text's trigrams in order, as indexes into its own distinct trigrams (`uniq`, global ids). */
interface Field {
  seq: Int32Array;
  uniq: Int32Array;
}

function add(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

export type Ranked<P> = { rows: (P & { score: number })[]; total: number };

export class ProcedureIndex<P extends IndexedRow> {
  private readonly dict = new Map<string, number>();
  private readonly fields: Field[][] = [];
  private readonly byNameWord = new Map<string, number[]>();
  private readonly byAliasWord = new Map<string, number[]>();
  private readonly byAliasPhrase = new Map<string, number[]>();
  private readonly byTrigram: number[][] = [];
  private readonly nameWords: Set<string>[] = [];
  private readonly aliasWords: Set<string>[] = [];
  private readonly phraseLength: Map<string, number>[] = [];
  private readonly marks: Uint8Array;
  private lastpos = new Int32Array(256);
  private found = new Uint8Array(256);

  /** `rows` in the order `ORDER BY essential DESC, name` of the database. */
  constructor(readonly rows: readonly P[]) {
    rows.forEach((r, i) => {
      const fs = [this.field(r.search_name), this.field(r.search_aliases), this.field(r.search_sector)];
      this.fields.push(fs);
      for (const f of [fs[0]!, fs[1]!]) for (const g of f.uniq) {
        const list = (this.byTrigram[g] ??= []);
        if (list[list.length - 1] !== i) list.push(i);
      }
      for (const w of r.name_words) add(this.byNameWord, w, i);
      for (const w of r.alias_words) add(this.byAliasWord, w, i);
      for (const p of r.alias_phrases) add(this.byAliasPhrase, p, i);
      this.nameWords.push(new Set(r.name_words));
      this.aliasWords.push(new Set(r.alias_words));
      this.phraseLength.push(new Map(r.alias_phrases.map((p) => [p, p.split(' ').length])));
    });
    this.marks = new Uint8Array(this.dict.size);
  }

  private field(text: string): Field {
    const local = new Map<number, number>();
    const uniq: number[] = [];
    const seq = trigrams(text).map((t) => {
      let g = this.dict.get(t);
      if (g === undefined) this.dict.set(t, (g = this.dict.size));
      let l = local.get(g);
      if (l === undefined) {
        local.set(g, (l = uniq.length));
        uniq.push(g);
      }
      return l;
    });
    if (uniq.length > this.lastpos.length) {
      this.lastpos = new Int32Array(uniq.length * 2);
      this.found = new Uint8Array(uniq.length * 2);
    }
    return { seq: Int32Array.from(seq), uniq: Int32Array.from(uniq) };
  }

  /** Distinct trigrams of the field that the query has (marked in `marks`). */
  private shared(f: Field): number {
    let c = 0;
    for (let j = 0; j < f.uniq.length; j++) c += this.marks[f.uniq[j]!]!;
    return c;
  }

  /** word_similarity(query, field) for the query marked in `marks`, with `ulen1` distinct trigrams. */
  private similarity(f: Field, ulen1: number): number {
    const { seq, uniq } = f;
    const found = this.found;
    const lastpos = this.lastpos;
    let any = 0;
    for (let j = 0; j < uniq.length; j++) {
      found[j] = this.marks[uniq[j]!]!;
      any |= found[j]!;
      lastpos[j] = -1;
    }
    if (!any) return 0;
    const sml = (count: number, ulen2: number) => Math.fround(count / (ulen1 + ulen2 - count));
    let ulen2 = 0;
    let count = 0;
    let lower = -1;
    let best = 0;
    for (let i = 0; i < seq.length; i++) {
      const t = seq[i]!;
      if (lower >= 0 || found[t]) {
        if (lastpos[t]! < 0) {
          ulen2++;
          if (found[t]) count++;
        }
        lastpos[t] = i;
      }
      if (!found[t]) continue;
      if (lower === -1) {
        lower = i;
        ulen2 = 1;
      }
      // pg_trgm's iterate_word_similarity: move the extent's start right while that raises the similarity
      let current = sml(count, ulen2);
      let tmpCount = count;
      let tmpUlen2 = ulen2;
      const previousLower = lower;
      for (let tl = lower; tl <= i; tl++) {
        const s = sml(tmpCount, tmpUlen2);
        if (s > current) {
          current = s;
          ulen2 = tmpUlen2;
          lower = tl;
          count = tmpCount;
        }
        const tt = seq[tl]!;
        if (lastpos[tt] === tl) {
          tmpUlen2--;
          if (found[tt]) tmpCount--;
        }
      }
      if (current > best) best = current;
      for (let tl = previousLower; tl < lower; tl++) {
        const tt = seq[tl]!;
        if (lastpos[tt] === tl) lastpos[tt] = -1;
      }
    }
    return best;
  }

  /** No query: every kept row in catalogue order (essential first, then by name). */
  list(limit: number, offset: number, keep?: (row: P) => boolean): Ranked<P> {
    const kept = keep ? this.rows.filter(keep) : this.rows;
    return { rows: kept.slice(offset, offset + limit).map((r) => ({ ...r, score: 0 })), total: kept.length };
  }

  /**
   * The SQL search's rows (score, then essential, then name) and total among `keep` rows: candidates
   * sharing a rarer word or an alias phrase with the query; when none of them passes the cut-off
   * on the first page, those resembling it by trigrams (pg_trgm's `<%`).
   */
  search(q: PreparedQuery, limit: number, offset: number, keep?: (row: P) => boolean): Ranked<P> {
    const queryTrigrams = new Set(trigrams(q.text));
    const ulen1 = queryTrigrams.size;
    const marked: number[] = [];
    for (const t of queryTrigrams) {
      const g = this.dict.get(t);
      if (g !== undefined) {
        this.marks[g] = 1;
        marked.push(g);
      }
    }
    try {
      const found = this.rank(q, ulen1, this.wordCandidates(q, keep), limit, offset);
      if (found.total > 0) return found;
      return this.rank(q, ulen1, this.fuzzyCandidates(ulen1, marked, keep), limit, offset);
    } finally {
      for (const g of marked) this.marks[g] = 0;
    }
  }

  private wordCandidates(q: PreparedQuery, keep?: (row: P) => boolean): number[] {
    const set = new Set<number>();
    for (const w of q.pickWords) {
      for (const i of this.byNameWord.get(w) ?? []) set.add(i);
      for (const i of this.byAliasWord.get(w) ?? []) set.add(i);
    }
    for (const p of q.phrases) for (const i of this.byAliasPhrase.get(p) ?? []) set.add(i);
    const out = [...set];
    return keep ? out.filter((i) => keep(this.rows[i]!)) : out;
  }

  /** Rows whose name or aliases hold the query at word_similarity ≥ 0.6. */
  private fuzzyCandidates(ulen1: number, marked: number[], keep?: (row: P) => boolean): number[] {
    if (ulen1 === 0) return [];
    // a row needs 60% of the query's trigrams in one field, so at least that many in both together
    const need = Math.ceil(WORD_THRESHOLD * ulen1 - 1e-9);
    const hits = new Map<number, number>();
    for (const g of marked) for (const i of this.byTrigram[g] ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    const out: number[] = [];
    for (const [i, n] of hits) {
      if (n < need || (keep && !keep(this.rows[i]!))) continue;
      const fs = this.fields[i]!;
      if (this.similarity(fs[0]!, ulen1) >= WORD_THRESHOLD || this.similarity(fs[1]!, ulen1) >= WORD_THRESHOLD) out.push(i);
    }
    return out;
  }

  private rank(q: PreparedQuery, ulen1: number, candidates: number[], limit: number, offset: number): Ranked<P> {
    const n = candidates.length;
    if (n === 0) return { rows: [], total: 0 };
    const wordCount = Math.max(q.words.length, 1);
    // the word, phrase and substring parts are exact and cheap; the trigram part gets an upper bound
    const cheap = new Float64Array(n);
    const bound = new Float64Array(n);
    const exact = new Float64Array(n).fill(Number.NaN);
    candidates.forEach((i, k) => {
      const r = this.rows[i]!;
      let s = 0;
      let inName = 0;
      let inAlias = 0;
      for (const w of q.words) {
        if (this.nameWords[i]!.has(w)) inName++;
        if (this.aliasWords[i]!.has(w)) inAlias++;
      }
      if (inName) s += (0.6 * inName) / wordCount;
      if (inAlias) s += (0.3 * inAlias) / wordCount;
      let longest = 0;
      const lengths = this.phraseLength[i]!;
      if (lengths.size) for (const p of q.phrases) longest = Math.max(longest, lengths.get(p) ?? 0);
      if (longest) s += 0.8 * Math.min(1, longest / q.typedWords);
      if (r.search_name.includes(q.text)) s += 0.5;
      cheap[k] = s;
      const fs = this.fields[i]!;
      // + 1e-6: similarities are float4, so a tie may sit a hair above count / ulen1
      bound[k] = 1e-6 + s + (ulen1 ? (this.shared(fs[0]!) + 0.8 * this.shared(fs[1]!) + 0.15 * this.shared(fs[2]!)) / ulen1 : 0);
    });
    const score = (k: number): number => {
      if (Number.isNaN(exact[k]!)) {
        const fs = this.fields[candidates[k]!]!;
        exact[k] = cheap[k]! + (ulen1 ? this.similarity(fs[0]!, ulen1) + 0.8 * this.similarity(fs[1]!, ulen1) + 0.15 * this.similarity(fs[2]!, ulen1) : 0);
      }
      return exact[k]!;
    };
    const byBound = Array.from({ length: n }, (_, k) => k).sort((a, b) => bound[b]! - bound[a]!);
    let max = 0;
    for (const k of byBound) {
      if (bound[k]! <= max) break;
      max = Math.max(max, score(k));
    }
    const cut = Math.max(MIN_SIMILARITY, RELATIVE_CUTOFF * max);
    const kept: number[] = [];
    for (const k of byBound) {
      if (bound[k]! < cut) break;
      if (cheap[k]! >= cut || score(k) >= cut) kept.push(k);
    }
    // score DESC, then the catalogue order (essential DESC, name) the rows were given in
    const order = (a: number, b: number) => exact[b]! - exact[a]! || candidates[a]! - candidates[b]!;
    // exact scores only for rows that can still reach the page
    const want = offset + limit;
    const page: number[] = [];
    for (const k of kept) {
      if (page.length >= want && bound[k]! < exact[page[page.length - 1]!]!) break;
      score(k);
      page.push(k);
      page.sort(order);
      if (page.length > want) page.length = want;
    }
    return { rows: page.slice(offset, want).map((k) => ({ ...this.rows[candidates[k]!]!, score: exact[k]! })), total: kept.length };
  }
}
