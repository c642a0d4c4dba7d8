import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { containsWords, foldVietnamese, vietnameseWords } from './vietnamese.ts';

describe('foldVietnamese', () => {
  const cases: [string, string][] = [
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ KẾT HÔN', 'dang ky ket hon'],
    ['Giấy chứng nhận QSDĐ', 'giay chung nhan qsdd'],
    ['  Chứng thực   bản sao, từ bản chính!  ', 'chung thuc ban sao tu ban chinh'],
    ['Thủ tục 1.001193', 'thu tuc 1 001193'],
    ['Hộ kinh doanh/HKD', 'ho kinh doanh hkd'],
    ['Nguyễn Thị Ánh Tuyết', 'nguyen thi anh tuyet'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`folds "${input}"`, () => assert.equal(foldVietnamese(input), expected));
  }

  it('treats precomposed and combining forms alike', () => {
    assert.equal(foldVietnamese('Kh\u00e1\u00ec'.normalize('NFC')), foldVietnamese('Kha\u0301i'.normalize('NFD')));
    assert.equal(foldVietnamese('hôn'.normalize('NFD')), 'hon');
  });

  it('splits words and finds whole-word phrases', () => {
    assert.deepEqual(vietnameseWords('Đổi bằng lái xe'), ['doi', 'bang', 'lai', 'xe']);
    assert.deepEqual(vietnameseWords('  '), []);
    assert.equal(containsWords('Đăng ký khai sinh', 'KHAI SINH'), true);
    assert.equal(containsWords('Đăng ký khai sinh', 'khai si'), false);
    assert.equal(containsWords('Đăng ký khai sinh', ''), false);
  });
});
