// Health book (sổ sức khỏe điện tử): a citizen signed in with the national eID reads a
// summary of their electronic health record from the health system through an HL7 FHIR R4
// adapter, after consenting; every read is audited and nothing is kept. Demo mode mounts a
// FHIR stand-in at /demo/fhir.
import { translate } from '../../platform/i18n.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { identityModule, USER_ANONYMISED } from '../identity/index.ts';
import { demoFhirRoutes } from './demo-fhir.ts';
import { fetchTransport, FhirHealthRecords, type FhirTransport } from './fhir.ts';
import { messages } from './messages.ts';
import { healthAbilities } from './policy.ts';
import * as repo from './repo.ts';
import { healthRoutes } from './routes.ts';
import { HealthService } from './service.ts';
import { healthSettings } from './settings.ts';

export type HealthApi = Record<string, never>;
export { healthSettings };

export const healthModule: ModuleDefinition<HealthApi> = {
  name: 'health',
  migrations: new URL('./migrations/', import.meta.url),
  settings: healthSettings,
  abilities: healthAbilities,
  create(platform) {
    const settings = healthSettings.of(platform.config);
    // calls to our own address (the demo stand-in) stay in the process; set once routes exist
    let transport: FhirTransport = fetchTransport;
    const records = settings.baseUrl ? new FhirHealthRecords(settings.baseUrl, settings.token, settings.identifierSystem, (url, headers) => transport(url, headers)) : null;
    const identity = platform.use(identityModule);
    const service = new HealthService(platform, identity, records, translate('vi', 'health.source'));
    identity.registerExporter('health', (userId) => service.exportFor(userId));
    identity.registerPersonalData('health', async () => ({ erased: [{ key: 'health.erased.consents' }], kept: [] }));
    return {
      events: { [USER_ANONYMISED]: (event) => repo.eraseConsents(platform.db.kysely, (event.payload as { userId: string }).userId) },
      api: {},
      messages,
      routes: (app) => {
        if (settings.demo) {
          transport = async (url, headers) => {
            if (!url.startsWith(`${settings.publicUrl}/`)) return fetchTransport(url, headers);
            const res = await app.inject({ method: 'GET', url: url.slice(settings.publicUrl.length), headers });
            return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body ? (JSON.parse(res.body) as unknown) : null };
          };
          demoFhirRoutes(app, settings);
        }
        healthRoutes(app, service);
      },
      features: settings.baseUrl ? [{ key: 'health', face: 'citizen' }] : [],
    };
  },
};
