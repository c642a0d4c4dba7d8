// npm run import:boundaries -- communes.geojson [--source "name of the data set"]
// Imports commune boundaries (GeoJSON FeatureCollection of Polygon/MultiPolygon features
// whose properties carry the commune code) into the database named by DATABASE_URL, or
// the embedded one in DATA_DIR (stop the server first: the embedded database has one user).
import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { collectMigrations, migrateUp } from '../db/migrate.ts';
import { MODULES } from '../modules/index.ts';
import { loadPack } from '../platform/pack.ts';
import { AdminUnits, CODE_PROPERTIES, demoTilingPlan, importBoundaries, ImportFileError, type ImportReport } from '../modules/areas/index.ts';

const USAGE = 'usage: npm run import:boundaries -- <file.geojson> [--source "data set name"]';

function parseArgs(argv: string[]): { file: string; source: string | undefined } {
  const args = [...argv];
  let source: string | undefined;
  const at = args.indexOf('--source');
  if (at >= 0) {
    source = args[at + 1];
    if (!source) throw new ImportFileError(USAGE);
    args.splice(at, 2);
  }
  if (args.length !== 1 || !args[0]) throw new ImportFileError(USAGE);
  return { file: args[0], source };
}

function printReport(r: ImportReport): void {
  console.log(`features: ${r.features}, imported: ${r.imported} (replacing ${r.replacedSynthetic} synthetic)`);
  if (r.unknownCodes.length) console.log(`unknown commune codes (skipped): ${r.unknownCodes.join(', ')}`);
  if (r.missingCode.length) {
    console.log(`features without a commune code (skipped): #${r.missingCode.join(', #')} — expected one of the properties ${CODE_PROPERTIES.join(', ')}`);
  }
  for (const p of r.invalid) console.log(`feature #${p.index} (${p.code ?? '?'}): ${p.reason} (skipped)`);
  if (r.syntheticRemoved) console.log(`synthetic demo polygons removed: ${r.syntheticRemoved}`);
  if (r.syntheticRefilled) console.log(`synthetic demo polygons generated for communes still without a boundary: ${r.syntheticRefilled}`);
}

async function main(): Promise<number> {
  const { file, source } = parseArgs(process.argv.slice(2));
  // npm runs workspace scripts in server/; INIT_CWD is where the person typed the command
  const text = await fs.readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8').catch(() => {
    throw new ImportFileError(`cannot read ${file}`);
  });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new ImportFileError(`${file} is not valid JSON`);
  }
  const config = loadConfig();
  if (!config.databaseUrl) await fs.mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase(config);
  try {
    await migrateUp(db, await collectMigrations(MODULES));
    const units = AdminUnits.load();
    const refill = config.demoMode ? demoTilingPlan(loadPack(config.provincePack)) : undefined;
    const bar = new cliProgress.SingleBar({ format: 'importing [{bar}] {value}/{total} features', clearOnComplete: false }, cliProgress.Presets.shades_classic);
    bar.start(Array.isArray((input as { features?: unknown }).features) ? (input as { features: unknown[] }).features.length : 0, 0);
    const report = await importBoundaries(db.kysely, units, input, {
      source: source ?? path.basename(file),
      onProgress: (done) => bar.update(done),
      refill,
    }).finally(() => bar.stop());
    printReport(report);
    return report.imported > 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof ImportFileError ? err.message : err);
  process.exit(2);
});
