// The rules of application forms, run by the server on save and submit and by the web app
// before sending. The last block holds the cases where the two used to disagree, when the
// web app had its own copy of the rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { checkFormSchema, personalIdFields, validateFormData, type FormSchema } from './form-schema.ts';

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

describe('validateFormData where the web app used to differ', () => {
  const form: FormSchema = {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Họ tên', maxLength: 3 },
      sex: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
      born: { type: 'string', title: 'Ngày sinh', format: 'date' },
      letters: { type: 'string', title: 'Chữ', pattern: '^\\p{L}+$' },
      note: { type: 'string', title: 'Ghi chú' },
      copies: { type: 'integer', title: 'Số bản', minimum: 1, maximum: 5 },
      agreed: { type: 'boolean', title: 'Đồng ý' },
    },
    required: ['sex'],
  };
  const fieldsOf = (data: Record<string, unknown>) => Object.fromEntries(validateFormData(form, data).map((p) => [p.field, p.message]));

  it('treats an answer of only spaces as missing', () => {
    assert.deepEqual(fieldsOf({ sex: '   ' }), { sex: 'validation.required' });
  });

  it('ignores spaces around an answer', () => {
    assert.deepEqual(fieldsOf({ sex: ' Nữ ', name: ' An ' }), {});
  });

  it('counts letters, not UTF-16 units', () => {
    assert.deepEqual(fieldsOf({ sex: 'Nam', name: '𠀧𠀧𠀧' }), {});
    assert.deepEqual(fieldsOf({ sex: 'Nam', name: 'Ánh Ba' }), { name: 'validation.maxLength' });
  });

  it('bounds a string field without maxLength at 4000 letters', () => {
    assert.deepEqual(fieldsOf({ sex: 'Nam', note: 'a'.repeat(4000) }), {});
    assert.deepEqual(fieldsOf({ sex: 'Nam', note: 'a'.repeat(4001) }), { note: 'validation.maxLength' });
  });

  it('checks that a date is a real day', () => {
    assert.deepEqual(fieldsOf({ sex: 'Nam', born: '2025-02-29' }), { born: 'validation.format' });
    assert.deepEqual(fieldsOf({ sex: 'Nam', born: '2024-02-29' }), {});
  });

  it('reads patterns as Unicode, so Vietnamese letters match \\p{L}', () => {
    assert.deepEqual(fieldsOf({ sex: 'Nam', letters: 'Nguyễn' }), {});
    assert.deepEqual(fieldsOf({ sex: 'Nam', letters: 'Nguyễn1' }), { letters: 'validation.pattern' });
  });

  it('checks whole numbers and their bounds', () => {
    assert.deepEqual(fieldsOf({ sex: 'Nam', copies: 1.5 }), { copies: 'validation.type' });
    assert.deepEqual(fieldsOf({ sex: 'Nam', copies: 9 }), { copies: 'validation.maximum' });
    assert.deepEqual(fieldsOf({ sex: 'Nam', copies: 0 }), { copies: 'validation.minimum' });
  });

  it('checks the type of yes/no and text answers', () => {
    assert.deepEqual(fieldsOf({ sex: 'Nam', agreed: 'true' }), { agreed: 'validation.type' });
    assert.deepEqual(fieldsOf({ sex: 'Nam', name: 12 }), { name: 'validation.type' });
  });

  it('refuses answers to questions the form does not ask', () => {
    assert.deepEqual(fieldsOf({ sex: 'Nam', nickname: 'Tí' }), { nickname: 'validation.additionalProperties' });
  });
});

describe('personal ID fields (x-personal-id)', () => {
  const withId = (field: object) => ({ type: 'object', properties: { applicantIdNumber: field } });

  it('are marked on text fields with true or false, and listed', () => {
    assert.deepEqual(checkFormSchema(withId({ type: 'string', title: 'Số CCCD', 'x-personal-id': true })), []);
    assert.deepEqual(personalIdFields({ type: 'object', properties: { a: { type: 'string', title: 'A', 'x-personal-id': true }, b: { type: 'string', title: 'B' } } }), ['a']);
  });

  it('are refused on a number or with a value other than true or false', () => {
    assert.deepEqual(checkFormSchema(withId({ type: 'integer', title: 'Số', 'x-personal-id': true })).map((p) => p.message), ['procedures.schema.personal_id']);
    assert.deepEqual(checkFormSchema(withId({ type: 'string', title: 'Số', 'x-personal-id': 'yes' })).map((p) => p.message), ['procedures.schema.personal_id']);
  });

  it('cover every personal ID number of the Lạng Sơn pack', () => {
    const pack = JSON.parse(fs.readFileSync(new URL('../../../packs/lang-son/procedures/procedures.json', import.meta.url), 'utf8')) as { procedures: { code: string; formSchema: FormSchema }[] };
    const unmarked = pack.procedures.flatMap((p) => Object.entries(p.formSchema.properties)
      .filter(([name, f]) => /IdNumber$/.test(name) && f['x-personal-id'] !== true).map(([name]) => `${p.code}.${name}`));
    assert.deepEqual(unmarked, []);
  });
});
