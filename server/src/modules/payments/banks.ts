// Bank BINs (NAPAS 247) from data/banks.json, checked when loaded so a typo in the data
// file or in VIETQR_BANK_BIN stops the server instead of printing QR codes no bank reads.
import fs from 'node:fs';

export interface Bank {
  bin: string;
  code: string;
  name: string;
}

export function parseBanks(json: unknown): Bank[] {
  const list = (json as { banks?: unknown }).banks;
  if (!Array.isArray(list) || list.length === 0) throw new Error('banks.json: "banks" must be a non-empty list');
  const seen = new Set<string>();
  return list.map((b: Partial<Bank>, i) => {
    if (typeof b.bin !== 'string' || !/^97\d{4}$/.test(b.bin)) throw new Error(`banks.json: banks[${i}].bin must be 6 digits starting 97`);
    if (typeof b.name !== 'string' || !b.name.trim()) throw new Error(`banks.json: banks[${i}].name is required`);
    if (typeof b.code !== 'string' || !/^[A-Z0-9]{2,10}$/.test(b.code)) throw new Error(`banks.json: banks[${i}].code must be 2–10 capitals or digits`);
    if (seen.has(b.bin)) throw new Error(`banks.json: BIN ${b.bin} is listed twice`);
    seen.add(b.bin);
    return { bin: b.bin, code: b.code, name: b.name };
  });
}

export const BANKS: readonly Bank[] = parseBanks(JSON.parse(fs.readFileSync(new URL('./data/banks.json', import.meta.url), 'utf8')));

export function bankByBin(bin: string): Bank | undefined {
  return BANKS.find((b) => b.bin === bin);
}
