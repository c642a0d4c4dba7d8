// Local market (chợ địa phương): household shops and cooperatives selling local and OCOP
// products, opened from the phone or by a community helper with the owner's consent;
// orders of one shop paid by VietQR to the shop's own account or cash on delivery, shipped
// through a postal carrier's API (a demo carrier stands in) or by the seller; market
// officers verify OCOP badges and hide listings; a product feed for other marketplaces.
import { AppError } from '../../platform/errors.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { createSmsChannel } from '../../platform/sms.ts';
import { areasModule } from '../areas/index.ts';
import { identityModule, USER_ANONYMISED } from '../identity/index.ts';
import { describePersonalData, erasePersonalData, exportPersonalData } from './personal-data.ts';
import { notificationsModule } from '../notifications/index.ts';
import { demoCarrierRoutes, HttpCarrier, type Transport } from './carrier.ts';
import { messages } from './messages.ts';
import { marketAbilities } from './policy.ts';
import { marketRoutes } from './routes.ts';
import { seedDemoMarket } from './seed.ts';
import { MarketService } from './service.ts';
import { marketSettings } from './settings.ts';
import { loadMarketTargets } from './targets.ts';

export type MarketApi = Record<string, never>;

export { marketSettings };

const fetchTransport: Transport = async (url, body, headers) => {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
};

export const marketModule: ModuleDefinition<MarketApi> = {
  name: 'market',
  migrations: new URL('./migrations/', import.meta.url),
  settings: marketSettings,
  abilities: marketAbilities,
  create(platform) {
    const settings = marketSettings.of(platform.config);
    const identity = platform.use(identityModule);
    let transport: Transport = fetchTransport;
    const carrier = settings.carrier ? new HttpCarrier(settings.carrier, `${settings.publicUrl}/api/market/carrier/callback`, () => transport) : null;
    // only the demo carrier takes "scan it one step on"; a real carrier's scanners do that
    const demoCarrier = settings.demo && settings.carrier && settings.carrier.baseUrl === `${settings.publicUrl}/demo/carrier` ? settings.carrier : null;
    const service = new MarketService({
      platform, settings, areas: platform.use(areasModule), identity, notifier: platform.use(notificationsModule),
      sms: createSmsChannel(platform.config, platform.db), carrier, targets: loadMarketTargets(platform.pack),
      demoAdvance: demoCarrier ? async (itemCode) => {
        const res = await transport(`${demoCarrier.baseUrl}/api/v1/orders/${encodeURIComponent(itemCode)}/advance`, {}, { token: demoCarrier.token });
        // the carrier answers once our signed callback was taken: a refused callback is an error too
        if (res.status !== 200 || (res.json as { callback?: number } | null)?.callback !== 200) throw new AppError(502, 'market.carrier_error');
      } : null,
    });
    identity.registerExporter('market', (userId) => exportPersonalData(platform.db.kysely, userId));
    identity.registerPersonalData('market', (userId) => describePersonalData(platform.db.kysely, userId));
    return {
      api: {},
      events: { [USER_ANONYMISED]: (event) => erasePersonalData(platform.db.kysely, (event.payload as { userId: string }).userId) },
      messages,
      routes: (app) => {
        // calls to our own address (the demo carrier and its callbacks) stay in the process
        transport = async (url, body, headers) => {
          if (!url.startsWith(`${settings.publicUrl}/`)) return fetchTransport(url, body, headers);
          const res = await app.inject({ method: 'POST', url: url.slice(settings.publicUrl.length), payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
          return { status: res.statusCode, json: res.body ? (JSON.parse(res.body) as unknown) : null };
        };
        marketRoutes(app, service);
        if (settings.demo && settings.carrier) demoCarrierRoutes(app, platform.db.kysely, settings, (url, body, headers) => transport(url, body, headers));
      },
      seed: async ({ demo }) => {
        if (demo) await seedDemoMarket(platform, identity, service);
      },
      features: [{ key: 'market', face: 'citizen' }],
    };
  },
};
