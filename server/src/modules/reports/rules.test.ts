// Unit tests of the pure rules: the workflow state machine, deadline arithmetic, category
// flattening and routing inheritance, answers to extra questions, CSV cells and EXIF GPS.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { WorkingCalendar } from '../../platform/calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import { checkAnswers, flattenCategories, type Question } from './categories.ts';
import { closePause, computeDueDate, openPause, urgency } from './deadline.ts';
import { gpsFromExif, processPhoto } from './photos.ts';
import { csvCell } from './staff.ts';
import { heic } from '../../../test/reports.ts';
import { availableActions, canTransition, nextStatus, STATUSES } from './workflow.ts';

const calendar = new WorkingCalendar({
  timeZone: 'Asia/Ho_Chi_Minh',
  years: { '2026': { holidays: [{ date: '2026-09-02', name: 'Quốc khánh' }, { from: '2026-04-30', to: '2026-05-01', name: 'Giải phóng, Lao động' }], workingWeekends: ['2026-05-09'] } },
});

describe('workflow state machine', () => {
  it('walks the happy path new → accepted → assigned → in_progress → resolved → closed', () => {
    let s = nextStatus('new', 'accept');
    assert.equal(s, 'accepted');
    s = nextStatus(s, 'assign');
    assert.equal(s, 'assigned');
    s = nextStatus(s, 'start');
    assert.equal(s, 'in_progress');
    s = nextStatus(s, 'resolve');
    assert.equal(s, 'resolved');
    assert.equal(nextStatus(s, 'close'), 'closed');
  });

  it('refuses moves the workflow does not allow, with a 409 naming the status', () => {
    assert.throws(() => nextStatus('new', 'resolve'), (e: AppError) => e.status === 409 && e.code === 'reports.bad_transition' && e.params.status === 'new');
    assert.throws(() => nextStatus('rejected', 'accept'), AppError);
    assert.throws(() => nextStatus('closed', 'assign'), AppError);
    assert.throws(() => nextStatus('resolved', 'merge'), AppError);
  });

  it('pauses for information and returns to where it was', () => {
    assert.equal(nextStatus('in_progress', 'request_info'), 'need_info');
    assert.equal(nextStatus('need_info', 'provide_info', { resumeStatus: 'in_progress' }), 'in_progress');
    assert.equal(nextStatus('need_info', 'resume', { resumeStatus: 'assigned' }), 'assigned');
    assert.equal(nextStatus('need_info', 'resume', { resumeStatus: null }), 'accepted');
  });

  it('reopens to in progress when someone was assigned, else to accepted', () => {
    assert.equal(nextStatus('resolved', 'reopen', { hasAssignee: true }), 'in_progress');
    assert.equal(nextStatus('closed', 'reopen', { hasAssignee: false }), 'accepted');
  });

  it('transfers only before work starts and sends the report back to new', () => {
    assert.equal(nextStatus('accepted', 'transfer'), 'new');
    assert.equal(canTransition('in_progress', 'transfer'), false);
  });

  it('lists the available actions of every status', () => {
    assert.deepEqual(availableActions('new'), ['accept', 'reject', 'transfer', 'merge']);
    for (const s of STATUSES) assert.ok(Array.isArray(availableActions(s)));
    assert.deepEqual(availableActions('rejected'), []);
  });
});

describe('deadline arithmetic in working days', () => {
  it('skips weekends and holidays', () => {
    // Friday 2026-04-24 + 5 working days: Mon 27, Tue 28, Wed 29, (Thu 30, Fri 1 holidays), Mon 4, Tue 5
    assert.equal(computeDueDate(calendar, new Date('2026-04-24T10:00:00+07:00'), 5, []), '2026-05-05');
    // a working Saturday counts
    assert.equal(computeDueDate(calendar, new Date('2026-05-08T10:00:00+07:00'), 1, []), '2026-05-09');
  });

  it('uses the Vietnamese day, not UTC', () => {
    // 23:30 UTC on Sunday is already Monday 06:30 in Vietnam
    assert.equal(computeDueDate(calendar, new Date('2026-06-07T23:30:00Z'), 1, []), '2026-06-09');
  });

  it('moves the deadline by the working days the clock was paused', () => {
    const received = new Date('2026-06-01T09:00:00+07:00'); // Monday
    const plain = computeDueDate(calendar, received, 5, []);
    assert.equal(plain, '2026-06-08');
    let pauses = openPause([], new Date('2026-06-02T09:00:00+07:00'));
    pauses = closePause(pauses, new Date('2026-06-04T09:00:00+07:00'));
    assert.equal(computeDueDate(calendar, received, 5, pauses), '2026-06-10');
  });

  it('says overdue after the due day and due soon within the warning days', () => {
    assert.equal(urgency(calendar, '2026-06-10', new Date('2026-06-11T08:00:00+07:00'), 1), 'overdue');
    assert.equal(urgency(calendar, '2026-06-10', new Date('2026-06-10T08:00:00+07:00'), 1), 'due_soon');
    assert.equal(urgency(calendar, '2026-06-10', new Date('2026-06-09T08:00:00+07:00'), 1), 'due_soon');
    assert.equal(urgency(calendar, '2026-06-10', new Date('2026-06-05T08:00:00+07:00'), 1), 'ok');
  });
});

describe('categories and routing', () => {
  const flat = flattenCategories({
    categories: [
      { code: 'moi-truong', name: 'Môi trường', icon: 'leaf', routing: 'commune', deadlineDays: 7, children: [
        { code: 'moi-truong.rac', name: 'Rác' },
        { code: 'moi-truong.nuoc', name: 'Nước thải', routing: 'SNNMT-20', deadlineDays: 10, icon: 'droplet' },
      ] },
    ],
  });

  it('children inherit routing, deadline and icon unless they set their own', () => {
    assert.equal(flat.length, 3);
    const rac = flat.find((c) => c.code === 'moi-truong.rac')!;
    assert.deepEqual([rac.parentCode, rac.routing, rac.deadlineDays, rac.icon], ['moi-truong', 'commune', 7, 'leaf']);
    const nuoc = flat.find((c) => c.code === 'moi-truong.nuoc')!;
    assert.deepEqual([nuoc.routing, nuoc.deadlineDays, nuoc.icon], ['SNNMT-20', 10, 'droplet']);
  });

  it('the Lạng Sơn pack has six top categories with 2–5 children each', async () => {
    const { loadPack } = await import('../../platform/pack.ts');
    const pack = loadPack('lang-son').readJson<{ categories: { children: unknown[] }[] }>('report-categories.json');
    assert.equal(pack.categories.length, 6);
    for (const c of pack.categories) assert.ok(c.children.length >= 2 && c.children.length <= 5);
  });

  const questions: Question[] = [
    { code: 'amount', label: 'Lượng', datatype: 'singlevaluelist', required: true, values: [{ key: 'small', name: 'Ít' }, { key: 'large', name: 'Nhiều' }] },
    { code: 'size', label: 'Cỡ', datatype: 'number', required: false },
    { code: 'kinds', label: 'Loại', datatype: 'multivaluelist', required: false, values: [{ key: 'a', name: 'A' }, { key: 'b', name: 'B' }] },
  ];

  it('checks answers: required, numbers, list values; drops unknown questions', () => {
    assert.deepEqual(checkAnswers(questions, { amount: 'small', size: '2.5', kinds: ['a', 'a', 'b'], other: 'x' }), { amount: 'small', size: 2.5, kinds: ['a', 'b'] });
    const field = (e: AppError) => (e.details as { field: string }[])[0]!.field;
    assert.throws(() => checkAnswers(questions, {}), (e: AppError) => field(e) === 'answers.amount');
    assert.throws(() => checkAnswers(questions, { amount: 'huge' }), (e: AppError) => field(e) === 'answers.amount');
    assert.throws(() => checkAnswers(questions, { amount: 'small', size: 'abc' }), (e: AppError) => field(e) === 'answers.size');
    assert.throws(() => checkAnswers(questions, { amount: 'small', kinds: ['c'] }), (e: AppError) => field(e) === 'answers.kinds');
  });
});

describe('CSV cells', () => {
  it('quotes commas, quotes and newlines and defuses formulas', () => {
    assert.equal(csvCell('Đường Lê Lợi'), 'Đường Lê Lợi');
    assert.equal(csvCell('a, "b"'), '"a, ""b"""');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  });
});

describe('photos', () => {
  it('reads GPS from EXIF and strips it when re-encoding', async () => {
    const exif = { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 51/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 45/1 36/1' } };
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } }).jpeg().withExif(exif).toBuffer();
    const meta = await sharp(jpeg).metadata();
    assert.deepEqual(gpsFromExif(meta.exif!), { lat: 21.85, lon: 106.76 });
    const out = await processPhoto(jpeg, 'photos.0');
    assert.deepEqual(out.gps, { lat: 21.85, lon: 106.76 });
    assert.equal((await sharp(out.full).metadata()).exif, undefined);
    assert.equal(out.width, 64);
  });

  it('refuses bytes that are not a picture, and broken pictures', async () => {
    await assert.rejects(processPhoto(Buffer.from('hello, not an image'), 'photos.0'), (e: AppError) => e.status === 400);
    const fakeJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
    await assert.rejects(processPhoto(fakeJpeg, 'photos.0'), (e: AppError) => e.status === 400 && (e.details as { message: string }[])[0]!.message === 'reports.photo_broken');
  });

  it('decodes an HEIC photo from an iPhone, keeps its GPS position and re-encodes it as JPEG without EXIF', async () => {
    const out = await processPhoto(heic(), 'photos.0');
    assert.deepEqual(out.gps, { lat: 21.85, lon: 106.76 });
    const meta = await sharp(out.full).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.exif], ['jpeg', 64, 48, undefined]);
    assert.equal((await sharp(out.thumb).metadata()).format, 'jpeg');
    const { data } = await sharp(out.full).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * 64 + x) * 3, (y * 64 + x) * 3 + 3)];
    // the source was red on the left, dark on the right; bluer at the bottom
    assert.ok(at(8, 8)[0]! > 180 && at(56, 8)[0]! < 80, `left/right: ${at(8, 8)} ${at(56, 8)}`);
    assert.ok(at(8, 40)[2]! > 150 && at(8, 8)[2]! < 90, `top/bottom: ${at(8, 8)} ${at(8, 40)}`);
  });

  it('refuses a fake or cut-off HEIC as a broken photo', async () => {
    const broken = (e: AppError) => e.status === 400 && (e.details as { message: string }[])[0]!.message === 'reports.photo_broken';
    const fake = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(200, 0)]);
    await assert.rejects(processPhoto(fake, 'photos.0'), broken);
    const real = heic();
    await assert.rejects(processPhoto(real.subarray(0, Math.floor(real.length * 0.6)), 'photos.0'), broken);
  });
});
