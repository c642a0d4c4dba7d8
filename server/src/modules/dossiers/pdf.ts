// The one-stop-shop letters as PDFs (Thông tư 01/2018/TT-VPCP): form 1 receipt and
// appointment (with the dossier code as a QR code), 2 request for more documents,
// 3 refusal, 4 apology with a new date, 5 process-control sheet.
import { formatVietnamDate, vietnamHourMinute, vietnamDay } from '@cds/contracts';
import { renderPdf, type PdfDoc as Doc } from '../../platform/pdf.ts';
import { loadQrCode } from '../../platform/lazy.ts';

export interface LetterContext {
  provinceName: string;
  agencyName: string;
  code: string;
  applicantName: string;
  applicantPhone: string;
  communeName: string;
  procedureName: string;
  submittedAt: Date;
  processingDays: number;
  appointmentDate: string | null;
  trackUrl: string;
  /** Render streams uncompressed (tests read the text). */
  compress?: boolean;
}

export interface ControlRow {
  at: Date;
  actor: string;
  action: string;
  status: string;
  note: string;
}

const viDate = (d: Date) => formatVietnamDate(d);
/** "09 giờ 05 phút, ngày 01/06/2026", as the letters' forms word it. */
const viDateTime = (d: Date) => {
  const { hours, minutes } = vietnamHourMinute(d);
  return `${hours} giờ ${minutes} phút, ngày ${viDate(d)}`;
};
const isoToVi = (day: string | null) => (day ? formatVietnamDate(day) : '…');
const longDate = (d: Date) => {
  const [year, month, day] = vietnamDay(d).split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
};

function render(ctx: LetterContext, title: string, draw: (doc: Doc) => void | Promise<void>): Promise<Buffer> {
  return renderPdf({ size: 'A4', margin: 56, compress: ctx.compress ?? true, info: { Title: title, Subject: ctx.code, Keywords: ctx.code } }, async (doc) => {
    header(doc, ctx, title);
    await draw(doc);
  });
}

function header(doc: Doc, ctx: LetterContext, title: string): void {
  const top = doc.y;
  const width = doc.page.width - 112;
  doc.font('bold').fontSize(10).text(ctx.agencyName.toUpperCase(), 56, top, { width: width * 0.42, align: 'center' });
  doc.font('regular').fontSize(10).text(`Số: ${ctx.code}`, 56, doc.y + 4, { width: width * 0.42, align: 'center' });
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 56 + width * 0.42, top, { width: width * 0.58, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: width * 0.58, align: 'center' });
  doc.font('regular').fontSize(10).text(`${ctx.provinceName}, ${longDate(new Date())}`, { width: width * 0.58, align: 'center' });
  doc.moveDown(2);
  doc.font('bold').fontSize(14).text(title, 56, doc.y, { width, align: 'center' });
  doc.font('regular').fontSize(11).text(`Mã hồ sơ: ${ctx.code}`, { width, align: 'center' });
  doc.moveDown(1.2);
  doc.font('regular').fontSize(11);
}

function line(doc: Doc, text: string, opts: { bold?: boolean; indent?: number; keepRight?: number } = {}): void {
  const width = doc.page.width - 112 - (opts.indent ?? 0) - (opts.keepRight ?? 0);
  doc.font(opts.bold ? 'bold' : 'regular').text(text, 56 + (opts.indent ?? 0), doc.y, { width, align: 'left' });
  doc.moveDown(0.3);
}

function signatures(doc: Doc, left: string, right: string): void {
  doc.moveDown(1.5);
  if (doc.y > doc.page.height - 140) doc.addPage();
  const y = doc.y;
  const w = (doc.page.width - 112) / 2;
  const column = (title: string, x: number) => {
    if (!title) return;
    doc.font('bold').fontSize(11).text(title, x, y, { width: w, align: 'center' });
    doc.font('regular').fontSize(9).text('(Ký và ghi rõ họ tên)', x, doc.y, { width: w, align: 'center' });
  };
  column(left, 56);
  column(right, 56 + w);
  doc.fontSize(11);
}

function applicantBlock(doc: Doc, ctx: LetterContext, keepRight = 0): void {
  line(doc, `Ông/Bà: ${ctx.applicantName}`, { keepRight });
  line(doc, `Số điện thoại: ${ctx.applicantPhone}`, { keepRight });
  line(doc, `Địa chỉ: ${ctx.communeName}`, { keepRight });
  line(doc, `Nội dung yêu cầu giải quyết: ${ctx.procedureName}`, { keepRight });
}

/** Form 1: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with the code as a QR code. */
export function receiptPdf(ctx: LetterContext, documents: string[]): Promise<Buffer> {
  return render(ctx, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', async (doc) => {
    const qr = await (await loadQrCode()).toBuffer(ctx.code, { type: 'png', margin: 1, width: 220, errorCorrectionLevel: 'M' });
    const qrY = doc.y;
    doc.image(qr, doc.page.width - 56 - 90, qrY, { width: 90 });
    // the text beside the QR code keeps clear of it, then the page is used in full
    line(doc, `${ctx.agencyName} tiếp nhận hồ sơ của:`, { keepRight: 100 });
    applicantBlock(doc, ctx, 100);
    doc.y = Math.max(doc.y, qrY + 96);
    line(doc, '1. Thành phần hồ sơ nộp gồm:', { bold: true });
    (documents.length ? documents : ['(không có)']).forEach((d, i) => line(doc, `${i + 1}) ${d}`, { indent: 16 }));
    line(doc, '2. Số lượng hồ sơ: 01 (bộ)');
    line(doc, `3. Thời gian giải quyết hồ sơ theo quy định là: ${ctx.processingDays} ngày làm việc`);
    line(doc, `4. Thời gian nhận hồ sơ: ${viDateTime(ctx.submittedAt)}`);
    line(doc, `5. Thời gian trả kết quả giải quyết hồ sơ: ngày ${isoToVi(ctx.appointmentDate)}`);
    line(doc, '6. Đăng ký nhận kết quả tại: trực tuyến, trên Cổng dịch vụ công');
    line(doc, `Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số điện thoại tại: ${ctx.trackUrl}`);
    signatures(doc, 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ');
  });
}

export interface MissingItem {
  name: string;
  note: string | null;
}

/** Form 2: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export function moreDocumentsPdf(ctx: LetterContext, missing: MissingItem[], reason: string | null, contactPhone: string | null): Promise<Buffer> {
  return render(ctx, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', (doc) => {
    line(doc, `${ctx.agencyName} tiếp nhận hồ sơ của:`);
    applicantBlock(doc, ctx);
    line(doc, `Ngày tiếp nhận: ${viDate(ctx.submittedAt)}`);
    line(doc, 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', { bold: true });
    missing.forEach((m, i) => line(doc, `${i + 1}) ${m.name}${m.note ? ` — ${m.note}` : ''}`, { indent: 16 }));
    if (reason) line(doc, `Lý do: ${reason}`);
    line(doc, `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${ctx.agencyName}${contactPhone ? `, số điện thoại ${contactPhone}` : ''} để được hướng dẫn.`);
    line(doc, 'Thời gian Ông/Bà bổ sung hồ sơ không tính vào thời hạn giải quyết.');
    line(doc, 'Xin trân trọng cảm ơn./.');
    signatures(doc, '', 'NGƯỜI HƯỚNG DẪN');
  });
}

/** Form 3: Phiếu từ chối tiếp nhận, giải quyết hồ sơ. */
export function refusalPdf(ctx: LetterContext, reason: string): Promise<Buffer> {
  return render(ctx, 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ', (doc) => {
    line(doc, `${ctx.agencyName} tiếp nhận hồ sơ của:`);
    applicantBlock(doc, ctx);
    line(doc, `Qua xem xét, ${ctx.agencyName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
    line(doc, reason, { indent: 16 });
    line(doc, 'Xin thông báo cho Ông/Bà được biết và thực hiện./.');
    signatures(doc, '', 'NGƯỜI TIẾP NHẬN HỒ SƠ');
  });
}

/** Form 4: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export function apologyPdf(ctx: LetterContext, previousDate: string | null, newDate: string, reason: string): Promise<Buffer> {
  return render(ctx, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', (doc) => {
    line(doc, `Kính gửi: Ông/Bà ${ctx.applicantName}`);
    line(doc, `Ngày ${viDate(ctx.submittedAt)}, ${ctx.agencyName} tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ ${ctx.code}, về việc ${ctx.procedureName}.`);
    line(doc, `Thời hẹn trả kết quả giải quyết hồ sơ: ngày ${isoToVi(previousDate)}.`);
    line(doc, `Tuy nhiên đến nay, ${ctx.agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà theo đúng thời gian đã hẹn.`);
    line(doc, `Lý do: ${reason}`);
    line(doc, `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${ctx.agencyName} xin lỗi Ông/Bà và hẹn lại ngày trả kết quả là ngày ${isoToVi(newDate)}.`);
    line(doc, 'Xin trân trọng cảm ơn./.');
    signatures(doc, '', 'THỦ TRƯỞNG CƠ QUAN');
  });
}

/** Form 5: Phiếu kiểm soát quá trình giải quyết hồ sơ — who held the dossier when. */
export function controlSheetPdf(ctx: LetterContext, rows: ControlRow[]): Promise<Buffer> {
  return render(ctx, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', (doc) => {
    applicantBlock(doc, ctx);
    line(doc, `Thời gian nhận hồ sơ: ${viDateTime(ctx.submittedAt)}`);
    line(doc, `Thời gian trả kết quả giải quyết hồ sơ: ngày ${isoToVi(ctx.appointmentDate)}`);
    doc.moveDown(0.5);
    const cols = [
      { title: 'Thời gian', w: 95 },
      { title: 'Người / cơ quan xử lý', w: 120 },
      { title: 'Việc làm', w: 105 },
      { title: 'Trạng thái', w: 80 },
      { title: 'Ghi chú', w: doc.page.width - 112 - 400 },
    ];
    const row = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 100) doc.addPage();
      const y = doc.y;
      let x = 56;
      let bottom = y;
      doc.font(bold ? 'bold' : 'regular').fontSize(9);
      cells.forEach((c, i) => {
        doc.text(c, x + 2, y + 2, { width: cols[i]!.w - 4 });
        bottom = Math.max(bottom, doc.y + 2);
        x += cols[i]!.w;
      });
      x = 56;
      cols.forEach((c) => {
        doc.rect(x, y, c.w, bottom - y).stroke();
        x += c.w;
      });
      doc.y = bottom;
    };
    row(cols.map((c) => c.title), true);
    rows.forEach((r) => row([viDateTime(r.at), r.actor, r.action, r.status, r.note], false));
    doc.fontSize(11);
  });
}
