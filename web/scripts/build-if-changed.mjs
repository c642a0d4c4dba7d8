// Builds the web app only when its inputs changed since the last build, so `npm start`
// stays quick. Inputs: web sources, index.html, Vite config, public files, locales (in src),
// the shared contracts package and the province pack's brand. `--force` always builds.
// After a build, prints the bundle sizes (and fails when the home page is over budget).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(webDir, '..');
const distDir = path.join(webDir, 'dist');
const stampFile = path.join(distDir, '.build-stamp');
const pack = process.env.PROVINCE_PACK || 'lang-son';

const inputs = [
  path.join(webDir, 'src'),
  path.join(webDir, 'public'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
  path.join(webDir, 'package.json'),
  path.join(rootDir, 'packages', 'contracts', 'src'),
  path.join(rootDir, 'packages', 'contracts', 'package.json'),
  path.join(rootDir, 'packs', pack, 'pack.json'),
];

function listFiles(entry) {
  if (!fs.existsSync(entry)) return [];
  const stat = fs.statSync(entry);
  if (stat.isFile()) return [entry];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.') && d.name !== 'node_modules')
    .flatMap((d) => listFiles(path.join(entry, d.name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  hash.update(`pack=${pack}\n`);
  for (const file of inputs.flatMap(listFiles).sort()) {
    hash.update(path.relative(rootDir, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function run(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: webDir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const force = process.argv.includes('--force');
const hash = inputsHash();
const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : null;
if (!force && previous === hash && fs.existsSync(path.join(distDir, 'index.html'))) {
  console.log('web: up to date (no changes since the last build)');
  process.exit(0);
}

const require = createRequire(import.meta.url);
const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
console.log(force ? 'web: building (forced)' : 'web: sources changed, building');
run(viteBin, ['build', '--logLevel', 'warn']);
run(path.join(webDir, 'scripts', 'precompress.mjs'), []);
run(path.join(webDir, 'scripts', 'report-sizes.mjs'), []);
fs.writeFileSync(stampFile, `${hash}\n`);
