// Import runs (lần nhập): each upload a land officer sends is recorded while the server reads
// it, so the import page can show how far it is, from whichever API process answers
// (WEB_CONCURRENCY), and find it again after a reload. Counts are written per batch.
import type { ImportReply, ImportRun, ImportRunsReply, ImportRunSummary } from '@cds/contracts/land';
import type { Principal } from '../../platform/auth.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { bindPolicy, type Policy } from '../../platform/policy.ts';
import type { ImportCounts } from './import.ts';
import { importRunRules, type RunSubject } from './policy.ts';
import * as repo from './repo.ts';

/** A run with no batch written for this long died with its process (a batch takes seconds). */
export const STALLED_AFTER_MS = 10 * 60_000;
/** Rejections kept with a finished run: the counts are whole, the list is for a first look. */
const REPORT_REJECTIONS = 100;
const RECENT_RUNS = 10;
const FILE_NAME_MAX = 200;

/** What the importer calls back while a run is going, and how the run ends. */
export interface RunRecorder {
  onBatch(counts: ImportCounts): Promise<void>;
  done(report: ImportReply): Promise<void>;
  failed(err: unknown): Promise<void>;
}

export class ImportRuns {
  private readonly policy: Policy<RunSubject, 'follow'>;

  constructor(private readonly db: repo.Db) {
    this.policy = bindPolicy(importRunRules);
  }

  /** Refuses an id already used before the upload is spooled, so a clash costs no upload. */
  async assertFree(id: string): Promise<void> {
    if (await repo.importRunExists(this.db, id)) throw conflict('land.import_run.taken');
  }

  /** Records a run as reading; the recorder writes its counts and its end. */
  async start(principal: Principal, run: { id: string; kind: 'parcels' | 'zones'; fileName: string }): Promise<RunRecorder> {
    const fileName = run.fileName.trim().slice(0, FILE_NAME_MAX) || 'upload';
    if (!(await repo.insertImportRun(this.db, { id: run.id, startedBy: principal.userId, kind: run.kind, fileName }))) throw conflict('land.import_run.taken');
    let last: ImportCounts = { read: 0, inserted: 0, updated: 0, rejected: 0 };
    return {
      onBatch: async (counts) => {
        last = counts;
        await repo.updateImportRunCounts(this.db, run.id, counts);
      },
      done: (report) => repo.finishImportRun(this.db, run.id, {
        state: 'done',
        counts: last,
        report: { ...report, rejected: report.rejected.slice(0, REPORT_REJECTIONS) },
      }),
      failed: (err) => repo.finishImportRun(this.db, run.id, { state: 'failed', ...failureOf(err) }),
    };
  }

  /** One run, for whoever started it; anyone else is told there is none. */
  async get(principal: Principal, id: string, locale: Locale): Promise<ImportRun> {
    const row = await repo.importRun(this.db, id);
    if (!row || !this.policy.can(principal, 'follow', { startedBy: row.started_by })) throw notFound('land.import_run.not_found');
    return { ...this.summaryOf(row, locale), report: row.state === 'done' ? row.report : null };
  }

  /** The caller's latest runs, newest first: the page finds a run still reading after a reload. */
  async recent(principal: Principal, locale: Locale): Promise<ImportRunsReply> {
    const rows = await repo.importRunsBy(this.db, principal.userId, RECENT_RUNS);
    return { items: rows.map((r) => this.summaryOf(r, locale)) };
  }

  private summaryOf(row: Omit<repo.ImportRunRow, 'report'>, locale: Locale): ImportRunSummary {
    const stalled = row.state === 'reading' && Date.now() - row.updated_at.getTime() > STALLED_AFTER_MS;
    const failure = stalled ? { code: 'land.import_run.stalled', params: {} } : row.failure_code ? { code: row.failure_code, params: row.failure_params ?? {} } : null;
    return {
      id: row.id,
      kind: row.kind,
      fileName: row.file_name,
      state: stalled ? 'failed' : row.state,
      read: row.read,
      inserted: row.inserted,
      updated: row.updated,
      rejected: row.rejected,
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      failure: failure && translate(locale, failure.code, failure.params),
    };
  }
}

/** Why an import stopped, as a message key and its values: a field's problem for a validation error. */
function failureOf(err: unknown): { failureCode: string; failureParams: Record<string, string | number> } {
  if (!(err instanceof AppError)) return { failureCode: 'internal', failureParams: {} };
  const first = Array.isArray(err.details) ? (err.details[0] as { message: string; params?: Record<string, string | number> } | undefined) : undefined;
  if (err.code === 'validation' && first) return { failureCode: first.message, failureParams: first.params ?? {} };
  return { failureCode: err.code, failureParams: err.params };
}
