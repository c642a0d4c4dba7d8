// Leaders' dashboard figures. Counts come from the identity module's aggregates; names and
// the list of communes from the areas module, so every commune shows, even at zero.
import type { CitizensReply as CitizenFigures } from '@cds/contracts/dashboard';
import type { Principal } from '../../platform/auth.ts';
import type { AreasApi } from '../areas/index.ts';
import { dashboardArea } from './policy.ts';

/** The part of the identity module's API the dashboard reads. */
export interface CitizenCounts {
  citizensByCommune(scope: string | null): Promise<{ communeCode: string; count: number }[]>;
  signupsPerDay(scope: string | null, days: number): Promise<{ date: string; count: number }[]>;
}

export type { CitizenFigures };

export const SIGNUP_DAYS = 30;

export class DashboardService {
  constructor(private readonly areas: AreasApi, private readonly identity: CitizenCounts, private readonly defaultProvince: string) {}

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
