// From a message to what it means: entities first (a code is unambiguous), then the aspect
// of a procedure asked about, then the matcher over everything the assistant knows. Pure:
// the service, the quality test and the benchmark run the same function.
import type { AssistantIntent } from '@cds/contracts/assistant.rules';
import { BUILT_IN_INTENTS, aspectsOf, entitiesOf, type Aspect, type Entities } from './intents.ts';
import { Matcher, decide, type Candidate, type Decision, type KnownThing, type Thresholds } from './matcher.ts';

export type Known =
  | { kind: 'procedure'; id: string; code: string; name: string }
  | { kind: 'intent'; intent: AssistantIntent }
  | { kind: 'faq'; id: string; question: string };

export interface ProcedureEntry {
  id: string;
  code: string;
  name: string;
  keywords: string[];
  essential: boolean;
}

export interface FaqEntry {
  id: string;
  question: string;
  phrasings: string[];
}

/** Everything the assistant can answer, as the matcher's known things. */
export function knowledge(procedures: ProcedureEntry[], faqs: FaqEntry[]): KnownThing<Known>[] {
  return [
    ...procedures.map((p): KnownThing<Known> => ({
      key: `procedure:${p.id}`,
      phrases: [p.name, ...p.keywords],
      // among procedures named alike, the everyday one (đăng ký khai sinh) over its rarer kin
      prior: p.essential ? 0.02 : 0,
      named: true,
      payload: { kind: 'procedure', id: p.id, code: p.code, name: p.name },
    })),
    ...BUILT_IN_INTENTS.map((i): KnownThing<Known> => ({ key: `intent:${i.intent}`, phrases: i.examples, prior: 0.01, payload: { kind: 'intent', intent: i.intent } })),
    // staff answers lead: they were written for questions the rest could not answer
    ...faqs.map((f): KnownThing<Known> => ({ key: `faq:${f.id}`, phrases: [f.question, ...f.phrasings], prior: 0.03, payload: { kind: 'faq', id: f.id, question: f.question } })),
  ];
}

export function buildMatcher(procedures: ProcedureEntry[], faqs: FaqEntry[]): Matcher<Known> {
  return new Matcher(knowledge(procedures, faqs));
}

export interface Understanding {
  entities: Entities;
  aspects: Aspect[];
  /** Only aspect words ("mất bao lâu?"): a follow-up about the procedure talked about. */
  onlyAspects: boolean;
  decision: Decision<Known>;
}

export function understand(matcher: Matcher<Known>, text: string, thresholds?: Thresholds): Understanding {
  const entities = entitiesOf(text);
  const { aspects, rest } = aspectsOf(text);
  const certain = (intent: AssistantIntent): Decision<Known> => ({ kind: 'answer', top: { key: `intent:${intent}`, score: 1, payload: { kind: 'intent', intent } } });
  if (entities.dossierCode) return { entities, aspects, onlyAspects: false, decision: certain('dossier_status') };
  if (entities.reportCode) return { entities, aspects, onlyAspects: false, decision: certain('report_status') };
  const words = matcher.words(rest);
  if (aspects.length && words.length === 0) return { entities, aspects, onlyAspects: true, decision: { kind: 'unknown', best: null } };
  // "công chứng online" is a procedure of its own, "khai sinh online" is a question about
  // one: rank the question with and without its aspect words, each thing at its better score
  const ranked = aspects.length ? merge(matcher.rankWords(words), matcher.rank(text)) : matcher.rankWords(words);
  return { entities, aspects, onlyAspects: false, decision: decide(ranked, thresholds) };
}

function merge(a: Candidate<Known>[], b: Candidate<Known>[]): Candidate<Known>[] {
  const best = new Map<string, Candidate<Known>>();
  for (const c of [...a, ...b]) if ((best.get(c.key)?.score ?? -1) < c.score) best.set(c.key, c);
  return [...best.values()].sort((x, y) => y.score - x.score);
}

/** The key an understanding answers with, for the quality test: a procedure's code or `#intent`. */
export function answerKey(u: Understanding): string | null {
  if (u.decision.kind !== 'answer') return null;
  const p = u.decision.top.payload;
  return p.kind === 'procedure' ? p.code : p.kind === 'intent' ? `#${p.intent}` : `faq:${p.id}`;
}

/** The best candidate's key whatever was decided (top-1 of the ranking). */
export function bestKey(u: Understanding): string | null {
  const d = u.decision;
  const c = d.kind === 'answer' ? d.top : d.kind === 'clarify' ? d.options[0] : d.best;
  if (!c) return null;
  const p = c.payload;
  return p.kind === 'procedure' ? p.code : p.kind === 'intent' ? `#${p.intent}` : `faq:${p.id}`;
}
