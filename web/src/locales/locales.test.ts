// Every text key the code uses exists in both languages; each locale file (the app's, and
// each feature's in features/<name>/locales/) has the same keys in Vietnamese and English,
// and no two files claim the same top-level key (a feature's namespace).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '@cds/contracts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));
}

const strip = (key: string) => key.replace(/_(one|other|zero|few|many|two)$/, '');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

const src = path.resolve(__dirname, '..');
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;

/** The app's locale folder and every feature's, by name. */
const FOLDERS: [string, string][] = [
  ['app', path.join(src, 'locales')],
  ...fs
    .readdirSync(path.join(src, 'features'))
    .map((name): [string, string] => [name, path.join(src, 'features', name, 'locales')])
    .filter(([, dir]) => fs.existsSync(dir)),
];

describe('locales', () => {
  const vi: Tree = {};
  const en: Tree = {};
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const [name, dir] of FOLDERS) {
    for (const [lng, into] of [['vi', vi], ['en', en]] as const) {
      const tree = read(path.join(dir, `${lng}.json`));
      for (const key of Object.keys(tree)) {
        if (lng === 'vi' && owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${name}`);
        if (lng === 'vi') owner.set(key, name);
      }
      Object.assign(into, tree);
    }
  }
  const viKeys = new Set(flatten(vi).map(strip));
  const enKeys = new Set(flatten(en).map(strip));

  it('finds the app file and the features files', () => {
    expect(FOLDERS.map(([name]) => name)).toEqual(expect.arrayContaining(['app', 'dossiers', 'reports', 'staff']));
  });

  for (const [name, dir] of FOLDERS) {
    it(`have the same keys in Vietnamese and English (${name})`, () => {
      const fileVi = new Set(flatten(read(path.join(dir, 'vi.json'))).map(strip));
      const fileEn = new Set(flatten(read(path.join(dir, 'en.json'))).map(strip));
      expect([...fileVi].filter((k) => !fileEn.has(k))).toEqual([]);
      expect([...fileEn].filter((k) => !fileVi.has(k))).toEqual([]);
    });
  }

  it('give each top-level key (namespace) to one file only', () => {
    expect(clashes).toEqual([]);
  });

  it('contain every literal key used in the code', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/(?:labelKey|descriptionKey): '([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !viKeys.has(k) || !enKeys.has(k));
    expect(missing).toEqual([]);
  });

  it('describe every consent purpose and name every role', () => {
    for (const purpose of ['terms', 'personal_data_processing', 'notifications', 'location']) {
      expect(viKeys.has(`consents.${purpose}.title`) && viKeys.has(`consents.${purpose}.text`)).toBe(true);
    }
    expect(ROLES.filter((role) => !viKeys.has(`roles.${role}`) || !enKeys.has(`roles.${role}`))).toEqual([]);
  });
});
