// Contract of the system module: health and what this installation offers.
import { Type, type Static } from 'typebox';
import { FACES } from './system.rules.ts';

export const Healthy = Type.Object({ status: Type.Literal('ok') });
export const Unavailable = Type.Object({ status: Type.Literal('unavailable'), reason: Type.String() });

/** A capability the server offers, and the face (citizen app, staff console, leaders' dashboard) that shows it. */
export const Feature = Type.Object({ key: Type.String(), face: Type.Enum(FACES) });
export type Feature = Static<typeof Feature>;

/** GET /api/features: the province brand and the capabilities of this installation. */
export const Installation = Type.Object({
  province: Type.Object({ code: Type.String(), name: Type.String() }),
  brand: Type.Object({
    appName: Type.String(), shortName: Type.String(), tagline: Type.String(), hotline: Type.String(),
    colors: Type.Object({ primary: Type.String(), primaryContrast: Type.String(), accent: Type.String() }),
  }),
  demoMode: Type.Boolean(),
  features: Type.Array(Feature),
});
export type Installation = Static<typeof Installation>;
