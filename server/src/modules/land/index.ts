// Land information (thông tin đất đai): cadastral parcels (thửa đất) found by tap, GPS or
// key, their land use and zoning (quy hoạch), the parcel sheet as PDF, vector tiles, and
// imports of VN-2000 GeoJSON and Shapefiles by land officers.
import type { ImportQuery, ImportReply, ParcelSummary } from '@cds/contracts/land';
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { identityModule } from '../identity/index.ts';
import { LandAdmin } from './admin.ts';
import { FormerCommunes } from './former-communes.ts';
import { messages } from './messages.ts';
import { landAbilities } from './policy.ts';
import { landRoutes } from './routes.ts';
import { LandService } from './service.ts';
import { landSettings } from './settings.ts';

export interface LandApi {
  /** A parcel's summary (key, area, land uses), for modules that prefill applications. */
  parcel(id: string): Promise<ParcelSummary | null>;
  /** Imports spooled files (`file` GeoJSON, or `shp` + `dbf`) without an area limit: the CLI. */
  importFiles(q: ImportQuery, files: Record<string, string>, sourceName: string, onProgress?: (read: number) => void): Promise<ImportReply>;
}

/** Demo land officers of the Department of Agriculture and Environment (Sở Nông nghiệp và Môi trường), whole province: one imports, the other publishes plans. */
const DEMO_STAFF_PHONE = '0900000601';
const DEMO_SECOND_STAFF_PHONE = '0900000602';

export const landModule: ModuleDefinition<LandApi> = {
  name: 'land',
  migrations: new URL('./migrations/', import.meta.url),
  settings: landSettings,
  abilities: landAbilities,
  create(platform) {
    const areas = platform.use(areasModule);
    const identity = platform.use(identityModule);
    const settings = landSettings.of(platform.config);
    const former = FormerCommunes.load(formerCommunesFile(platform.pack.id));
    const service = new LandService(platform, areas, former, settings.demoParcels);
    const admin = new LandAdmin(platform, areas, former, service);
    return {
      api: {
        parcel: async (id) => {
          try {
            return await service.parcel(id, 'vi');
          } catch {
            return null;
          }
        },
        importFiles: (q, files, sourceName, onProgress) => admin.importFiles(null, q, files, { sourceName, onProgress }),
      },
      messages,
      routes: (app) => landRoutes(app, service, admin),
      features: [{ key: 'land', face: 'citizen' }],
      seed: async ({ demo }) => {
        if (!demo) return;
        const province = platform.pack.provinceCode;
        await identity.seedDemoAccounts([{
          phone: DEMO_STAFF_PHONE,
          fullName: 'Lục Văn Đạt',
          // lives in Phường Đông Kinh, where no other demo account lives (the identity tests count those)
          communeCode: '05977',
          memberships: [{ role: 'land_officer', agencyCode: 'SNNMT-20', areaCode: province }],
        }, {
          phone: DEMO_SECOND_STAFF_PHONE,
          fullName: 'Hoàng Thị Mai',
          communeCode: '05977',
          memberships: [{ role: 'land_officer', agencyCode: 'SNNMT-20', areaCode: province }],
        }]);
        await service.seedDemo();
      },
    };
  },
};

/** For the import CLI (src/cli/import-land.ts), which runs without the app. */
export { LandImporter, geojsonFeatures, shapefileFeatures } from './import.ts';
export { FormerCommunes } from './former-communes.ts';
export { communesLoaded } from './repo.ts';
export const formerCommunesFile = (packId: string) => new URL(`./data/former-communes-${packId}.csv`, import.meta.url);
