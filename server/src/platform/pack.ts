// A province pack is data and configuration, never code: packs/<name>/pack.json holds
// the brand and the province code; modules read their own files from the same folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packs');

export interface ProvincePack {
  id: string;
  provinceCode: string;
  provinceName: string;
  brand: {
    appName: string;
    shortName: string;
    tagline: string;
    colors: { primary: string; primaryContrast: string; accent: string };
  };
  hotline: string;
  dir: string;
  /** Reads a JSON file of the pack, e.g. `agencies.json`. */
  readJson<T>(file: string): T;
}

export function loadPack(id: string, packsDir = PACKS_DIR): ProvincePack {
  const dir = path.join(packsDir, id);
  const file = path.join(dir, 'pack.json');
  if (!fs.existsSync(file)) throw new Error(`province pack "${id}" not found at ${file}`);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<ProvincePack, 'id' | 'dir' | 'readJson'>;
  return {
    ...raw,
    id,
    dir,
    readJson: <T>(name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T,
  };
}
