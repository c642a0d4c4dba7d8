// npm run import:basemap -- extract.osm.pbf [--source "name of the extract"]
// Imports the roads, rivers and streams, and named places (towns, villages, hamlets) of an
// OpenStreetMap extract the province supplies into the platform's own base map, in the
// database named by DATABASE_URL or the embedded one in DATA_DIR (stop the server first: the
// embedded database has one user). Importing the same source again replaces its rows.
// OpenStreetMap data is © OpenStreetMap contributors, ODbL: the map shows the attribution.
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connection.ts';
import { collectMigrations, migrateUp } from '../db/migrate.ts';
import { MODULES } from '../modules/index.ts';
import { ImportFileError, importOsmExtract } from '../modules/areas/index.ts';

const USAGE = 'usage: npm run import:basemap -- <extract.osm.pbf> [--source "extract name"]';

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

async function main(): Promise<number> {
  const { file, source } = parseArgs(process.argv.slice(2));
  // npm runs workspace scripts in server/; INIT_CWD is where the person typed the command
  const full = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const config = loadConfig();
  if (!config.databaseUrl) await fs.mkdir(config.dataDir, { recursive: true });
  const db = await openDatabase(config);
  try {
    await migrateUp(db, await collectMigrations(MODULES));
    const r = await importOsmExtract(db.kysely, full, source ?? path.basename(file));
    const count = (layer: string) => r.features.filter((f) => f.layer === layer).length;
    console.log(`read ${r.nodes} nodes and ${r.ways} ways; wrote ${r.written} features: ${count('road')} roads, ${count('water')} rivers and streams, ${count('place')} named places`);
    if (r.incompleteWays) console.log(`${r.incompleteWays} ways reach beyond the extract and were drawn with the nodes it has`);
    return r.written > 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof ImportFileError ? err.message : err);
  process.exit(2);
});
