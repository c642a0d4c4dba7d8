import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatVietnamDate, formatVietnamDateTime, vietnamHourMinute, vietnamDay, vietnamDayStart, w3cVietnam } from './vietnam-time.ts';

describe('Vietnam time', () => {
  // 17:30 UTC on 31 December is already 00:30 on 1 January in Vietnam
  const newYear = new Date('2026-12-31T17:30:00Z');

  it('counts the day in Vietnam, not in UTC', () => {
    assert.equal(vietnamDay(newYear), '2027-01-01');
    assert.equal(vietnamDay(new Date('2026-12-31T16:59:59Z')), '2026-12-31');
    assert.equal(vietnamDayStart('2027-01-01').toISOString(), '2026-12-31T17:00:00.000Z');
  });

  it('writes dd/MM/yyyy and HH:mm as a Vietnamese reader expects', () => {
    assert.equal(formatVietnamDate(newYear), '01/01/2027');
    assert.equal(formatVietnamDate('2026-03-09'), '09/03/2026');
    assert.equal(formatVietnamDateTime(newYear), '01/01/2027 00:30');
    assert.deepEqual(vietnamHourMinute(new Date('2026-06-01T02:05:00Z')), { hours: '09', minutes: '05' });
  });

  it('gives W3C date-times with the +07:00 offset', () => {
    assert.equal(w3cVietnam(new Date('2026-06-01T02:05:09.123Z')), '2026-06-01T09:05:09+07:00');
  });
});
