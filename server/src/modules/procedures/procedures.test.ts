// Unit tests: the Vietnamese normaliser, query preparation, form schemas and fee wording.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { containsWords, foldVietnamese, vietnameseWords } from '@cds/contracts';
import { checkFormSchema, validateFormData, type FormSchema } from './form-schema.ts';
import { expandSynonyms, prepareQuery, searchDocument } from './search.ts';
import { feeSummary } from './service.ts';
import { canManage } from './policy.ts';
import { messages } from './messages.ts';
import { registerMessages } from '../../platform/i18n.ts';

registerMessages(messages);

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

describe('query preparation', () => {
  it('expands abbreviations, longest first', () => {
    assert.equal(expandSynonyms('cap doi cccd'), 'cap doi the can cuoc cong dan');
    assert.equal(expandSynonyms('gcn qsdd'), 'giay chung nhan quyen su dung dat');
    assert.equal(expandSynonyms('gcn'), 'giay chung nhan');
    assert.equal(expandSynonyms('doi bang lai xe'), 'doi giay phep lai xe');
    assert.equal(expandSynonyms('dang ky hkd'), 'dang ky ho kinh doanh');
  });

  it('drops filler words but keeps meaningful ones', () => {
    const q = prepareQuery('Tôi muốn làm giấy khai sinh cho con');
    assert.equal(q.raw, 'toi muon lam giay khai sinh cho con');
    assert.equal(q.text, 'dang ky khai sinh con');
    assert.deepEqual(q.words, ['dang', 'ky', 'khai', 'sinh', 'con']);
  });

  it('keeps a query made only of filler words', () => {
    assert.equal(prepareQuery('cho tôi').text, 'cho toi');
  });

  it('builds a folded search document with expanded aliases', () => {
    const doc = searchDocument({ name: 'Cấp, cấp đổi, cấp lại thẻ căn cước', sector: 'Căn cước', keywords: ['CCCD', 'làm căn cước'] });
    assert.equal(doc.search_name, 'cap cap doi cap lai the can cuoc');
    assert.equal(doc.search_sector, 'can cuoc');
    assert.ok(doc.alias_phrases.includes('cccd'));
    assert.ok(doc.alias_phrases.includes('the can cuoc cong dan'));
    assert.ok(doc.alias_words.includes('lam'));
  });
});

const birthForm: FormSchema = {
  type: 'object',
  properties: {
    childName: { type: 'string', title: 'Họ tên của trẻ', minLength: 2, maxLength: 100 },
    childBirthDate: { type: 'string', title: 'Ngày sinh', format: 'date' },
    childSex: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
    motherIdNumber: { type: 'string', title: 'Số định danh của mẹ', pattern: '^[0-9]{12}$' },
    email: { type: 'string', title: 'Thư điện tử', format: 'email' },
    siblings: { type: 'integer', title: 'Số anh chị em', minimum: 0, maximum: 20 },
    weightKg: { type: 'number', title: 'Cân nặng', minimum: 0.3 },
    twins: { type: 'boolean', title: 'Sinh đôi' },
  },
  required: ['childName', 'childBirthDate', 'childSex'],
};

describe('validateFormData', () => {
  it('accepts a complete, valid form and blank optional answers', () => {
    assert.deepEqual(validateFormData(birthForm, {
      childName: 'Nguyễn Văn An', childBirthDate: '2025-02-28', childSex: 'Nam', motherIdNumber: '020190000123',
      email: '', siblings: 1, weightKg: 3.2, twins: false,
    }), []);
  });

  it('names every problem field with a validation message key', () => {
    const problems = validateFormData(birthForm, {
      childName: ' ', childBirthDate: '2025-02-30', childSex: 'Khác', motherIdNumber: '12345',
      email: 'not-an-email', siblings: 1.5, weightKg: 0.1, twins: 'yes', extra: 1,
    });
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    assert.deepEqual(byField, {
      extra: 'validation.additionalProperties',
      childName: 'validation.required',
      childBirthDate: 'validation.format',
      childSex: 'validation.enum',
      motherIdNumber: 'validation.pattern',
      email: 'validation.format',
      siblings: 'validation.type',
      weightKg: 'validation.minimum',
      twins: 'validation.type',
    });
    assert.deepEqual(problems.find((p) => p.field === 'weightKg')?.params, { limit: 0.3 });
  });

  it('enforces lengths, counting letters not bytes', () => {
    assert.deepEqual(validateFormData(birthForm, { childName: 'Ánh', childBirthDate: '2025-01-01', childSex: 'Nữ' }), []);
    const tooShort = validateFormData(birthForm, { childName: 'A', childBirthDate: '2025-01-01', childSex: 'Nữ' });
    assert.deepEqual(tooShort, [{ field: 'childName', message: 'validation.minLength', params: { limit: 2 } }]);
  });

  it('refuses a body that is not an object', () => {
    assert.equal(validateFormData(birthForm, ['x'])[0]?.field, 'form');
  });
});

describe('checkFormSchema', () => {
  it('accepts the supported subset', () => assert.deepEqual(checkFormSchema(birthForm), []));

  it('names what is outside the subset', () => {
    const fields = checkFormSchema({
      type: 'object',
      properties: {
        'bad name': { type: 'string', title: 'x' },
        nested: { type: 'object', title: 'x' },
        choice: { type: 'integer', title: 'x', enum: ['a'] },
        code: { type: 'string', title: 'x', pattern: '([' },
        range: { type: 'number', title: 'x', minimum: 5, maximum: 1 },
        notitle: { type: 'string' },
        ref: { type: 'string', title: 'x', $ref: '#/x' },
      },
      required: ['missing'],
      oneOf: [],
    }).map((p) => p.field).sort();
    assert.deepEqual(fields, [
      'formSchema.oneOf',
      'formSchema.properties.bad name',
      'formSchema.properties.choice.enum',
      'formSchema.properties.code.pattern',
      'formSchema.properties.nested.type',
      'formSchema.properties.notitle.title',
      'formSchema.properties.range.minimum',
      'formSchema.properties.ref.$ref',
      'formSchema.required.0',
    ]);
  });

  it('needs an object with fields', () => {
    assert.equal(checkFormSchema('x')[0]?.message, 'procedures.schema.not_object');
    assert.ok(checkFormSchema({ type: 'object', properties: {} }).some((p) => p.message === 'procedures.schema.no_fields'));
    assert.ok(checkFormSchema({ type: 'array', properties: { a: { type: 'string', title: 'a' } } }).some((p) => p.field === 'formSchema.type'));
  });
});

describe('feeSummary', () => {
  it('says free, one amount, or the smallest amount', () => {
    assert.equal(feeSummary([{ name: 'Lệ phí', amountVnd: 0, note: null }]), 'Miễn phí');
    assert.equal(feeSummary([]), 'Miễn phí');
    assert.equal(feeSummary([{ name: 'Phí', amountVnd: 2000, note: null }]), '2.000 đồng');
    assert.equal(feeSummary([{ name: 'a', amountVnd: 70000, note: null }, { name: 'b', amountVnd: 50000, note: null }, { name: 'c', amountVnd: 0, note: null }]), 'Từ 50.000 đồng');
    assert.equal(feeSummary([{ name: 'a', amountVnd: 1263600, note: null }], 'en'), '1.263.600 VND');
  });
});

describe('canManage', () => {
  const admin = { userId: 'u', sessionId: 's', roles: ['agency_admin' as const], memberships: [] };
  const sysadmin = { ...admin, roles: ['sysadmin' as const] };
  const justice = { code: 'STP-20', kind: 'department' };
  const centre = { code: 'TTPVHCC-20', kind: 'service_center' };
  it('lets a sysadmin manage anything', () => {
    assert.equal(canManage(sysadmin, { tier: 'commune', agencyCode: null }, []), true);
  });
  it('lets an agency admin manage their own agency procedures', () => {
    assert.equal(canManage(admin, { tier: 'province', agencyCode: 'STP-20' }, [justice]), true);
    assert.equal(canManage(admin, { tier: 'province', agencyCode: 'SXD-20' }, [justice]), false);
    assert.equal(canManage(admin, { tier: 'province', agencyCode: null }, [justice]), false);
  });
  it('keeps the shared commune catalogue to the province centre', () => {
    assert.equal(canManage(admin, { tier: 'commune', agencyCode: null }, [justice]), false);
    assert.equal(canManage(admin, { tier: 'commune', agencyCode: null }, [centre]), true);
  });
});
