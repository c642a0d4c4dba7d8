// Leaders' dashboard figures. Counts come from the identity module's aggregates; names and
// the list of communes from the areas module, so every commune shows, even at zero.
import type { CitizensReply as CitizenFigures, WorkReply } from '@cds/contracts/dashboard';
import type { Principal } from '../../platform/auth.ts';
import type { AreasApi } from '../areas/index.ts';
import { dashboardArea } from './policy.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';

/** The part of the identity module's API the dashboard reads. */
export interface CitizenCounts {
  citizensByCommune(scope: string | null): Promise<{ communeCode: string; count: number }[]>;
  signupsPerDay(scope: string | null, days: number): Promise<{ date: string; count: number }[]>;
}

/** The part of the reports module's API the dashboard reads. */
export interface ReportFigures {
  workStats(): Promise<{ agency_id: string; commune_code: string; open: number; overdue: number; resolved: number; on_time: number; rated: number; rating_sum: number }[]>;
  weeklyTrend(since: string): Promise<{ week: string; commune_code: string; received: number; resolved: number }[]>;
  agencyName(id: string): Promise<string>;
}

export type { CitizenFigures };

export const TREND_WEEKS = 12;
type Counts = { open: number; overdue: number; resolved: number; onTime: number };
const zero = (): Counts => ({ open: 0, overdue: 0, resolved: 0, onTime: 0 });

/** The Monday (yyyy-MM-dd) of the week `weeksBack` weeks before the one containing `day`. */
export function mondayBefore(day: string, weeksBack: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - (sinceMonday + 7 * weeksBack) * 86400e3).toISOString().slice(0, 10);
}

export const SIGNUP_DAYS = 30;

export class DashboardService {
  constructor(private readonly areas: AreasApi, private readonly identity: CitizenCounts, private readonly defaultProvince: string, private readonly reports: ReportFigures) {}

  async work(principal: Principal, requestedArea: string | undefined, today = toLocalDate(new Date())): Promise<WorkReply> {
    const area = dashboardArea(principal, requestedArea, this.defaultProvince, this.areas);
    const rows = (await this.reports.workStats()).filter((r) => this.areas.isWithin(r.commune_code, area));
    const total = zero();
    let rated = 0;
    let ratingSum = 0;
    const byAgency = new Map<string, Counts>();
    const byCommune = new Map<string, Counts>();
    for (const r of rows) {
      const add = (c: Counts) => {
        c.open += r.open;
        c.overdue += r.overdue;
        c.resolved += r.resolved;
        c.onTime += r.on_time;
      };
      add(total);
      if (!byAgency.has(r.agency_id)) byAgency.set(r.agency_id, zero());
      add(byAgency.get(r.agency_id)!);
      if (!byCommune.has(r.commune_code)) byCommune.set(r.commune_code, zero());
      add(byCommune.get(r.commune_code)!);
      rated += r.rated;
      ratingSum += r.rating_sum;
    }
    const since = mondayBefore(today, TREND_WEEKS - 1);
    const weeks = new Map(Array.from({ length: TREND_WEEKS }, (_, i) => [mondayBefore(today, TREND_WEEKS - 1 - i), { received: 0, resolved: 0 }]));
    for (const w of await this.reports.weeklyTrend(since)) {
      const slot = weeks.get(w.week);
      if (!slot || !this.areas.isWithin(w.commune_code, area)) continue;
      slot.received += w.received;
      slot.resolved += w.resolved;
    }
    const agencies = await Promise.all([...byAgency].map(async ([id, c]) => ({ id, name: await this.reports.agencyName(id), ...c })));
    return {
      area: { code: area, name: this.areas.areaName(area) ?? area },
      reports: { ...total, onTimeRate: total.resolved ? total.onTime / total.resolved : null, satisfaction: rated ? ratingSum / rated : null, rated },
      // the busiest first: where the open and overdue work is
      byAgency: agencies.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'vi')),
      byCommune: this.areas.communesIn(area).map((c) => ({ code: c.code, name: c.name, ...(byCommune.get(c.code) ?? zero()) }))
        .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'vi')),
      trend: [...weeks].map(([week, v]) => ({ week, ...v })),
    };
  }

  async citizens(principal: Principal, requestedArea: string | undefined): Promise<CitizenFigures> {
    const area = dashboardArea(principal, requestedArea, this.defaultProvince, this.areas);
    const [counts, signups] = await Promise.all([
      this.identity.citizensByCommune(area),
      this.identity.signupsPerDay(area, SIGNUP_DAYS),
    ]);
    const byCode = new Map(counts.map((c) => [c.communeCode, c.count]));
    const byCommune = this.areas.communesIn(area).map((c) => ({ code: c.code, name: c.name, count: byCode.get(c.code) ?? 0 }));
    return {
      area: { code: area, name: this.areas.areaName(area) ?? area },
      total: byCommune.reduce((sum, c) => sum + c.count, 0),
      byCommune,
      signupsPerDay: signups,
    };
  }
}
