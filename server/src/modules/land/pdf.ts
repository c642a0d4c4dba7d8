// The parcel sheet as a PDF (phiếu thông tin thửa đất): key, area, land uses, zoning, a
// map extract drawn from the vector data (the parcel, its neighbours and the zoning zones
// around it), and the disclaimer.
import { formatVietnamDate } from '@cds/contracts';
import type { ParcelSheet } from '@cds/contracts/land';
import { renderPdf, type PdfDoc as Doc } from '../../platform/pdf.ts';

type Ring = [number, number][];
type Geo = { type: string; coordinates: unknown };

const m2 = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} m²`;

function polygons(g: Geo): Ring[][] {
  if (g.type === 'Polygon') return [g.coordinates as Ring[]];
  if (g.type === 'MultiPolygon') return g.coordinates as Ring[][];
  if (g.type === 'GeometryCollection') return ((g as unknown as { geometries: Geo[] }).geometries).flatMap(polygons);
  return [];
}

export interface MapShape {
  kind: 'parcel' | 'zone';
  use: string | null;
  label: string;
  g: string;
}

export function parcelSheetPdf(sheet: ParcelSheet, around: MapShape[], opts: { provinceName: string; colourOf: (use: string) => string; compress?: boolean; title: string; now?: Date }): Promise<Buffer> {
  return renderPdf({ size: 'A4', margin: 48, compress: opts.compress ?? true, info: { Title: opts.title, Subject: sheet.key } }, (doc) => {
    const width = doc.page.width - 96;
    doc.font('bold').fontSize(15).text(opts.title.toUpperCase(), { width, align: 'center' });
    doc.font('regular').fontSize(10).text(`${opts.provinceName} – ngày ${formatVietnamDate(opts.now ?? new Date())}`, { width, align: 'center' });
    if (sheet.synthetic) doc.fillColor('#b00020').font('bold').text('DỮ LIỆU MÔ PHỎNG – KHÔNG PHẢI THỬA ĐẤT THẬT', { width, align: 'center' }).fillColor('black');
    doc.moveDown();
    const line = (label: string, value: string) => doc.font('bold').fontSize(11).text(`${label}: `, { continued: true }).font('regular').text(value);
    line('Số hiệu thửa', sheet.key);
    line('Xã, phường', `${sheet.commune.name} (${sheet.commune.code})`);
    if (sheet.formerCommune) line('Xã, phường trước sáp nhập', `${sheet.formerCommune.name} (${sheet.formerCommune.code})`);
    line('Tờ bản đồ số', String(sheet.sheet));
    line('Thửa đất số', String(sheet.parcel));
    line('Diện tích', m2(sheet.areaM2));
    if (sheet.address) line('Địa chỉ', sheet.address);
    doc.moveDown(0.5).font('bold').text('Loại đất (Thông tư 08/2024/TT-BTNMT)');
    for (const u of sheet.landUses) {
      doc.font('regular').text(`• ${u.code} – ${u.name}: ${m2(u.areaM2)}${u.legacyCode ? ` (mã cũ ${u.legacyCode})` : ''}`);
    }
    doc.moveDown(0.5).font('bold').text('Quy hoạch');
    if (sheet.zoning.length === 0) doc.font('regular').text('Không nằm trong vùng quy hoạch chi tiết nào trong dữ liệu hiện có.');
    for (const z of sheet.zoning) {
      doc.font('regular').text(`• ${z.plan.name}, Quyết định số ${z.plan.decisionNumber} ngày ${formatVietnamDate(z.plan.decisionDate)}: ô ${z.zoneCode}, ${z.landUse.code} – ${z.landUse.name}`
        + `${z.buildingDensityPct !== null ? `, mật độ xây dựng ${z.buildingDensityPct}%` : ''}${z.maxFloors !== null ? `, tối đa ${z.maxFloors} tầng` : ''}; phần thửa trong ô: ${m2(z.overlapM2)}`);
    }
    doc.moveDown(0.5);
    drawMap(doc, sheet, around, opts.colourOf, 48, doc.y + 6, width, 260);
    doc.y += 276;
    doc.x = 48;
    doc.font('regular').fontSize(9).fillColor('#444').text(sheet.disclaimer, 48, doc.y, { width });
  });
}

/** The map extract: everything projected to local metres around the parcel, north up, with a scale bar. */
function drawMap(doc: Doc, sheet: ParcelSheet, around: MapShape[], colourOf: (use: string) => string, x0: number, y0: number, w: number, h: number): void {
  const c = sheet.centre;
  const kx = 111_320 * Math.cos((c.lat * Math.PI) / 180);
  const ky = 110_574;
  const span = 120; // metres across the extract's shorter side
  const scale = Math.min(w, h) / span;
  const toPt = ([lon, lat]: [number, number]): [number, number] => [x0 + w / 2 + (lon - c.lon) * kx * scale, y0 + h / 2 - (lat - c.lat) * ky * scale];
  doc.save().rect(x0, y0, w, h).clip();
  doc.rect(x0, y0, w, h).fill('#fafafa');
  const path = (rings: Ring[]) => {
    for (const ring of rings) ring.forEach((p, i) => (i === 0 ? doc.moveTo(...toPt(p)) : doc.lineTo(...toPt(p))));
    doc.closePath();
  };
  for (const s of around.filter((a) => a.kind === 'zone')) {
    for (const poly of polygons(JSON.parse(s.g) as Geo)) {
      path(poly);
      doc.fillOpacity(0.45).fill(colourOf(s.use ?? ''), 'even-odd').fillOpacity(1);
    }
  }
  for (const s of around.filter((a) => a.kind === 'parcel')) {
    for (const poly of polygons(JSON.parse(s.g) as Geo)) {
      path(poly);
      doc.lineWidth(0.5).strokeColor('#555').stroke();
    }
  }
  for (const poly of polygons(sheet.geometry as Geo)) {
    path(poly);
    doc.lineWidth(2).strokeColor('#c62828').stroke();
  }
  doc.restore();
  doc.rect(x0, y0, w, h).lineWidth(0.5).strokeColor('black').stroke();
  // scale bar: 20 m
  const bar = 20 * scale;
  doc.moveTo(x0 + 10, y0 + h - 12).lineTo(x0 + 10 + bar, y0 + h - 12).lineWidth(2).strokeColor('black').stroke();
  doc.font('regular').fontSize(8).fillColor('black').text('20 m', x0 + 12 + bar, y0 + h - 17);
  doc.font('bold').fontSize(10).text('Bắc', x0 + w - 24, y0 + 6);
}
