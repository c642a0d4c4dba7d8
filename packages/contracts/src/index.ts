// @cds/contracts: what the server and the web app share.
//
// This entry holds what both sides run: enums, constants and pure rules (phone numbers,
// the CCCD, the dossier form validator, Vietnamese folding). Nothing reachable from here
// imports TypeBox, so the web app may import it at runtime without TypeBox entering its
// bundle (contracts.test.ts checks that).
//
// The API shapes are TypeBox schemas, one file per module: `@cds/contracts/<module>`
// (identity, areas, reports, open311, procedures, dossiers, notifications, dashboard,
// system; shared parts in `common`). Server routes import the schemas; the web app imports
// only their types (`import type { Me } from '@cds/contracts/identity'`).
export * from './roles.ts';
export * from './abilities.ts';
export * from './vietnamese.ts';
export * from './phone.ts';
export * from './cccd.ts';
export * from './vietqr.ts';
export * from './form-schema.ts';
export * from './identity.rules.ts';
export * from './areas.rules.ts';
export * from './reports.rules.ts';
export * from './procedures.rules.ts';
export * from './dossiers.rules.ts';
export * from './system.rules.ts';
export * from './directory.rules.ts';
export * from './health.rules.ts';
export * from './environment.rules.ts';
export * from './cameras.rules.ts';
export * from './market.rules.ts';
export * from './assistant.rules.ts';
export * from './vietnam-time.ts';
export * from './land.rules.ts';
export * from './alerts.rules.ts';
