import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apologyPdf, controlSheetPdf, moreDocumentsPdf, receiptPdf, refusalPdf, type LetterContext } from './pdf.ts';
import { pdfHasText } from './pdf-text.ts';

const ctx: LetterContext = {
  provinceName: 'Lạng Sơn', agencyName: 'Ủy ban nhân dân Phường Lương Văn Tri', code: 'UBND-05983-261123-0001', applicantName: 'Nguyễn Văn An',
  applicantPhone: '0900000001', communeName: 'Phường Lương Văn Tri', procedureName: 'Đăng ký khai sinh', submittedAt: new Date('2026-11-23T02:00:00Z'),
  processingDays: 3, appointmentDate: '2026-11-26', trackUrl: 'http://localhost/tra-cuu-ho-so', compress: false,
};

function assertPdf(b: Buffer, ...texts: string[]) {
  assert.equal(b.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(b.subarray(-8).toString('latin1'), /%%EOF/);
  for (const t of texts) assert.ok(pdfHasText(b, t), `PDF should contain "${t}"`);
}

describe('one-stop-shop letters as PDF', () => {
  it('form 1: receipt with the code, the appointment date, Vietnamese text and a QR image', async () => {
    const b = await receiptPdf(ctx, ['Giấy chứng sinh: giay-chung-sinh.pdf']);
    assertPdf(b, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Mã hồ sơ: UBND-05983-261123-0001', 'Nguyễn Văn An', 'ngày 26/11/2026', 'Giấy chứng sinh');
    assert.match(b.toString('latin1'), /\/Subtype \/Image/);
    assert.match(b.toString('latin1'), /NotoSans/);
  });

  it('form 2: request for more documents lists what is missing', async () => {
    const b = await moreDocumentsPdf(ctx, [{ name: 'Bản sao giấy đăng ký kết hôn', note: 'bản rõ nét' }], 'Ảnh mờ', null);
    assertPdf(b, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Bản sao giấy đăng ký kết hôn', 'UBND-05983-261123-0001');
  });

  it('form 3: refusal with the reason', async () => {
    assertPdf(await refusalPdf(ctx, 'Không thuộc thẩm quyền'), 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ', 'Không thuộc thẩm quyền');
  });

  it('form 4: apology with the new date', async () => {
    assertPdf(await apologyPdf(ctx, '2026-11-26', '2026-12-01', 'Cần xác minh thêm'), 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', '01/12/2026', 'Cần xác minh thêm');
  });

  it('form 5: process-control sheet with one row per hand-off', async () => {
    const rows = [
      { at: new Date('2026-11-23T02:00:00Z'), actor: 'Nguyễn Văn An', action: 'Nộp hồ sơ', status: 'Mới đăng ký', note: '' },
      { at: new Date('2026-11-23T03:00:00Z'), actor: 'Cán bộ Lương Văn Tri', action: 'Tiếp nhận hồ sơ', status: 'Được tiếp nhận', note: 'Đủ giấy tờ' },
    ];
    assertPdf(await controlSheetPdf(ctx, rows), 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Tiếp nhận hồ sơ', 'Đủ giấy tờ');
  });

  it('compresses by default', async () => {
    const b = await refusalPdf({ ...ctx, compress: undefined }, 'x');
    assert.match(b.toString('latin1'), /FlateDecode/);
  });
});
