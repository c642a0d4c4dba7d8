// Rules of land information: finding parcels (by point, by key), the parcel sheet with its
// zoning, the plans and their legend, and the demo data.
import { formatCadastralKey, resolveLandUse } from '@cds/contracts/land.rules';
import type { LandUse, ParcelSheet, ParcelSummary, ZoningDesignation, ZoningPlansReply } from '@cds/contracts/land';
import { invalidField, notFound } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import type { AreasApi } from '../areas/index.ts';
import { DEMO_SOURCE, demoParcels, demoPlans, type DemoCommune } from './demo.ts';
import type { FormerCommunes } from './former-communes.ts';
import * as repo from './repo.ts';

/** Map colours of planned land uses (the legend), by group, close to the customary planning palette. */
const COLOURS: Record<string, string> = {
  ODT: '#f4a6a6', ONT: '#f7c6a3', TMD: '#e0565b', DGT: '#9e9e9e', DTT: '#8fd18b', DGD: '#f2d16b', DYT: '#7fb3e6',
  TSC: '#c08fd6', CLN: '#c5e1a5', HNK: '#fff59d', LUC: '#ffee58', RSX: '#66bb6a', DTL: '#4fc3f7', SKC: '#bcaaa4',
};
export const colourOf = (code: string) => COLOURS[code] ?? '#d7ccc8';

export class LandService {
  constructor(
    private readonly platform: Platform,
    private readonly areas: AreasApi,
    private readonly former: FormerCommunes,
    private readonly demoParcelCount: number,
  ) {}

  private get db(): repo.Db {
    return this.platform.db.kysely;
  }

  /** The parcel under a point (tap or GPS); 400 outside the province, 404 where no parcel is. */
  async parcelAt(lat: number, lon: number, locale: Locale): Promise<ParcelSheet> {
    const place = await this.areas.locate(lat, lon);
    if (!place || place.province.code !== this.platform.pack.provinceCode) throw invalidField('lat', 'land.point.outside');
    const row = await repo.parcelAt(this.db, lon, lat);
    if (!row) throw notFound('land.parcel.none_here');
    return this.sheetOf(row, locale);
  }

  async parcel(id: string, locale: Locale): Promise<ParcelSheet> {
    const row = await repo.parcelById(this.db, id);
    if (!row) throw notFound('land.parcel.not_found');
    return this.sheetOf(row, locale);
  }

  /** Parcels matching any part of a key; a former commune's code finds its old sheets. */
  async search(q: { commune?: string; sheet?: number; parcel?: number; limit?: number }): Promise<{ items: ParcelSummary[]; total: number }> {
    if (q.commune === undefined && q.sheet === undefined && q.parcel === undefined) throw invalidField('commune', 'land.key.empty');
    if (q.commune !== undefined && !this.areas.getCommune(q.commune) && !this.former.get(q.commune)) throw invalidField('commune', 'land.commune.unknown');
    const { rows, total } = await repo.searchByKey(this.db, q, q.limit ?? 20);
    return { items: rows.map((r) => this.summaryOf(r)), total };
  }

  async plans(): Promise<ZoningPlansReply> {
    const [plans, uses] = await Promise.all([repo.plans(this.db), repo.zoneLandUses(this.db)]);
    return {
      items: plans.map((p) => ({ id: p.id, name: p.name, decisionNumber: p.decision_number, decisionDate: p.decision_date, synthetic: p.synthetic, zones: p.zones })),
      legend: uses.map((code) => ({ code, name: resolveLandUse(code)?.name ?? code, colour: colourOf(code) })),
    };
  }

  summaryOf(r: repo.ParcelRow): ParcelSummary {
    const commune = this.areas.getCommune(r.commune_code);
    const former = r.former_commune_code ? this.former.get(r.former_commune_code) : undefined;
    return {
      id: r.id,
      key: formatCadastralKey({ commune: r.commune_code, sheet: r.sheet, parcel: r.parcel }),
      commune: { code: r.commune_code, name: commune?.name ?? r.commune_code },
      formerCommune: r.former_commune_code ? { code: r.former_commune_code, name: former?.name ?? r.former_commune_code } : null,
      sheet: r.sheet,
      parcel: r.parcel,
      areaM2: r.area_m2,
      address: r.address,
      landUses: r.land_uses.map((u): LandUse => {
        const known = resolveLandUse(u.code);
        return { code: u.code, name: known?.name ?? u.code, group: known?.group ?? 'non_agricultural', legacyCode: u.legacyCode, areaM2: u.areaM2 };
      }),
      centre: { lat: r.lat, lon: r.lon },
      synthetic: r.synthetic,
    };
  }

  private async sheetOf(r: repo.ParcelRow, locale: Locale): Promise<ParcelSheet> {
    const zoning = await repo.zoningOf(this.db, r.id);
    return {
      ...this.summaryOf(r),
      geometry: JSON.parse(r.geometry ?? '{"type":"MultiPolygon","coordinates":[]}') as ParcelSheet['geometry'],
      zoning: zoning.map((z): ZoningDesignation => ({
        plan: { id: z.plan_id, name: z.plan_name, decisionNumber: z.decision_number, decisionDate: z.decision_date, synthetic: z.synthetic },
        zoneCode: z.zone_code,
        landUse: { code: z.land_use_code, name: resolveLandUse(z.land_use_code)?.name ?? z.land_use_code },
        buildingDensityPct: z.building_density_pct,
        maxFloors: z.max_floors,
        overlapM2: Math.round(z.overlap_m2 * 10) / 10,
      })),
      source: r.source,
      updatedAt: r.updated_at.toISOString(),
      disclaimer: translate(locale, 'land.disclaimer'),
    };
  }

  // ------------------------------------------------------------ demo

  /** Demo mode: synthetic parcels in the pack province's communes and two plans, once. */
  async seedDemo(): Promise<void> {
    if (this.demoParcelCount === 0 || (await repo.countSynthetic(this.db)) > 0) return;
    const communes: DemoCommune[] = [];
    // the demo citizens' communes first, so the two plans fall where the demo accounts live
    const first = ['05983', '06040'];
    const all = this.areas.communesIn(this.platform.pack.provinceCode);
    const ordered = [...all.filter((c) => first.includes(c.code)).sort((a, b) => first.indexOf(a.code) - first.indexOf(b.code)), ...all.filter((c) => !first.includes(c.code))];
    for (const c of ordered) {
      const centre = await this.areas.communeCentre(c.code);
      if (centre) communes.push({ code: c.code, type: c.type, centre, // a former commune split in two keeps its sheets in the first commune it went to
        formerCodes: this.former.of(c.code).filter((f) => f.into[0] === c.code).map((f) => f.code) });
    }
    if (communes.length === 0) return;
    const parcels = demoParcels(communes, this.demoParcelCount);
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < parcels.length; i += 1000) await repo.upsertParcels(trx, parcels.slice(i, i + 1000));
      for (const plan of demoPlans(communes)) {
        const id = await repo.upsertPlan(trx, { name: plan.name, decisionNumber: plan.decisionNumber, decisionDate: plan.decisionDate, synthetic: true, source: DEMO_SOURCE });
        await repo.upsertZones(trx, id, plan.zones);
      }
    });
    this.platform.log.warn({ parcels: parcels.length, communes: communes.length }, 'demo mode: synthetic land parcels and two synthetic zoning plans generated (not real data)');
  }
}

