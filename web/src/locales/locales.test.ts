// Every text key the code uses exists in both languages, and both files have the same keys.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import vi from './vi.json';
import en from './en.json';

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

describe('locales', () => {
  const viKeys = new Set(flatten(vi as Tree).map(strip));
  const enKeys = new Set(flatten(en as Tree).map(strip));

  it('have the same keys in Vietnamese and English', () => {
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  it('contain every literal key used in the code', () => {
    const src = path.resolve(__dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/labelKey: '([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    const missing = [...used].filter((k) => !viKeys.has(k) || !enKeys.has(k));
    expect(missing).toEqual([]);
  });

  it('describe every consent purpose and name every role', () => {
    for (const purpose of ['terms', 'personal_data_processing', 'notifications', 'location']) {
      expect(viKeys.has(`consents.${purpose}.title`) && viKeys.has(`consents.${purpose}.text`)).toBe(true);
    }
    for (const role of ['citizen', 'officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin']) {
      expect(viKeys.has(`roles.${role}`)).toBe(true);
    }
  });
});
