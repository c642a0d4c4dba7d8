// Builds the dossiers module from its ports, so index.ts wires the real modules and a
// test can wire stand-ins.
import type { DossierSummary, TrackReply } from '@cds/contracts/dossiers';
import type { Principal } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleDefinition, Platform } from '../../platform/module.ts';
import { DataCipher, loadDataKey } from '../../platform/crypto.ts';
import { RateLimiter } from '../../platform/rate-limit.ts';
import { ApplyingService } from './applying.ts';
import type { DossiersContext } from './context.ts';
import { DocumentService } from './documents.ts';
import { IndicatorService } from './indicator-service.ts';
import { USER_ANONYMISED } from '../identity/index.ts';
import { messages } from './messages.ts';
import { erasePersonalData } from './personal-data.ts';
import { PersonalIds } from './personal-ids.ts';
import { DossierAccess, dossierAbilities } from './policy.ts';
import type { Ports } from './ports.ts';
import type { FeePaymentCount } from './repo.ts';
import { ProcessingService, type PayableFee } from './processing.ts';
import { dossierRoutes } from './routes.ts';
import { TrackingService } from './tracking.ts';
import { DossierViews } from './views.ts';

export interface DossiersApi {
  /** The applicant's dossiers, for the personal-data export. */
  exportFor(userId: string): Promise<unknown>;
  /** The fee a dossier still waits for, or null when nothing can be paid online now. */
  payableFee(dossierId: string): Promise<PayableFee | null>;
  /** Public tracking (code + the applicant's phone), or null when they do not match: statuses and dates only. */
  track(code: string, phone: string): Promise<TrackReply | null>;
  /** The person's own dossiers, newest first. */
  mine(principal: Principal, limit: number): Promise<DossierSummary[]>;
  /** Dossiers whose fees were paid per Vietnam day, method ('counter' | 'online'), agency and commune, for the payments figures. */
  feePaymentsByDay(from: Date, to: Date): Promise<FeePaymentCount[]>;
}

export type { PayableFee };

interface PaymentConfirmed {
  paymentId: string;
  purpose: string;
  reference: string;
  amount: number;
  code?: string;
}

/** The module's parts, by what they do. */
export interface DossierServices {
  views: DossierViews;
  applying: ApplyingService;
  processing: ProcessingService;
  documents: DocumentService;
  tracking: TrackingService;
  indicators: IndicatorService;
}

/** `created` hands the parts to tests (e.g. to run the reminder at a chosen time). */
export function createDossiersModule(ports: (platform: Platform) => Ports, created?: (services: DossierServices, platform: Platform) => void): ModuleDefinition<DossiersApi> {
  return {
    name: 'dossiers',
    migrations: new URL('./migrations/', import.meta.url),
    abilities: dossierAbilities,
    create(platform) {
      const wired = ports(platform);
      const personalIds = new PersonalIds(new DataCipher(loadDataKey(platform.config)));
      const base = { db: platform.db.kysely, platform, ports: wired, access: new DossierAccess(wired.areas), personalIds };
      const context: DossiersContext = { ...base, views: new DossierViews(base) };
      const services: DossierServices = {
        views: context.views,
        applying: new ApplyingService(context),
        processing: new ProcessingService(context),
        documents: new DocumentService(context),
        tracking: new TrackingService(context),
        indicators: new IndicatorService(context),
      };
      created?.(services, platform);
      return {
        api: {
          exportFor: (userId) => services.applying.exportFor(userId),
          payableFee: (id) => services.processing.payableFee(id),
          track: async (code, phone) => {
            try {
              return await services.tracking.track(code, phone);
            } catch (err) {
              if (err instanceof AppError && err.status === 404) return null;
              throw err;
            }
          },
          mine: async (principal, limit) => (await services.applying.mine(principal, limit, 0)).items,
          feePaymentsByDay: (from, to) => services.processing.feePaymentsByDay(from, to),
        },
        events: {
          // the payments module announces a confirmed payment; a dossier fee moves the dossier on
          'payments.confirmed': async (event) => {
            const p = event.payload as unknown as PaymentConfirmed;
            if (p.purpose !== 'dossier_fee') return;
            await services.processing.paidOnline(p.reference, { paymentId: p.paymentId, code: p.code ?? '', amountVnd: p.amount });
          },
          [USER_ANONYMISED]: async (event) => {
            await erasePersonalData(platform.db.kysely, platform.files, (event.payload as { userId: string }).userId);
          },
        },
        messages,
        routes: (app) => dossierRoutes(app, services, new RateLimiter(platform.db)),
        // every start: forms written before personal IDs were sealed get sealed now
        seed: async () => void (await services.applying.sealStoredIds()),
        jobs: [{ name: 'dossiers.due-soon', cron: '0 7 * * 1-5', handler: async () => void (await services.processing.remindDueSoon()) }],
        features: [
          { key: 'dossiers', face: 'citizen' },
          { key: 'dossiers', face: 'staff' },
          { key: 'service-indicators', face: 'leader' },
        ],
      };
    },
  };
}
