// Report categories (lĩnh vực) as the province pack defines them, and the checks of a
// citizen's answers to a category's extra questions.
import { invalidField } from '../../platform/errors.ts';

import type { Question } from '@cds/contracts/reports';

export type { Question };

export interface PackCategory {
  code: string;
  name: string;
  nameEn?: string;
  description?: string;
  icon?: string;
  routing?: string;
  deadlineDays?: number;
  questions?: Question[];
  keywords?: string;
  children?: PackCategory[];
}

export interface PackTemplate {
  category: string | null;
  title: string;
  body: string;
}

export interface CategoryPack {
  categories: PackCategory[];
  templates?: PackTemplate[];
}

export interface FlatCategory {
  code: string;
  parentCode: string | null;
  name: string;
  nameEn: string | null;
  description: string;
  icon: string;
  routing: string;
  deadlineDays: number;
  questions: Question[];
  keywords: string;
  sort: number;
}

/** Children inherit routing, deadline and icon from their parent unless they set their own. */
export function flattenCategories(pack: CategoryPack): FlatCategory[] {
  const out: FlatCategory[] = [];
  pack.categories.forEach((top, i) => {
    const parent = toFlat(top, null, i, { routing: 'commune', deadlineDays: 10, icon: 'help' });
    out.push(parent);
    (top.children ?? []).forEach((child, j) => out.push(toFlat(child, parent, j, parent)));
  });
  return out;
}

function toFlat(c: PackCategory, parent: FlatCategory | null, sort: number, inherit: { routing: string; deadlineDays: number; icon: string }): FlatCategory {
  return {
    code: c.code,
    parentCode: parent?.code ?? null,
    name: c.name,
    nameEn: c.nameEn ?? null,
    description: c.description ?? '',
    icon: c.icon ?? inherit.icon,
    routing: c.routing ?? inherit.routing,
    deadlineDays: c.deadlineDays ?? inherit.deadlineDays,
    questions: c.questions ?? [],
    keywords: c.keywords ?? '',
    sort,
  };
}

export type Answers = Record<string, string | number | string[]>;

/** Keeps only known questions; checks required ones, numbers and list values. */
export function checkAnswers(questions: Question[], given: Record<string, unknown> | undefined): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const field = `answers.${q.code}`;
    const raw = given?.[q.code];
    const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (q.required) throw invalidField(field, 'validation.required');
      continue;
    }
    out[q.code] = checkOne(q, raw, field);
  }
  return out;
}

function checkOne(q: Question, raw: unknown, field: string): string | number | string[] {
  const keys = new Set((q.values ?? []).map((v) => v.key));
  switch (q.datatype) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw invalidField(field, 'validation.type', { type: 'number' });
      return n;
    }
    case 'singlevaluelist': {
      const v = Array.isArray(raw) ? raw[0] : raw;
      if (typeof v !== 'string' || !keys.has(v)) throw invalidField(field, 'validation.enum');
      return v;
    }
    case 'multivaluelist': {
      const list = Array.isArray(raw) ? raw : [raw];
      if (!list.every((v): v is string => typeof v === 'string' && keys.has(v))) throw invalidField(field, 'validation.enum');
      return [...new Set(list)];
    }
    case 'datetime': {
      if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) throw invalidField(field, 'validation.format', { format: 'date-time' });
      return raw;
    }
    default: {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw invalidField(field, 'validation.type', { type: 'string' });
      const s = String(raw).trim();
      if (s.length > 1000) throw invalidField(field, 'validation.maxLength', { limit: 1000 });
      return s;
    }
  }
}
