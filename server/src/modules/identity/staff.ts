// What staff see of citizens: one profile at a time within their area (every read is
// audited), the account list for system administrators, and counts for leaders.
import { foldVietnamese } from '@cds/contracts';
import type { AdminUser as UserListItem } from '@cds/contracts/identity';
import type { Principal } from '../../platform/auth.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy, type Policy } from '../../platform/policy.ts';
import { citizenRules } from './policy.ts';
import type { ProfileService, UserView } from './profile.ts';
import type { IdentityRepo } from './repo.ts';
import { rolesOf } from './sessions.ts';
import type { AreasPort, RequestMeta } from './types.ts';
import { vietnamDay, vietnamDayStart } from '@cds/contracts';

export type { UserListItem };

/** Names match without diacritics; a phone number matches however it is spaced or prefixed. */
export function searchTerm(q: string): string {
  const raw = q.trim();
  if (!/^[+\d\s.\-()]+$/.test(raw)) return foldVietnamese(raw);
  const digits = raw.replace(/\D/g, '');
  return raw.startsWith('+84') ? `0${digits.slice(2)}` : digits;
}

export class StaffService {
  private readonly policy: Policy<{ areaCode: string | null }, 'read'>;

  constructor(
    private readonly platform: Platform,
    private readonly repo: IdentityRepo,
    private readonly profile: ProfileService,
    private readonly areas: AreasPort,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.policy = bindPolicy(citizenRules, areas);
  }

  async readCitizen(principal: Principal, citizenId: string, meta: RequestMeta): Promise<UserView> {
    const user = await this.repo.findUser(citizenId);
    if (!user || user.status === 'anonymised') throw notFound('identity.user_not_found');
    const entry = { actorUserId: principal.userId, subjectType: 'user', subjectId: user.id, ip: meta.ip ?? undefined };
    if (!this.policy.can(principal, 'read', { areaCode: user.commune_code })) {
      await this.platform.audit.record({ ...entry, action: 'citizen.read_denied' });
      throw forbidden('identity.citizen_out_of_scope');
    }
    await this.platform.audit.record({ ...entry, action: 'citizen.read', details: { communeCode: user.commune_code } });
    return this.profile.toView(user);
  }

  async listUsers(filter: { q?: string; limit: number; offset: number }): Promise<{ items: UserListItem[]; total: number }> {
    const q = filter.q ? searchTerm(filter.q) : '';
    const { rows, total } = await this.repo.listUsers({ q: q || undefined, limit: filter.limit, offset: filter.offset });
    const items = await Promise.all(rows.map(async (u) => ({
      id: u.id,
      phone: u.phone,
      fullName: u.full_name,
      communeCode: u.commune_code,
      status: u.status,
      createdAt: u.created_at.toISOString(),
      roles: rolesOf(await this.areas.membershipsOf(u.id)),
    })));
    return { items, total };
  }

  async citizensByCommune(scope: string | null): Promise<{ communeCode: string; count: number }[]> {
    // staff hold accounts too, but a leader asking "how many citizens" means the others
    const rows = await this.repo.activeUserCountsByCommune(await this.areas.staffUserIds());
    return rows
      .filter((r) => this.areas.isWithin(r.commune_code, scope))
      .map((r) => ({ communeCode: r.commune_code, count: r.n }))
      .sort((a, b) => a.communeCode.localeCompare(b.communeCode));
  }

  /** One entry per Vietnam calendar day, oldest first, including days without sign-ups. */
  async signupsPerDay(scope: string | null, days: number): Promise<{ date: string; count: number }[]> {
    const span = Math.max(1, Math.min(Math.floor(days), 366));
    const todayStart = vietnamDayStart(vietnamDay(this.now())).getTime();
    const since = new Date(todayStart - (span - 1) * 86400e3);
    const counts = new Map<string, number>();
    for (const r of await this.repo.signupsByDay(since, await this.areas.staffUserIds())) {
      const inScope = scope === null || (r.commune_code !== null && this.areas.isWithin(r.commune_code, scope));
      if (inScope) counts.set(r.day, (counts.get(r.day) ?? 0) + r.n);
    }
    return Array.from({ length: span }, (_, i) => {
      const date = vietnamDay(new Date(since.getTime() + i * 86400e3));
      return { date, count: counts.get(date) ?? 0 };
    });
  }
}
