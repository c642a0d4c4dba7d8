import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildVietQr, crc16CcittFalse, parseVietQr, toQrText } from './vietqr.ts';

// the two vectors of the reference (standards.md, VietQR), with correct CRCs
const VECTOR_1 = '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6';
const VECTOR_2 = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';

describe('VietQR', () => {
  it('builds the reference vectors byte for byte', () => {
    assert.equal(buildVietQr({ bankBin: '970416', accountNumber: '257678859', amount: 10000, purpose: 'Chuyen tien' }), VECTOR_1);
    assert.equal(buildVietQr({ bankBin: '970415', accountNumber: '0011001932418', amount: 120000, purpose: 'ung ho lu lut' }), VECTOR_2);
  });

  it('computes CRC-16/CCITT-FALSE (check value of "123456789" is 29B1)', () => {
    assert.equal(crc16CcittFalse('123456789'), '29B1');
    assert.equal(crc16CcittFalse(VECTOR_1.slice(0, -4)), '53E6');
  });

  it('folds the purpose to plain ASCII and bounds it', () => {
    assert.equal(toQrText('Lệ phí hồ sơ Đăng ký khai sinh'), 'Le phi ho so Dang ky khai');
    // 25 characters at most: a caller puts the payment reference first so it survives
    const qr = buildVietQr({ bankBin: '970436', accountNumber: '1234567890', amount: 50000, purpose: 'CDS2612020001 Lệ phí hộ tịch' });
    assert.equal(parseVietQr(qr)?.get('62'), '0825CDS2612020001 Le phi ho t');
  });

  it('makes a static QR without an amount (field 01 = 11, no field 54)', () => {
    const fields = parseVietQr(buildVietQr({ bankBin: '970405', accountNumber: '8888123456' }));
    assert.equal(fields?.get('01'), '11');
    assert.equal(fields?.has('54'), false);
  });

  it('refuses a wrong BIN, account or amount, and a payload with a bad CRC', () => {
    assert.throws(() => buildVietQr({ bankBin: '97043', accountNumber: '1' }));
    assert.throws(() => buildVietQr({ bankBin: '970436', accountNumber: '12 34' }));
    assert.throws(() => buildVietQr({ bankBin: '970436', accountNumber: '1', amount: 10.5 }));
    assert.throws(() => buildVietQr({ bankBin: '970436', accountNumber: '1', amount: 0 }));
    assert.equal(parseVietQr(VECTOR_1.slice(0, -1) + '7'), null);
  });
});
