// Former communes (before the 1 July 2025 mergers) and the commune each became part of.
// Cadastral map sheets were drawn per former commune and their numbers restart in each,
// so an old key (former commune, sheet, parcel) must still find its parcel.
// Data: data/former-communes-<province>.csv, from dvhcvn/20250701 (MIT), 196 rows for Lạng Sơn.
import fs from 'node:fs';

export interface FormerCommune {
  code: string;
  name: string;
  /** Today's communes it became part of (two when it was split). */
  into: string[];
}

export class FormerCommunes {
  private readonly byCode = new Map<string, FormerCommune>();
  private readonly byNew = new Map<string, FormerCommune[]>();

  constructor(rows: { oldCode: string; oldAddress: string; newCode: string }[]) {
    for (const r of rows) {
      const known = this.byCode.get(r.oldCode);
      if (known) {
        if (!known.into.includes(r.newCode)) known.into.push(r.newCode);
      } else {
        this.byCode.set(r.oldCode, { code: r.oldCode, name: r.oldAddress.split(',')[0]!.trim(), into: [r.newCode] });
      }
      const list = this.byNew.get(r.newCode) ?? [];
      if (!list.some((f) => f.code === r.oldCode)) list.push(this.byCode.get(r.oldCode)!);
      this.byNew.set(r.newCode, list);
    }
  }

  static load(file: URL): FormerCommunes {
    if (!fs.existsSync(file)) return new FormerCommunes([]);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
    return new FormerCommunes(lines.map((line) => {
      // old_ward_code,old_district_code,"old_address",new_ward_code,new_ward_name,new_province,confidence
      const m = /^(\d{5}),\d*,"([^"]*)",(\d{5}),/.exec(line);
      if (!m) throw new Error(`former communes: cannot read line ${line}`);
      return { oldCode: m[1]!, oldAddress: m[2]!, newCode: m[3]! };
    }));
  }

  get(code: string): FormerCommune | undefined {
    return this.byCode.get(code);
  }

  /** The former communes merged into today's commune, by code. */
  of(newCode: string): FormerCommune[] {
    return [...(this.byNew.get(newCode) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
  }
}
