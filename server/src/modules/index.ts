// Every capability module, in dependency order: a module may use() only those above it.
import type { ModuleDefinition } from '../platform/module.ts';
import { areasModule } from './areas/index.ts';
import { identityModule } from './identity/index.ts';
import { dashboardModule } from './dashboard/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { reportsModule } from './reports/index.ts';
import { open311Module } from './open311/index.ts';
import { proceduresModule } from './procedures/index.ts';
import { dossiersModule } from './dossiers/index.ts';
import { alertsModule } from './alerts/index.ts';
import { newsModule } from './news/index.ts';
import { paymentsModule } from './payments/index.ts';
import { landModule } from './land/index.ts';
import { directoryModule } from './directory/index.ts';
import { healthModule } from './health/index.ts';
import { environmentModule } from './environment/index.ts';
import { camerasModule } from './cameras/index.ts';
import { marketModule } from './market/index.ts';
import { assistantModule } from './assistant/index.ts';

export const MODULES: ModuleDefinition[] = [
  areasModule, identityModule, notificationsModule, reportsModule, dashboardModule, open311Module, proceduresModule, dossiersModule,
  alertsModule, newsModule, paymentsModule, landModule, directoryModule, healthModule, environmentModule, camerasModule, marketModule, assistantModule,
];
