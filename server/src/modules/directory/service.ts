// The directory's rules: an agency's details as the areas module knows it, completed by the
// directory's own entry; "open now" in Vietnam time against the working-days calendar; "near
// me" by distance; hotlines and welfare benefits from the province pack.
import {
  distanceMetres, foldVietnamese, HOTLINE_KINDS, openingHoursProblems, openStatus, suggestBenefits,
  type DayInfo, type OpeningHours, type WelfareBenefitKey,
} from '@cds/contracts';
import type { DirectoryEntry, DirectoryEntryPatch, DirectoryItem, DirectoryQuery, Hotline, WelfareAnswers, WelfareBenefit } from '@cds/contracts/directory';
import type { Principal } from '../../platform/auth.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy } from '../../platform/policy.ts';
import type { Agency, AreasApi } from '../areas/index.ts';
import type { ProceduresApi } from '../procedures/index.ts';
import { entryRules } from './policy.ts';
import * as repo from './repo.ts';

interface PackEntry { agencyCode: string; address?: string | null; phone?: string | null; email?: string | null; website?: string | null; counter?: string | null; lat?: number | null; lon?: number | null }
interface DirectoryFile { defaultHours: OpeningHours; entries: PackEntry[] }
interface HotlineFile { hotlines: Hotline[] }
interface WelfareFile { benefits: (Omit<WelfareBenefit, 'procedures'> & { procedureCodes: string[] })[] }

/** How many procedures an agency page lists (the total says how many more there are). */
const PROCEDURES_SHOWN = 30;

export class DirectoryService {
  private readonly policy;
  private readonly directoryFile: DirectoryFile;

  constructor(private readonly platform: Platform, private readonly areas: AreasApi, private readonly procedures: ProceduresApi) {
    this.policy = bindPolicy(entryRules, areas, 'directory.forbidden');
    this.directoryFile = platform.pack.readJson<DirectoryFile>('directory.json');
  }

  /** What the calendar says about a Vietnam day: a public holiday, or a weekend worked in compensation. */
  dayInfo = (day: string): DayInfo => {
    const cal = this.platform.calendar;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return { holiday: cal.holidayName(day) ?? null, workingWeekend: (weekday === 0 || weekday === 6) && cal.isWorkingDay(day) };
  };

  /** Writes the pack's details for every agency no staff member has edited yet. */
  async seed(): Promise<void> {
    const file = this.directoryFile;
    const byCode = new Map(file.entries.map((e) => [e.agencyCode, e]));
    const agencies = await this.areas.listAgencies({});
    const rows: repo.NewEntry[] = agencies.map((a) => {
      const e = byCode.get(a.code);
      return {
        agency_id: a.id, address: e?.address ?? null, phone: e?.phone ?? null, email: e?.email ?? null, website: e?.website ?? null,
        counter: e?.counter ?? null, note: null, lat: e?.lat ?? null, lon: e?.lon ?? null, hours: JSON.stringify(file.defaultHours), updated_by: null,
      };
    });
    await repo.upsertFromPack(this.platform.db.kysely, rows);
  }

  async list(query: DirectoryQuery, now = new Date()): Promise<{ items: DirectoryItem[]; total: number }> {
    if ((query.lat === undefined) !== (query.lon === undefined)) throw invalidField(query.lat === undefined ? 'lat' : 'lon', 'directory.near.both');
    const [agencies, entries] = await Promise.all([this.areas.listAgencies({ kind: query.kind }), repo.allEntries(this.platform.db.kysely)]);
    const byAgency = new Map(entries.map((e) => [e.agency_id, e]));
    const words = query.q ? foldVietnamese(query.q).split(' ').filter(Boolean) : [];
    const here = query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : null;
    let items = agencies
      .map((a) => this.item(a, byAgency.get(a.id), now, here))
      .filter((i) => {
        // each typed word starts a word of the name or address ("an" finds "Công an", not "Lạng")
        const text = ` ${foldVietnamese(`${i.name} ${i.shortName} ${i.address ?? ''} ${i.areaName ?? ''}`)}`;
        return words.every((w) => text.includes(` ${w}`));
      });
    if (query.openNow) items = items.filter((i) => i.openNow.open);
    // near me: the nearest first, agencies without a map point last
    if (here) items.sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
    return { items: items.slice(0, query.limit ?? 50), total: items.length };
  }

  async get(principal: Principal | null, agencyId: string, now = new Date()): Promise<DirectoryEntry> {
    const agency = await this.areas.getAgency(agencyId);
    if (!agency) throw notFound('directory.agency.not_found');
    const entry = await repo.entryOf(this.platform.db.kysely, agencyId);
    // a People's Committee handles the commune-tier procedures; other agencies those named for them
    const filter = agency.kind === 'commune_committee' ? { tier: 'commune' as const } : { agency: agency.code };
    const handled = await this.procedures.listProcedures({ ...filter, limit: PROCEDURES_SHOWN });
    return {
      ...this.item(agency, entry, now, null),
      email: entry?.email ?? agency.email,
      website: entry?.website ?? null,
      counter: entry?.counter ?? null,
      note: entry?.note ?? null,
      hours: entry?.hours ?? this.directoryFile.defaultHours,
      procedures: handled.items,
      proceduresTotal: handled.total,
      updatedAt: entry?.updated_by ? entry.updated_at.toISOString() : null,
      editable: principal !== null && this.policy.can(principal, 'edit', { agencyId }),
    };
  }

  /** Agency staff update their own agency's entry; audited with the fields changed. */
  async update(principal: Principal, agencyId: string, patch: DirectoryEntryPatch, ip: string | undefined): Promise<DirectoryEntry> {
    const agency = await this.areas.getAgency(agencyId);
    if (!agency) throw notFound('directory.agency.not_found');
    this.policy.authorize(principal, 'edit', { agencyId });
    if (patch.hours) {
      const problems = openingHoursProblems(patch.hours);
      if (problems.length > 0) throw invalidField(`hours.${problems[0]}`, 'directory.hours.invalid');
    }
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      const before = await repo.entryOf(trx, agencyId, true);
      const next = {
        address: before?.address ?? agency.address, phone: before?.phone ?? agency.phone, email: before?.email ?? agency.email,
        website: before?.website ?? null, counter: before?.counter ?? null, note: before?.note ?? null,
        lat: before?.lat ?? null, lon: before?.lon ?? null, hours: before?.hours ?? this.directoryFile.defaultHours,
      };
      const { hours, ...fields } = patch;
      const changed = Object.keys(patch);
      Object.assign(next, fields, hours ? { hours } : {});
      if ((next.lat === null) !== (next.lon === null)) throw invalidField(next.lat === null ? 'lat' : 'lon', 'directory.location.both');
      await repo.saveEdited(trx, { agency_id: agencyId, ...next, hours: JSON.stringify(next.hours), updated_by: principal.userId });
      await this.platform.audit.record({
        actorUserId: principal.userId, action: 'directory.entry_updated', subjectType: 'agency', subjectId: agencyId, ip,
        details: { fields: changed },
      }, trx);
    });
    return this.get(principal, agencyId);
  }

  private item(a: Agency, e: repo.EntryRow | undefined, now: Date, here: { lat: number; lon: number } | null): DirectoryItem {
    const lat = e?.lat ?? null;
    const lon = e?.lon ?? null;
    return {
      id: a.id, code: a.code, name: a.name, shortName: a.shortName, kind: a.kind, areaCode: a.areaCode, areaName: a.areaName,
      address: e?.address ?? a.address, phone: e?.phone ?? a.phone, lat, lon,
      openNow: openStatus(e?.hours ?? this.directoryFile.defaultHours, now, this.dayInfo),
      distanceM: here && lat !== null && lon !== null ? Math.round(distanceMetres(here, { lat, lon })) : null,
    };
  }

  /** Hotlines, most urgent first; the citizen hotline's number is the pack's. */
  hotlines(): Hotline[] {
    const list = this.platform.pack.readJson<HotlineFile>('hotlines.json').hotlines
      .map((h) => (h.kind === 'citizen' ? { ...h, number: this.platform.pack.hotline } : h));
    return list.sort((a, b) => HOTLINE_KINDS.indexOf(a.kind) - HOTLINE_KINDS.indexOf(b.kind));
  }

  async welfare(): Promise<WelfareBenefit[]> {
    const file = this.platform.pack.readJson<WelfareFile>('welfare.json');
    return Promise.all(file.benefits.map(async ({ procedureCodes, ...b }) => {
      const found = await Promise.all(procedureCodes.map((code) => this.procedures.getProcedure(code)));
      return { ...b, procedures: found.flatMap((p) => (p ? [{ id: p.id, code: p.code, name: p.name }] : [])) };
    }));
  }

  async benefit(key: WelfareBenefitKey): Promise<WelfareBenefit> {
    const found = (await this.welfare()).find((b) => b.key === key);
    if (!found) throw notFound('directory.welfare.not_found');
    return found;
  }

  /** Guidance only: benefits worth asking the commune about, in the order of the list. */
  async check(answers: WelfareAnswers): Promise<{ guidanceOnly: true; benefits: WelfareBenefit[] }> {
    const keys = new Set(suggestBenefits(answers));
    return { guidanceOnly: true, benefits: (await this.welfare()).filter((b) => keys.has(b.key)) };
  }
}
