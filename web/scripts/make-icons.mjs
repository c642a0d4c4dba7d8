// Draws the PWA icons (192, 512 and a maskable 512) from the province pack's colours.
// Run once per pack: node web/scripts/make-icons.mjs [pack]. Uses sharp from the server workspace.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));
const packName = process.argv[2] || process.env.PROVINCE_PACK || 'lang-son';
const pack = JSON.parse(fs.readFileSync(path.join(here, '..', '..', 'packs', packName, 'pack.json'), 'utf8'));
const { primary, accent } = pack.brand.colors;
const outDir = path.join(here, '..', 'public', 'icons');

/** The emblem on a full square; `inset` keeps the drawing inside the maskable safe zone. */
function svg(inset) {
  const s = 64;
  const scale = (s - 2 * inset) / s;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}">
  <rect width="${s}" height="${s}" fill="${primary}"/>
  <g transform="translate(${inset} ${inset}) scale(${scale})">
    <circle cx="32" cy="32" r="26" fill="none" stroke="#ffffff" stroke-width="2"/>
    <circle cx="41" cy="22" r="6" fill="${accent}"/>
    <path d="M10 44 L24 26 L32 36 L38 29 L54 44 Z" fill="#ffffff"/>
    <path d="M14 48 H50" stroke="#ffffff" stroke-width="3" stroke-linecap="round"/>
  </g>
</svg>`;
}

const targets = [
  ['icon-192.png', 192, 0],
  ['icon-512.png', 512, 0],
  ['maskable-512.png', 512, 8],
];
for (const [name, size, inset] of targets) {
  await sharp(Buffer.from(svg(inset))).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(outDir, name));
  console.log(`wrote ${name}`);
}
