import { describe, expect, it } from 'vitest';
import { fileToBase64 } from './files.ts';

describe('fileToBase64', () => {
  it('encodes the bytes, across slice boundaries', async () => {
    const bytes = new Uint8Array(0x8000 * 2 + 3).map((_, i) => i % 251);
    const encoded = await fileToBase64(new File([bytes], 'x.bin'));
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
