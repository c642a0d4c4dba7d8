// Environment settings of the areas module.
import { Type } from 'typebox';
import { defineSettings } from '../../platform/settings.ts';

export const areasSettings = defineSettings('areas', {
  AREAS_PACK_MAP: Type.Boolean({
    default: true,
    description: "load the province pack's real commune boundaries, province outline and national border at start (when the database has none yet)",
  }),
}, (v) => ({ packMap: v.AREAS_PACK_MAP }));
