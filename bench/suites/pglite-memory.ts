// Where PGlite's resident memory goes, measured: the volume's data directory opened in a
// fresh process (bench/probe-pglite.ts) without extensions, with the text-search ones, with
// PostGIS from its shipped bundle, as the platform opens it (files on disk), and with candidate savings: a PostGIS bundle holding only
// what the platform uses, a smaller shared_buffers, and V8 compiling WebAssembly once
// (Liftoff only, no optimising tier). Only measures; the platform is not changed here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib.ts';
import type { EngineRun, SuiteResult } from './common.ts';

interface Snapshot { rssMb: number; heapMb: number; externalMb: number; wasmMb: number }
interface Probe { openMs: number; afterOpen: Snapshot; afterReads: Snapshot }

const VARIANTS: { label: string; env: Record<string, string> }[] = [
  { label: 'PGlite alone (no extension)', env: { VARIANT: 'bare' } },
  { label: '+ pg_trgm, unaccent', env: { VARIANT: 'contrib' } },
  { label: '+ PostGIS from the shipped bundle, as PGlite loads it', env: { VARIANT: 'platform' } },
  { label: '+ PostGIS bundle trimmed to postgis-3 (no raster, topology, tiger, upgrade scripts)', env: { VARIANT: 'trimmed' } },
  { label: 'trimmed + shared_buffers=16MB (data dir says 128MB)', env: { VARIANT: 'trimmed', PG_PARAMS: 'shared_buffers=16MB' } },
  { label: 'trimmed + shared_buffers=16MB + V8 --liftoff-only', env: { VARIANT: 'trimmed', PG_PARAMS: 'shared_buffers=16MB', V8_FLAGS: '--liftoff-only' } },
  { label: 'as the platform opens it: trimmed PostGIS files on disk, linked in (server/src/db/postgis-files.ts) + shared_buffers=16MB', env: { VARIANT: 'disk', PG_PARAMS: 'shared_buffers=16MB' } },
];

/** The PostGIS bundle without what the platform never loads (raster and topology libraries, tiger geocoder, old upgrade scripts). */
async function trimmedBundle(dir: string): Promise<string> {
  const require = createRequire(path.join(ROOT, 'server/package.json'));
  const original = path.join(path.dirname(require.resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
  const tree = path.join(dir, 'tree');
  await fs.mkdir(tree, { recursive: true });
  if (spawnSync('tar', ['-xzf', original, '-C', tree]).status !== 0) throw new Error('cannot unpack the PostGIS bundle');
  const ext = path.join(tree, 'share/postgresql/extension');
  for (const f of await fs.readdir(ext)) {
    if (/^postgis_(raster|topology|tiger)|unpackaged|--\d+\.\d+\.\d+--ANY\.sql$|TEMPLATED/.test(f)) await fs.rm(path.join(ext, f));
  }
  await fs.rm(path.join(tree, 'lib/postgresql/postgis_raster-3.so'), { force: true });
  await fs.rm(path.join(tree, 'lib/postgresql/postgis_topology-3.so'), { force: true });
  await fs.rm(path.join(tree, 'share/postgresql/contrib'), { recursive: true, force: true });
  const files = spawnSync('find', ['.', '-type', 'f'], { cwd: tree, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((f) => f.replace(/^\.\//, ''));
  const out = path.join(dir, 'postgis-trimmed.tar.gz');
  // PGlite expects member names without a leading ./
  if (spawnSync('tar', ['-czf', out, ...files], { cwd: tree }).status !== 0) throw new Error('cannot pack the trimmed bundle');
  return out;
}

async function probe(env: Record<string, string>): Promise<Probe> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/probe-pglite.ts')], { cwd: path.join(ROOT, 'server'), env: { ...(process.env as Record<string, string>), ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise((r) => child.once('exit', r));
  const line = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`PGlite probe failed (${String(code)}): ${out.slice(-500)}`);
  return JSON.parse(line) as Probe;
}

export async function pgliteMemorySuite(run: EngineRun): Promise<SuiteResult> {
  if (run.volume.engine !== 'pglite') return { markdown: '', targets: [] };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-postgis-'));
  // the platform holds the data directory; the probes open it one at a time while it is stopped
  await run.server.stop();
  const rows: string[] = [];
  try {
    const bundle = await trimmedBundle(dir);
    const size = async (f: string) => `${((await fs.stat(f)).size / 2 ** 20).toFixed(1)} MiB`;
    const require = createRequire(path.join(ROOT, 'server/package.json'));
    const originalSize = await size(path.join(path.dirname(require.resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz'));
    for (const v of VARIANTS) {
      const p = await probe({ ...v.env, DATA_DIR: run.volume.env.DATA_DIR!, POSTGIS_BUNDLE: bundle });
      rows.push(`| ${v.label} | ${(p.openMs / 1000).toFixed(1)} | ${p.afterOpen.rssMb} | ${p.afterReads.rssMb} | ${p.afterReads.wasmMb} | ${p.afterReads.externalMb} | ${p.afterReads.heapMb} |`);
    }
    rows.push('', `PostGIS bundle: ${originalSize} as shipped, ${await size(bundle)} trimmed. PGlite unpacks a bundle into its in-memory file system and compiles every \`.so\` in it at start, used or not.`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await run.restart();
  }
  const markdown = [
    `### ${run.volume.label}`,
    '',
    'A fresh Node process opens the volume\'s data directory, then reads every report and the newest 2,000 (and a bounding box with PostGIS).',
    '',
    '| variant | open (s) | RSS after open (MiB) | RSS after the reads | WebAssembly memory | external (JS buffers, in-memory files) | JS heap |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
  return { markdown, targets: [] };
}
