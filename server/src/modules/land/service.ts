// Rules of land information: finding parcels (by point, by key), the parcel sheet with its
// zoning, the plans and their legend, and the demo data.
import { formatCadastralKey, parcelSearchText, parseParcelQuery, resolveLandUse } from '@cds/contracts/land.rules';
import type { LandUse, ParcelSearchReply, ParcelSheet, ParcelSummary, PlanPublish, ZoningDesignation, ZoningPlan, ZoningPlansReply } from '@cds/contracts/land';
import type { Principal } from '../../platform/auth.ts';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy, type Policy, type Scoped } from '../../platform/policy.ts';
import type { AreasApi } from '../areas/index.ts';
import { DEMO_SOURCE, demoParcels, demoPlans, type DemoCommune } from './demo.ts';
import type { FormerCommunes } from './former-communes.ts';
import { landRules } from './policy.ts';
import * as repo from './repo.ts';

/** Map colours of planned land uses (the legend), by group, close to the customary planning palette. */
const COLOURS: Record<string, string> = {
  ODT: '#f4a6a6', ONT: '#f7c6a3', TMD: '#e0565b', DGT: '#9e9e9e', DTT: '#8fd18b', DGD: '#f2d16b', DYT: '#7fb3e6',
  TSC: '#c08fd6', CLN: '#c5e1a5', HNK: '#fff59d', LUC: '#ffee58', RSX: '#66bb6a', DTL: '#4fc3f7', SKC: '#bcaaa4',
};
export const colourOf = (code: string) => COLOURS[code] ?? '#d7ccc8';

export class LandService {
  private readonly policy: Policy<Scoped, 'write'>;

  constructor(
    private readonly platform: Platform,
    private readonly areas: AreasApi,
    private readonly former: FormerCommunes,
    private readonly demoParcelCount: number,
  ) {
    this.policy = bindPolicy(landRules, areas, 'land.plan.outside_area');
  }

  private get db(): repo.Db {
    return this.platform.db.kysely;
  }

  /** The parcel under a point (tap or GPS); 400 outside the province, 404 where no parcel is. */
  async parcelAt(lat: number, lon: number, locale: Locale): Promise<ParcelSheet> {
    const found = await repo.parcelAt(this.db, lon, lat);
    // a parcel of one of the province's communes answers for the point: the commune outline
    // check, the slowest read of a tap, is only needed to tell "outside" from "no parcel here"
    if (found && this.areas.getCommune(found.parcel.commune_code)?.provinceCode === this.platform.pack.provinceCode) return this.sheetOf(found, locale);
    const place = await this.areas.locate(lat, lon);
    if (!place || place.province.code !== this.platform.pack.provinceCode) throw invalidField('lat', 'land.point.outside');
    if (!found) throw notFound('land.parcel.none_here');
    return this.sheetOf(found, locale);
  }

  async parcel(id: string, locale: Locale): Promise<ParcelSheet> {
    const found = await repo.parcelSheetById(this.db, id);
    if (!found) throw notFound('land.parcel.not_found');
    return this.sheetOf(found, locale);
  }

  /** Parcels matching any part of a key; a former commune's code finds its old sheets. */
  async search(q: { commune?: string; sheet?: number; parcel?: number; limit?: number }): Promise<{ items: ParcelSummary[]; total: number }> {
    if (q.commune === undefined && q.sheet === undefined && q.parcel === undefined) throw invalidField('commune', 'land.key.empty');
    if (q.commune !== undefined && !this.areas.getCommune(q.commune) && !this.former.get(q.commune)) throw invalidField('commune', 'land.commune.unknown');
    const { rows, total } = await repo.searchByKey(this.db, q, q.limit ?? 20);
    return { items: rows.map((r) => this.summaryOf(r)), total };
  }

  /**
   * One search box: an address or place (today's or a former commune's name, with or without
   * diacritics), a key ("tờ 5 thửa 12", "5/12") or both. A typed commune code must exist.
   */
  async find(q: { q: string; limit?: number }): Promise<ParcelSearchReply> {
    const parsed = parseParcelQuery(q.q);
    if (!parsed) throw invalidField('q', 'land.find.empty');
    if (parsed.commune !== undefined && !this.areas.getCommune(parsed.commune) && !this.former.get(parsed.commune)) throw invalidField('q', 'land.commune.unknown');
    const { rows, total } = await repo.searchByText(this.db, parsed, q.limit ?? 20);
    return { items: rows.map((r) => this.summaryOf(r)), total };
  }

  /** The text a parcel is found by, from its address and its places' names. */
  searchTextOf(address: string | null, communeCode: string, formerCode: string | null): string {
    return parcelSearchText([address, this.areas.getCommune(communeCode)?.name, formerCode ? this.former.get(formerCode)?.name : null]);
  }

  /** Published plans and the legend of their planned uses: what citizens see. */
  async plans(): Promise<ZoningPlansReply> {
    const [plans, uses] = await Promise.all([repo.plans(this.db, 'published'), repo.zoneLandUses(this.db)]);
    return {
      items: plans.map(planOf),
      legend: uses.map((code) => ({ code, name: resolveLandUse(code)?.name ?? code, colour: colourOf(code) })),
    };
  }

  /** Every plan, drafts first: what land officers see. */
  async staffPlans(): Promise<{ items: ZoningPlan[] }> {
    return { items: (await repo.plans(this.db, 'all')).map(planOf) };
  }

  /**
   * A second land officer publishes a draft plan with the decision that approved it (four
   * eyes: not the officer who imported it). Audited; citizens see it from now on.
   */
  async publish(principal: Principal, id: string, body: PlanPublish): Promise<ZoningPlan> {
    const [plan] = await repo.plans(this.db, 'all', id);
    if (!plan) throw notFound('land.plan.not_found');
    if (plan.status === 'published') throw conflict('land.plan.already_published');
    if (plan.imported_by === principal.userId) throw forbidden('land.plan.same_officer');
    // a land officer publishes plans of their own area only: every commune a zone lies in
    const outline = await repo.planOutline(this.db, id);
    const communes = outline ? await this.areas.communesIntersecting({ geoJson: outline }) : [];
    const outside = communes.find((code) => !this.mayPublishIn(principal, code));
    if (outside) throw new AppError(403, 'land.plan.outside_area', { commune: this.areas.getCommune(outside)?.name ?? outside });
    const other = await repo.planByDecision(this.db, body.decisionNumber.trim());
    if (other && other.id !== id) throw conflict('land.plan.decision_taken', { number: body.decisionNumber.trim() });
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      if (!(await repo.publishPlan(trx, id, { decisionNumber: body.decisionNumber.trim(), decisionDate: body.decisionDate, by: principal.userId }))) throw conflict('land.plan.already_published');
      await this.platform.audit.record({
        actorUserId: principal.userId,
        action: 'land.plan.publish',
        subjectType: 'land_zoning_plan',
        subjectId: id,
        details: { name: plan.name, importedBy: plan.imported_by, decisionNumber: body.decisionNumber.trim(), decisionDate: body.decisionDate, zones: plan.zones },
      }, trx);
    });
    return planOf((await repo.plans(this.db, 'all', id))[0]!);
  }

  private mayPublishIn(principal: Principal, communeCode: string): boolean {
    return this.policy.can(principal, 'write', { areaCode: communeCode });
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

  private sheetOf({ parcel: r, zoning }: repo.ParcelWithZoning, locale: Locale): ParcelSheet {
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
      // a former commune split in two keeps its sheets in the first commune it went to
      const formers = this.former.of(c.code).filter((f) => f.into[0] === c.code);
      if (centre) communes.push({ code: c.code, name: c.name, type: c.type, centre, formerCodes: formers.map((f) => f.code), formerNames: Object.fromEntries(formers.map((f) => [f.code, f.name])) });
    }
    if (communes.length === 0) return;
    const parcels = demoParcels(communes, this.demoParcelCount);
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < parcels.length; i += 1000) await repo.upsertParcels(trx, parcels.slice(i, i + 1000));
      for (const plan of demoPlans(communes)) {
        const id = await repo.upsertPlan(trx, { name: plan.name, decisionNumber: plan.decisionNumber, decisionDate: plan.decisionDate, synthetic: true, source: DEMO_SOURCE, importedBy: null });
        await repo.upsertZones(trx, id, plan.zones);
        // the demo's plans stand for approved ones, so every screen shows zoning at once
        await repo.markPublished(trx, id);
      }
    });
    this.platform.log.warn({ parcels: parcels.length, communes: communes.length }, 'demo mode: synthetic land parcels and two synthetic zoning plans generated (not real data)');
  }
}


const planOf = (p: repo.PlanRow & { zones: number }): ZoningPlan => ({
  id: p.id,
  name: p.name,
  decisionNumber: p.decision_number,
  decisionDate: p.decision_date,
  synthetic: p.synthetic,
  zones: p.zones,
  status: p.status,
  publishedAt: p.published_at ? new Date(p.published_at).toISOString() : null,
});
