// Land data in and out: imports (land officers, CLI), the PDF sheet and vector tiles.
import type { Principal } from '../../platform/auth.ts';
import type { ImportQuery, ImportReply, ParcelPatch, ParcelSheet } from '@cds/contracts/land';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveLandUse, sridFromPrj } from '@cds/contracts/land.rules';
import { badRequest, invalidField, notFound } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import { bindPolicy, type Policy, type Scoped } from '../../platform/policy.ts';
import type { AreasApi } from '../areas/index.ts';
import type { FormerCommunes } from './former-communes.ts';
import { geojsonFeatures, isZip, LandImporter, shapefileFeatures, unzipParts, type ImportOptions, type SourceFeature } from './import.ts';
import { ImportRuns } from './import-runs.ts';
import { parcelSheetPdf } from './pdf.ts';
import { landRules } from './policy.ts';
import * as repo from './repo.ts';
import { colourOf, type LandService } from './service.ts';
import { isSupportedSrid } from './vn2000.ts';

const PARCELS_PER_TILE = 20_000;
/** A zip may unpack to at most this much (a province's parcels in one Shapefile stay well below). */
const UNZIP_LIMIT = 8 * 1024 * 1024 * 1024;

export interface ImportFilesOptions {
  /** The file's name or where it came from, stored with each parcel. */
  sourceName: string;
  onProgress?: (read: number) => void;
  /** The language of the report's reasons. */
  locale?: Locale;
  /** Record the import as this run (a land officer's upload). */
  run?: { id: string; fileName: string };
}

export class LandAdmin {
  private readonly policy: Policy<Scoped, 'write'>;
  private readonly importer: LandImporter;
  readonly runs: ImportRuns;

  constructor(private readonly platform: Platform, private readonly areas: AreasApi, private readonly former: FormerCommunes, private readonly service: LandService) {
    this.policy = bindPolicy(landRules, areas, 'land.import.forbidden');
    this.importer = new LandImporter(platform.db.kysely, former);
    this.runs = new ImportRuns(platform.db.kysely);
  }

  checkImport(q: ImportQuery): void {
    if (q.srid !== undefined && !isSupportedSrid(q.srid)) throw invalidField('srid', 'land.import.srid');
    if (q.kind === 'zones' && (!q.planName || !q.decisionNumber || !q.decisionDate)) throw invalidField('planName', 'land.import.plan_required');
  }

  /**
   * Imports spooled files: `file` (GeoJSON, or a zip holding a Shapefile or a GeoJSON) or
   * `shp` + `dbf` (+ `prj`). Without `srid` the coordinate system is read from the .prj.
   * `principal` null = the CLI (no area limit). With `run`, the import is recorded as a run
   * its officer follows (counts per batch, then the report or why it failed).
   */
  async importFiles(principal: Principal | null, q: ImportQuery, files: Record<string, string>, opts: ImportFilesOptions): Promise<ImportReply> {
    this.checkImport(q);
    if (!principal || !opts.run) return this.read(principal, q, files, opts);
    const recorder = await this.runs.start(principal, { id: opts.run.id, kind: q.kind, fileName: opts.run.fileName });
    try {
      const report = await this.read(principal, q, files, { ...opts, onBatch: recorder.onBatch });
      await recorder.done(report);
      return report;
    } catch (err) {
      await recorder.failed(err);
      throw err;
    }
  }

  private async read(principal: Principal | null, q: ImportQuery, files: Record<string, string>, opts: ImportFilesOptions & { onBatch?: ImportOptions['onBatch'] }): Promise<ImportReply> {
    const { sourceName, locale = 'vi' } = opts;
    let parts: Record<string, string | undefined> = files;
    if (files.file && (await isZip(files.file))) {
      try {
        parts = { ...(await unzipParts(files.file, path.dirname(files.file), UNZIP_LIMIT)) };
      } catch (err) {
        throw badRequest('land.import.bad_file', { reason: (err as Error).message.slice(0, 200) });
      }
      if (!parts.file && !(parts.shp && parts.dbf)) throw badRequest('land.import.zip_empty');
    }
    let features: AsyncIterable<SourceFeature>;
    if (parts.file) features = geojsonFeatures(parts.file);
    else if (parts.shp && parts.dbf) features = shapefileFeatures(parts.shp, parts.dbf);
    else throw badRequest('land.import.no_file');
    let srid = q.srid;
    if (srid === undefined) {
      // the .prj says which VN-2000 zone (or WGS 84) the coordinates are in; GeoJSON has none
      const prj = parts.prj ? await fs.readFile(parts.prj, 'utf8') : null;
      srid = prj === null ? undefined : (sridFromPrj(prj) ?? undefined);
      if (srid === undefined) throw invalidField('srid', prj === null ? 'land.import.srid_missing' : 'land.import.srid_prj');
    }
    const mayWrite = (communeCode: string) => principal === null || this.policy.can(principal, 'write', { areaCode: communeCode });
    // every rejection, also those beyond the report's list
    let rejected = 0;
    try {
      const report = await this.importer.run(features, {
        kind: q.kind,
        srid: srid as Parameters<LandImporter['run']>[1]['srid'],
        placeNames: (code, formerCode) => [this.areas.getCommune(code)?.name, formerCode ? this.former.get(formerCode)?.name : undefined],
        importedBy: principal?.userId ?? null,
        locale,
        sourceName,
        plan: q.kind === 'zones' ? { name: q.planName!, decisionNumber: q.decisionNumber!, decisionDate: q.decisionDate! } : undefined,
        mayWrite,
        isCommune: (code) => this.areas.getCommune(code) !== undefined,
        onProgress: opts.onProgress,
        onBatch: async (counts) => {
          rejected = counts.rejected;
          await opts.onBatch?.(counts);
        },
      });
      await this.platform.audit.record({
        actorUserId: principal?.userId ?? null,
        action: `land.import.${q.kind}`,
        subjectType: 'land_import',
        subjectId: opts.run?.id ?? sourceName,
        details: { srid, read: report.read, inserted: report.inserted, updated: report.updated, rejected },
      });
      return report;
    } catch (err) {
      // a file that is not JSON or not a Shapefile: the stream readers throw plain errors
      if (err instanceof Error && !('statusCode' in err) && /JSON|Unexpected|shapefile|parse|token|Invalid/i.test(err.message)) {
        throw badRequest('land.import.bad_file', { reason: err.message.slice(0, 200) });
      }
      throw err;
    }
  }

  /** A land officer corrects a parcel's attributes in their area; the change and its reason go to the audit trail. */
  async correct(principal: Principal, id: string, patch: ParcelPatch, locale: Locale): Promise<ParcelSheet> {
    const before = await repo.parcelById(this.platform.db.kysely, id);
    if (!before) throw notFound('land.parcel.not_found');
    this.policy.authorize(principal, 'write', { areaCode: before.commune_code });
    const landUses = patch.landUses?.map((u, i) => {
      const use = resolveLandUse(u.code);
      if (!use) throw invalidField(`landUses/${i}/code`, 'land.land_use.unknown', { code: u.code });
      return { code: use.code, legacyCode: use.legacyCode, areaM2: u.areaM2 };
    });
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      const searchText = patch.address === undefined ? undefined : this.service.searchTextOf(patch.address, before.commune_code, before.former_commune_code);
      await repo.updateParcel(trx, id, { landUses, areaM2: patch.areaM2, address: patch.address, searchText });
      await this.platform.audit.record({
        actorUserId: principal.userId,
        action: 'land.parcel.correct',
        subjectType: 'land_parcel',
        subjectId: id,
        details: {
          reason: patch.reason,
          before: { landUses: before.land_uses, areaM2: before.area_m2, address: before.address },
          after: { landUses: landUses ?? before.land_uses, areaM2: patch.areaM2 ?? before.area_m2, address: patch.address === undefined ? before.address : patch.address },
        },
      }, trx);
    });
    return this.service.parcel(id, locale);
  }

  async sheetPdf(id: string, locale: Locale, compress = true): Promise<{ bytes: Buffer; key: string }> {
    const sheet = await this.service.parcel(id, locale);
    const around = await repo.surroundings(this.platform.db.kysely, id, 80);
    const province = this.areas.getProvince(this.platform.pack.provinceCode);
    const bytes = await parcelSheetPdf(sheet, around, { provinceName: province?.name ?? '', colourOf, compress, title: translate('vi', 'land.sheet_title') });
    return { bytes, key: sheet.key };
  }

  tile(z: number, x: number, y: number): Promise<Buffer> {
    if (z > 20) throw invalidField('z', 'validation.maximum', { limit: 20 });
    if (x >= 2 ** z) throw invalidField('x', 'validation.maximum', { limit: 2 ** z - 1 });
    if (!Number.isInteger(y) || y < 0 || y >= 2 ** z) throw invalidField('y', 'validation.maximum', { limit: 2 ** z - 1 });
    return repo.landTile(this.platform.db.kysely, z, x, y, PARCELS_PER_TILE);
  }
}
