import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { workingCalendar } from '../../platform/calendar/index.ts';
import { averageProcessingTime, digitisationRate, isOnTime, onlineProcedureShare, onlineSubmissionRate, onTimeRate, processingWorkingDays, type DossierRecord } from './indicators.ts';

const cal = workingCalendar();
const at = (s: string) => new Date(`${s}+07:00`);
const period = { from: at('2026-11-01T00:00:00'), to: at('2026-12-01T00:00:00') };

function rec(over: Partial<DossierRecord>): DossierRecord {
  return {
    procedureId: 'p1', procedureName: 'Đăng ký khai sinh', channel: 'online', submittedAt: at('2026-11-16T09:00:00'), finishedAt: null,
    processingDays: 3, pauses: [], moreDocsRequests: 0, hasAttachments: true, hasElectronicResult: false, ...over,
  };
}

describe('Decision 766 indicators', () => {
  it('counts working days across a weekend for the due date', () => {
    // Thursday + 3 working days = Tuesday
    const r = rec({ submittedAt: at('2026-11-19T10:00:00'), finishedAt: at('2026-11-24T16:00:00') });
    assert.equal(isOnTime(r, cal), true);
    assert.equal(isOnTime({ ...r, finishedAt: at('2026-11-25T08:00:00') }, cal), false);
  });

  it('skips public holidays (30/4 and 1/5)', () => {
    // Wed 29/4/2026 + 1 working day = Mon 4/5
    const r = rec({ submittedAt: at('2026-04-29T10:00:00'), processingDays: 1, finishedAt: at('2026-05-04T15:00:00') });
    assert.equal(isOnTime(r, cal), true);
  });

  it('excludes the time spent supplying documents', () => {
    // Mon 16/11 + 3 = Thu 19/11; paused Tue→Thu (2 working days) → due Mon 23/11
    const pauses = [{ from: at('2026-11-17T10:00:00'), to: at('2026-11-19T10:00:00') }];
    const r = rec({ pauses, moreDocsRequests: 1, finishedAt: at('2026-11-23T15:00:00') });
    assert.equal(isOnTime(r, cal), true);
    assert.equal(isOnTime({ ...r, pauses: [] }, cal), false);
    assert.equal(processingWorkingDays(r, cal), 3); // 5 working days elapsed − 2 paused
  });

  it('counts a second request for more documents as late', () => {
    const r = rec({ finishedAt: at('2026-11-17T10:00:00'), moreDocsRequests: 2 });
    assert.equal(isOnTime(r, cal), false);
  });

  it('on-time rate = finished on time ÷ finished in the period', () => {
    const records = [
      rec({ finishedAt: at('2026-11-18T10:00:00') }), // on time
      rec({ finishedAt: at('2026-11-27T10:00:00') }), // late
      rec({ finishedAt: null }), // not finished: not counted
      rec({ submittedAt: at('2026-10-01T10:00:00'), finishedAt: at('2026-10-02T10:00:00') }), // finished outside the period
    ];
    assert.deepEqual(onTimeRate(records, period, cal), { numerator: 1, denominator: 2, rate: 0.5, target: null });
    assert.equal(onTimeRate([], period, cal).rate, null);
  });

  it('average processing time per procedure, in working days', () => {
    const records = [
      rec({ finishedAt: at('2026-11-17T10:00:00') }), // 1
      rec({ finishedAt: at('2026-11-19T10:00:00') }), // 3
      rec({ procedureId: 'p2', procedureName: 'Cấp bản sao', finishedAt: at('2026-11-16T15:00:00') }), // 0
    ];
    assert.deepEqual(averageProcessingTime(records, period, cal), [
      { procedureId: 'p2', procedureName: 'Cấp bản sao', finished: 1, averageWorkingDays: 0 },
      { procedureId: 'p1', procedureName: 'Đăng ký khai sinh', finished: 2, averageWorkingDays: 2 },
    ]);
  });

  it('online submission and digitisation rates over dossiers received in the period', () => {
    const records = [
      rec({ hasElectronicResult: true }),
      rec({ channel: 'counter', hasAttachments: false, hasElectronicResult: true }),
      rec({ channel: 'counter' }),
      rec({ submittedAt: at('2026-10-10T10:00:00') }), // received before the period
    ];
    assert.deepEqual(onlineSubmissionRate(records, period), { numerator: 1, denominator: 3, rate: 1 / 3, target: 0.5 });
    assert.deepEqual(digitisationRate(records, period), { numerator: 1, denominator: 3, rate: 1 / 3, target: 0.8 });
  });

  it('share of procedures online', () => {
    assert.deepEqual(onlineProcedureShare({ total: 10, online: 8 }), { numerator: 8, denominator: 10, rate: 0.8, target: 0.8 });
    assert.equal(onlineProcedureShare({ total: 0, online: 0 }).rate, null);
  });
});
