// The electronic receipt (biên lai điện tử) as a PDF: who paid what, when, through which
// channel, and a QR code of the public address where anyone can check it is genuine.
import { formatVietnamDateTime } from '@cds/contracts';
import { formatVnd } from '@cds/contracts/payments.rules';
import { renderPdf } from '../../platform/pdf.ts';
import { loadQrCode } from '../../platform/lazy.ts';

export interface ReceiptInput {
  provinceName: string;
  code: string;
  description: string;
  amountVnd: number;
  paidAt: Date;
  channel: 'vnpay' | 'vietqr';
  transactionNo: string | null;
  payer: string;
  verifyUrl: string;
  refunded: boolean;
  /** Uncompressed streams, so tests read the text. */
  compress?: boolean;
}

const CHANNEL_NAMES = { vnpay: 'Cổng thanh toán VNPAY (thẻ, tài khoản ngân hàng)', vietqr: 'Chuyển khoản VietQR (NAPAS 247)' };

export async function receiptPdf(r: ReceiptInput): Promise<Buffer> {
  const qr = await (await loadQrCode()).toBuffer(r.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return renderPdf({ size: 'A5', margin: 40, compress: r.compress ?? true, info: { Title: `Biên lai ${r.code}`, Subject: r.code, Keywords: r.code } }, (doc) => {
    const width = doc.page.width - 80;
    doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { width, align: 'center' });
    doc.font('regular').text('Độc lập - Tự do - Hạnh phúc', { width, align: 'center' });
    doc.moveDown(1);
    doc.font('bold').fontSize(14).text('BIÊN LAI THU ĐIỆN TỬ', { width, align: 'center' });
    doc.font('regular').fontSize(10).text(`Số: ${r.code}`, { width, align: 'center' });
    doc.moveDown(1);
    const rows: [string, string][] = [
      ['Người nộp', r.payer],
      ['Nội dung', r.description],
      ['Số tiền', formatVnd(r.amountVnd)],
      ['Thời điểm', formatVietnamDateTime(r.paidAt)],
      ['Hình thức', CHANNEL_NAMES[r.channel]],
      ['Mã giao dịch', r.transactionNo ?? '—'],
      ['Đơn vị thu', r.provinceName],
    ];
    for (const [label, value] of rows) {
      doc.font('bold').fontSize(10).text(`${label}: `, { continued: true, width }).font('regular').text(value);
      doc.moveDown(0.3);
    }
    if (r.refunded) {
      doc.moveDown(0.5);
      doc.font('bold').fontSize(11).fillColor('#b00020').text('ĐÃ HOÀN TIỀN', { width, align: 'center' }).fillColor('black');
    }
    doc.moveDown(0.8);
    const top = doc.y;
    doc.image(qr, 40, top, { width: 96 });
    doc.font('regular').fontSize(9).text('Quét mã để kiểm tra biên lai tại:', 146, top + 8, { width: width - 106 });
    doc.text(r.verifyUrl, { width: width - 106 });
  });
}
