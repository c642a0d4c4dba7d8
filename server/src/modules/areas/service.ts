// Rules and workflows of the areas module: administrative units, locating a point,
// agencies, and staff memberships (who acts for which agency in which area).
import { foldVietnamese as fold } from '@cds/contracts';
import type { Agency, BoundaryCollection, LocateReply as LocateResult, Membership as MembershipView, PlaceReply } from '@cds/contracts/areas';
import fs from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import type { StaffRole } from '@cds/contracts';
import type { Membership } from '../../platform/auth.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { Platform } from '../../platform/module.ts';
import type { AdminUnits, Commune, CommuneType } from './admin-units.ts';
import { loadPackMap } from './basemap.ts';
import { demoTilingPlan, fillSyntheticBoundaries } from './boundaries.ts';
import { areasSettings } from './settings.ts';
import { checkGrant, type GrantRequest } from './policy.ts';
import { AreasRepo, rowsDigest, unitsDigests, upsertUnits, type AgencyKind, type AgencyRow, type MembershipRow, type PackAgency } from './repo.ts';

export type CommuneInfo = { code: string; name: string; type: CommuneType; provinceCode: string };

export type { LocateResult, Agency };

export type AgencyFilter = { area?: string; kind?: AgencyKind; q?: string };

export type { MembershipView, BoundaryCollection };

/** A demo staff role: the person (by phone) acts as `role` for the agency with `agencyCode` within `areaCode`. */
export type DemoMembership = { phone: string; role: StaffRole; agencyCode: string | null; areaCode: string | null };
/** The account ids of these phone numbers (those that have one). */
export type FindUserIds = (phones: readonly string[]) => Promise<ReadonlyMap<string, string>>;
type DemoStaffFile = { memberships: DemoMembership[] };

/** Folds Vietnamese text for search (the shared rule): no diacritics, đ → d, lower case, words. */
export { fold };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pgCode = (err: unknown): string | undefined => (err as { code?: unknown })?.code as string | undefined;

/** How often the set of staff users is read again, in case a notification was missed. */
const STAFF_HINT_MS = 60_000;

/**
 * Boundary tiles kept in memory: boundaries change only when a map is imported, and cutting
 * commune outlines to a tile is most of what a map tile costs. Bounded by bytes (a tile over
 * the city at zoom 10 is tens of kilobytes); forgotten after a while anyway, since another
 * process (the import command) may have replaced the boundaries.
 */
const BOUNDARY_TILE_CACHE = { maxSize: 32 * 1024 * 1024, ttl: 10 * 60_000 };

export class AreasService {
  readonly repo: AreasRepo;
  private readonly tiles: LRUCache<string, Buffer, { z: number; x: number; y: number }>;

  constructor(private readonly platform: Platform, readonly units: AdminUnits) {
    this.repo = new AreasRepo(platform.db);
    this.tiles = new LRUCache({
      ...BOUNDARY_TILE_CACHE,
      // an empty tile (far from the province) still takes a place
      sizeCalculation: (tile) => tile.length + 64,
      fetchMethod: (_key, _stale, { context: { z, x, y } }) => this.repo.boundaryTile(z, x, y),
    });
  }

  // ------------------------------------------------------------ seeding

  async seed(demo: boolean): Promise<void> {
    // the pack's real boundaries first, so the synthetic tiling only fills what they leave
    if (areasSettings.of(this.platform.config).packMap) await this.loadPackMap();
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      // a restart finds the tables as the seed would write them: one query instead of upserting
      // some 3,300 communes and the agencies
      const stored = await unitsDigests(trx);
      const { provinces, communes } = this.units;
      if (stored.provinces !== rowsDigest(provinces.map((p) => [p.code, p.name]))
        || stored.communes !== rowsDigest(communes.map((c) => [c.code, c.name, c.type, c.provinceCode]))) {
        await upsertUnits(trx, provinces, communes);
      }
      const agencies = this.packAgencies();
      if (stored.agencies !== rowsDigest(agencies.map((a) => [a.code, a.name, a.shortName, a.kind, a.areaCode, a.address, a.phone, a.email, a.electronicId, a.parentCode]))) {
        await this.repo.upsertAgencies(trx, agencies);
      }
      if (demo) await this.fillSynthetic(trx);
    });
    this.tiles.clear();
  }

  private packFile<T>(name: string): T | undefined {
    return fs.existsSync(path.join(this.platform.pack.dir, name)) ? this.platform.pack.readJson<T>(name) : undefined;
  }

  /** The pack's agencies plus a People's Committee for every commune of the province the pack leaves out. */
  packAgencies(): PackAgency[] {
    const listed = this.packFile<{ agencies: PackAgency[] }>('agencies.json')?.agencies ?? [];
    for (const a of listed) this.checkPackAgency(a, listed);
    const covered = new Set(listed.filter((a) => a.kind === 'commune_committee').map((a) => a.areaCode));
    const parent = listed.find((a) => a.kind === 'province_committee')?.code ?? null;
    const generated = this.units.communesOf(this.platform.pack.provinceCode).filter((c) => !covered.has(c.code))
      .map((c): PackAgency => ({
        code: `UBND-${c.code}`, name: `Ủy ban nhân dân ${c.name}`, shortName: `UBND ${c.name}`, kind: 'commune_committee',
        parentCode: parent, areaCode: c.code, address: null, phone: null, email: null, electronicId: null,
      }));
    return [...listed, ...generated];
  }

  private checkPackAgency(a: PackAgency, all: PackAgency[]): void {
    const where = `packs/${this.platform.pack.id}/agencies.json: agency ${a.code}`;
    if (!this.units.isArea(a.areaCode)) throw new Error(`${where} has unknown areaCode ${a.areaCode}`);
    if (a.parentCode && !all.some((p) => p.code === a.parentCode)) throw new Error(`${where} has unknown parentCode ${a.parentCode}`);
  }

  /** The pack's real commune boundaries, province outline and national border (once). */
  private async loadPackMap(): Promise<void> {
    const report = await loadPackMap(this.platform.db.kysely, this.units, this.platform.pack);
    if (report.boundaries) this.platform.log.info({ imported: report.boundaries.imported, invalid: report.boundaries.invalid.length }, 'commune boundaries loaded from the province pack');
    if (report.basemapRows) this.platform.log.info({ rows: report.basemapRows }, 'province outline and national border loaded from the province pack');
  }

  /** Where a point is, in words: its commune and the nearest named place within 3 km. */
  async describePlace(lat: number, lon: number): Promise<PlaceReply | null> {
    const located = await this.locate(lat, lon);
    if (!located) return null;
    const near = await this.repo.nearestPlace(lat, lon, 3000);
    return { ...located, near: near ?? null };
  }

  /** Demo mode: synthetic polygons for the pack province's communes that have no boundary. */
  private async fillSynthetic(trx: Parameters<typeof fillSyntheticBoundaries>[0]): Promise<void> {
    const plan = demoTilingPlan(this.platform.pack);
    if (!plan) return;
    const written = await fillSyntheticBoundaries(trx, this.units, plan.provinceCode, plan.bbox, plan.centres);
    if (written > 0) this.platform.log.warn({ province: plan.provinceCode, communes: written }, 'demo mode: synthetic commune boundaries generated (not real boundaries)');
  }

  // ------------------------------------------------------------ units and places

  getCommune(code: string): CommuneInfo | undefined {
    const c = this.units.getCommune(code);
    return c ? { code: c.code, name: c.name, type: c.type, provinceCode: c.provinceCode } : undefined;
  }

  communesOf(provinceCode: string): Commune[] {
    if (!this.units.getProvince(provinceCode)) throw invalidField('province', 'areas.province.unknown');
    return this.units.communesOf(provinceCode);
  }

  commune(code: string): CommuneInfo & { provinceName: string } {
    const c = this.getCommune(code);
    if (!c) throw notFound('areas.commune.not_found');
    return { ...c, provinceName: this.units.getProvince(c.provinceCode)?.name ?? '' };
  }

  async locate(lat: number, lon: number): Promise<LocateResult | null> {
    const row = await this.repo.locate(lat, lon);
    const commune = row && this.units.getCommune(row.code);
    const province = commune && this.units.getProvince(commune.provinceCode);
    if (!commune || !province) return null;
    return { commune: { code: commune.code, name: commune.name, type: commune.type }, province: { code: province.code, name: province.name }, synthetic: row.synthetic };
  }

  /** Commune boundaries and labels of one Mapbox Vector Tile (the base layer of every map). */
  async boundaryTile(z: number, x: number, y: number): Promise<Buffer> {
    return (await this.tiles.fetch(`${z}/${x}/${y}`, { context: { z, x, y } })) ?? this.repo.boundaryTile(z, x, y);
  }

  communesIntersecting(shape: { ring: [number, number][] } | { center: [number, number]; radiusM: number } | { geoJson: string }): Promise<string[]> {
    return this.repo.communesIntersecting(shape);
  }

  async communeCentre(code: string): Promise<{ lat: number; lon: number } | null> {
    const p = await this.repo.communeCentre(code);
    return p ? { lat: Number(p.lat), lon: Number(p.lon) } : null;
  }

  async boundaries(provinceCode: string): Promise<BoundaryCollection> {
    if (!this.units.getProvince(provinceCode)) throw invalidField('province', 'areas.province.unknown');
    // about 50 m: enough for a province map, a fraction of the full size
    const rows = await this.repo.boundaries(provinceCode, 0.0005);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.code,
        properties: { code: r.code, name: r.name, type: r.type, synthetic: r.synthetic, source: r.source },
        geometry: JSON.parse(r.geometry) as unknown,
      })),
    };
  }

  // ------------------------------------------------------------ agencies

  private agencyView(r: AgencyRow): Agency {
    return {
      id: r.id, code: r.code, name: r.name, shortName: r.short_name, kind: r.kind, parentId: r.parent_id,
      areaCode: r.area_code, areaName: this.units.areaName(r.area_code), address: r.address, phone: r.phone,
      email: r.email, electronicId: r.electronic_id,
    };
  }

  async getAgency(id: string): Promise<Agency | undefined> {
    if (!UUID.test(id)) return undefined;
    const row = await this.repo.agencyById(id);
    return row && this.agencyView(row);
  }

  async getAgencyByCode(code: string): Promise<Agency | undefined> {
    const row = await this.repo.agencyByCode(code);
    return row && this.agencyView(row);
  }

  /** Agencies serving an area or any place inside it, of a kind, matching words of their name. */
  async listAgencies(filter: AgencyFilter): Promise<Agency[]> {
    if (filter.area !== undefined && !this.units.isArea(filter.area)) throw invalidField('area', 'areas.area.unknown');
    const areaCodes = filter.area === undefined ? undefined : [filter.area, ...this.units.communesIn(filter.area).map((c) => c.code)];
    const rows = await this.repo.listAgencies({ areaCodes: areaCodes && [...new Set(areaCodes)], kind: filter.kind });
    const words = filter.q ? fold(filter.q).split(/\s+/).filter(Boolean) : [];
    const matches = (r: AgencyRow) => {
      const text = fold(`${r.name} ${r.short_name} ${r.code}`);
      return words.every((w) => text.includes(w));
    };
    return rows.filter(matches).map((r) => this.agencyView(r));
  }

  /** The People's Committee (UBND) of a commune: where reports and commune dossiers go. */
  async agencyForCommune(communeCode: string): Promise<Agency | undefined> {
    const row = await this.repo.communeCommittee(communeCode);
    return row && this.agencyView(row);
  }

  /** Every agency whose area lies within the scope (null = everywhere). */
  async agenciesInScope(scopeCode: string | null, kind?: AgencyKind): Promise<Agency[]> {
    return this.listAgencies({ area: scopeCode ?? undefined, kind });
  }

  // ------------------------------------------------------------ memberships

  private membershipView(r: MembershipRow): MembershipView {
    return {
      id: r.id, userId: r.user_id, role: r.role, agencyId: r.agency_id, agencyName: r.agency_name,
      areaCode: r.area_code, areaName: this.units.areaName(r.area_code), grantedBy: r.granted_by,
      grantedAt: new Date(r.granted_at).toISOString(), revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
      revokedBy: r.revoked_by,
    };
  }

  /**
   * Everyone who holds or ever held a staff membership (a superset of staff): most sessions
   * are citizens', whose principal then needs no membership query. The set only grows: from
   * the table, read again every STAFF_HINT_MS as a safety net, and at once from every grant,
   * here (noteStaff after commit) and in other processes (NOTIFY cds_principals from the
   * trigger of migration 0028, heard in the same tick in which the identity module forgets
   * that person's principal, so the principal read next sees the grant).
   */
  private readonly everStaff = new Set<string>();
  private staffRead: { at: number; done: Promise<void> } | undefined;

  noteStaff(userId: string): void {
    this.everStaff.add(userId);
  }

  private readStaff(): Promise<void> {
    const now = Date.now();
    if (!this.staffRead || now - this.staffRead.at > STAFF_HINT_MS) {
      const done = this.repo.everStaffUserIds().then((ids) => ids.forEach((id) => this.everStaff.add(id)));
      // a failed read is tried again by the next caller, not remembered
      done.catch(() => (this.staffRead = undefined));
      // after the first read, a refresh runs in the background while the set already answers
      this.staffRead = { at: now, done: this.staffRead ? this.staffRead.done : done };
    }
    return this.staffRead.done;
  }

  /** Active memberships of a user, for the session's principal. */
  async membershipsOf(userId: string): Promise<Membership[]> {
    await this.readStaff();
    if (!this.everStaff.has(userId)) return [];
    const rows = await this.repo.activeMembershipsOf(userId);
    return rows.map((r) => ({ id: r.id, role: r.role, agencyId: r.agency_id, areaCode: r.area_code }));
  }

  async activeMembershipViews(userId: string): Promise<MembershipView[]> {
    return (await this.repo.activeMembershipsOf(userId)).map((r) => this.membershipView(r));
  }

  staffUserIds(): Promise<string[]> {
    return this.repo.activeStaffUserIds();
  }

  async listMemberships(filter: { userId?: string; agencyId?: string; includeRevoked?: boolean }): Promise<MembershipView[]> {
    // one person's history includes revoked grants; a whole list shows only active ones
    const includeRevoked = filter.includeRevoked ?? filter.userId !== undefined;
    const rows = await this.repo.listMemberships({ userId: filter.userId, agencyId: filter.agencyId, includeRevoked, limit: 500 });
    return rows.map((r) => this.membershipView(r));
  }

  private readonly membershipListeners: ((userId: string) => void)[] = [];

  onMembershipsChanged(listener: (userId: string) => void): void {
    this.membershipListeners.push(listener);
  }

  private membershipsChanged(userId: string): void {
    this.noteStaff(userId);
    for (const listener of this.membershipListeners) listener(userId);
  }

  async grant(actorUserId: string | null, req: GrantRequest & { userId: string }, ip?: string, origin = 'console'): Promise<MembershipView> {
    const agency = req.agencyId ? await this.repo.agencyById(req.agencyId) : undefined;
    const { agencyId, areaCode } = checkGrant(req, agency, this.units);
    const m = { userId: req.userId, role: req.role, agencyId, areaCode };
    try {
      const granted = await this.platform.db.kysely.transaction().execute(async (trx) => {
        if (await this.repo.findActive(trx, m)) throw conflict('areas.membership.duplicate');
        const id = await this.repo.insertMembership(trx, { user_id: m.userId, role: m.role, agency_id: agencyId, area_code: areaCode, granted_by: actorUserId });
        await this.platform.audit.record({
          actorUserId, action: 'membership.grant', subjectType: 'user', subjectId: req.userId, ip,
          details: { membershipId: id, role: req.role, agencyId, agencyName: agency?.name ?? null, areaCode, origin },
        }, trx);
        return this.membershipView((await this.repo.membershipById(trx, id))!);
      });
      this.membershipsChanged(req.userId);
      return granted;
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (pgCode(err) === '23503') throw invalidField('userId', 'areas.membership.user_unknown');
      if (pgCode(err) === '23505') throw conflict('areas.membership.duplicate');
      throw err;
    }
  }

  async revoke(actorUserId: string | null, id: string, ip?: string): Promise<void> {
    const userId = await this.platform.db.kysely.transaction().execute(async (trx) => {
      const row = await this.repo.membershipById(trx, id);
      if (!row) throw notFound('areas.membership.not_found');
      if (row.revoked_at) throw conflict('areas.membership.already_revoked');
      // an installation without a sysadmin could not grant anything again
      if (row.role === 'sysadmin' && (await this.repo.countActiveSysadmins(trx)) <= 1) throw conflict('areas.membership.last_sysadmin');
      await this.repo.revokeMembership(trx, id, actorUserId);
      await this.platform.audit.record({
        actorUserId, action: 'membership.revoke', subjectType: 'user', subjectId: row.user_id, ip,
        details: { membershipId: id, role: row.role, agencyId: row.agency_id, agencyName: row.agency_name, areaCode: row.area_code },
      }, trx);
      return row.user_id;
    });
    this.membershipsChanged(userId);
  }

  /** Demo mode: the pack's demo staff, once the identity module has created their accounts. */
  async seedDemoMemberships(findUserIds: FindUserIds): Promise<number> {
    const file = this.packFile<DemoStaffFile>('demo-staff.json');
    return this.grantDemoMemberships(file?.memberships ?? [], findUserIds);
  }

  /**
   * Demo mode: grants each listed role unless the person already holds it; returns how many
   * were granted. What is there already is read in three queries, not three per role: a
   * restart finds every role granted.
   */
  async grantDemoMemberships(memberships: readonly DemoMembership[], findUserIds: FindUserIds): Promise<number> {
    if (memberships.length === 0) return 0;
    const userIds = await findUserIds([...new Set(memberships.map((d) => d.phone))]);
    const codes = [...new Set(memberships.flatMap((d) => (d.agencyCode ? [d.agencyCode] : [])))];
    const agencies = new Map((await this.repo.agenciesByCodes(codes)).map((a) => [a.code, a]));
    const grantKey = (g: { userId: string; role: StaffRole; agencyId: string | null; areaCode: string | null }) => [g.userId, g.role, g.agencyId ?? '', g.areaCode ?? ''].join('|');
    const held = new Set((await this.repo.activeGrantsOf([...new Set(userIds.values())]))
      .map((g) => grantKey({ userId: g.user_id, role: g.role, agencyId: g.agency_id, areaCode: g.area_code })));
    let granted = 0;
    for (const d of memberships) {
      const userId = userIds.get(d.phone);
      if (!userId) {
        this.platform.log.warn({ phone: d.phone }, 'demo staff: no demo user with this phone; membership skipped');
        continue;
      }
      const agency = d.agencyCode ? agencies.get(d.agencyCode) : undefined;
      if (d.agencyCode && !agency) throw new Error(`demo staff: unknown agencyCode ${d.agencyCode}`);
      const req = { userId, role: d.role, agencyId: agency?.id ?? null, areaCode: d.areaCode };
      const { agencyId, areaCode } = checkGrant(req, agency, this.units);
      const key = grantKey({ userId, role: d.role, agencyId, areaCode });
      if (held.has(key)) continue;
      await this.grant(null, req, undefined, 'demo-seed');
      held.add(key);
      granted++;
    }
    return granted;
  }
}
