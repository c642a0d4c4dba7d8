// Where PGlite's memory goes: opens the PGlite data directory DATA_DIR/pglite in this
// (fresh) process as one variant, then reads the largest table, and prints one JSON line
// with the time to open and the memory after each step. bench/suites/pglite-memory.ts runs
// it once per variant.
//   VARIANT=bare|contrib|platform|trimmed|disk   extensions: none; pg_trgm + unaccent; + PostGIS
//                                          from its shipped bundle; + PostGIS from POSTGIS_BUNDLE;
//                                          + PostGIS as the platform opens it (files on disk)
//   PG_PARAMS="shared_buffers=16MB …"       extra server settings (-c)
//   V8_FLAGS="--liftoff-only"               V8 flags set before any WebAssembly is compiled
import v8 from 'node:v8';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

for (const flag of (process.env.V8_FLAGS ?? '').split(' ').filter(Boolean)) v8.setFlagsFromString(flag);
const variant = process.env.VARIANT ?? 'platform';
const mb = (n: number) => Math.round(n / 2 ** 20);
const started = performance.now();
const { PGlite } = await import('@electric-sql/pglite');
const extensions: Record<string, unknown> = {};
if (variant !== 'bare') {
  extensions.pg_trgm = (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm;
  extensions.unaccent = (await import('@electric-sql/pglite/contrib/unaccent')).unaccent;
}
if (variant === 'platform') extensions.postgis = (await import('@electric-sql/pglite-postgis')).postgis;
if (variant === 'trimmed') {
  // the same extension object as @electric-sql/pglite-postgis, pointing at another bundle
  const bundle = pathToFileURL(process.env.POSTGIS_BUNDLE!);
  extensions.postgis = {
    name: 'postgis',
    setup: async (_pg: unknown, opts: { PGLITE_ENV: Record<string, string>; WASM_PREFIX: string }) => {
      opts.PGLITE_ENV.PROJ_DATA = '/pglite/share/proj';
      return { emscriptenOpts: opts, bundlePath: bundle };
    },
  };
}
if (variant === 'disk') {
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { postgisFromDisk, unpackedPostgis } = await import('../server/src/db/postgis-files.ts');
  const unpacked = await unpackedPostgis();
  if (!unpacked) throw new Error('the PostGIS files could not be unpacked (is tar installed?)');
  extensions.postgis = postgisFromDisk(postgis, unpacked);
}
const params = (process.env.PG_PARAMS ?? '').split(' ').filter(Boolean).flatMap((p) => ['-c', p]);
const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
const db = new PGlite(path.join(process.env.DATA_DIR!, 'pglite'), { extensions: extensions as never, ...(params.length ? { startParams: [...defaults, ...params] } : {}) });
await db.waitReady;
const openMs = Math.round(performance.now() - started);
const wasm = () => mb((db as unknown as { mod: { wasmMemory: WebAssembly.Memory } }).mod.wasmMemory.buffer.byteLength);
const snapshot = () => {
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external), wasmMb: wasm() };
};
const afterOpen = snapshot();
// read what the public pages read: every report once, then the newest ones (and, with PostGIS, a map box)
await db.query('SELECT count(*), sum(length(description)) FROM reports');
await db.query('SELECT id, tracking_code, category_code, description, status, lat, lon, received_at FROM reports ORDER BY received_at DESC LIMIT 2000');
if (variant === 'platform' || variant === 'trimmed' || variant === 'disk') await db.query('SELECT count(*) FROM reports WHERE geom && ST_MakeEnvelope(106.6, 21.7, 106.9, 22.0, 4326)');
const afterReads = snapshot();
await db.close();
console.log(JSON.stringify({ openMs, afterOpen, afterReads }));
