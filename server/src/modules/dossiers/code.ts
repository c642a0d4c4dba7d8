// Dossier code (mã hồ sơ, Thông tư 01/2018/TT-VPCP art. 19): <agency electronic id>-YYMMDD-XXXX.
import type { LocalDate } from '../../platform/calendar/index.ts';

export function formatDossierCode(agencyEid: string, day: LocalDate, sequence: number): string {
  return `${agencyEid}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE = /^[A-Za-z0-9.-]+-\d{6}-\d{4,}$/;
