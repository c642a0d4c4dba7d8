// Dossier code (mã hồ sơ, Thông tư 01/2018/TT-VPCP art. 19): <agency electronic id>-YYMMDD-XXXX.
import { sql, type Kysely } from 'kysely';
import type { LocalDate } from '../../platform/calendar/index.ts';

export function formatDossierCode(agencyEid: string, day: LocalDate, sequence: number): string {
  return `${agencyEid}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE = /^[A-Za-z0-9.-]+-\d{6}-\d{4,}$/;

type CounterTables = { dossier_code_counters: { agency_eid: string; day: string; last: number } };

/**
 * The next number of the day at an agency. The row lock taken by the upsert serialises
 * concurrent submissions, and a rolled-back submission releases its number with it, so
 * numbers are unique and gapless per agency and day. Call inside the submitting transaction.
 */
export async function nextSequence(trx: Kysely<object>, agencyEid: string, day: LocalDate): Promise<number> {
  const row = await trx
    .withTables<CounterTables>()
    .insertInto('dossier_code_counters')
    .values({ agency_eid: agencyEid, day, last: 1 })
    .onConflict((oc) => oc.columns(['agency_eid', 'day']).doUpdateSet({ last: sql`dossier_code_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}
