// Environment settings of the land module.
import { Type } from 'typebox';
import { defineSettings } from '../../platform/settings.ts';

export const landSettings = defineSettings('land', {
  LAND_DEMO_PARCELS: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 2000, description: 'synthetic parcels generated in demo mode' }),
}, (v) => ({ demoParcels: v.LAND_DEMO_PARCELS }));
