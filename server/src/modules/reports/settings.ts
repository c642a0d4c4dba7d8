// Environment settings of the reports module.
import { Type } from 'typebox';
import { defineSettings } from '../../platform/settings.ts';

export const reportsSettings = defineSettings('reports', {
  REPORTS_DEMO_COUNT: Type.Integer({ minimum: 0, maximum: 100_000, default: 300, description: 'plausible reports seeded across the province in demo mode' }),
}, (v) => ({ demoCount: v.REPORTS_DEMO_COUNT }));
