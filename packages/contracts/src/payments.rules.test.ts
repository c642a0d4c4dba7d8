import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  canMovePayment, dueSoon, formatVnd, fromVnpAmount, fromVnpDate, normaliseCustomerCode, paymentCode, PAYMENT_STATUSES, sharePercent, toVnpAmount, toVnpDate, vietnamDay,
} from './payments.rules.ts';

describe('payment rules', () => {
  it('converts VND to VNPay amounts and back, whole đồng only', () => {
    assert.equal(toVnpAmount(10000), '1000000');
    assert.equal(toVnpAmount(9_999_999_999), '999999999900');
    assert.equal(fromVnpAmount('1000000'), 10000);
    for (const bad of [0, -1, 1.5, Number.NaN, 10_000_000_000]) assert.throws(() => toVnpAmount(bad), RangeError);
    for (const bad of ['1000050', '', '00100', '1e6', '-100', '10.00']) assert.equal(fromVnpAmount(bad), null, bad);
  });

  it('writes dates as VNPay does, in Vietnam time whatever the server zone', () => {
    assert.equal(toVnpDate(new Date('2024-05-21T02:18:06Z')), '20240521091806');
    assert.equal(toVnpDate(new Date('2026-12-31T17:30:00Z')), '20270101003000', 'past midnight in Vietnam is the next day');
    assert.equal(fromVnpDate('20240521091806')?.toISOString(), '2024-05-21T02:18:06.000Z');
    for (const bad of ['20240231120000', '2024052109180', '20241321000000', '20240521250000']) assert.equal(fromVnpDate(bad), null, bad);
  });

  it('names payments by the Vietnam day and a sequence', () => {
    assert.equal(paymentCode(new Date('2026-12-06T18:00:00Z'), 42), 'TT2612070042');
    assert.equal(paymentCode(new Date('2026-12-06T10:00:00Z'), 123456), 'TT261206123456');
  });

  it('lets a payment succeed once and only refund afterwards', () => {
    assert.ok(canMovePayment('pending', 'succeeded'));
    assert.ok(canMovePayment('failed', 'succeeded'));
    assert.ok(canMovePayment('succeeded', 'refunded'));
    assert.ok(canMovePayment('expired', 'refunded'), 'late money goes back');
    assert.ok(!canMovePayment('succeeded', 'succeeded'));
    assert.ok(!canMovePayment('succeeded', 'pending'));
    assert.ok(!canMovePayment('expired', 'succeeded'));
    for (const s of PAYMENT_STATUSES) assert.ok(!canMovePayment('refunded', s));
  });

  it('formats amounts the Vietnamese way', () => {
    assert.equal(formatVnd(1250000), '1.250.000 đ');
    assert.equal(formatVnd(8000), '8.000 đ');
    assert.equal(formatVnd(500), '500 đ');
  });
});

describe('bill rules', () => {
  it('reads customer codes as people type them, per service', () => {
    assert.equal(normaliseCustomerCode('electricity', 'pa11 tx0012345'), 'PA11TX0012345');
    assert.equal(normaliseCustomerCode('telecom', '+84 900 000 001'), '0900000001');
    assert.equal(normaliseCustomerCode('telecom', '84900000001'), '0900000001');
    assert.equal(normaliseCustomerCode('telecom', '0900.000.001'), '0900000001');
    assert.equal(normaliseCustomerCode('school', 'hs0598300123'), 'HS0598300123');
    for (const [service, bad] of [['telecom', '12345'], ['telecom', '+1 900 000 001'], ['school', 'HS1'], ['electricity', 'NLS0012345']] as const) {
      assert.equal(normaliseCustomerCode(service, bad), null, `${service} ${bad}`);
    }
  });

  it('says a bill is due soon from the day itself to three days ahead, not once overdue', () => {
    assert.equal(dueSoon('2026-12-12', '2026-12-09'), true);
    assert.equal(dueSoon('2026-12-12', '2026-12-12'), true);
    assert.equal(dueSoon('2026-12-12', '2026-12-08'), false);
    assert.equal(dueSoon('2026-12-12', '2026-12-13'), false);
    assert.equal(dueSoon('2027-01-01', '2026-12-30'), true, 'across the year');
  });

  it('counts days in Vietnam time and shares to one decimal, none when there is nothing', () => {
    assert.equal(vietnamDay(new Date('2026-12-06T17:00:00Z')), '2026-12-07');
    assert.equal(vietnamDay(new Date('2026-12-06T16:59:59Z')), '2026-12-06');
    assert.equal(sharePercent(1, 3), 33.3);
    assert.equal(sharePercent(2, 2), 100);
    assert.equal(sharePercent(0, 0), null);
  });
});
