// The province's market targets (chỉ tiêu) from its pack, `market-targets.json`: what leaders
// measure the market against. A pack without the file has no targets; a malformed file
// stops the server at start, naming the file, rather than showing wrong figures.
import fs from 'node:fs';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { ProvincePack } from '../../platform/pack.ts';
import type { MarketStats } from '@cds/contracts/market';

const Count = Type.Integer({ minimum: 0 });
export const TargetsFile = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  /** true while the numbers are placeholders waiting for the province to set them. */
  demo: Type.Boolean(),
  /** Where the numbers come from (a plan, a decision) — or that they are demo values. */
  source: Type.String({ minLength: 3 }),
  shopsOnline: Count,
  ocopProductsListed: Count,
  weeklyOrders: Count,
  weeklySalesVnd: Count,
}, { additionalProperties: true });
export type TargetsFile = Static<typeof TargetsFile>;

export function loadMarketTargets(pack: ProvincePack): MarketStats['targets'] {
  const file = path.join(pack.dir, 'market-targets.json');
  if (!fs.existsSync(file)) return null;
  const raw = pack.readJson<unknown>('market-targets.json');
  if (!Value.Check(TargetsFile, raw)) {
    const first = [...Value.Errors(TargetsFile, raw)][0];
    throw new Error(`${file}: ${first ? `${first.instancePath || '/'} ${first.message}` : 'not in the expected shape'}`);
  }
  const { year, demo, source, shopsOnline, ocopProductsListed, weeklyOrders, weeklySalesVnd } = raw;
  return { year, demo, source, shopsOnline, ocopProductsListed, weeklyOrders, weeklySalesVnd };
}
