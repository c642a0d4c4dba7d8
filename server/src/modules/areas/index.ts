// Areas: administrative units (provinces, communes), commune boundaries, agencies
// (cơ quan) and staff memberships (who acts for which agency in which area).
import type { StaffRole } from '@cds/contracts';
import type { Membership } from '../../platform/auth.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { AdminUnits } from './admin-units.ts';
import { geocodeCommune } from './geocode.ts';
import { messages } from './messages.ts';
import type { AgencyKind } from './repo.ts';
import { areasRoutes } from './routes.ts';
import { areasSettings } from './settings.ts';
import { AreasService, type Agency, type AgencyFilter, type CommuneInfo, type DemoMembership, type FindUserIds, type LocateResult, type MembershipView } from './service.ts';

export type { Agency, AgencyFilter, AgencyKind, CommuneInfo, DemoMembership, FindUserIds, LocateResult, MembershipView };
export { importOsmExtract, loadPackMap, readOsmExtract, type OsmReadReport } from './basemap.ts';
export { CODE_PROPERTIES, demoTilingPlan, importBoundaries, ImportFileError, type ImportReport } from './boundaries.ts';
export { AdminUnits } from './admin-units.ts';

export interface AreasApi {
  /** Active memberships of a user (for the session principal). */
  membershipsOf(userId: string): Promise<Membership[]>;
  /** Ids of everyone holding an active staff role. */
  staffUserIds(): Promise<string[]>;
  /** Called in this process after a grant or revoke commits, with the person's id (other processes hear NOTIFY cds_principals). */
  onMembershipsChanged(listener: (userId: string) => void): void;
  /** Whether a commune (or province) lies in a scope: null = everywhere, 2 digits = a province, 5 = itself. */
  isWithin(communeCode: string, scopeCode: string | null): boolean;
  getCommune(code: string): CommuneInfo | undefined;
  getProvince(code: string): { code: string; name: string } | undefined;
  /** Name of a province or commune code. */
  areaName(code: string | null): string | null;
  /** Communes of a province or the commune itself, ordered by code. */
  communesIn(areaCode: string): CommuneInfo[];
  locate(lat: number, lon: number): Promise<LocateResult | null>;
  /** Communes of an area whose name an address text contains (diacritics-insensitive); exactly one = a match. */
  geocodeCommune(text: string, areaCode: string): CommuneInfo[];
  /** A point inside the commune's boundary (synthetic in demo mode), or null without a boundary. */
  communeCentre(communeCode: string): Promise<{ lat: number; lon: number } | null>;
  /** Communes whose boundary intersects a polygon ring ([lon, lat] points), a circle (centre [lon, lat], radius in metres) or any GeoJSON geometry in lon/lat (one that only touches a commune's edge is not in it). */
  communesIntersecting(shape: { ring: [number, number][] } | { center: [number, number]; radiusM: number } | { geoJson: string }): Promise<string[]>;
  /** Layers 'communes' (outlines) and 'commune_labels' (points) of one vector tile, as MVT bytes. */
  boundaryTile(z: number, x: number, y: number): Promise<Buffer>;
  getAgency(id: string): Promise<Agency | undefined>;
  getAgencyByCode(code: string): Promise<Agency | undefined>;
  /** Agencies serving an area or a place inside it, by kind, matching words of the name. */
  listAgencies(filter: AgencyFilter): Promise<Agency[]>;
  /** The People's Committee (UBND) of a commune. */
  agencyForCommune(communeCode: string): Promise<Agency | undefined>;
  agenciesInScope(scopeCode: string | null, kind?: AgencyKind): Promise<Agency[]>;
  /** Active memberships of a user with agency and area names. */
  membershipViews(userId: string): Promise<MembershipView[]>;
  /** Memberships of an agency or a user (active only unless asked); used by reports to find an agency's officers and head. */
  listMemberships(filter: { userId?: string; agencyId?: string; includeRevoked?: boolean }): Promise<MembershipView[]>;
  /** Demo mode: grants the pack's demo staff roles (packs/<id>/demo-staff.json); idempotent. */
  seedDemoMemberships(findUserIds: FindUserIds): Promise<number>;
  /** Demo mode: grants these staff roles to existing demo accounts; idempotent. */
  grantDemoMemberships(memberships: readonly DemoMembership[], findUserIds: FindUserIds): Promise<number>;
}

export type { StaffRole };

/** The channel this module's membership trigger (migration 0028) notifies with a person's id. */
const PRINCIPALS_CHANNEL = 'cds_principals';

export const areasModule: ModuleDefinition<AreasApi> = {
  name: 'areas',
  migrations: new URL('./migrations/', import.meta.url),
  settings: areasSettings,
  async create(platform) {
    const units = AdminUnits.load();
    const service = new AreasService(platform, units);
    // a grant in any process (the trigger of migration 0028 notifies) makes that person staff here too
    const stopListening = await platform.db.listen(PRINCIPALS_CHANNEL, (userId) => service.noteStaff(userId));
    const api: AreasApi = {
      membershipsOf: (userId) => service.membershipsOf(userId),
      staffUserIds: () => service.staffUserIds(),
      onMembershipsChanged: (listener) => service.onMembershipsChanged(listener),
      isWithin: (code, scope) => units.isWithin(code, scope),
      getCommune: (code) => service.getCommune(code),
      getProvince: (code) => units.getProvince(code),
      areaName: (code) => units.areaName(code),
      communesIn: (code) => units.communesIn(code),
      locate: (lat, lon) => service.locate(lat, lon),
      geocodeCommune: (text, code) => geocodeCommune(text, units.communesIn(code)),
      communeCentre: (code) => service.communeCentre(code),
      communesIntersecting: (shape) => service.communesIntersecting(shape),
      boundaryTile: (z, x, y) => service.boundaryTile(z, x, y),
      getAgency: (id) => service.getAgency(id),
      getAgencyByCode: (code) => service.getAgencyByCode(code),
      listAgencies: (filter) => service.listAgencies(filter),
      agencyForCommune: (code) => service.agencyForCommune(code),
      agenciesInScope: (scope, kind) => service.agenciesInScope(scope, kind),
      membershipViews: (userId) => service.activeMembershipViews(userId),
      listMemberships: (filter) => service.listMemberships(filter),
      seedDemoMemberships: (find) => service.seedDemoMemberships(find),
      grantDemoMemberships: (list, find) => service.grantDemoMemberships(list, find),
    };
    return {
      api,
      messages,
      routes: (app) => areasRoutes(app, platform, service),
      seed: ({ demo }) => service.seed(demo),
      stop: stopListening,
    };
  },
};
