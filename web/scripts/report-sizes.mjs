// Prints the gzipped size of every JS chunk and the JS the citizen home page needs at
// start: the entry, everything it imports statically, and the service-worker registration
// it loads right after. Fails when that is over the budget (140 kB gzipped, 1 kB = 1000 bytes).
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

// 138.9 kB when set (issue 10: each feature's page text left the entry for chunks of its own,
// 158.9 kB before); a feature's pages, their code and text, belong in their own chunks
const BUDGET = 140_000;
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestFile = path.join(distDir, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error('report-sizes: dist/.vite/manifest.json is missing; build first (npm run build:force -w web)');
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const gz = new Map();
const gzipped = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length);
  return gz.get(file);
};
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** Chunk files reached from `key` through static imports. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const startKeys = closure(entryKey);
// loaded by main.tsx as soon as the page is up, so it counts toward the home page
for (const key of manifest[entryKey].dynamicImports ?? []) {
  if (/pwa-register/.test(key)) {
    closure(key, startKeys);
    for (const dyn of manifest[key].dynamicImports ?? []) closure(dyn, startKeys);
  }
}
const startFiles = new Set([...startKeys].map((k) => manifest[k].file));

const jsFiles = fs.readdirSync(path.join(distDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const rows = jsFiles.map((file) => ({ file, raw: fs.statSync(path.join(distDir, file)).size, gzip: gzipped(file) })).sort((a, b) => b.gzip - a.gzip);
console.log('\nJS chunks (gzipped):');
for (const row of rows) {
  const mark = startFiles.has(row.file) ? '  [home]' : '';
  console.log(`  ${kb(row.gzip).padStart(10)}  ${kb(row.raw).padStart(10)} raw  ${row.file}${mark}`);
}
const initial = [...startFiles].reduce((sum, file) => sum + gzipped(file), 0);
console.log(`\nInitial JS for the citizen home route: ${kb(initial)} gzipped (budget ${kb(BUDGET)})`);
if (initial > BUDGET) {
  console.error(`report-sizes: the home route is over budget by ${kb(initial - BUDGET)}; lazy-load the code it does not need at start`);
  process.exit(1);
}
