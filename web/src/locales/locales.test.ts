// Every text key the code uses exists in both languages; each locale file (the app's, and
// each feature's in features/<name>/locales/: its shell text and its pages' text) has the same
// keys in Vietnamese and English, and no two features claim the same top-level key (a
// feature's namespace). The text is where the code reads it: what the app bundle shows is in
// the files at hand from the start (the app's and the shell files), and a feature's pages read
// only text that comes with them (their feature's and the features they borrow from).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '@cds/contracts';
import { FEATURES } from '../features/index.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));
}

const strip = (key: string) => key.replace(/_(one|other|zero|few|many|two)$/, '');

const isSource = (name: string) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return isSource(d.name) ? [full] : [];
  });
}

const src = path.resolve(__dirname, '..');
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
const code = (file: string) => fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** A pair of locale files: `app` (at hand), a feature's `shell` (at hand) or its `pages` (fetched). */
interface LocaleFiles {
  owner: string;
  kind: 'app' | 'shell' | 'pages';
  vi: string;
  en: string;
}

const FILES: LocaleFiles[] = [
  { owner: 'app', kind: 'app', vi: path.join(src, 'locales', 'vi.json'), en: path.join(src, 'locales', 'en.json') },
  ...fs.readdirSync(path.join(src, 'features')).flatMap((name): LocaleFiles[] => {
    const dir = path.join(src, 'features', name, 'locales');
    if (!fs.existsSync(dir)) return [];
    const pages: LocaleFiles = { owner: name, kind: 'pages', vi: path.join(dir, 'vi.json'), en: path.join(dir, 'en.json') };
    const shell: LocaleFiles = { owner: name, kind: 'shell', vi: path.join(dir, 'shell.vi.json'), en: path.join(dir, 'shell.en.json') };
    return fs.existsSync(shell.vi) ? [pages, shell] : [pages];
  }),
];
const label = (f: LocaleFiles) => (f.kind === 'app' ? 'app' : `${f.owner} ${f.kind}`);

/** Which file holds each key (plural endings stripped), in Vietnamese. */
const WHERE = new Map<string, LocaleFiles>();
for (const file of FILES) for (const key of flatten(read(file.vi)).map(strip)) WHERE.set(key, file);

/** The text keys a source file reads: literal keys, and the prefix of a key built at run time. */
function keysIn(file: string): { literal: string[]; prefixes: string[] } {
  const text = code(file);
  const literal = [...text.matchAll(/['"`]([a-zA-Z0-9_.]+)['"`]/g)].map((m) => m[1]!).filter((k) => WHERE.has(k));
  const prefixes = [...text.matchAll(/`([a-zA-Z0-9_.]+\.)\$\{/g)].map((m) => m[1]!).filter((p) => [...WHERE.keys()].some((k) => k.startsWith(p)));
  return { literal, prefixes };
}

/** The source files `from` loads with it: its static imports, followed (not `import()`, not types). */
function staticClosure(from: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const next = [...from];
  while (next.length) {
    const file = next.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of code(file).matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+\.tsx?)['"]/gm)) {
      next.push(path.resolve(path.dirname(file), m[1]!));
    }
  }
  return seen;
}

/** Keys read by `files` that live in a file not in `allowed`, as "key (file) in source". */
function misplaced(files: Iterable<string>, allowed: (f: LocaleFiles) => boolean): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    const { literal, prefixes } = keysIn(file);
    const where = [...literal.map((k) => [k, WHERE.get(k)!] as const), ...prefixes.flatMap((p) => [...WHERE].filter(([k]) => k.startsWith(p)))];
    for (const [key, holder] of where) if (!allowed(holder)) wrong.push(`${key} (${label(holder)}) in ${path.relative(src, file)}`);
  }
  return [...new Set(wrong)];
}

describe('locales', () => {
  const vi: Tree = {};
  const en: Tree = {};
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const file of FILES) {
    for (const [lng, into] of [['vi', vi], ['en', en]] as const) {
      const tree = read(file[lng]);
      for (const key of Object.keys(tree)) {
        if (lng === 'vi' && owner.has(key) && owner.get(key) !== file.owner) clashes.push(`${key}: ${owner.get(key)} and ${file.owner}`);
        if (lng === 'vi') owner.set(key, file.owner);
      }
      Object.assign(into, tree);
    }
  }

  it('finds the app file and the features files', () => {
    expect(FILES.map(label)).toEqual(expect.arrayContaining(['app', 'dossiers pages', 'reports pages', 'reports shell', 'staff pages']));
  });

  for (const file of FILES) {
    it(`have the same keys in Vietnamese and English (${label(file)})`, () => {
      const fileVi = new Set(flatten(read(file.vi)).map(strip));
      const fileEn = new Set(flatten(read(file.en)).map(strip));
      expect([...fileVi].filter((k) => !fileEn.has(k))).toEqual([]);
      expect([...fileEn].filter((k) => !fileVi.has(k))).toEqual([]);
    });
  }

  it('give each top-level key (namespace) to one feature only', () => {
    expect(clashes).toEqual([]);
  });

  it('give each key to one file only (a shell key is not also in the pages file)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of FILES) {
      for (const key of flatten(read(file.vi)).map(strip)) {
        if (seen.has(key) && seen.get(key) !== label(file)) twice.push(`${key}: ${seen.get(key)} and ${label(file)}`);
        seen.set(key, label(file));
      }
    }
    expect(twice).toEqual([]);
  });

  it('contain every literal key used in the code', () => {
    const viKeys = new Set(flatten(vi).map(strip));
    const enKeys = new Set(flatten(en).map(strip));
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      const text = code(file);
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/(?:labelKey|descriptionKey): '([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    // a deep merge of each feature's shell and pages files, as i18next holds them
    const deepVi = new Set(FILES.flatMap((f) => flatten(read(f.vi)).map(strip)));
    const deepEn = new Set(FILES.flatMap((f) => flatten(read(f.en)).map(strip)));
    const missing = [...used].filter((k) => !(viKeys.has(k) || deepVi.has(k)) || !(enKeys.has(k) || deepEn.has(k)));
    expect(missing).toEqual([]);
  });

  it('describe every consent purpose and name every role', () => {
    const viKeys = new Set([...WHERE.keys()]);
    for (const purpose of ['terms', 'personal_data_processing', 'notifications', 'location']) {
      expect(viKeys.has(`consents.${purpose}.title`) && viKeys.has(`consents.${purpose}.text`)).toBe(true);
    }
    const enKeys = new Set(FILES.flatMap((f) => flatten(read(f.en)).map(strip)));
    expect(ROLES.filter((role) => !viKeys.has(`roles.${role}`) || !enKeys.has(`roles.${role}`))).toEqual([]);
  });
});

describe('where the text is', () => {
  it('the code of the app bundle reads only text at hand (the app files and the shell files)', () => {
    const bundle = staticClosure([path.join(src, 'main.tsx')]);
    expect(bundle.has(path.join(src, 'features', 'home', 'HomePage.tsx'))).toBe(true);
    expect(misplaced(bundle, (f) => f.kind !== 'pages')).toEqual([]);
  });

  it('finds the keys a file reads, literal or built at run time', () => {
    const overlay = keysIn(path.join(src, 'features', 'alerts', 'parts.tsx'));
    expect(overlay.literal).toEqual(expect.arrayContaining(['alerts.safe', 'alerts.answeredSafe']));
    expect(overlay.prefixes).toContain('alerts.status.');
  });

  for (const feature of FEATURES) {
    it(`the pages of ${feature.key} read only their own text, the shell's and what they borrow`, () => {
      const dir = path.join(src, 'features', feature.key);
      const files = staticClosure(fs.readdirSync(dir).filter(isSource).map((name) => path.join(dir, name)));
      const mine = new Set([feature.key, ...(feature.borrows ?? [])]);
      expect(misplaced(files, (f) => f.kind !== 'pages' || mine.has(f.owner))).toEqual([]);
    });
  }

  it('borrow only from features that exist', () => {
    const keys = FEATURES.map((f) => f.key);
    expect(FEATURES.flatMap((f) => f.borrows ?? []).filter((k) => !keys.includes(k))).toEqual([]);
  });
});
