// Every feature of the web app, one line each. The router, the home tiles, the staff
// console and the leaders' dashboard read this list; a new capability adds its line here.
// The order is the order of the console's navigation.
import type { Feature } from '../app/feature.ts';
import { accountFeature } from './account/feature.ts';
import { alertsFeature } from './alerts/feature.ts';
import { assistantFeature } from './assistant/feature.ts';
import { dossiersFeature } from './dossiers/feature.ts';
import { landFeature } from './land/feature.ts';
import { leaderFeature } from './leader/feature.ts';
import { marketFeature } from './market/feature.ts';
import { paymentsFeature } from './payments/feature.ts';
import { newsFeature } from './news/feature.ts';
import { directoryFeature } from './directory/feature.ts';
import { healthFeature } from './health/feature.ts';
import { environmentFeature } from './environment/feature.ts';
import { camerasFeature } from './cameras/feature.ts';
import { notificationsFeature } from './notifications/feature.ts';
import { proceduresFeature } from './procedures/feature.ts';
import { reportsFeature } from './reports/feature.ts';
import { staffFeature } from './staff/feature.ts';

export const FEATURES: readonly Feature[] = [
  staffFeature,
  reportsFeature,
  alertsFeature,
  leaderFeature,
  dossiersFeature,
  proceduresFeature,
  accountFeature,
  notificationsFeature,
  paymentsFeature,
  landFeature,
  newsFeature,
  directoryFeature,
  healthFeature,
  environmentFeature,
  camerasFeature,
  marketFeature,
  assistantFeature,
];

/** The text of every feature, for initI18n. */
export const FEATURE_LOCALES = FEATURES.map((f) => f.locales);
