// Writes the blank templates (mẫu đơn, tờ khai) named in procedures.json as simple PDFs,
// one line per field of the procedure's application form, so people who apply on paper
// can print them. Run after generate.mjs: node packs/lang-son/procedures/make-templates.mjs
// Needs the DejaVu fonts (Debian: fonts-dejavu-core) for Vietnamese letters.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const here = path.dirname(fileURLToPath(import.meta.url));
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const { procedures } = JSON.parse(fs.readFileSync(path.join(here, 'procedures.json'), 'utf8'));
const outDir = path.join(here, 'templates');
fs.mkdirSync(outDir, { recursive: true });

const seen = new Map();
for (const p of procedures) {
  for (const d of p.requiredDocuments) if (d.template && !seen.has(d.template)) seen.set(d.template, { doc: d, procedure: p });
}

for (const [file, { doc, procedure }] of seen) {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: doc.name, Producer: 'Công dân số', CreationDate: new Date('2025-07-01T00:00:00Z') } });
  pdf.registerFont('body', FONT);
  pdf.registerFont('bold', BOLD);
  const out = fs.createWriteStream(path.join(outDir, file));
  pdf.pipe(out);
  pdf.font('bold').fontSize(12).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  pdf.font('bold').fontSize(11).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' }).moveDown(1.2);
  pdf.font('bold').fontSize(14).text(doc.name.replace(/\s*\(.*\)$/, '').toUpperCase(), { align: 'center' }).moveDown(0.6);
  pdf.font('body').fontSize(11).text(`Kính gửi: ${procedure.agencyLabel}`, { align: 'center' }).moveDown(1);
  const required = new Set(procedure.formSchema.required);
  for (const [key, field] of Object.entries(procedure.formSchema.properties)) {
    const hint = field.enum ? ` (${field.enum.join(' / ')})` : field.format === 'date' ? ' (ngày/tháng/năm)' : '';
    pdf.font('body').fontSize(11).text(`${field.title}${required.has(key) ? ' (*)' : ''}${hint}: `, { continued: true })
      .text('.'.repeat(60), { lineGap: 6 });
  }
  pdf.moveDown(1).text('Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.', { lineGap: 4 });
  pdf.moveDown(1).text('......, ngày ...... tháng ...... năm ......', { align: 'right' });
  pdf.font('bold').text('Người khai', { align: 'right' });
  pdf.font('body').fontSize(9).text('(Ký, ghi rõ họ tên)', { align: 'right' }).moveDown(3);
  pdf.fontSize(8).fillColor('#555555').text(`(*) bắt buộc. Mẫu in được tạo từ biểu mẫu điện tử của thủ tục "${procedure.name}" trên ứng dụng Công dân số; khi nộp trực tuyến không cần in mẫu này.`);
  pdf.end();
  await new Promise((resolve) => out.on('finish', resolve));
}
console.log(`${seen.size} templates in ${outDir}`);
