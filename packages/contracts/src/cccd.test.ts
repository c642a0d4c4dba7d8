import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPersonalId, maskPersonalId, parsePersonalId } from './cccd.ts';
import { CCCD_PROVINCE_CODES } from './cccd-provinces.ts';

const today = new Date('2026-01-15T00:00:00Z');

describe('personal identification number (CCCD)', () => {
  it('knows the 63 pre-2025 province codes', () => {
    assert.equal(Object.keys(CCCD_PROVINCE_CODES).length, 63);
    assert.equal(CCCD_PROVINCE_CODES['020'], 'Lạng Sơn');
    assert.equal(CCCD_PROVINCE_CODES['096'], 'Cà Mau');
  });

  it('reads province, century, sex and birth year', () => {
    assert.deepEqual(parsePersonalId('020085001234', today), { ok: true, facts: { provinceCode: '020', birthYear: 1985, sex: 'male' } });
    assert.deepEqual(parsePersonalId('001192004567', today), { ok: true, facts: { provinceCode: '001', birthYear: 1992, sex: 'female' } });
    assert.deepEqual(parsePersonalId('079205000001', today), { ok: true, facts: { provinceCode: '079', birthYear: 2005, sex: 'male' } });
    assert.deepEqual(parsePersonalId('079310000001', today), { ok: true, facts: { provinceCode: '079', birthYear: 2010, sex: 'female' } });
  });

  it('refuses a bad shape', () => {
    for (const id of ['02008500123', '0200850012345', '02008500123a', '']) assert.deepEqual(parsePersonalId(id, today), { ok: false, problem: 'format' });
  });

  it('refuses a province code that does not exist', () => {
    for (const code of ['000', '003', '013', '097', '099', '120']) {
      assert.deepEqual(parsePersonalId(`${code}085001234`, today), { ok: false, problem: 'province' }, code);
    }
  });

  it('refuses a birth year in the future', () => {
    assert.deepEqual(parsePersonalId('020230001234', today), { ok: false, problem: 'future' }); // 2030
    assert.deepEqual(parsePersonalId('020485001234', today), { ok: false, problem: 'future' }); // 2185
  });

  it('must agree with the date of birth (century and year)', () => {
    assert.equal(checkPersonalId('020085001234', { dateOfBirth: '1985-03-12' }, today).ok, true);
    assert.deepEqual(checkPersonalId('020085001234', { dateOfBirth: '1986-03-12' }, today), { ok: false, problem: 'birth_mismatch' });
    // same last two digits, other century: G=2 means the 2000s
    assert.deepEqual(checkPersonalId('020205001234', { dateOfBirth: '1905-01-01' }, today), { ok: false, problem: 'birth_mismatch' });
  });

  it('must agree with the sex', () => {
    assert.equal(checkPersonalId('020085001234', { sex: 'male', dateOfBirth: '1985-03-12' }, today).ok, true);
    assert.deepEqual(checkPersonalId('020085001234', { sex: 'female' }, today), { ok: false, problem: 'sex_mismatch' });
    assert.deepEqual(checkPersonalId('020192004567', { sex: 'male' }, today), { ok: false, problem: 'sex_mismatch' });
    assert.equal(checkPersonalId('020192004567', { sex: 'other' }, today).ok, true);
  });

  it('shows only the first 3 and last 2 digits', () => {
    assert.equal(maskPersonalId('020085001234'), '020*******34');
  });
});
