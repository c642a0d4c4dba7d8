// What deleting an account does to dossiers. A submitted dossier is an administrative
// record (hồ sơ thủ tục hành chính) the agency must keep, so it stays, unlinked from the
// account and listed on the receipt with its legal basis; a draft was never filed and goes.
import type { Kysely } from 'kysely';
import type { FileStore } from '../../platform/files.ts';
import type { PersonalDataPlan } from '../identity/index.ts';
import * as repo from './repo.ts';

export async function describePersonalData(db: Kysely<object>, userId: string): Promise<PersonalDataPlan> {
  const rows = await repo.ofApplicant(db, userId);
  const drafts = rows.filter((d) => d.status === 0).length;
  return {
    erased: drafts ? [{ key: 'dossiers.erased.drafts', params: { count: drafts } }] : [],
    kept: rows.filter((d) => d.status !== 0 && d.code).map((d) => ({
      reference: d.code ?? '',
      kept: { key: 'dossiers.kept.record', params: { procedure: d.procedure_name } },
      basis: { key: 'dossiers.kept.basis' },
    })),
  };
}

/** The `identity.user_anonymised` handler; safe to run twice (the outbox retries). */
export async function erasePersonalData(db: Kysely<object>, files: FileStore, userId: string): Promise<void> {
  const orphans = await db.transaction().execute((trx) => repo.eraseApplicant(trx, userId));
  for (const id of orphans) await files.delete(id);
}
