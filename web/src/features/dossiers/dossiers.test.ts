import { describe, expect, it } from 'vitest';
import { fieldOrder, validateForm, type Prefill, type Procedure } from './api.ts';
import { prefillFrom } from './ApplyPage.tsx';
import type { Me } from '../../lib/types.ts';

const schema: Procedure['formSchema'] = {
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

  it('prefills only the fields the form has, from the profile', () => {
    const me = { fullName: 'Nguyễn Văn An', phone: '0900000001', address: null, dateOfBirth: '1990-01-01' } as unknown as Me;
    expect(prefillFrom(me, schema)).toEqual({ applicantName: 'Nguyễn Văn An', applicantPhone: '0900000001' });
  });

  it('prefills the personal ID and sex from the owner\'s prefill data, only where the form has such fields', () => {
    const me = { fullName: 'Nguyễn Văn An', phone: '0900000001', address: 'Số 12', dateOfBirth: '1985-03-12', sex: 'male', personalIdMasked: '020*******34' } as unknown as Me;
    const prefill: Prefill = {
      fullName: 'Nguyễn Văn An', dateOfBirth: '1985-03-12', sex: 'female', personalId: '020085001234', phone: '0900000001',
      communeCode: '05983', communeName: 'Phường Lương Văn Tri', address: 'Số 12', eid: { linked: true, level: 2 },
    };
    const form: Procedure['formSchema'] = {
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
      properties: { childSex: { type: 'string', title: '' }, motherName: { type: 'string', title: '' }, applicantEmail: { type: 'string', title: '' }, childName: { type: 'string', title: '' }, applicantName: { type: 'string', title: '' } },
      required: ['applicantName', 'childName', 'childSex', 'motherName'],
    };
    expect(fieldOrder(s)).toEqual(['applicantName', 'applicantEmail', 'childName', 'childSex', 'motherName']);
  });
});
