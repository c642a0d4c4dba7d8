// What the reports module needs from other modules, narrowed to the calls it makes, so
// the rules can be read (and tested) without the whole of areas or identity.
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
