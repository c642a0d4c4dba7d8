// The formatter must show Vietnam time whatever the device says: this file moves the test
// process to New York (Node applies a changed TZ at once), 12 hours behind Vietnam.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPercent, parseDayInput, vietnamToday } from './format.ts';

describe('dates in Vietnam time', () => {
  process.env.TZ = 'America/New_York';

  it('runs in a time zone other than Vietnam, so the test means something', () => {
    expect(new Date('2026-12-07T02:30:00Z').getTimezoneOffset()).not.toBe(-420);
  });

  it('shows an instant as dd/MM/yyyy HH:mm in Vietnam, across the day boundary', () => {
    // 20:30 on the 6th in New York is 08:30 on the 7th in Vietnam
    expect(formatDateTime('2026-12-07T01:30:00Z')).toBe('07/12/2026 08:30');
    expect(formatDateTime('2026-12-31T17:05:00Z')).toBe('01/01/2027 00:05');
    expect(formatDate('2026-12-31T17:05:00Z')).toBe('01/01/2027');
    expect(vietnamToday(new Date('2026-12-31T17:05:00Z'))).toBe('2027-01-01');
  });

  it('shows a bare day as that day, never the day before', () => {
    expect(formatDate('2026-12-16')).toBe('16/12/2026');
    expect(formatDate(null)).toBe('—');
  });

  it('reads what people type in a date field', () => {
    expect(parseDayInput('07/12/2026')).toBe('2026-12-07');
    expect(parseDayInput('7-2-2026')).toBe('2026-02-07');
    expect(parseDayInput('31/02/2026')).toBeNull();
    expect(parseDayInput('2026-12-07')).toBe('2026-12-07');
    expect(parseDayInput('2026-02-30')).toBeNull();
    expect(parseDayInput('12/2026')).toBeNull();
  });

  it('writes percentages the Vietnamese way', () => {
    expect(formatPercent(0.8376)).toBe('83,8%');
  });
});
