// HTTP tests of filing and following reports as a citizen, and the public list and map.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { VectorTile } from '@mapbox/vector-tile';
import * as P from 'pbf';
import { signIn, type TestSession } from '../../../test/identity.ts';
import type { TestApp } from '../../../test/helpers.ts';
import { createReportsTestApp, heic, jpeg } from '../../../test/reports.ts';

const Pbf = ((P as unknown as { default?: unknown }).default ?? (P as unknown as { PbfReader?: unknown }).PbfReader) as new (b: Buffer) => never;

const HERE = { lat: 21.85, lon: 106.76 }; // Phường Lương Văn Tri (05983)
const RUBBISH = { categoryCode: 'moi-truong.rac-thai', answers: { amount: 'large' } };

describe('reports: citizen and public routes', () => {
  let t: TestApp;
  let an: TestSession;
  let binh: TestSession;
  let code = '';
  let id = '';

  before(async () => {
    t = await createReportsTestApp();
    an = await signIn(t.app, '0900000001');
    binh = await signIn(t.app, '0900000002');
  });
  after(() => t.teardown());

  const file = (s: TestSession, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/reports', headers: { ...s.headers, ...headers }, payload });
  const countReports = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]!.n);

  it('lists two levels of categories with icons and extra questions', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/reports/categories' });
    assert.equal(res.statusCode, 200);
    const tree = res.json();
    assert.deepEqual(tree.map((c: { code: string }) => c.code), ['trat-tu-cong-cong', 'moi-truong', 'giao-thong', 'trat-tu-do-thi', 'ha-tang', 'khac']);
    const rac = tree[1].children.find((c: { code: string }) => c.code === 'moi-truong.rac-thai');
    assert.equal(rac.icon, 'trash');
    assert.equal(rac.questions[0].code, 'amount');
    const wf = await t.app.inject({ method: 'GET', url: '/api/reports/workflow' });
    assert.equal(wf.json().statuses.find((s: { code: string }) => s.code === 'in_progress').label, 'Đang xử lý');
  });

  it('tells before sending which agency will receive the report (point or commune), and names a bad field', async () => {
    const road = await t.app.inject({ method: 'GET', url: `/api/reports/routing?category=giao-thong.o-ga&lat=${HERE.lat}&lon=${HERE.lon}` });
    assert.equal(road.statusCode, 200, road.body);
    assert.match(road.json().agency.name, /Xây dựng/);
    assert.equal(road.json().commune.code, '05983');
    const rubbish = await t.app.inject({ method: 'GET', url: '/api/reports/routing?category=moi-truong.rac-thai&communeCode=06040' });
    assert.equal(rubbish.statusCode, 200, rubbish.body);
    assert.match(rubbish.json().agency.name, /Thất Khê/);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/reports/routing?category=nope&communeCode=06040' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details[0].field, 'category');
    const halfPoint = await t.app.inject({ method: 'GET', url: `/api/reports/routing?category=moi-truong.rac-thai&lat=${HERE.lat}` });
    assert.equal(halfPoint.statusCode, 400);
    assert.equal(halfPoint.json().error.details[0].field, 'lon');
  });

  it('asks to sign in before filing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload: { ...RUBBISH, description: 'Rác đổ bừa bãi ở đầu ngõ', ...HERE } });
    assert.equal(res.statusCode, 401);
  });

  it('files a report with a photo; the commune and agency come from the point', async () => {
    const photo = (await jpeg()).toString('base64');
    const res = await file(an, { ...RUBBISH, description: 'Rác đổ bừa bãi ở đầu ngõ 12', ...HERE, address: 'Ngõ 12 Lê Lợi', photos: [photo], anonymous: true }, { 'idempotency-key': 'first-report-0001' });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.trackingCode, /^PA-[0-9A-Z]{8}$/);
    assert.equal(body.status, 'new');
    assert.equal(body.created, true);
    assert.match(body.dueDate, /^\d{4}-\d{2}-\d{2}$/);
    code = body.trackingCode;
    id = body.id;
    const mine = await t.app.inject({ method: 'GET', url: `/api/reports/${code}`, headers: an.headers });
    assert.equal(mine.statusCode, 200);
    const r = mine.json();
    assert.equal(r.communeCode, '05983');
    assert.match(r.agencyName, /Lương Văn Tri/);
    assert.equal(r.photos.length, 1, 'the reporter sees the photo before moderation');
    assert.equal(r.mine, true);
    assert.equal(r.timeline[0].kind, 'created');
    const photo1 = await t.app.inject({ method: 'GET', url: r.photos[0].url, headers: an.headers });
    assert.equal(photo1.statusCode, 200);
    assert.equal(photo1.headers['content-type'], 'image/jpeg');
  });

  it('shows the report to the public without personal data or unmoderated photos', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/${code}` });
    assert.equal(res.statusCode, 200);
    const r = res.json();
    assert.equal(r.photos.length, 0);
    assert.equal(r.mine, false);
    assert.deepEqual(r.answers, {});
    assert.ok(!JSON.stringify(r).includes(an.userId));
    const list = await t.app.inject({ method: 'GET', url: '/api/reports?category=moi-truong' });
    assert.ok(list.json().items.some((x: { trackingCode: string }) => x.trackingCode === code));
    assert.ok(!JSON.stringify(list.json()).includes(an.userId));
    const pending = await t.app.inject({ method: 'GET', url: (await t.app.inject({ method: 'GET', url: `/api/reports/${code}`, headers: an.headers })).json().photos[0].url });
    assert.equal(pending.statusCode, 404, 'a pending photo is not public');
  });

  it('a replay with the same Idempotency-Key returns the first report and creates nothing', async () => {
    const before = await countReports();
    const payload = { ...RUBBISH, description: 'Rác đổ bừa bãi ở đầu ngõ 12', ...HERE };
    // the key of the first report with a different report: refused, never answered with the first one
    const reused = await file(an, payload, { 'idempotency-key': 'first-report-0001' });
    assert.equal(reused.statusCode, 422);
    assert.equal(reused.json().error.code, 'idempotency.key_reused');
    assert.ok(!reused.body.includes(id), 'the first report is not handed out');
    const key = randomUUID();
    const racing = await Promise.all([1, 2, 3].map(() => file(an, payload, { 'idempotency-key': key })));
    assert.equal(new Set(racing.map((r) => r.json().id)).size, 1);
    assert.equal(racing.filter((r) => r.statusCode === 201).length, 1);
    const viaBody = await file(an, { ...payload, clientId: key });
    assert.equal(viaBody.statusCode, 200);
    assert.equal(viaBody.json().id, racing[0]!.json().id);
    assert.equal(viaBody.json().created, false);
    assert.equal(await countReports(), before + 1);
  });

  it('refuses bad input with 4xx naming the field and saves nothing', async () => {
    const before = await countReports();
    const good = { ...RUBBISH, description: 'Rác thải đổ ra đường', ...HERE };
    const fake = Buffer.from('GIF89a not really a photo').toString('base64');
    const brokenJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]).toString('base64');
    const fakeHeic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(200, 0)]).toString('base64');
    const huge = Buffer.alloc(9 * 1024 * 1024, 0xff).toString('base64');
    const small = (await jpeg()).toString('base64');
    const cases: [object, number, string][] = [
      [{ ...good, description: undefined }, 400, 'description'],
      [{ ...good, description: 'ngắn' }, 400, 'description'],
      [{ ...good, lat: 'abc' }, 400, 'lat'],
      [{ ...good, categoryCode: 'khong-co' }, 400, 'categoryCode'],
      [{ ...good, categoryCode: 'moi-truong' }, 400, 'categoryCode'],
      [{ ...good, answers: {} }, 400, 'answers.amount'],
      [{ ...good, lat: 21.03, lon: 105.85 }, 400, 'location'],
      [{ ...good, lat: undefined, lon: undefined }, 400, 'location'],
      [{ ...good, photos: [fake] }, 400, 'photos.0'],
      [{ ...good, photos: [small, brokenJpeg] }, 400, 'photos.1'],
      [{ ...good, photos: [fakeHeic] }, 400, 'photos.0'],
      [{ ...good, photos: [huge] }, 400, 'photos.0'],
      [{ ...good, photos: [small, small, small, small, small, small] }, 400, 'photos'],
      [{ ...good, extra: 1 }, 400, 'extra'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await file(an, payload);
      assert.equal(res.statusCode, status, `${field}: ${res.body.slice(0, 300)}`);
      const details = res.json().error.details as { field: string; message: string }[];
      assert.ok(details.some((d) => d.field === field), `${field} named in ${JSON.stringify(details)}`);
    }
    const outside = await file(an, { ...good, lat: 21.03, lon: 105.85 });
    assert.match(outside.json().error.details[0].message, /ngoài tỉnh Lạng Sơn/);
    const heicRes = await file(an, { ...good, photos: [fakeHeic] });
    assert.match(heicRes.json().error.details[0].message, /Ảnh bị hỏng/);
    assert.equal(await countReports(), before);
  });

  it('takes the place from the photo when none is given, and offers it beforehand', async () => {
    const withGps = (await jpeg({ gps: { lat: '21/1 51/1 0/1', lon: '106/1 45/1 36/1' } })).toString('base64');
    const offer = await t.app.inject({ method: 'POST', url: '/api/reports/photo-location', headers: an.headers, payload: { photo: withGps } });
    assert.deepEqual(offer.json(), { found: true, lat: 21.85, lon: 106.76, inProvince: true });
    const none = await t.app.inject({ method: 'POST', url: '/api/reports/photo-location', headers: an.headers, payload: { photo: (await jpeg()).toString('base64') } });
    assert.deepEqual(none.json(), { found: false });
    const res = await file(an, { categoryCode: 'ha-tang.den-duong', description: 'Đèn đường tắt cả tuần nay', photos: [withGps] });
    assert.equal(res.statusCode, 201, res.body);
    const r = (await t.app.inject({ method: 'GET', url: `/api/reports/${res.json().trackingCode}` })).json();
    assert.equal(r.lat, 21.85);
    assert.equal(r.communeCode, '05983');
  });

  it('accepts an HEIC photo from an iPhone: the place comes from it and it is served as JPEG', async () => {
    const photo = heic().toString('base64');
    const offer = await t.app.inject({ method: 'POST', url: '/api/reports/photo-location', headers: an.headers, payload: { photo } });
    assert.deepEqual(offer.json(), { found: true, lat: 21.85, lon: 106.76, inProvince: true });
    const res = await file(an, { categoryCode: 'ha-tang.den-duong', description: 'Cột đèn bị nghiêng sau bão', photos: [photo] });
    assert.equal(res.statusCode, 201, res.body);
    const r = (await t.app.inject({ method: 'GET', url: `/api/reports/${res.json().trackingCode}`, headers: an.headers })).json();
    assert.equal(r.lat, 21.85);
    assert.equal(r.photos.length, 1);
    const img = await t.app.inject({ method: 'GET', url: r.photos[0].url, headers: an.headers });
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/jpeg');
    assert.deepEqual(img.rawPayload.subarray(0, 3), Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('shows nearby open reports of the same category, and lets another citizen support one', async () => {
    const dup = await t.app.inject({ method: 'GET', url: `/api/reports/duplicates?category=moi-truong.rac-thai&lat=21.8505&lon=106.7602` });
    assert.equal(dup.statusCode, 200);
    const items = dup.json().items as { trackingCode: string; distance: number }[];
    assert.ok(items.some((i) => i.trackingCode === code));
    assert.ok(items[0]!.distance < 300);
    const far = await t.app.inject({ method: 'GET', url: `/api/reports/duplicates?category=moi-truong.rac-thai&lat=22.25&lon=106.47` });
    assert.equal(far.json().items.length, 0);
    const other = await t.app.inject({ method: 'GET', url: `/api/reports/duplicates?category=giao-thong.o-ga&lat=21.85&lon=106.76` });
    assert.equal(other.json().items.length, 0);
    const bad = await t.app.inject({ method: 'GET', url: `/api/reports/duplicates?category=nope&lat=21.85&lon=106.76` });
    assert.equal(bad.statusCode, 400);

    const plus = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/support`, headers: binh.headers });
    assert.deepEqual(plus.json(), { supporters: 1, added: true });
    const again = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/support`, headers: binh.headers });
    assert.deepEqual(again.json(), { supporters: 1, added: false });
    const own = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/support`, headers: an.headers });
    assert.equal(own.statusCode, 409);
    const anon = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/support` });
    assert.equal(anon.statusCode, 401);
    const view = (await t.app.inject({ method: 'GET', url: `/api/reports/${code}`, headers: binh.headers })).json();
    assert.equal(view.supported, true);
    assert.equal(view.following, true, 'supporting also follows');
  });

  it('follows and unfollows someone else\'s report', async () => {
    const off = await t.app.inject({ method: 'DELETE', url: `/api/reports/${code}/follow`, headers: binh.headers });
    assert.equal(off.statusCode, 204);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/reports/${code}`, headers: binh.headers })).json().following, false);
    const on = await t.app.inject({ method: 'PUT', url: `/api/reports/${code}/follow`, headers: binh.headers });
    assert.equal(on.statusCode, 204);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/reports/mine', headers: binh.headers })).json();
    assert.equal(mine.total, 0);
    assert.ok(mine.following.some((r: { trackingCode: string }) => r.trackingCode === code));
    const missing = await t.app.inject({ method: 'PUT', url: '/api/reports/PA-NOTHERE/follow', headers: binh.headers });
    assert.equal(missing.statusCode, 404);
  });

  it('lists my reports newest first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/reports/mine', headers: an.headers });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().total >= 2);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/reports/mine' })).statusCode, 401);
  });

  it('filters the public list and the map, and refuses bad filters', async () => {
    const q = async (qs: string) => (await t.app.inject({ method: 'GET', url: `/api/reports?${qs}` })).json();
    assert.ok((await q('status=new&commune=05983')).items.length >= 1);
    assert.equal((await q('commune=06040')).items.length, 0);
    assert.equal((await q('status=closed')).items.length, 0);
    assert.ok((await q(`q=${code}`)).items.length === 1);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    assert.ok((await q(`from=${today}&to=${today}`)).items.length >= 1);
    assert.equal((await q('from=2020-01-01&to=2020-01-02')).items.length, 0);
    for (const bad of ['status=nope', 'from=2026-02-01&to=2026-01-01', 'from=yesterday', 'limit=1000', 'bbox=1,2,3']) {
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/reports?${bad}` })).statusCode, 400, bad);
    }
    const map = await t.app.inject({ method: 'GET', url: '/api/reports/map?bbox=106.7,21.8,106.8,21.9' });
    assert.ok(map.json().items.some((p: { trackingCode: string }) => p.trackingCode === code));
    const elsewhere = await t.app.inject({ method: 'GET', url: '/api/reports/map?bbox=106.0,22.3,106.1,22.4' });
    assert.equal(elsewhere.json().items.length, 0);
  });

  it('serves vector tiles with commune boundaries, labels and report points, as circles with a count when zoomed out', async () => {
    const tileAt = (z: number) => {
      const x = Math.floor(((HERE.lon + 180) / 360) * 2 ** z);
      const rad = (HERE.lat * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
      return `${z}/${x}/${y}`;
    };
    // three more public reports a few metres from HERE, and one hidden, which no map shows
    for (const i of [1, 2, 3, 4]) {
      const res = await file(binh, { ...RUBBISH, description: `Rác đổ ở ngõ số ${i} cạnh chợ`, lat: HERE.lat + i * 0.0001, lon: HERE.lon }, { 'idempotency-key': randomUUID() });
      assert.equal(res.statusCode, 201, res.body);
      if (i === 4) await t.db.query('UPDATE reports SET hidden = true WHERE tracking_code = $1', [res.json().trackingCode]);
    }
    const decode = async (z: number) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/tiles/${tileAt(z)}.mvt` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/vnd.mapbox-vector-tile');
      const tile = new VectorTile(new Pbf(res.rawPayload));
      for (const layer of ['communes', 'reports', ...(z < 14 ? ['commune_labels'] : [])]) assert.ok(tile.layers[layer], `layer ${layer} at z${z}`);
      const reports = tile.layers.reports!;
      return { res, features: Array.from({ length: reports.length }, (_, i) => reports.feature(i)) };
    };
    const inTile = async (z: number) => {
      const [, x, y] = tileAt(z).split('/').map(Number);
      const n = 2 ** z;
      const lon = (v: number) => (v / n) * 360 - 180;
      const lat = (v: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * v) / n))) * 180) / Math.PI;
      const r = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE NOT hidden AND merged_into IS NULL AND lon >= $1 AND lon < $2 AND lat > $3 AND lat <= $4', [lon(x!), lon(x! + 1), lat(y! + 1), lat(y!)]);
      return r.rows[0]!.n;
    };

    const near = await decode(16);
    const mine = near.features.find((f) => f.properties.code === code);
    assert.ok(mine, 'zoomed in, the report is a point carrying its tracking code');
    assert.equal(mine.properties.status, 'new');
    assert.equal(mine.properties.category, 'moi-truong.rac-thai');
    const [[at]] = mine.loadGeometry() as unknown as [[{ x: number; y: number }]];
    const n16 = 2 ** 16;
    const sin = Math.sin((HERE.lat * Math.PI) / 180);
    const px = (((HERE.lon + 180) / 360) * n16 % 1) * 4096;
    const py = (((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n16) % 1) * 4096;
    assert.ok(Math.abs(at!.x - px) <= 1 && Math.abs(at!.y - py) <= 1, `the point sits where the report is (${at!.x},${at!.y} vs ${px},${py})`);
    assert.ok(near.features.every((f) => !('count' in f.properties)), 'no circles when zoomed in');

    const far = await decode(10);
    const circles = far.features.filter((f) => 'count' in f.properties);
    assert.ok(circles.length >= 1, 'reports close together share a circle');
    assert.ok(circles.every((f) => f.properties.code === undefined && Number(f.properties.count) > 1));
    const total = far.features.reduce((s, f) => s + Number(f.properties.count ?? 1), 0);
    assert.equal(total, await inTile(10), 'every public report in the tile is counted once, the hidden one not at all');

    const again = await t.app.inject({ method: 'GET', url: `/api/tiles/${tileAt(16)}.mvt`, headers: { 'if-none-match': near.res.headers.etag as string } });
    assert.equal(again.statusCode, 304);
    const sea = await t.app.inject({ method: 'GET', url: '/api/tiles/12/0/0.mvt' });
    assert.equal(sea.statusCode, 200);
    assert.equal(sea.rawPayload.length, 0, 'an empty tile far from the province');
    for (const bad of ['/api/tiles/21/0/0.mvt', '/api/tiles/2/4/0.mvt', '/api/tiles/2/0/9.mvt', '/api/tiles/2/0/0.png', '/api/tiles/a/0/0.mvt']) {
      assert.equal((await t.app.inject({ method: 'GET', url: bad })).statusCode, 400, bad);
    }
  });

  it('answers 404 for an unknown report', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/reports/PA-ZZZZZZZZ' })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/reports/photos/not-a-photo' })).statusCode, 404);
  });

  it('adds my reports to my data export', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: an.headers });
    assert.equal(res.statusCode, 200);
    assert.ok(JSON.stringify(res.json()).includes(code));
  });

  it('serves a page of the public list from memory, until a report is filed or moves on', async () => {
    const page = async () => (await t.app.inject({ method: 'GET', url: '/api/reports?limit=5' })).json() as { items: { trackingCode: string; description: string }[] };
    const first = await page();
    const newest = first.items[0]!;
    // a change no event announces (written behind the platform's back) waits for the page to age
    await t.db.query("UPDATE reports SET description = 'changed behind the cache' WHERE tracking_code = $1", [newest.trackingCode]);
    assert.equal((await page()).items[0]!.description, newest.description, 'the page came from memory');
    const filed = await file(binh, { ...RUBBISH, description: 'Rác mới đổ sáng nay ở cổng chợ', ...HERE }, { 'idempotency-key': randomUUID() });
    assert.equal(filed.statusCode, 201, filed.body);
    // the report.created event reaches every process through NOTIFY, a moment after the commit
    let items = (await page()).items;
    for (let i = 0; i < 40 && items[0]!.trackingCode !== filed.json().trackingCode; i++) {
      await new Promise((r) => setTimeout(r, 50));
      items = (await page()).items;
    }
    assert.equal(items[0]!.trackingCode, filed.json().trackingCode, 'the new report is on the page within two seconds, not after the page aged');
    assert.equal(items[1]!.description, 'changed behind the cache');
  });
});
