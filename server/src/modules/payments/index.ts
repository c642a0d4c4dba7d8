// Payments (thanh toán): a dossier's fee paid by VietQR transfer or through the VNPay 2.1.0
// gateway, electronic receipts, and the finance staff's reconciliation. Demo mode runs a
// local gateway and bank that speak the real protocols.
import type { Principal } from '../../platform/auth.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { dossiersModule } from '../dossiers/index.ts';
import { identityModule, USER_ANONYMISED } from '../identity/index.ts';
import { notificationsModule } from '../notifications/index.ts';
import { AggregatorBiller, NoBiller, type BillerTransport } from './billers.ts';
import { demoBillerRoutes } from './demo-biller.ts';
import { demoGatewayRoutes } from './demo-gateway.ts';
import { messages } from './messages.ts';
import { paymentAbilities } from './policy.ts';
import { paymentRoutes } from './routes.ts';
import { PaymentService } from './service.ts';
import { paymentsSettings } from './settings.ts';

export interface PaymentsApi {
  /** Expires or reconciles (querydr) open payments whose time is up. */
  reconcileStale(now?: Date): Promise<{ confirmed: number; expired: number }>;
  /** A person's latest payments, newest first (their own: the assistant answers "did my payment go through?"). */
  latestOf(principal: Principal, limit: number): Promise<{ id: string; code: string; description: string; status: string; amountVnd: number }[]>;
  /** The daily job's work: reminders of saved bills falling due soon (once per bill). */
  remindBills(now?: Date): Promise<{ reminded: number }>;
}

export { paymentsSettings };

export const paymentsModule: ModuleDefinition<PaymentsApi> = {
  name: 'payments',
  migrations: new URL('./migrations/', import.meta.url),
  settings: paymentsSettings,
  abilities: paymentAbilities,
  create(platform) {
    const settings = paymentsSettings.of(platform.config);
    const identity = platform.use(identityModule);
    const areas = platform.use(areasModule);
    // the aggregator is reached through the service's transport (in-process for the demo stand-in)
    const toBiller: BillerTransport = (url, body, headers) => service.transport(url, body, headers);
    const service: PaymentService = new PaymentService({
      platform, settings, dossiers: platform.use(dossiersModule), notifier: platform.use(notificationsModule),
      biller: settings.biller ? new AggregatorBiller(settings.biller, toBiller) : new NoBiller(),
      people: async (id) => (await identity.getUserSummary(id))?.fullName ?? null,
      places: { agencyName: async (id) => (await areas.getAgency(id))?.name ?? null, communeName: (code) => areas.areaName(code) },
    });
    identity.registerExporter('payments', (userId) => service.exportFor(userId));
    identity.registerExporter('payments_saved_bills', (userId) => service.exportSavedBillsFor(userId));
    identity.registerPersonalData('payments', (userId) => service.describePersonalData(userId));
    return {
      api: {
        reconcileStale: (now) => service.reconcileStale(now),
        remindBills: (now) => service.remindBills(now),
        latestOf: async (principal, limit) => (await service.mine(principal, limit, 0)).items
          .map((r) => ({ id: r.id, code: r.code, description: r.description, status: r.status, amountVnd: Number(r.amount_vnd) })),
      },
      messages,
      routes: (app) => {
        // calls to our own address (demo gateway and bank, in demo mode) stay in the process
        const local = async (method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) => {
          const res = await app.inject({ method, url: url.slice(settings.publicUrl.length), payload: body as string | object | undefined, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } });
          return { status: res.statusCode, json: res.body ? (JSON.parse(res.body) as unknown) : null };
        };
        const viaDefault = service.transport;
        service.transport = (url, body, headers) => (url.startsWith(`${settings.publicUrl}/`) ? local('POST', url, body, headers) : viaDefault(url, body, headers));
        paymentRoutes(app, service);
        if (settings.demo) demoGatewayRoutes(app, platform.db.kysely, settings, local, `${settings.publicUrl}/api/payments/vnpay/ipn`);
        // the demo aggregator serves only when no real one is configured
        if (settings.demo && settings.biller?.apiUrl.startsWith(`${settings.publicUrl}/demo/biller/`)) demoBillerRoutes(app, platform.db.kysely, settings);
      },
      events: {
        // a confirmed bill payment is reported to the biller (dossiers react to the same event in their module)
        'payments.confirmed': async (event) => {
          if ((event.payload as { purpose?: string }).purpose === 'bill') await service.settleBills(String((event.payload as { paymentId?: string }).paymentId));
        },
        [USER_ANONYMISED]: async (event) => service.eraseFor((event.payload as { userId: string }).userId),
      },
      jobs: [
        { name: 'payments.reconcile-stale', cron: '*/5 * * * *', handler: async () => void (await service.reconcileStale()) },
        // 08:00 Vietnam time: reminders of saved bills falling due in a few days
        { name: 'payments.bill-reminders', cron: '0 1 * * *', handler: async () => void (await service.remindBills()) },
      ],
      seed: async ({ demo }) => {
        if (!demo) return;
        await identity.seedDemoAccounts([{
          // lives in Phường Tam Thanh, works for Phường Lương Văn Tri (its commune's counts in other tests stay the pack's)
          phone: '0900000501', fullName: 'Lương Thị Thu', communeCode: '05986',
          memberships: [{ role: 'finance_officer', agencyCode: 'UBND-05983', areaCode: '05983' }],
        }]);
      },
      features: [{ key: 'payments', face: 'citizen' }, { key: 'payments', face: 'staff' }],
    };
  },
};
