// npm run import:land -- <parcels.geojson | parcels.shp> --srid 9215 [--kind parcels|zones]
//   [--plan "name" --decision "12/QĐ-UBND" --date 2025-09-01] [--source "data set name"]
// Imports cadastral parcels or zoning zones from a GeoJSON FeatureCollection or a Shapefile
// (the .dbf beside the .shp) in VN-2000 TM-3 (EPSG 9210, 9215, 5897, 5899) or WGS 84 into
// the database named by DATABASE_URL, or the embedded one in DATA_DIR (stop the server
// first: the embedded database has one user). Streamed; a progress line on the terminal;
// rejected features are listed at the end and do not stop the import.
import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { collectMigrations, migrateUp } from '../db/migrate.ts';
import { MODULES } from '../modules/index.ts';
import { AdminUnits } from '../modules/areas/index.ts';
import { communesLoaded, FormerCommunes, formerCommunesFile, geojsonFeatures, LandImporter, shapefileFeatures } from '../modules/land/index.ts';

const USAGE = 'usage: npm run import:land -- <file.geojson|file.shp> --srid <9210|9215|5897|5899|4326> [--kind parcels|zones] [--plan "name" --decision "number" --date YYYY-MM-DD] [--source "name"]';
const SRIDS = [9210, 9215, 5897, 5899, 4326] as const;

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const opts = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(USAGE);
      opts.set(a.slice(2), v);
    } else rest.push(a);
  }
  if (rest.length !== 1) throw new UsageError(USAGE);
  const srid = Number(opts.get('srid'));
  if (!(SRIDS as readonly number[]).includes(srid)) throw new UsageError(`--srid must be one of ${SRIDS.join(', ')}\n${USAGE}`);
  const kind = opts.get('kind') ?? 'parcels';
  if (kind !== 'parcels' && kind !== 'zones') throw new UsageError(`--kind must be parcels or zones\n${USAGE}`);
  const plan = kind === 'zones' ? { name: opts.get('plan'), decisionNumber: opts.get('decision'), decisionDate: opts.get('date') } : undefined;
  if (plan && (!plan.name || !plan.decisionNumber || !/^\d{4}-\d{2}-\d{2}$/.test(plan.decisionDate ?? ''))) throw new UsageError(`zones need --plan, --decision and --date\n${USAGE}`);
  return { file: rest[0]!, srid: srid as (typeof SRIDS)[number], kind: kind as 'parcels' | 'zones', plan: plan as { name: string; decisionNumber: string; decisionDate: string } | undefined, source: opts.get('source') };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  // npm runs workspace scripts in server/; INIT_CWD is where the person typed the command
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  await fs.access(file).catch(() => {
    throw new UsageError(`cannot read ${args.file}`);
  });
  let features;
  if (/\.shp$/i.test(file)) {
    const dbf = file.replace(/\.shp$/i, '.dbf');
    await fs.access(dbf).catch(() => {
      throw new UsageError(`the attributes file ${path.basename(dbf)} is missing beside ${args.file}`);
    });
    features = shapefileFeatures(file, dbf);
  } else features = geojsonFeatures(file);

  const config = loadConfig();
  if (!config.databaseUrl) await fs.mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase(config);
  try {
    await migrateUp(db, await collectMigrations(MODULES));
    if (!(await communesLoaded(db.kysely))) throw new UsageError('the database has no communes yet: start the server once (npm start) so it loads them, then import');
    const units = AdminUnits.load();
    const former = FormerCommunes.load(formerCommunesFile(config.provincePack));
    const importer = new LandImporter(db.kysely, former);
    const started = Date.now();
    const bar = new cliProgress.SingleBar({ format: 'importing {value} features read ({speed}/s)', clearOnComplete: false }, cliProgress.Presets.shades_classic);
    bar.start(0, 0, { speed: 0 });
    const report = await importer.run(features, {
      kind: args.kind,
      srid: args.srid,
      sourceName: args.source ?? path.basename(file),
      plan: args.plan,
      mayWrite: () => true,
      isCommune: (code) => units.getCommune(code) !== undefined,
      placeNames: (code, formerCode) => [units.getCommune(code)?.name, formerCode ? former.get(formerCode)?.name : undefined],
      onProgress: (read) => bar.update(read, { speed: Math.round(read / Math.max(0.001, (Date.now() - started) / 1000)) }),
    }).finally(() => bar.stop());
    console.log(`read ${report.read}, inserted ${report.inserted}, updated ${report.updated}, rejected ${report.read - report.inserted - report.updated} (srid ${report.srid}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const r of report.rejected) console.log(`feature #${r.feature}${r.key ? ` (${r.key})` : ''}: ${r.reason}`);
    if (args.kind === 'zones') console.log('the plan is a draft: a land officer publishes it in the staff console (Quy hoạch) before citizens see it');
    return report.inserted + report.updated > 0 || report.read === 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exit(2);
});
