// The directory over HTTP: search without diacritics, near me, one agency with the
// procedures it handles, hotlines, welfare and the questionnaire; staff edits limited to
// their own agency, audited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn } from '../../../test/identity.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who?: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

interface Item { id: string; code: string; name: string; lat: number | null; lon: number | null; distanceM: number | null; openNow: { open: boolean } }
const find = async (q: string) => (await call('GET', `/api/directory/agencies?q=${encodeURIComponent(q)}`)).json().items as Item[];
let lvt: Item;

before(async () => {
  t = await createTestApp();
  for (const [who, phone] of Object.entries({ an: '0900000001', officer: '0900000101', thatKhe: '0900000102', head: '0900000702', admin: '0900000901' })) {
    tokens[who] = (await signIn(t.app, phone)).token;
  }
  lvt = (await find('UBND phuong Luong Van Tri')).find((a) => a.code === 'UBND-05983')!;
});
after(() => t.teardown());

describe('finding an agency', () => {
  it('lists every agency of the pack, each with whether it is open now', async () => {
    const res = await call('GET', '/api/directory/agencies?limit=200');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().total, 81);
    for (const a of res.json().items as Item[]) assert.equal(typeof a.openNow.open, 'boolean');
  });

  it('finds an agency by words typed without diacritics', async () => {
    assert.ok(lvt, 'Phường Lương Văn Tri found without diacritics');
    assert.deepEqual((await find('so tu phap')).map((a) => a.code), ['STP-20']);
    assert.deepEqual(await find('khong co co quan nay'), []);
  });

  it('sorts by distance from the point given, the nearest first', async () => {
    const res = await call('GET', `/api/directory/agencies?lat=${lvt.lat}&lon=${lvt.lon}&kind=commune_committee&limit=5`);
    assert.equal(res.statusCode, 200);
    const items = res.json().items as Item[];
    assert.equal(items[0]!.code, 'UBND-05983');
    assert.equal(items[0]!.distanceM, 0);
    for (let i = 1; i < items.length; i++) assert.ok(items[i]!.distanceM! >= items[i - 1]!.distanceM!);
  });

  it('refuses half a position and bad values, naming the field', async () => {
    const half = await call('GET', '/api/directory/agencies?lat=21.8');
    assert.equal(half.statusCode, 400);
    assert.equal(half.json().error.details[0].field, 'lon');
    const bad = await call('GET', '/api/directory/agencies?lat=200&lon=106');
    assert.equal(bad.statusCode, 400);
    assert.ok(JSON.stringify(bad.json().error.details).includes('lat'));
    assert.equal((await call('GET', '/api/directory/agencies?kind=bank')).statusCode, 400);
  });

  it("shows one agency with its hours, counter and the commune's procedures", async () => {
    const res = await call('GET', `/api/directory/agencies/${lvt.id}`);
    assert.equal(res.statusCode, 200);
    const a = res.json();
    assert.equal(a.hours.weekly.mon[0].from, '07:30');
    assert.match(a.counter, /Một cửa/);
    assert.ok(a.procedures.some((p: { code: string }) => p.code === '1.001193'), 'birth registration is a commune procedure');
    assert.ok(a.proceduresTotal >= a.procedures.length);
    assert.equal(a.editable, false);
    const police = (await find('cong an tinh'))[0]!;
    assert.equal(police.code, 'CA-20');
    const handled = (await call('GET', `/api/directory/agencies/${police.id}`)).json().procedures as { code: string }[];
    assert.ok(handled.some((p) => p.code === 'LS.CC.02'));
    assert.equal((await call('GET', '/api/directory/agencies/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await call('GET', '/api/directory/agencies/not-a-uuid')).statusCode, 400);
  });
});

describe('agency staff keep their entry current', () => {
  const always = [{ from: '00:00', to: '24:00' }];
  const allWeek = { weekly: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always }, openOnHolidays: true };

  it("lets the agency's head and officer edit it, audited", async () => {
    assert.equal((await call('GET', `/api/directory/agencies/${lvt.id}`, 'head')).json().editable, true);
    const res = await call('PATCH', `/api/directory/agencies/${lvt.id}`, 'head', { phone: '0205 3870 123', website: 'https://luongvantri.langson.gov.vn', hours: allWeek });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().phone, '0205 3870 123');
    assert.equal(res.json().openNow.open, true);
    assert.ok(res.json().updatedAt);
    const officer = await call('PATCH', `/api/directory/agencies/${lvt.id}`, 'officer', { counter: 'Quầy số 2, tầng 1' });
    assert.equal(officer.statusCode, 200);
    assert.equal(officer.json().phone, '0205 3870 123', 'fields not sent stay');
    const audit = await call('GET', `/api/admin/audit?subjectType=agency&subjectId=${lvt.id}`, 'admin');
    const actions = (audit.json() as { action: string; details: { fields: string[] } }[]).filter((e) => e.action === 'directory.entry_updated');
    assert.equal(actions.length, 2);
    assert.ok(actions.some((e) => e.details.fields.includes('hours')));
    // the open-now filter now finds it
    const open = (await call('GET', '/api/directory/agencies?openNow=true&q=luong%20van%20tri')).json().items as Item[];
    assert.ok(open.some((a) => a.id === lvt.id));
  });

  it("refuses another agency's staff, citizens and the signed-out", async () => {
    assert.equal((await call('PATCH', `/api/directory/agencies/${lvt.id}`, 'thatKhe', { phone: '0205 000 000' })).statusCode, 403);
    assert.equal((await call('PATCH', `/api/directory/agencies/${lvt.id}`, 'an', { phone: '0205 000 000' })).statusCode, 403);
    assert.equal((await call('PATCH', `/api/directory/agencies/${lvt.id}`, undefined, { phone: '0205 000 000' })).statusCode, 401);
    assert.equal((await call('PATCH', `/api/directory/agencies/${lvt.id}`, 'admin', { note: 'Nghỉ chiều thứ Sáu tuần này' })).statusCode, 200);
  });

  it('refuses bad input naming the field', async () => {
    const field = async (body: unknown) => {
      const res = await call('PATCH', `/api/directory/agencies/${lvt.id}`, 'head', body);
      assert.equal(res.statusCode, 400, res.body);
      return (res.json().error.details as { field: string }[]).map((d) => d.field).join(' ');
    };
    assert.match(await field({ phone: 'gọi tôi' }), /phone/);
    assert.match(await field({ website: 'javascript:alert(1)' }), /website/);
    assert.match(await field({ lat: 21.8, lon: null }), /lon/);
    assert.match(await field({ hours: { ...allWeek, weekly: { ...allWeek.weekly, mon: [{ from: '17:00', to: '07:00' }] } } }), /hours\.weekly\.mon\.0\.to/);
    assert.match(await field({ hours: { ...allWeek, weekly: { ...allWeek.weekly, mon: [{ from: '25:00', to: '26:00' }] } } }), /hours/);
    assert.equal((await call('PATCH', `/api/directory/agencies/${lvt.id}`, 'head', {})).statusCode, 400);
    assert.equal((await call('PATCH', `/api/directory/agencies/${lvt.id}`, 'head', { name: 'Tên mới' })).statusCode, 400);
  });
});

describe('hotlines and welfare', () => {
  it('lists hotlines most urgent first, the citizen line from the pack', async () => {
    const res = await call('GET', '/api/directory/hotlines');
    assert.equal(res.statusCode, 200);
    const list = res.json() as { kind: string; number: string | null; purpose: string }[];
    assert.deepEqual(list.slice(0, 5).map((h) => h.number), ['113', '114', '115', '111', '1022']);
    for (const h of list) assert.ok(h.purpose.length > 20);
  });

  it('explains each benefit with its procedures from the catalogue', async () => {
    const list = (await call('GET', '/api/welfare/benefits')).json() as { key: string; procedures: { code: string }[] }[];
    assert.deepEqual(list.map((b) => b.key), ['elderly_allowance', 'disability_allowance', 'poor_household', 'health_insurance_poor', 'unemployment']);
    for (const b of list) assert.ok(b.procedures.length > 0, `${b.key} links a procedure`);
    const one = await call('GET', '/api/welfare/benefits/unemployment');
    assert.equal(one.statusCode, 200);
    assert.ok(one.json().procedures.some((p: { code: string }) => p.code === 'LS.VL.01'));
    assert.equal((await call('GET', '/api/welfare/benefits/lottery')).statusCode, 400);
  });

  it('answers the questionnaire as guidance, and names a bad answer', async () => {
    const res = await call('POST', '/api/welfare/check', undefined, { age: 82, household: 'none', disability: 'none', hasPension: false, lostJobWithInsurance: false, noSupporter: false });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().guidanceOnly, true);
    assert.deepEqual(res.json().benefits.map((b: { key: string }) => b.key), ['elderly_allowance', 'health_insurance_poor']);
    const bad = await call('POST', '/api/welfare/check', undefined, { age: -1, household: 'rich', disability: 'none', hasPension: false, lostJobWithInsurance: false, noSupporter: false });
    assert.equal(bad.statusCode, 400);
    const fields = JSON.stringify(bad.json().error.details);
    assert.ok(fields.includes('age') && fields.includes('household'), fields);
  });
});
