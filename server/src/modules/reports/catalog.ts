// The report categories (lĩnh vực) in the database: seeded from the province pack once,
// then kept by administrators. Read often, changed rarely, so kept in memory.
import type { Category } from '@cds/contracts/reports';
import type { Kysely } from 'kysely';
import { invalidField } from '../../platform/errors.ts';
import type { ProvincePack } from '../../platform/pack.ts';
import { flattenCategories, type CategoryPack } from './categories.ts';
import * as repo from './repo.ts';

/** A category, with its sub-categories when it is a top-level one. */
export type CategoryView = Category & { children?: Category[] };

export class CategoryCatalog {
  private cache: Map<string, repo.CategoryRow> | undefined;

  constructor(private readonly db: Kysely<object>, private readonly pack: ProvincePack) {}

  /** Loads the pack's categories and templates once; later edits by admins are kept. */
  async seed(): Promise<void> {
    const pack = this.pack.readJson<CategoryPack>('report-categories.json');
    await this.db.transaction().execute((trx) => repo.seedCategories(trx, flattenCategories(pack), pack.templates ?? []));
    this.cache = undefined;
  }

  async map(): Promise<Map<string, repo.CategoryRow>> {
    if (!this.cache) this.cache = new Map((await repo.categories(this.db, true)).map((c) => [c.code, c]));
    return this.cache;
  }

  invalidate(): void {
    this.cache = undefined;
  }

  async name(code: string): Promise<string> {
    return (await this.map()).get(code)?.name ?? code;
  }

  view(c: repo.CategoryRow): CategoryView {
    return {
      code: c.code, parentCode: c.parent_code, name: c.name, nameEn: c.name_en, description: c.description, icon: c.icon,
      routing: c.routing, deadlineDays: c.deadline_days, questions: c.questions, keywords: c.keywords, active: c.active,
    };
  }

  /** Two levels: top categories with their children. */
  async tree(includeInactive = false): Promise<(CategoryView & { children: CategoryView[] })[]> {
    const all = [...(await this.map()).values()].filter((c) => includeInactive || c.active);
    const tops = all.filter((c) => !c.parent_code).sort((a, b) => a.sort - b.sort);
    return tops.map((top) => ({
      ...this.view(top),
      children: all.filter((c) => c.parent_code === top.code).sort((a, b) => a.sort - b.sort).map((c) => this.view(c)),
    }));
  }

  /** A leaf category a report may be filed under. */
  async fileable(code: string, field = 'categoryCode'): Promise<repo.CategoryRow> {
    const map = await this.map();
    const cat = map.get(code);
    if (!cat || !cat.active) throw invalidField(field, 'reports.category_unknown');
    if ([...map.values()].some((c) => c.parent_code === code && c.active)) throw invalidField(field, 'reports.category_pick_child');
    return cat;
  }
}
