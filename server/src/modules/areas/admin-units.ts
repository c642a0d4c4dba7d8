// The official list of administrative units (đơn vị hành chính) since 1 July 2025:
// 34 provinces, 3,321 communes/wards/special zones. Kept in memory so scope checks
// (isWithin) are synchronous; the same list is upserted into the database at seed time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { CommuneType } from '@cds/contracts';

export type { CommuneType };

export type Province = { code: string; name: string };
export type Commune = { code: string; name: string; type: CommuneType; provinceCode: string };

type UnitsFile = { source: string; provinces: Province[]; communes: Commune[] };

export const ADMIN_UNITS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'admin-units-2025.json');

export class AdminUnits {
  readonly provinces: Province[];
  readonly communes: Commune[];
  private readonly provinceByCode: Map<string, Province>;
  private readonly communeByCode: Map<string, Commune>;
  private readonly communesByProvince = new Map<string, Commune[]>();

  constructor(file: UnitsFile) {
    this.provinces = file.provinces;
    this.communes = file.communes;
    this.provinceByCode = new Map(file.provinces.map((p) => [p.code, p]));
    this.communeByCode = new Map(file.communes.map((c) => [c.code, c]));
    for (const c of file.communes) {
      this.communesByProvince.set(c.provinceCode, [...(this.communesByProvince.get(c.provinceCode) ?? []), c]);
    }
  }

  static load(file = ADMIN_UNITS_FILE): AdminUnits {
    return new AdminUnits(JSON.parse(fs.readFileSync(file, 'utf8')) as UnitsFile);
  }

  getProvince(code: string): Province | undefined {
    return this.provinceByCode.get(code);
  }

  getCommune(code: string): Commune | undefined {
    return this.communeByCode.get(code);
  }

  /** Communes of a province, ordered by code. */
  communesOf(provinceCode: string): Commune[] {
    return [...(this.communesByProvince.get(provinceCode) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
  }

  /** A known province (2 digits) or commune (5 digits) code. */
  isArea(code: string): boolean {
    return this.provinceByCode.has(code) || this.communeByCode.has(code);
  }

  areaName(code: string | null): string | null {
    if (code === null) return null;
    return this.provinceByCode.get(code)?.name ?? this.communeByCode.get(code)?.name ?? null;
  }

  /** The province an area belongs to (itself for a province). */
  provinceOf(code: string): string | undefined {
    if (this.provinceByCode.has(code)) return code;
    return this.communeByCode.get(code)?.provinceCode;
  }

  /**
   * Whether `areaCode` lies inside `scopeCode`: null scope is everywhere, a province covers
   * itself and its communes, a commune covers only itself. Unknown codes are never inside.
   */
  isWithin(areaCode: string, scopeCode: string | null): boolean {
    if (!this.isArea(areaCode)) return false;
    if (scopeCode === null) return true;
    if (areaCode === scopeCode) return true;
    return this.provinceByCode.has(scopeCode) && this.communeByCode.get(areaCode)?.provinceCode === scopeCode;
  }

  /** The communes an area covers: all of a province's, or the commune itself. */
  communesIn(areaCode: string): Commune[] {
    if (this.provinceByCode.has(areaCode)) return this.communesOf(areaCode);
    const c = this.communeByCode.get(areaCode);
    return c ? [c] : [];
  }
}
