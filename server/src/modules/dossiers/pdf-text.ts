// Reads the text back out of an uncompressed pdfkit PDF, for tests: pdfkit writes glyph
// ids in hex and a ToUnicode map per embedded font, so each font's map decodes its text.
// Returns one string per font (text in other fonts comes out garbled in that string).

function parseCmap(body: string): Map<number, string> {
  const map = new Map<number, string>();
  const toText = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const m of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
    const start = parseInt(m[1]!, 16);
    const end = parseInt(m[2]!, 16);
    const target = m[3]!;
    if (target.startsWith('[')) {
      [...target.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((u, i) => map.set(start + i, toText(u[1]!)));
    } else {
      const base = parseInt(target.slice(1, -1), 16);
      for (let g = start; g <= end; g++) map.set(g, String.fromCodePoint(base + g - start));
    }
  }
  return map;
}

export function pdfTexts(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const cmaps = [...s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)].map((m) => parseCmap(m[1]!));
  const runs = [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) => [...m[1]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]).join(''));
  return cmaps.map((map) => runs.map((hex) => (hex.match(/.{4}/g) ?? []).map((g) => map.get(parseInt(g, 16)) ?? '').join('')).join('\n'));
}

export const pdfHasText = (pdf: Buffer, text: string) => pdfTexts(pdf).some((t) => t.replace(/\n/g, ' ').includes(text) || t.includes(text));
