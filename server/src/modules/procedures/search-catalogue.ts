// When the in-process search index (search-index.ts) is rebuilt. Built from the database
// on first use (and right after the seed), rebuilt when the catalogue changes:
// - in this process, at once after an admin's create or edit commits (read your own writes);
// - in every process, on the `procedure.*` events each one hears through EventBus.live
//   (LISTEN/NOTIFY);
// - as a safety net for a missed notification or a write that publishes no event (the pack
//   loaded by another process), a cheap version check (row count, last update) at most every
//   VERSION_CHECK_MS, in the background.
// Answers are also kept in a small cache that lives and dies with one index.
import type { SearchFilter } from './repo.ts';
import type { IndexRow, ProceduresRepo } from './repo.ts';
import { versionOf } from './repo.ts';
import { ProcedureIndex, type Ranked } from './search-index.ts';
import type { PreparedQuery } from './search.ts';

const VERSION_CHECK_MS = 30_000;
const CACHED_ANSWERS = 2_000;

type Built = { generation: number; index: ProcedureIndex<IndexRow>; version: string; answers: Map<string, Ranked<IndexRow>> };

function keeper(f: SearchFilter): ((r: IndexRow) => boolean) | undefined {
  if (!f.sector && !f.agency && !f.level && !f.tier && !f.lifeEvent && f.essential === undefined) return undefined;
  return (r) => (!f.sector || r.sector === f.sector) && (!f.agency || r.agency_code === f.agency) && (!f.level || r.level === f.level)
    && (!f.tier || r.tier === f.tier) && (!f.lifeEvent || r.life_events.includes(f.lifeEvent))
    && (f.essential === undefined || r.essential === f.essential);
}

export class SearchCatalogue {
  private generation = 0;
  private built: Built | undefined;
  private building: { generation: number; promise: Promise<Built> } | undefined;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly repo: ProceduresRepo,
    private readonly log: { error: (o: object, m: string) => void },
    private readonly now: () => number = Date.now,
  ) {}

  /** The catalogue changed: the next search uses an index built after this call (started now). */
  invalidate(): void {
    this.generation++;
    this.index().catch((err: unknown) => this.log.error({ err }, 'procedure search index: rebuild failed'));
  }

  async search(query: PreparedQuery | null, filter: SearchFilter, limit: number, offset: number): Promise<Ranked<IndexRow>> {
    const built = await this.index();
    this.checkVersion(built);
    const key = JSON.stringify([query?.text ?? null, query?.raw ?? null, filter.sector, filter.agency, filter.level, filter.tier,
      filter.lifeEvent, filter.essential, limit, offset]);
    const cached = built.answers.get(key);
    if (cached) return cached;
    const keep = keeper(filter);
    const answer = query ? built.index.search(query, limit, offset, keep) : built.index.list(limit, offset, keep);
    if (built.answers.size >= CACHED_ANSWERS) built.answers.delete(built.answers.keys().next().value!);
    built.answers.set(key, answer);
    return answer;
  }

  /** Waits for a rebuild in progress (so a closing database does not fail it). */
  async stop(): Promise<void> {
    await Promise.allSettled([this.building?.promise, this.checking]);
  }

  private index(): Promise<Built> {
    if (this.built && this.built.generation === this.generation) return Promise.resolve(this.built);
    if (this.building && this.building.generation === this.generation) return this.building.promise;
    const generation = this.generation;
    const promise = this.repo.searchIndexRows().then((rows) => {
      const last = rows.reduce<Date | null>((m, r) => (!m || new Date(r.updated_at) > m ? new Date(r.updated_at) : m), null);
      const built: Built = { generation, index: new ProcedureIndex(rows), version: versionOf(rows.length, last), answers: new Map() };
      if (!this.built || this.built.generation < generation) this.built = built;
      this.checkedAt = this.now();
      return built;
    }).finally(() => {
      if (this.building?.generation === generation) this.building = undefined;
    });
    this.building = { generation, promise };
    return promise;
  }

  private checkVersion(built: Built): void {
    if (this.checking || this.now() - this.checkedAt < VERSION_CHECK_MS) return;
    this.checkedAt = this.now();
    this.checking = this.repo.catalogueVersion().then((version) => {
      if (version !== built.version && built.generation === this.generation) this.invalidate();
    }).catch((err: unknown) => this.log.error({ err }, 'procedure search index: version check failed'))
      .finally(() => { this.checking = undefined; });
  }
}
