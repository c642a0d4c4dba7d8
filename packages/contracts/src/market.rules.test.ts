import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canMoveOrder, ORDER_STATUSES, orderCode, vietnamWeekStart, vietqrBank } from './market.rules.ts';

describe('market rules', () => {
  it('moves an order forward one step at a time, cancels only before it leaves the shop', () => {
    assert.ok(canMoveOrder('new', 'confirmed'));
    assert.ok(canMoveOrder('packed', 'shipping'));
    assert.ok(!canMoveOrder('new', 'shipping'));
    assert.ok(!canMoveOrder('shipping', 'cancelled'));
    assert.ok(!canMoveOrder('delivered', 'cancelled'));
    for (const s of ORDER_STATUSES) assert.ok(!canMoveOrder('cancelled', s));
  });

  it('cuts weeks on Monday in Vietnam time', () => {
    // Sunday 23:30 UTC is Monday 06:30 in Vietnam
    assert.equal(vietnamWeekStart(new Date('2026-12-06T23:30:00Z')), '2026-12-07');
    assert.equal(vietnamWeekStart(new Date('2026-12-06T16:59:00Z')), '2026-11-30');
    assert.equal(vietnamWeekStart(new Date('2026-12-13T10:00:00Z')), '2026-12-07');
  });

  it('numbers orders and knows the VietQR banks', () => {
    assert.equal(orderCode(42), 'DH00000042');
    assert.equal(vietqrBank('970405')?.code, 'VBA');
    assert.equal(vietqrBank('123456'), undefined);
  });
});
