import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channelsFor, inQuietHours } from './notifications.rules.ts';

// 23:30 in Vietnam is 16:30 UTC
const at = (vnHHmm: string) => new Date(`2026-12-06T${vnHHmm}:00+07:00`);

test('quiet hours across midnight hold 22:00–06:00 Vietnam time', () => {
  assert.equal(inQuietHours('22:00', '06:00', at('23:30')), true);
  assert.equal(inQuietHours('22:00', '06:00', at('05:59')), true);
  assert.equal(inQuietHours('22:00', '06:00', at('06:00')), false);
  assert.equal(inQuietHours('22:00', '06:00', at('12:00')), false);
  assert.equal(inQuietHours('12:00', '13:30:00', at('12:45')), true);
  assert.equal(inQuietHours(null, null, at('23:30')), false);
});

test('channel choice: inbox always, push when subscribed, SMS for alerts or by choice', () => {
  const base = { hasPush: true, hasPhone: true, prefersSms: false, quiet: false };
  assert.deepEqual(channelsFor({ ...base, urgency: 'normal' }), ['inbox', 'push']);
  assert.deepEqual(channelsFor({ ...base, urgency: 'normal', prefersSms: true }), ['inbox', 'push', 'sms']);
  assert.deepEqual(channelsFor({ ...base, urgency: 'alert' }), ['inbox', 'push', 'sms']);
  assert.deepEqual(channelsFor({ ...base, urgency: 'alert', hasPush: false, hasPhone: false }), ['inbox']);
});

test('quiet hours hold push and SMS back except for Extreme alerts', () => {
  const base = { hasPush: true, hasPhone: true, prefersSms: true, quiet: true };
  assert.deepEqual(channelsFor({ ...base, urgency: 'normal' }), ['inbox']);
  assert.deepEqual(channelsFor({ ...base, urgency: 'alert' }), ['inbox']);
  assert.deepEqual(channelsFor({ ...base, urgency: 'extreme' }), ['inbox', 'push', 'sms']);
});
