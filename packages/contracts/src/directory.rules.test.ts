// Opening hours, "open now" in Vietnam time, distance and the welfare guidance.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distanceMetres, openingHoursProblems, openStatus, suggestBenefits, vietnamClock, type DayInfo, type OpeningHours, type WelfareAnswers } from './directory.rules.ts';

const office = [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }];
const HOURS: OpeningHours = { weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] }, openOnHolidays: false };
const ordinary = (): DayInfo => ({ holiday: null, workingWeekend: false });
/** An instant given in Vietnam time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('open now', () => {
  it('reads the clock in Vietnam time whatever the server zone', () => {
    // 23:30 UTC on Sunday is 06:30 on Monday in Vietnam
    assert.deepEqual(vietnamClock(new Date('2026-12-06T23:30:00Z')), { day: '2026-12-07', weekday: 'mon', minute: 390 });
  });

  it('is open inside a period and says when it closes', () => {
    assert.deepEqual(openStatus(HOURS, vn('2026-12-07T09:15'), ordinary), { open: true, closesAt: '11:30', opensNext: null, holiday: null });
    assert.equal(openStatus(HOURS, vn('2026-12-07T16:59'), ordinary).closesAt, '17:00');
  });

  it('is closed at lunch and at the closing minute, and says when it opens again', () => {
    assert.deepEqual(openStatus(HOURS, vn('2026-12-07T12:00'), ordinary), { open: false, closesAt: null, opensNext: { day: '2026-12-07', at: '13:30' }, holiday: null });
    assert.deepEqual(openStatus(HOURS, vn('2026-12-07T17:00'), ordinary).opensNext, { day: '2026-12-08', at: '07:30' });
  });

  it('is closed at the weekend until Monday morning', () => {
    assert.deepEqual(openStatus(HOURS, vn('2026-12-12T10:00'), ordinary).opensNext, { day: '2026-12-14', at: '07:30' });
  });

  it('is closed on a public holiday, naming it, unless the office opens on holidays', () => {
    const holidays = (day: string): DayInfo => ({ holiday: day === '2026-09-02' ? 'Quốc khánh' : null, workingWeekend: false });
    const national = vn('2026-09-02T09:00'); // a Wednesday
    const closed = openStatus(HOURS, national, holidays);
    assert.equal(closed.open, false);
    assert.equal(closed.holiday, 'Quốc khánh');
    assert.deepEqual(closed.opensNext, { day: '2026-09-03', at: '07:30' });
    assert.equal(openStatus({ ...HOURS, openOnHolidays: true }, national, holidays).open, true);
  });

  it("opens with Monday's hours on a compensatory working Saturday", () => {
    const worked = (day: string): DayInfo => ({ holiday: null, workingWeekend: day === '2026-12-12' });
    assert.equal(openStatus(HOURS, vn('2026-12-12T08:00'), worked).open, true);
    assert.equal(openStatus(HOURS, vn('2026-12-12T08:00'), ordinary).open, false);
  });

  it('keeps an office open all day with a period to 24:00', () => {
    const always = { from: '00:00', to: '24:00' };
    const allDay: OpeningHours = { weekly: { mon: [always], tue: [always], wed: [always], thu: [always], fri: [always], sat: [always], sun: [always] }, openOnHolidays: true };
    assert.equal(openStatus(allDay, vn('2026-12-13T23:59'), ordinary).open, true);
    assert.deepEqual(openingHoursProblems(allDay), []);
  });

  it('names periods that end before they start or overlap', () => {
    const bad: OpeningHours = { ...HOURS, weekly: { ...HOURS.weekly, tue: [{ from: '13:00', to: '12:00' }], wed: [{ from: '07:00', to: '12:00' }, { from: '11:00', to: '14:00' }], thu: [{ from: '7:00', to: '12:00' }] } };
    assert.deepEqual(openingHoursProblems(bad), ['weekly.tue.0.to', 'weekly.wed.1.from', 'weekly.thu.0.from']);
    assert.deepEqual(openingHoursProblems(HOURS), []);
  });
});

describe('distance', () => {
  it('measures about 111 km per degree of latitude and nothing to itself', () => {
    assert.equal(Math.round(distanceMetres({ lat: 21, lon: 106 }, { lat: 22, lon: 106 }) / 1000), 111);
    assert.equal(distanceMetres({ lat: 21.85, lon: 106.76 }, { lat: 21.85, lon: 106.76 }), 0);
  });
});

describe('welfare guidance', () => {
  const base: WelfareAnswers = { age: 40, household: 'none', disability: 'none', hasPension: false, lostJobWithInsurance: false, noSupporter: false };
  it('suggests nothing to someone with no condition met', () => assert.deepEqual(suggestBenefits(base), []));
  it('suggests the elderly allowance at 80 without a pension, not with one', () => {
    assert.deepEqual(suggestBenefits({ ...base, age: 80 }), ['elderly_allowance', 'health_insurance_poor']);
    assert.deepEqual(suggestBenefits({ ...base, age: 85, hasPension: true }), []);
    assert.deepEqual(suggestBenefits({ ...base, age: 79 }), []);
  });
  it('suggests it from 75 in a near-poor household', () => {
    assert.ok(suggestBenefits({ ...base, age: 75, household: 'near_poor' }).includes('elderly_allowance'));
    assert.ok(!suggestBenefits({ ...base, age: 74, household: 'near_poor' }).includes('elderly_allowance'));
  });
  it('suggests the disability allowance for severe disability only', () => {
    assert.ok(suggestBenefits({ ...base, disability: 'severe' }).includes('disability_allowance'));
    assert.ok(!suggestBenefits({ ...base, disability: 'mild' }).includes('disability_allowance'));
  });
  it('suggests asking about the household status when unsure, and unemployment after losing an insured job', () => {
    assert.deepEqual(suggestBenefits({ ...base, household: 'unknown' }), ['poor_household']);
    assert.deepEqual(suggestBenefits({ ...base, household: 'poor' }), ['poor_household', 'health_insurance_poor']);
    assert.deepEqual(suggestBenefits({ ...base, lostJobWithInsurance: true }), ['unemployment']);
  });
});
