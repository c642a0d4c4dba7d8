// One way to make a PDF: pdfkit with Noto Sans embedded as 'regular' and 'bold', so
// Vietnamese diacritics render on every reader, collected into one Buffer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type PDFDocument from 'pdfkit';
import { lazily } from './lazy.ts';

export type PdfDoc = InstanceType<typeof PDFDocument>;
export type PdfOptions = ConstructorParameters<typeof PDFDocument>[0];

const FONTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/fonts');
const pdfkit = lazily(async () => (await import('pdfkit')).default);

/** Renders `draw` into a PDF; the document ends when `draw` (which may be async) returns. */
export async function renderPdf(options: PdfOptions, draw: (doc: PdfDoc) => void | Promise<void>): Promise<Buffer> {
  const Pdf = await pdfkit();
  return new Promise((resolve, reject) => {
    const doc = new Pdf(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', path.join(FONTS, 'NotoSans-Regular.ttf'));
    doc.registerFont('bold', path.join(FONTS, 'NotoSans-Bold.ttf'));
    Promise.resolve()
      .then(() => draw(doc))
      .then(() => doc.end(), reject);
  });
}
