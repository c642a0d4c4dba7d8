// Environment monitoring over HTTP: citizens' reads, stations pushing with their key
// (missing, wrong, idempotent, late, batches), river alarm crossings announced once, staff
// managing stations within their area, CSV import.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn } from '../../../test/identity.ts';
import { AuditLog } from '../../platform/audit.ts';
import { EventBus } from '../../platform/events.ts';
import { importReadingsCsv } from './index.ts';
import { RIVER_LEVEL_CROSSED } from './service.ts';
import { DEMO_STATIONS, demoKey, seedDemoStations } from './seed.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const HOUR = 3_600_000;

type Who = 'citizen' | 'officer' | 'otherOfficer' | 'admin';
const call = (method: 'GET' | 'POST', url: string, opts: { who?: Who; key?: string; payload?: unknown } = {}) =>
  t.app.inject({
    method, url, payload: opts.payload as object,
    headers: opts.key !== undefined ? { authorization: `Bearer ${opts.key}` } : opts.who ? { authorization: `Bearer ${tokens[opts.who]}` } : {},
  });

const crossings = async (stationId: string) =>
  (await t.db.query<{ payload: { alarm: number; level: number } | string }>('SELECT payload FROM outbox_events WHERE type = $1 AND aggregate_id = $2 ORDER BY id', [RIVER_LEVEL_CROSSED, stationId])).rows
    .map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as { alarm: number; level: number });

async function newStation(kind: 'air' | 'water_level', code: string, communeCode = '05983'): Promise<{ id: string; key: string }> {
  const res = await call('POST', '/api/environment/stations', {
    who: 'admin',
    payload: { code, name: `Trạm thử ${code}`, kind, lat: 21.85, lon: 106.76, communeCode, ...(kind === 'water_level' ? { alarm1: 252, alarm2: 254, alarm3: 256 } : {}) },
  });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().station.id, key: res.json().key };
}

before(async () => {
  t = await createTestApp();
  // the template is seeded in demo mode already; seeding again must change nothing
  await seedDemoStations(t.db.kysely);
  for (const [who, phone] of Object.entries({ citizen: '0900000001', officer: '0900000101', otherOfficer: '0900000102', admin: '0900000901' })) {
    tokens[who] = (await signIn(t.app, phone)).token;
  }
});
after(() => t.teardown());

describe('citizens reading stations', () => {
  it('lists the demo stations with their state now', async () => {
    const res = await call('GET', '/api/environment/stations');
    assert.equal(res.statusCode, 200);
    const items = res.json().items as { code: string; kind: string; air: { aqi: number; band: string } | null; river: { level: number; alarm: number } | null }[];
    const air = items.find((s) => s.code === 'KK-LANGSON-AIR');
    assert.ok(air?.air, 'the city air station has an index');
    assert.ok(air.air.aqi >= 0 && air.air.aqi <= 500);
    const river = items.find((s) => s.code === 'TV-KYCUNG-LANGSON');
    assert.ok(river?.river && river.river.level > 249 && river.river.level < 252);
    assert.equal(river.river.alarm, 0);
  });

  it('finds the nearest air station to a point, and refuses a point that is not one', async () => {
    // Đồng Đăng, near the Hữu Nghị border gate
    const res = await call('GET', '/api/environment/nearest?lat=21.97&lon=106.70');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().station.code, 'KK-DONGDANG-AIR');
    assert.ok(res.json().distanceKm < 2);
    const river = await call('GET', '/api/environment/nearest?lat=22.25&lon=106.47&kind=water_level');
    assert.equal(river.json().station.code, 'TV-KYCUNG-THATKHE');
    const bad = await call('GET', '/api/environment/nearest?lat=95&lon=106.7');
    assert.equal(bad.statusCode, 400);
    assert.ok(JSON.stringify(bad.json().error.details).includes('lat'));
    assert.equal((await call('GET', '/api/environment/nearest?lat=21&lon=106&kind=ozone')).statusCode, 400);
  });

  it('gives 24 hourly and 30 daily points', async () => {
    const list = (await call('GET', '/api/environment/stations')).json().items as { id: string; code: string }[];
    const air = list.find((s) => s.code === 'KK-LANGSON-AIR')!;
    const day = await call('GET', `/api/environment/stations/${air.id}/series?range=24h`);
    assert.equal(day.statusCode, 200, day.body);
    assert.equal(day.json().points.length, 24);
    // the demo series covers every hour, so every hour but possibly the current has an index
    assert.ok(day.json().points.filter((p: { value: number | null }) => p.value !== null).length >= 23);
    const month = await call('GET', `/api/environment/stations/${air.id}/series?range=30d`);
    assert.equal(month.json().points.length, 30);
    assert.ok(month.json().points.slice(1, 29).every((p: { value: number | null }) => typeof p.value === 'number'));
    assert.equal((await call('GET', `/api/environment/stations/${air.id}/series?range=7d`)).statusCode, 400);
    assert.equal((await call('GET', '/api/environment/stations/not-a-uuid/series?range=24h')).statusCode, 400);
    assert.equal((await call('GET', '/api/environment/stations/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });
});

describe('stations pushing readings', () => {
  it('refuses a missing or wrong key before reading the body', async () => {
    const payload = { readings: [{ at: new Date().toISOString(), pm25: 10 }] };
    assert.equal((await call('POST', '/api/environment/readings', { payload })).statusCode, 401);
    const wrong = await call('POST', '/api/environment/readings', { key: 'cds-demo-station-not-a-station', payload });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'environment.station_key');
    // a person's session is not a station key
    assert.equal((await call('POST', '/api/environment/readings', { who: 'admin', payload })).statusCode, 401);
    // even a broken body answers 401 without the key
    const raw = await t.app.inject({ method: 'POST', url: '/api/environment/readings', payload: '{"readings": [', headers: { 'content-type': 'application/json' } });
    assert.equal(raw.statusCode, 401);
  });

  it('stores a batch once: the same station and time again is a duplicate', async () => {
    const { id, key } = await newStation('air', 'TEST-AIR-1');
    const base = Math.floor(Date.now() / HOUR) * HOUR;
    const readings = [0, 1, 2].map((i) => ({ at: new Date(base - i * HOUR).toISOString(), pm25: 30 - i * 5, pm10: 50 }));
    const first = await call('POST', '/api/environment/readings', { key, payload: { readings } });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { accepted: 3, duplicates: 0 });
    const again = await call('POST', '/api/environment/readings', { key, payload: { readings: [...readings, { at: new Date(base - 3 * HOUR).toISOString(), pm25: 10 }] } });
    assert.deepEqual(again.json(), { accepted: 1, duplicates: 3 });
    // NowCast over 30, 25, 20, 10: the station shows an index now
    const st = (await call('GET', `/api/environment/stations/${id}`)).json();
    assert.ok(st.air && st.air.aqi > 0);
  });

  it('accepts late and out-of-order readings, refuses the future and bad fields by name', async () => {
    const { key } = await newStation('air', 'TEST-AIR-2');
    const now = Date.now();
    const late = await call('POST', '/api/environment/readings', { key, payload: { readings: [{ at: new Date(now - 2 * HOUR).toISOString(), pm25: 12 }, { at: new Date(now - 5 * 24 * HOUR).toISOString(), pm25: 8 }] } });
    assert.deepEqual(late.json(), { accepted: 2, duplicates: 0 });
    const future = await call('POST', '/api/environment/readings', { key, payload: { readings: [{ at: new Date(now + 2 * HOUR).toISOString(), pm25: 12 }] } });
    assert.equal(future.statusCode, 400);
    assert.ok(JSON.stringify(future.json().error.details).includes('readings/0/at'));
    const negative = await call('POST', '/api/environment/readings', { key, payload: { readings: [{ at: new Date(now).toISOString(), pm25: -1 }] } });
    assert.equal(negative.statusCode, 400);
    assert.ok(JSON.stringify(negative.json().error.details).includes('pm25'));
    assert.equal((await call('POST', '/api/environment/readings', { key, payload: { readings: [] } })).statusCode, 400);
    const empty = await call('POST', '/api/environment/readings', { key, payload: { readings: [{ at: new Date(now).toISOString() }] } });
    assert.equal(empty.statusCode, 400);
    assert.ok(JSON.stringify(empty.json().error.details).includes('readings/0'));
    assert.equal((await call('POST', '/api/environment/readings', { key, payload: { readings: [{ at: 'yesterday', pm25: 1 }] } })).statusCode, 400);
  });

  it('announces a river crossing an alarm level once, and not for late data', async () => {
    const { id, key } = await newStation('water_level', 'TEST-RIVER-1');
    const t0 = Date.now() - 10 * HOUR;
    const push = (hoursAfter: number, waterLevel: number) =>
      call('POST', '/api/environment/readings', { key, payload: { readings: [{ at: new Date(t0 + hoursAfter * HOUR).toISOString(), waterLevel }] } });
    assert.equal((await push(0, 251.2)).statusCode, 200);
    assert.equal((await crossings(id)).length, 0);
    await push(1, 252.3); // báo động I
    await push(1, 252.3); // sent again
    await push(2, 252.8); // still I
    let events = await crossings(id);
    assert.deepEqual(events.map((e) => e.alarm), [1]);
    assert.equal(events[0]!.level, 252.3);
    // an old reading above III arriving late does not alarm: the river now is at I
    await push(-5, 256.4);
    assert.equal((await crossings(id)).length, 1);
    await push(3, 254.5); // báo động II
    events = await crossings(id);
    assert.deepEqual(events.map((e) => e.alarm), [1, 2]);
    const st = (await call('GET', `/api/environment/stations/${id}`)).json();
    assert.deepEqual({ level: st.river.level, alarm: st.river.alarm }, { level: 254.5, alarm: 2 });
    // falling back below I and rising again is a new crossing
    await push(4, 251.5);
    await push(5, 252.1);
    assert.deepEqual((await crossings(id)).map((e) => e.alarm), [1, 2, 1]);
  });

  it('works with the demo key of a demo station', async () => {
    const res = await call('POST', '/api/environment/readings', { key: demoKey('MUA-BACSON'), payload: { readings: [{ at: new Date().toISOString(), rainfall: 1.2 }] } });
    assert.equal(res.statusCode, 200, res.body);
  });
});

describe('staff managing stations', () => {
  const input = (code: string, communeCode: string) => ({ code, name: 'Trạm mới', kind: 'air', lat: 21.85, lon: 106.76, communeCode });

  it('lets an officer add a station in their commune, not elsewhere; citizens never', async () => {
    const mine = await call('POST', '/api/environment/stations', { who: 'officer', payload: input('TEST-OFF-1', '05983') });
    assert.equal(mine.statusCode, 201, mine.body);
    assert.match(mine.json().key, /^cds_env_/);
    assert.equal((await call('POST', '/api/environment/stations', { who: 'otherOfficer', payload: input('TEST-OFF-2', '05983') })).statusCode, 403);
    assert.equal((await call('POST', '/api/environment/stations', { who: 'citizen', payload: input('TEST-OFF-3', '05983') })).statusCode, 403);
    assert.equal((await call('POST', '/api/environment/stations', { payload: input('TEST-OFF-4', '05983') })).statusCode, 401);
    assert.equal((await call('POST', '/api/environment/stations', { who: 'officer', payload: input('TEST-OFF-1', '05983') })).statusCode, 409);
  });

  it('refuses bad input naming the field', async () => {
    const bad = await call('POST', '/api/environment/stations', { who: 'admin', payload: { ...input('lower case', '05983') } });
    assert.equal(bad.statusCode, 400);
    assert.ok(JSON.stringify(bad.json().error.details).includes('code'));
    const commune = await call('POST', '/api/environment/stations', { who: 'admin', payload: input('TEST-ADM-1', '99999') });
    assert.equal(commune.statusCode, 400);
    assert.ok(JSON.stringify(commune.json().error.details).includes('communeCode'));
  });

  it('issues a new key and the old one stops working', async () => {
    const { id, key } = await newStation('air', 'TEST-ROT-1');
    const rotated = await call('POST', `/api/environment/stations/${id}/key`, { who: 'admin' });
    assert.equal(rotated.statusCode, 200, rotated.body);
    const payload = { readings: [{ at: new Date().toISOString(), pm25: 10 }] };
    assert.equal((await call('POST', '/api/environment/readings', { key, payload })).statusCode, 401);
    assert.equal((await call('POST', '/api/environment/readings', { key: rotated.json().key, payload })).statusCode, 200);
    assert.equal((await call('POST', `/api/environment/stations/${id}/key`, { who: 'otherOfficer' })).statusCode, 403);
    assert.equal((await call('POST', `/api/environment/stations/${id}/key`, { who: 'citizen' })).statusCode, 403);
  });

  it('imports readings from CSV, idempotently, naming a bad line', async () => {
    await newStation('air', 'TEST-CSV-1');
    const at = (h: number) => new Date(Math.floor(Date.now() / HOUR) * HOUR - h * HOUR).toISOString();
    const csv = `station,at,pm25,pm10\nTEST-CSV-1,${at(1)},20,35\nTEST-CSV-1,${at(2)},22,\n`;
    const first = await call('POST', '/api/environment/import', { who: 'officer', payload: { csv } });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { accepted: 2, duplicates: 0 });
    assert.deepEqual((await call('POST', '/api/environment/import', { who: 'officer', payload: { csv } })).json(), { accepted: 0, duplicates: 2 });
    const badLine = await call('POST', '/api/environment/import', { who: 'officer', payload: { csv: `station,at,pm25\nTEST-CSV-1,${at(3)},abc\n` } });
    assert.equal(badLine.statusCode, 400);
    assert.match(JSON.stringify(badLine.json().error.details), /csv/);
    assert.equal((await call('POST', '/api/environment/import', { who: 'officer', payload: { csv: 'time,pm25\n' } })).statusCode, 400);
    // a station outside the officer's commune
    assert.equal((await call('POST', '/api/environment/import', { who: 'otherOfficer', payload: { csv } })).statusCode, 403);
    assert.equal((await call('POST', '/api/environment/import', { payload: { csv } })).statusCode, 401);
  });

  it('imports from the command line for any station, announcing a river crossing as the API does', async () => {
    const list = (await call('GET', '/api/environment/stations')).json().items as { id: string; code: string }[];
    const thatKhe = list.find((s) => s.code === 'TV-KYCUNG-THATKHE')!;
    const at = new Date(Date.now() + 60_000).toISOString();
    const csv = `station,at,water_level\nTV-KYCUNG-THATKHE,${at},218.4\n`;
    const cli = { db: t.db, events: new EventBus(t.db), audit: new AuditLog(t.db) };
    assert.deepEqual(await importReadingsCsv(cli, csv), { accepted: 1, duplicates: 0 });
    assert.deepEqual(await importReadingsCsv(cli, csv), { accepted: 0, duplicates: 1 });
    // 218.4 m is past báo động II (218 m) of the demo Thất Khê station
    assert.deepEqual((await crossings(thatKhe.id)).map((e) => e.alarm), [2]);
    await assert.rejects(importReadingsCsv(cli, 'station,at,pm25\nNO-SUCH-STATION,2026-01-01T00:00:00Z,1\n'), /validation/);
  });
});

describe('the demo series on a later start', () => {
  it('fills the hours since the newest reading, each once, and leaves the month before as it was', async () => {
    const stations = (await t.db.query<{ id: string; code: string }>('SELECT id, code FROM env_stations WHERE code = ANY($1)', [DEMO_STATIONS.map((s) => s.code)])).rows;
    assert.equal(stations.length, DEMO_STATIONS.length);
    const now = Math.floor(Date.now() / HOUR) * HOUR;
    const hourly = async (id: string, from: number, to: number) =>
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM env_readings WHERE station_id = $1 AND measured_at > $2 AND measured_at <= $3 AND extract(epoch from measured_at)::bigint % 3600 = 0`, [id, new Date(from), new Date(to)])).rows[0]!.n;
    const monthBefore = new Map<string, number>();
    for (const s of stations) {
      assert.equal(await hourly(s.id, now, now + 5 * HOUR), 0, `${s.code} has no reading after this hour yet`);
      monthBefore.set(s.id, await hourly(s.id, now - 30 * 24 * HOUR, now));
    }
    // five hours later, as a restart would be
    await seedDemoStations(t.db.kysely, now + 5 * HOUR + 60_000);
    for (const s of stations) {
      assert.equal(await hourly(s.id, now, now + 5 * HOUR), 5, `${s.code}: the five new hours`);
      assert.equal(await hourly(s.id, now - 30 * 24 * HOUR, now), monthBefore.get(s.id), `${s.code}: the hours before are unchanged`);
    }
    await seedDemoStations(t.db.kysely, now + 5 * HOUR + 60_000);
    for (const s of stations) assert.equal(await hourly(s.id, now, now + 5 * HOUR), 5, `${s.code}: a second start adds nothing`);
  });
});
