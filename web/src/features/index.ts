// Every feature of the web app, one line each. The router, the home tiles, the staff
// console and the leaders' dashboard read this list; a new capability adds its line here.
// The order is the order of the console's navigation.
import type { RouteObject } from 'react-router';
import { withText, type Feature } from '../app/feature.ts';
import type { LazyLocaleSource, LocaleSource } from '../lib/i18n.ts';
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

/** The text the app shows of every feature outside its pages, for initI18n (in the app bundle). */
export const SHELL_LOCALES: readonly LocaleSource[] = FEATURES.flatMap((f) => (f.locales.shell ? [f.locales.shell] : []));

function featureNamed(key: string): Feature {
  const feature = FEATURES.find((f) => f.key === key);
  if (!feature) throw new Error(`no feature "${key}" in FEATURES`);
  return feature;
}

/** The text a feature's pages need: its own and that of the features it borrows parts from. */
export function textOf(key: string): LazyLocaleSource[] {
  const feature = featureNamed(key);
  return [feature, ...(feature.borrows ?? []).map(featureNamed)].map((f) => f.locales);
}

/** Every page of one part of the app, each shown once its feature's text is in. */
export function pagesOf(part: 'citizen' | 'staff' | 'leader'): RouteObject[] {
  return FEATURES.flatMap((f) => withText(f[part] ?? [], textOf(f.key)));
}
