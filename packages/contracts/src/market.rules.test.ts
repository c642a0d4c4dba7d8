import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  canComplain, canMoveComplaint, canMoveOrder, canMoveRefund, COMPLAINT_MOVES, COMPLAINT_STATUSES, complaintIsOpen, ORDER_STATUSES, orderCode, vietnamWeekStart, vietqrBank,
} from './market.rules.ts';

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

  it('lets a seller answer an open complaint once and an officer decide it once', () => {
    assert.ok(canMoveComplaint('open', 'answer'));
    assert.ok(!canMoveComplaint('answered', 'answer'));
    assert.ok(canMoveComplaint('open', 'uphold'));
    assert.ok(canMoveComplaint('answered', 'refuse'));
    for (const move of Object.keys(COMPLAINT_MOVES) as (keyof typeof COMPLAINT_MOVES)[]) {
      assert.ok(!canMoveComplaint('upheld', move));
      assert.ok(!canMoveComplaint('refused', move));
    }
    assert.deepEqual(COMPLAINT_STATUSES.filter(complaintIsOpen), ['open', 'answered']);
  });

  it('moves a refund owed → sent → confirmed only, and allows complaints once the shop took the order or money is owed', () => {
    assert.ok(canMoveRefund('owed', 'sent'));
    assert.ok(canMoveRefund('sent', 'confirmed'));
    assert.ok(!canMoveRefund('owed', 'confirmed'));
    assert.ok(!canMoveRefund(null, 'sent'));
    assert.ok(!canMoveRefund('confirmed', 'sent'));
    assert.ok(!canComplain('new', null));
    assert.ok(canComplain('delivered', null));
    assert.ok(!canComplain('cancelled', null));
    assert.ok(canComplain('cancelled', 'owed'));
    assert.ok(!canComplain('cancelled', 'confirmed'));
  });
});
