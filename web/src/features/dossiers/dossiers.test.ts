import { describe, expect, it } from 'vitest';
import { fieldOrder, validateForm, withoutPersonalIds, type Procedure } from './api.ts';
import { prefillFrom } from './ApplyPage.tsx';
import { ME, PREFILL } from '../../test/fixtures.ts';

const schema: Procedure['formSchema'] = {
  type: 'object',
  properties: {
    applicantName: { type: 'string', title: 'Họ tên', minLength: 2 },
    applicantPhone: { type: 'string', title: 'Điện thoại', pattern: '^0[0-9]{9}$' },
    childSex: { type: 'string', title: 'Giới tính', enum: ['Nam', 'Nữ'] },
    count: { type: 'integer', title: 'Số bản' },
  },
  required: ['applicantName', 'childSex'],
};

describe('dossier form checks', () => {
  it('names missing required fields and wrong formats', () => {
    expect(validateForm(schema, {})).toEqual({ applicantName: 'required', childSex: 'required' });
    expect(validateForm(schema, { applicantName: 'A', childSex: 'Khác', applicantPhone: '123', count: Number.NaN })).toEqual({
      applicantName: 'format', childSex: 'format', applicantPhone: 'format', count: 'format',
    });
    expect(validateForm(schema, { applicantName: 'Nguyễn Văn An', childSex: 'Nam', applicantPhone: '0900000001', count: 2 })).toEqual({});
  });

  it('applies the server\'s rule where the app used to be laxer', () => {
    const form: Procedure['formSchema'] = {
      type: 'object',
      properties: { name: { type: 'string', title: 'Họ tên' }, born: { type: 'string', title: 'Ngày sinh', format: 'date' }, copies: { type: 'integer', title: 'Số bản' } },
      required: ['name'],
    };
    expect(validateForm(form, { name: '   ', born: '2025-02-30', copies: 1.5 })).toEqual({ name: 'required', born: 'format', copies: 'format' });
    expect(validateForm(form, { name: ' An ', born: '2024-02-29', copies: 2 })).toEqual({});
    expect(validateForm(form, { name: 'An', oldField: 'x' }), 'an answer the form no longer asks has no field to show').toEqual({});
  });

  it('prefills only the fields the form has, from the profile', () => {
    const me = { ...ME, sex: null, dateOfBirth: '1990-01-01' };
    expect(prefillFrom(me, schema)).toEqual({ applicantName: 'Nguyễn Văn An', applicantPhone: '0900000001' });
  });

  it('prefills the personal ID and sex from the owner\'s prefill data, only where the form has such fields', () => {
    const me = { ...ME, address: 'Số 12', dateOfBirth: '1985-03-12', sex: 'male' as const, personalIdMasked: '020*******34' };
    const prefill = PREFILL;
    const form: Procedure['formSchema'] = {
      type: 'object',
      properties: {
        applicantName: { type: 'string', title: '' },
        applicantIdNumber: { type: 'string', title: '', pattern: '^[0-9]{12}$' },
        applicantSex: { type: 'string', title: '', enum: ['Nam', 'Nữ'] },
        childSex: { type: 'string', title: '', enum: ['Nam', 'Nữ'] },
        motherIdNumber: { type: 'string', title: '' },
      },
    };
    expect(prefillFrom(me, form, prefill)).toEqual({ applicantName: 'Nguyễn Văn An', applicantIdNumber: '020085001234', applicantSex: 'Nữ' });
    expect(prefillFrom(me, form), 'without prefill data: no personal ID, never the masked one').toEqual({ applicantName: 'Nguyễn Văn An', applicantSex: 'Nam' });
    const other = { ...prefill, sex: 'other' as const };
    expect(prefillFrom(me, form, other), 'a sex the choices lack stays empty').toEqual({ applicantName: 'Nguyễn Văn An', applicantIdNumber: '020085001234' });
  });

  it('orders fields by group, required first, whatever order the keys arrive in', () => {
    const s: Procedure['formSchema'] = {
      type: 'object',
      properties: { childSex: { type: 'string', title: '' }, motherName: { type: 'string', title: '' }, applicantEmail: { type: 'string', title: '' }, childName: { type: 'string', title: '' }, applicantName: { type: 'string', title: '' } },
      required: ['applicantName', 'childName', 'childSex', 'motherName'],
    };
    expect(fieldOrder(s)).toEqual(['applicantName', 'applicantEmail', 'childName', 'childSex', 'motherName']);
  });
});

describe('the form kept on the device', () => {
  it('never holds a personal ID number (fields marked x-personal-id)', () => {
    const withId: Procedure['formSchema'] = {
      type: 'object',
      properties: {
        applicantName: { type: 'string', title: 'Họ tên' },
        applicantIdNumber: { type: 'string', title: 'Số CCCD', 'x-personal-id': true },
        motherIdNumber: { type: 'string', title: 'Số CCCD của mẹ', 'x-personal-id': true },
      },
    };
    const kept = withoutPersonalIds(withId, { applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', motherIdNumber: '020190000002' });
    expect(kept).toEqual({ applicantName: 'Nguyễn Văn An' });
  });
});
