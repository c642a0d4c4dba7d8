// What the parts of the dossiers module share: the context index.ts builds once, and the
// few steps every part takes (locking a row against the transition table, loading the
// procedure, telling the applicant). Calls to other modules happen before a transaction
// opens, never inside it (PGlite has one connection).
import type { Kysely } from 'kysely';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import { detectFileType } from '../../platform/files.ts';
import { translate } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import type { PersonalIds } from './personal-ids.ts';
import type { DossierAccess } from './policy.ts';
import type { Ports, ProcedureInfo } from './ports.ts';
import * as repo from './repo.ts';
import { nextStatus, STATUS_NAMES, type Action, type Status } from './status.ts';
import { DEFAULT_STEPS, type Step } from './steps.ts';
import type { DossierViews } from './views.ts';

export interface DossiersContext {
  db: Kysely<object>;
  platform: Pick<Platform, 'calendar' | 'files' | 'audit' | 'events' | 'pack' | 'config'>;
  ports: Ports;
  access: DossierAccess;
  views: DossierViews;
  /** Seals and opens the personal ID numbers of application forms. */
  personalIds: PersonalIds;
}

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 20;
const ALLOWED = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const statusName = (status: number) => STATUS_NAMES.vi[status as Status] ?? String(status);

export function viDay(day: string): string {
  return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
}

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

/** An uploaded file's bytes, checked by size and by content (PDF, JPEG, PNG), or a 400 naming `field`. */
export function checkUpload(contentBase64: string, field: string): { bytes: Buffer; mime: string } {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw invalidField(field, 'dossiers.file_empty');
  if (bytes.length > MAX_FILE_BYTES) throw invalidField(field, 'dossiers.file_too_large', { mb: MAX_FILE_BYTES / 1024 / 1024 });
  const mime = detectFileType(bytes);
  if (!mime || !ALLOWED.has(mime)) throw invalidField(field, 'dossiers.file_type');
  return { bytes, mime };
}

export async function loadProcedure(c: DossiersContext, id: string): Promise<ProcedureInfo> {
  const procedure = await c.ports.procedures.getProcedure(id);
  if (!procedure) throw invalidField('procedureId', 'dossiers.procedure_not_found');
  return procedure;
}

/** The procedure's own steps (an override) or the default ones. */
export async function stepsFor(c: DossiersContext, procedureId: string): Promise<Step[]> {
  return (await repo.procedureSteps(c.db, procedureId)) ?? DEFAULT_STEPS;
}

/** Locks the row and checks the transition table; throws 409 when the action is not allowed now. */
export async function lockIn(trx: Kysely<object>, id: string, action: Action): Promise<repo.DossierRow> {
  const d = await repo.byId(trx, id, true);
  if (!d) throw notFound('dossiers.not_found');
  if (nextStatus(action, d.status as Status, d.resume_status as Status | null) === null) throw conflict('dossiers.bad_transition', { status: statusName(d.status) });
  return d;
}

export async function notifyApplicant(c: DossiersContext, trx: Kysely<object>, d: repo.DossierRow, body: string, action: string): Promise<void> {
  // a deleted account's dossier has nobody to tell
  if (!d.applicant_user_id) return;
  await c.ports.notifier?.notify({
    userId: d.applicant_user_id, kind: 'dossier', title: translate('vi', 'dossiers.notify.title', { code: d.code ?? '', status: statusName(d.status) }),
    body, link: `/dossiers/${d.id}`, dedupeKey: `dossier:${d.id}:${action}:${Date.now()}`,
  }, trx);
}
