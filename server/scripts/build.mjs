// Bundles the server (server/src/main.ts and the shared contracts) into one ES module,
// server/dist/main.mjs, so `npm start` runs plain Node: loading some 400 TypeScript files
// through tsx took 6 s of every start (bench/results/baseline/footprint.md), one bundle
// loads in a fraction of that. The pure-JavaScript packages every start loads are bundled in
// too (BUNDLED below); the others stay outside the bundle (node_modules).
// Each file's `import.meta.url` is replaced by that file's own address, so the paths a module
// builds from it (its migrations, data files, fonts, packs) still point into server/src:
// the bundle is built on the machine that runs it, as `npm start` does.
//   node scripts/build.mjs              build when a source file is newer than the bundle
//   node scripts/build.mjs --force      build anyway
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(serverDir, 'dist', 'main.mjs');
const sources = [path.join(serverDir, 'src'), path.join(serverDir, '..', 'packages', 'contracts', 'src'), path.join(serverDir, 'package.json')];

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

// the bundle names files by absolute path: a checkout moved elsewhere needs a new one
const stamp = `${out}.source`;
const sameCheckout = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === serverDir;
const built = fs.existsSync(out) && sameCheckout ? fs.statSync(out).mtimeMs : 0;
if (!process.argv.includes('--force') && built > Math.max(...sources.map(newest))) process.exit(0);

// Pure JavaScript that every start loads, bundled in: each package left outside costs Node a
// resolution and file reads per module, and (CommonJS imported from ESM) a parse of its
// exports, some 0.5 s of CPU at every start (bench/results/footprint.md). The rest stays
// outside: native code (sharp, argon2), WebAssembly or files read beside the package (PGlite,
// pdfkit's fonts, swagger-ui's page), or packages that load on first use only.
const BUNDLED = new Set([
  'fastify', '@fastify/compress', '@fastify/cookie', '@fastify/formbody', '@fastify/helmet', '@fastify/multipart', '@fastify/static',
  '@fastify/type-provider-typebox', 'typebox', 'kysely', 'pg', 'fast-xml-parser',
]);
const pkg = JSON.parse(fs.readFileSync(path.join(serverDir, 'package.json'), 'utf8'));
const external = [...Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => !BUNDLED.has(d)), 'pg-native'].flatMap((d) => [d, `${d}/*`]);
const started = Date.now();
await build({
  // the push pool's worker thread is its own file (src/modules/notifications/push-pool.ts)
  entryPoints: { main: path.join(serverDir, 'src', 'main.ts'), 'push-worker': path.join(serverDir, 'src', 'modules', 'notifications', 'push-worker.ts') },
  outdir: path.dirname(out),
  outExtension: { '.js': '.mjs' },
  define: { 'process.env.CDS_BUNDLED_PUSH_WORKER': JSON.stringify(pathToFileURL(path.join(path.dirname(out), 'push-worker.mjs')).href) },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: 'linked',
  // stack traces need the mappings, not the sources: a map with them took a start 0.2 s to read
  sourcesContent: false,
  logLevel: 'warning',
  // CommonJS packages bundled into ESM ask for `require`
  banner: { js: "import { createRequire as __cdsCreateRequire } from 'node:module'; const require = __cdsCreateRequire(import.meta.url);" },
  plugins: [{
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        const text = await fs.promises.readFile(args.path, 'utf8');
        return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  }],
});
fs.writeFileSync(stamp, serverDir);
console.log(`server: built ${path.relative(process.cwd(), out)} in ${Date.now() - started} ms`);
