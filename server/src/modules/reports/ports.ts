// What the reports module needs from other modules, narrowed to the calls it makes, so
// the rules can be read (and tested) without the whole of areas or identity.
import type { Kysely } from 'kysely';

export interface PlaceFound {
  commune: { code: string; name: string };
  province: { code: string; name: string };
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface AreasPort {
  /** Whether a commune or province lies within a scope (null = everywhere); for the policy. */
  isWithin(areaCode: string, scopeCode: string | null): boolean;
  locate(lat: number, lon: number): Promise<PlaceFound | null>;
  commune(code: string): { code: string; name: string; provinceCode: string } | undefined;
  /** A point inside the commune, for reports placed by address only. */
  communeCentre(code: string): Promise<{ lat: number; lon: number } | null>;
  agencyForCommune(code: string): Promise<AgencyRef | undefined>;
  agencyByCode(code: string): Promise<AgencyRef | undefined>;
  agency(id: string): Promise<AgencyRef | undefined>;
  /** Active staff of an agency with their role. */
  staffOf(agencyId: string): Promise<{ userId: string; role: string; areaCode: string | null }[]>;
}

export interface PersonRef {
  name: string;
  phone: string | null;
}

export interface PeoplePort {
  /** Display names of users (staff see who filed a report); missing ids are left out. */
  people(userIds: string[]): Promise<Map<string, PersonRef>>;
}

export interface NotifyPort {
  notify(n: { userId: string; kind: string; title: string; body: string; link?: string | null; dedupeKey?: string | null }, trx: Kysely<object>): Promise<void>;
}
