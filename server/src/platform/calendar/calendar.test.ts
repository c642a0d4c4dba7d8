import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar, endOfLocalDay, toLocalDate, workingCalendar } from './index.ts';

const cal = workingCalendar();

describe('working-day calendar', () => {
  it('skips weekends', () => {
    assert.equal(cal.isWorkingDay('2026-11-21'), false); // Saturday
    assert.equal(cal.isWorkingDay('2026-11-22'), false); // Sunday
    assert.equal(cal.isWorkingDay('2026-11-23'), true);
    // Friday + 1 working day = Monday
    assert.equal(cal.addWorkingDays('2026-11-20', 1), '2026-11-23');
    assert.equal(cal.addWorkingDays('2026-11-20', 5), '2026-11-27');
  });

  it('skips public holidays, including a multi-day Tết range', () => {
    assert.equal(cal.isWorkingDay('2026-02-17'), false);
    assert.equal(cal.holidayName('2026-02-17'), 'Tết Nguyên Đán Bính Ngọ');
    // Friday 13/2/2026 + 1 working day jumps over Tết (14–22/2) to Monday 23/2
    assert.equal(cal.addWorkingDays('2026-02-13', 1), '2026-02-23');
    // 29/4/2026 (Wed) + 1: 30/4 and 1/5 are holidays, 2–3/5 weekend → Monday 4/5
    assert.equal(cal.addWorkingDays('2026-04-29', 1), '2026-05-04');
    // Quốc khánh 1–2/9/2026
    assert.equal(cal.addWorkingDays('2026-08-31', 1), '2026-09-03');
  });

  it('counts a compensatory working Saturday', () => {
    assert.equal(cal.isWorkingDay('2025-04-26'), true);
    assert.equal(cal.isWorkingDay('2025-05-02'), false);
  });

  it('counts working days between dates', () => {
    assert.equal(cal.workingDaysBetween('2026-11-20', '2026-11-27'), 5);
    assert.equal(cal.workingDaysBetween('2026-11-27', '2026-11-20'), 0);
    assert.equal(cal.workingDaysBetween('2026-02-13', '2026-02-23'), 1);
  });

  it('pushes the due date by the working days spent waiting for the citizen', () => {
    const received = new Date('2026-11-16T09:00:00+07:00'); // Monday
    assert.equal(cal.dueDate(received, 3), '2026-11-19');
    const pause = { from: new Date('2026-11-17T10:00:00+07:00'), to: new Date('2026-11-19T10:00:00+07:00') };
    assert.equal(cal.dueDate(received, 3, [pause]), '2026-11-23'); // 2 working days paused: Thu → Mon
    const open = { from: new Date('2026-11-17T10:00:00+07:00'), to: null };
    assert.equal(cal.dueDate(received, 3, [open], new Date('2026-11-18T10:00:00+07:00')), '2026-11-20');
  });

  it('works in Vietnam time regardless of the server clock', () => {
    // 20:00 UTC on the 22nd is already 03:00 on the 23rd in Hà Nội
    assert.equal(toLocalDate(new Date('2026-11-22T20:00:00Z')), '2026-11-23');
    assert.equal(endOfLocalDay('2026-11-23').toISOString(), '2026-11-23T16:59:59.999Z');
  });

  it('rejects a negative number of days', () => {
    assert.throws(() => cal.addWorkingDays('2026-11-20', -1), RangeError);
  });

  it('reads holidays from data', () => {
    const custom = new WorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', years: { 2030: { holidays: [{ date: '2030-01-02', name: 'x' }], workingWeekends: [] } } });
    assert.equal(custom.isWorkingDay('2030-01-02'), false);
    assert.equal(custom.covers(2030), true);
    assert.equal(custom.covers(2031), false);
  });
});
