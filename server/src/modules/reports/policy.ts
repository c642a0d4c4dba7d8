// Who may see and act on which report: officers and agency heads only on reports of
// their agency within their area; leaders read everything in their area; sysadmins all.
import type { Principal } from '../../platform/auth.ts';
import { forbidden } from '../../platform/errors.ts';
import type { ReportRecord, Scope } from './repo.ts';

const HANDLERS = ['officer', 'agency_admin'] as const;

export function areaContains(areaCode: string | null, report: Pick<ReportRecord, 'province_code' | 'commune_code'>): boolean {
  return areaCode === null || areaCode === report.province_code || areaCode === report.commune_code;
}

export function isSysadmin(p: Principal | null): boolean {
  return !!p?.roles.includes('sysadmin');
}

export function isStaff(p: Principal | null): boolean {
  return !!p && (isSysadmin(p) || p.memberships.some((m) => ['officer', 'agency_admin', 'leader'].includes(m.role)));
}

/** May handle (accept, assign, answer…) this report. */
export function canHandle(p: Principal, report: Pick<ReportRecord, 'agency_id' | 'province_code' | 'commune_code'>): boolean {
  if (isSysadmin(p)) return true;
  return p.memberships.some((m) => (HANDLERS as readonly string[]).includes(m.role) && m.agencyId === report.agency_id && areaContains(m.areaCode, report));
}

/** May see the staff view (with the reporter's identity and internal notes). */
export function canReadAsStaff(p: Principal, report: Pick<ReportRecord, 'agency_id' | 'province_code' | 'commune_code'>): boolean {
  return canHandle(p, report) || p.memberships.some((m) => m.role === 'leader' && areaContains(m.areaCode, report));
}

/** Heads of the agency: transfer, merge, moderate, edit templates. */
export function canManage(p: Principal, report: Pick<ReportRecord, 'agency_id' | 'province_code' | 'commune_code'>): boolean {
  if (isSysadmin(p)) return true;
  return p.memberships.some((m) => m.role === 'agency_admin' && m.agencyId === report.agency_id && areaContains(m.areaCode, report));
}

export function assertHandle(p: Principal, report: ReportRecord): void {
  if (!canHandle(p, report)) throw forbidden('reports.not_your_agency');
}

export function assertReadAsStaff(p: Principal, report: ReportRecord): void {
  if (!canReadAsStaff(p, report)) throw forbidden('reports.not_your_agency');
}

export function staffScope(p: Principal): Scope {
  if (isSysadmin(p)) return { all: true, agencyAreas: [], areas: [] };
  return {
    all: false,
    agencyAreas: p.memberships.filter((m) => (HANDLERS as readonly string[]).includes(m.role) && m.agencyId).map((m) => ({ agencyId: m.agencyId!, areaCode: m.areaCode })),
    areas: p.memberships.filter((m) => m.role === 'leader' && m.areaCode).map((m) => m.areaCode!),
  };
}

export function assertStaff(p: Principal): void {
  if (!isStaff(p)) throw forbidden();
}

/** Categories, templates and workflow labels are province settings. */
export function assertAdmin(p: Principal): void {
  if (!isSysadmin(p)) throw forbidden();
}

export function isReporter(p: Principal | null, report: Pick<ReportRecord, 'reporter_id'>): boolean {
  return !!p && report.reporter_id === p.userId;
}
