import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CARRIER_PREFIXES, carrierOf, maskPhone, normalizePhone } from './phone.ts';

describe('Vietnamese mobile numbers', () => {
  it('accepts every prefix of every carrier', () => {
    const expected: Record<string, string[]> = {
      viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
      vinaphone: ['081', '082', '083', '084', '085', '088', '091', '094'],
      mobifone: ['070', '076', '077', '078', '079', '089', '090', '093'],
      vietnamobile: ['052', '056', '058', '092'],
      gmobile: ['059', '099'],
      itel: ['087'],
      reddi: ['055'],
    };
    assert.deepEqual(Object.fromEntries(Object.entries(CARRIER_PREFIXES).map(([k, v]) => [k, [...v].sort()])), expected);
    for (const [carrier, prefixes] of Object.entries(expected)) {
      for (const prefix of prefixes) {
        const phone = `${prefix}1234567`;
        assert.equal(normalizePhone(phone), phone, phone);
        assert.equal(carrierOf(phone), carrier, phone);
      }
    }
  });

  it('accepts the demo numbers (090 is MobiFone)', () => {
    assert.equal(normalizePhone('0900000001'), '0900000001');
    assert.equal(carrierOf('0900000001'), 'mobifone');
  });

  it('normalises +84, 84 and spaced forms to 0xxxxxxxxx', () => {
    for (const input of ['+84912345678', '84912345678', '0912345678', '0912 345 678', '+84 91-234.5678', ' (091) 2345678 ']) {
      assert.equal(normalizePhone(input), '0912345678', input);
    }
  });

  it('refuses prefixes not in use, wrong lengths and other text', () => {
    for (const input of ['0112345678', '0212345678', '0312345678', '0412345678', '0512345678', '0612345678', '0712345678',
      '0801234567', '0951234567', '0191234567', '091234567', '09123456789', '+8509123456', '0084912345678', 'abc', '', '09123456a8', '+840912345678']) {
      assert.equal(normalizePhone(input), null, input);
    }
    assert.equal(carrierOf('0111111111'), null);
  });

  it('masks a number for display', () => {
    assert.equal(maskPhone('0912345678'), '091****678');
  });
});
