import { describe, expect, it } from 'vitest';
import type { Procedure } from './api.ts';
import { formMessages } from './fieldErrors.ts';

const form: Procedure['formSchema'] = {
  type: 'object',
  properties: {
    applicantPhone: { type: 'string', title: 'Điện thoại', pattern: '^0[0-9]{9}$' },
    applicantIdNumber: { type: 'string', title: 'Số CCCD', pattern: '^[0-9]{12}$', maxLength: 12 },
    applicantEmail: { type: 'string', title: 'Thư điện tử', format: 'email' },
    childName: { type: 'string', title: 'Họ tên của trẻ' },
    copies: { type: 'integer', title: 'Số bản', minimum: 1 },
  },
  required: ['childName'],
};

describe('dossier form messages', () => {
  it('says what is wrong with each field, not one message for all', () => {
    const m = formMessages(form, { applicantPhone: '091234', applicantIdNumber: '0200850012345', applicantEmail: 'an@', copies: 0 });
    expect(m).toEqual({
      applicantPhone: { key: 'dossiers.apply.errors.phone', params: { count: 6 } },
      // 13 digits: told as such, never silently cut to 12
      applicantIdNumber: { key: 'dossiers.apply.errors.personalId', params: { count: 13 } },
      applicantEmail: { key: 'dossiers.apply.errors.email' },
      childName: { key: 'dossiers.apply.required' },
      copies: { key: 'dossiers.apply.errors.minimum', params: { limit: 1 } },
    });
  });

  it('has nothing to say about right answers', () => {
    expect(formMessages(form, { applicantPhone: '0912345678', applicantIdNumber: '020085001234', applicantEmail: 'an@vidu.vn', childName: 'Bé Na', copies: 2 })).toEqual({});
  });
});
