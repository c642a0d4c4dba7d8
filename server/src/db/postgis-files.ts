// PostGIS for the embedded database, opened from files on disk instead of PGlite's bundle.
//
// PGlite's PostGIS extension is a gzipped tar (the library, install scripts, PROJ's database):
// at every start PGlite gunzips it, copies it into a Blob, untars it in JavaScript and writes
// every file into its in-memory file system. For some 50 MiB that took about 40 % of opening
// the database and left some 150 MiB more resident (bench/results/footprint.md). Here the
// bundle is unpacked once, without what the platform never loads (raster, topology, the tiger
// geocoder, old upgrade scripts), into node_modules/.cache; at start the files are linked into
// PGlite's file system from a read-only NODEFS mount (read when PostgreSQL opens them), and the
// library is handed to Emscripten's preloading as PGlite's own loader does, so it is compiled
// in the background while the database starts and `dlopen` finds it ready.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Extension } from '@electric-sql/pglite';

/** The parts of PGlite's Emscripten module the links need. */
interface EmscriptenFs {
  mkdir(path: string): void;
  mkdirTree(path: string): void;
  mount(type: unknown, opts: { root: string }, mountpoint: string): void;
  symlink(target: string, path: string): void;
  unlink(path: string): void;
  analyzePath(path: string): { exists: boolean };
  filesystems: { NODEFS: unknown };
  createPreloadedFile(parent: string, name: string, data: Uint8Array, canRead: boolean, canWrite: boolean,
    onload: () => void, onerror: () => void, dontCreateFile: boolean): void;
}
interface EmscriptenOpts {
  preRun?: ((mod: { FS: EmscriptenFs }) => void)[];
}

/** PGlite's file-system root (WASM_PREFIX) and where the unpacked files are mounted. */
const PGLITE_ROOT = '/pglite';
const MOUNT = '/cds-postgis';
const MANIFEST = 'files.json';
/** Bumped when what is kept changes, so an older unpacked copy is not reused. */
const LAYOUT = 1;

/** Files of the shipped bundle the platform never loads. */
function unused(file: string): boolean {
  return /^share\/postgresql\/extension\/(postgis_(raster|topology|tiger)|.*unpackaged|.*--\d+\.\d+\.\d+--ANY\.sql$|.*TEMPLATED)/.test(file)
    || /^lib\/postgresql\/postgis_(raster|topology)-3\.so$/.test(file)
    || file.startsWith('share/postgresql/contrib/');
}

async function writable(dir: string): Promise<boolean> {
  return fs.mkdir(dir, { recursive: true }).then(() => fs.access(dir, fs.constants.W_OK)).then(() => true, () => false);
}

/**
 * The unpacked, trimmed bundle: its folder and the files in it (paths under PGlite's root).
 * Made once per version of @electric-sql/pglite-postgis with the system's tar; null where that
 * fails (the caller then uses the shipped bundle).
 */
export async function unpackedPostgis(): Promise<{ dir: string; files: string[] } | null> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@electric-sql/pglite-postgis'));
  const { version } = JSON.parse(await fs.readFile(path.join(dist, '..', 'package.json'), 'utf8')) as { version: string };
  const name = `cds-postgis-${version}-${LAYOUT}`;
  // node_modules/.cache, as other tools keep theirs; the temp folder where that is read-only
  const nodeModules = dist.slice(0, dist.lastIndexOf(`${path.sep}node_modules${path.sep}`) + `${path.sep}node_modules`.length);
  const cacheRoot = (await writable(path.join(nodeModules, '.cache'))) ? path.join(nodeModules, '.cache') : os.tmpdir();
  const dir = path.join(cacheRoot, name);
  const known = await fs.readFile(path.join(dir, MANIFEST), 'utf8').then((t) => JSON.parse(t) as string[], () => null);
  if (known) {
    const complete = await Promise.all(known.map((f) => fs.access(path.join(dir, f)).then(() => true, () => false)));
    if (complete.every(Boolean)) return { dir, files: known };
    await fs.rm(dir, { recursive: true, force: true });
  }
  // unpacked beside the final folder and renamed into place: two processes starting at once
  // never see half of it, and the manifest is written last
  const tmp = await fs.mkdtemp(path.join(cacheRoot, `${name}.tmp-`));
  try {
    if (spawnSync('tar', ['-xzf', path.join(dist, 'postgis.tar.gz'), '-C', tmp]).status !== 0) return null;
    const all = (await fs.readdir(tmp, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(tmp, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    for (const f of all.filter(unused)) await fs.rm(path.join(tmp, f));
    const files = all.filter((f) => !unused(f)).sort();
    await fs.writeFile(path.join(tmp, MANIFEST), JSON.stringify(files));
    await fs.rename(tmp, dir).catch(async (err: NodeJS.ErrnoException) => {
      // another process finished first: its copy is as good as ours
      if (err.code !== 'EEXIST' && err.code !== 'ENOTEMPTY') throw err;
    });
    return { dir, files };
  } catch {
    return null;
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * `postgis` (from @electric-sql/pglite-postgis) reading `unpacked` from disk: the shipped
 * extension's settings (PROJ_DATA and the like), none of its bundle.
 */
export function postgisFromDisk(postgis: Extension, unpacked: { dir: string; files: string[] }): Extension {
  return {
    name: postgis.name,
    setup: async (pg, emscriptenOpts: unknown) => {
      const { emscriptenOpts: opts } = (await postgis.setup(pg, emscriptenOpts)) as { emscriptenOpts: EmscriptenOpts };
      const libraries = await Promise.all(unpacked.files.filter((f) => f.endsWith('.so'))
        .map(async (f) => ({ file: f, bytes: new Uint8Array(await fs.readFile(path.join(unpacked.dir, f))) })));
      const link = ({ FS }: { FS: EmscriptenFs }) => {
        FS.mkdir(MOUNT);
        FS.mount(FS.filesystems.NODEFS, { root: unpacked.dir }, MOUNT);
        for (const f of unpacked.files) {
          const target = `${PGLITE_ROOT}/${f}`;
          FS.mkdirTree(path.posix.dirname(target));
          if (FS.analyzePath(target).exists) FS.unlink(target);
          FS.symlink(`${MOUNT}/${f}`, target);
        }
        // compiled and linked before PostgreSQL starts (Emscripten waits for preloads), kept
        // where dlopen looks for it; the file itself stays the link above
        for (const { file, bytes } of libraries) {
          const target = `${PGLITE_ROOT}/${file}`;
          FS.createPreloadedFile(path.posix.dirname(target), path.posix.basename(target), bytes, true, false,
            () => undefined, () => console.error(`PostGIS: ${file} could not be preloaded; it will be compiled when first used`), true);
        }
      };
      return { emscriptenOpts: { ...opts, preRun: [...(opts.preRun ?? []), link] } };
    },
  };
}
