// An alert from draft to phones and back: drafting, the second person's approval, fan-out
// through Web Push to a real RFC 8030 push service on loopback (VAPID checked, payload
// decrypted), SMS, the citizen's answer, the CAP document, Cancel; and the refusals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Alert, AlertReport } from '@cds/contracts/alerts';
import { startPushService, validateCap, type PushService } from '../../../test/alerts.ts';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn, type TestSession } from '../../../test/identity.ts';
import { DEMO_DLR_SECRET, signDlr, smsRequestId } from '../notifications/index.ts';
import { alertsModule } from './index.ts';

const THAT_KHE = '06040';
const LUONG_VAN_TRI = '05983';

describe('emergency alerts', () => {
  let t: TestApp;
  let push: PushService;
  let officer: TestSession;
  let leader: TestSession;
  let citizen: TestSession; // 0900000002, Xã Thất Khê
  let citizen1: TestSession; // 0900000001, Phường Lương Văn Tri
  let vapid: string;

  const draft = (over: Record<string, unknown> = {}) => ({
    status: 'Actual',
    category: 'Met',
    event: 'Lũ quét',
    urgency: 'Immediate',
    severity: 'Extreme',
    certainty: 'Observed',
    headline: 'Lũ quét ở Thất Khê và Lương Văn Tri',
    description: 'Mưa lớn 200 mm trong 6 giờ, nước suối dâng nhanh.',
    instruction: 'Di chuyển lên chỗ cao ngay.',
    expires: new Date(Date.now() + 6 * 3600_000).toISOString(),
    area: { description: 'Xã Thất Khê, Phường Lương Văn Tri', communes: [THAT_KHE, LUONG_VAN_TRI] },
    ...over,
  });

  before(async () => {
    t = await createTestApp();
    push = await startPushService(31213);
    officer = await signIn(t.app, '0900000401');
    leader = await signIn(t.app, '0900000201');
    citizen = await signIn(t.app, '0900000002');
    citizen1 = await signIn(t.app, '0900000001');
    const res = await t.app.inject({ method: 'GET', url: '/api/push/vapid-public-key' });
    assert.equal(res.statusCode, 200);
    vapid = res.json().publicKey;
  });
  after(async () => {
    await push.close();
    await t.teardown();
  });

  const subscribe = async (session: TestSession | null, extra: Record<string, unknown> = {}) => {
    const sub = await push.subscribe(vapid);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/push/subscriptions',
      headers: session?.headers ?? {},
      payload: { endpoint: sub.endpoint, keys: sub.keys, ...extra },
    });
    assert.equal(res.statusCode, 201, res.body);
    return sub;
  };

  it('refuses push subscriptions that cannot work, naming the field', async () => {
    const sub = await push.subscribe(vapid);
    const anon = await t.app.inject({ method: 'POST', url: '/api/push/subscriptions', payload: { endpoint: sub.endpoint, keys: sub.keys } });
    assert.equal(anon.statusCode, 400);
    assert.equal(anon.json().error.details[0].field, 'communes');
    const plain = await t.app.inject({ method: 'POST', url: '/api/push/subscriptions', payload: { endpoint: 'http://push.example.com/x', keys: sub.keys, communes: [THAT_KHE] } });
    assert.equal(plain.statusCode, 400);
    assert.equal(plain.json().error.details[0].field, 'endpoint');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/push/subscriptions', payload: { endpoint: sub.endpoint, keys: sub.keys, communes: ['99999'] } });
    assert.equal(unknown.json().error.details[0].field, 'communes/0');
    const badKey = await t.app.inject({ method: 'POST', url: '/api/push/subscriptions', payload: { endpoint: sub.endpoint, keys: { p256dh: 'x', auth: sub.keys.auth }, communes: [THAT_KHE] } });
    assert.equal(badKey.statusCode, 400);
  });

  it('lets only an alert officer draft, and checks the draft', async () => {
    const byCitizen = await t.app.inject({ method: 'POST', url: '/api/staff/alerts', headers: citizen.headers, payload: draft() });
    assert.equal(byCitizen.statusCode, 403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/staff/alerts', payload: draft() });
    assert.equal(anonymous.statusCode, 401);
    const past = await t.app.inject({ method: 'POST', url: '/api/staff/alerts', headers: officer.headers, payload: draft({ expires: new Date(Date.now() - 60_000).toISOString() }) });
    assert.equal(past.statusCode, 400);
    assert.equal(past.json().error.details[0].field, 'expires');
    const badSeverity = await t.app.inject({ method: 'POST', url: '/api/staff/alerts', headers: officer.headers, payload: draft({ severity: 'Huge' }) });
    assert.equal(badSeverity.statusCode, 400);
    assert.match(JSON.stringify(badSeverity.json().error.details), /severity/);
    const open = await t.app.inject({ method: 'POST', url: '/api/staff/alerts', headers: officer.headers, payload: draft({ area: { description: 'x', communes: [], polygon: [[106, 22], [106.1, 22], [106.1, 22.1], [106, 22.2]] } }) });
    assert.equal(open.json().error.details[0].field, 'area/polygon');
  });

  it('sends an Actual alert only after a leader approves, then reaches phones by push and SMS', async () => {
    const subCitizen = await subscribe(citizen);
    const subAnon = await subscribe(null, { communes: [LUONG_VAN_TRI] });
    const subElsewhere = await subscribe(null, { communes: ['06001'] });
    const subGone = await subscribe(null, { communes: [THAT_KHE] });
    await push.expire(subGone.clientHash);

    const created = await t.app.inject({ method: 'POST', url: '/api/staff/alerts', headers: officer.headers, payload: draft() });
    assert.equal(created.statusCode, 201, created.body);
    const alert = created.json() as Alert;
    assert.equal(alert.state, 'draft');
    assert.deepEqual(alert.actions, []);
    // not public while a draft
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/alerts/${alert.id}` })).statusCode, 404);

    const bySelf = await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${alert.id}/send`, headers: officer.headers });
    assert.equal(bySelf.statusCode, 403);
    const byCitizen = await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${alert.id}/send`, headers: citizen.headers });
    assert.equal(byCitizen.statusCode, 403);
    const forLeader = (await t.app.inject({ method: 'GET', url: `/api/alerts/${alert.id}`, headers: leader.headers })).json() as Alert;
    assert.deepEqual(forLeader.actions, ['send', 'reject']);

    const sent = await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${alert.id}/send`, headers: leader.headers });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().state, 'sent');
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${alert.id}/send`, headers: leader.headers })).statusCode, 409);

    await t.platform.use(alertsModule).fanOut(alert.id);

    const [m] = await push.messages(subCitizen.clientHash);
    assert.ok(m, 'the citizen’s device got the alert');
    const payload = JSON.parse(m) as { title: string; url: string; alert: boolean };
    assert.match(payload.title, /Lũ quét ở Thất Khê/);
    assert.equal(payload.url, `/canh-bao/${alert.id}`);
    assert.equal(payload.alert, true);
    assert.equal((await push.messages(subAnon.clientHash)).length, 1);
    assert.equal((await push.messages(subElsewhere.clientHash)).length, 0);
    // the expired device (410) is gone
    const del = await t.app.inject({ method: 'DELETE', url: '/api/push/subscriptions', payload: { endpoint: subGone.endpoint } });
    assert.equal(del.statusCode, 404);

    const sms = (await t.app.inject({ method: 'GET', url: '/api/dev/sms?to=0900000002' })).json() as { messages: { body: string }[] };
    assert.match(sms.messages[0]?.body ?? '', /Lũ quét/);
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: citizen1.headers })).json() as { items: { kind: string; link: string }[] };
    assert.equal(inbox.items[0]?.kind, 'alert');

    const report = (await t.app.inject({ method: 'GET', url: `/api/staff/alerts/${alert.id}/report`, headers: officer.headers })).json() as AlertReport;
    assert.equal(report.delivery.pushAccepted, 2);
    assert.equal(report.delivery.pushExpired, 1);
    assert.ok(report.delivery.smsSent >= 2);
    assert.ok(report.delivery.inbox >= 2);
    assert.equal(report.delivery.fanOutDone, true);
    // the demo gateway's signed delivery reports came back for every text
    assert.equal(report.delivery.smsDelivered, report.delivery.smsSent);
    assert.equal(report.delivery.smsPending, 0);
    assert.equal(report.delivery.smsFailed, 0);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/alerts/${alert.id}/report`, headers: citizen.headers })).statusCode, 403);

    // a second run of the job (a retry) sends nothing twice
    await t.platform.use(alertsModule).fanOut(alert.id);
    assert.equal((await push.messages(subCitizen.clientHash)).length, 1);
  });

  it('takes the citizen’s answer and shows it to staff; publishes CAP and Atom; a Cancel ends it', async () => {
    const current = (await t.app.inject({ method: 'GET', url: `/api/alerts?commune=${THAT_KHE}&current=true`, headers: citizen.headers })).json() as { items: Alert[] };
    const alert = current.items.find((a) => a.status === 'Actual');
    assert.ok(alert);
    assert.equal(alert.inForce, true);
    assert.equal(alert.myAnswer, null);

    const bad = await t.app.inject({ method: 'POST', url: `/api/alerts/${alert.id}/answers`, headers: citizen.headers, payload: { answer: 'safe', lat: 22.2 } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'lon');
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/alerts/${alert.id}/answers`, payload: { answer: 'safe' } })).statusCode, 401);
    const ok = await t.app.inject({ method: 'POST', url: `/api/alerts/${alert.id}/answers`, headers: citizen.headers, payload: { answer: 'safe', lat: 22.23, lon: 106.45 } });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().myAnswer, 'safe');
    await t.app.inject({ method: 'POST', url: `/api/alerts/${alert.id}/answers`, headers: citizen1.headers, payload: { answer: 'need_help', note: 'Nhà bị ngập' } });
    const report = (await t.app.inject({ method: 'GET', url: `/api/staff/alerts/${alert.id}/report`, headers: leader.headers })).json() as AlertReport;
    assert.equal(report.delivery.safe, 1);
    assert.equal(report.delivery.needHelp, 1);
    assert.equal(report.answers.find((a) => a.answer === 'safe')?.lat, 22.23);
    // no location shared: counted in the home commune, and no point on the map
    const help = report.answers.find((a) => a.answer === 'need_help');
    assert.equal(help?.lat, null);
    assert.equal(help?.communeCode, LUONG_VAN_TRI);
    assert.deepEqual(report.perCommune.find((c) => c.code === LUONG_VAN_TRI), { code: LUONG_VAN_TRI, name: 'Phường Lương Văn Tri', safe: 0, needHelp: 1 });
    assert.equal(report.perCommune.reduce((n, c) => n + c.safe + c.needHelp, 0), 2);

    const cap = await t.app.inject({ method: 'GET', url: `/cap/alerts/${alert.identifier}.xml` });
    assert.equal(cap.statusCode, 200);
    assert.match(cap.headers['content-type'] as string, /application\/cap\+xml/);
    assert.equal(validateCap(cap.body), null);
    assert.equal((await t.app.inject({ method: 'GET', url: '/cap/alerts/NO-SUCH.xml' })).statusCode, 404);
    const feed = await t.app.inject({ method: 'GET', url: '/cap/feed.atom' });
    assert.match(feed.body, new RegExp(alert.identifier));

    const cancel = await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${alert.id}/follow-ups`, headers: officer.headers, payload: { msgType: 'Cancel', note: 'Nước đã rút.' } });
    assert.equal(cancel.statusCode, 201, cancel.body);
    const c = cancel.json() as Alert;
    assert.equal(c.msgType, 'Cancel');
    assert.equal(c.references, alert.identifier);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${c.id}/send`, headers: leader.headers })).statusCode, 200);
    const capCancel = await t.app.inject({ method: 'GET', url: `/cap/alerts/${c.identifier}.xml` });
    assert.equal(validateCap(capCancel.body), null);
    assert.match(capCancel.body, new RegExp(`<references>[^<]*,${alert.identifier},`));
    const after = (await t.app.inject({ method: 'GET', url: `/api/alerts?commune=${THAT_KHE}&current=true` })).json() as { items: Alert[] };
    assert.ok(!after.items.some((a) => a.id === alert.id || a.id === c.id));
    assert.doesNotMatch((await t.app.inject({ method: 'GET', url: '/cap/feed.atom' })).body, new RegExp(alert.identifier));
  });

  it('covers the communes a circle or polygon drawn on the map touches, and carries the shape in CAP', async () => {
    // around Lạng Sơn city centre, inside Phường Lương Văn Tri
    const square = [[106.735, 21.835], [106.745, 21.835], [106.745, 21.845], [106.735, 21.845], [106.735, 21.835]];
    const preview = await t.app.inject({ method: 'POST', url: '/api/staff/alerts/area-preview', headers: officer.headers, payload: { description: 'Vùng vẽ', communes: [], polygon: square } });
    assert.equal(preview.statusCode, 200, preview.body);
    const p = preview.json() as { communes: { code: string; name: string }[]; residents: number };
    assert.ok(p.communes.some((c) => c.code === LUONG_VAN_TRI), preview.body);
    assert.ok(!p.communes.some((c) => c.code === THAT_KHE));
    assert.ok(p.residents >= 1);
    const bowTie = await t.app.inject({ method: 'POST', url: '/api/staff/alerts/area-preview', headers: officer.headers, payload: { description: 'x', communes: [], polygon: [[106.735, 21.835], [106.745, 21.845], [106.745, 21.835], [106.735, 21.845], [106.735, 21.835]] } });
    assert.equal(bowTie.statusCode, 400);
    assert.equal(bowTie.json().error.details[0].field, 'area/polygon');
    const farAway = await t.app.inject({ method: 'POST', url: '/api/staff/alerts/area-preview', headers: officer.headers, payload: { description: 'x', communes: [], circle: { center: [105.8, 21.0], radiusKm: 1 } } });
    assert.equal(farAway.statusCode, 400);
    assert.equal(farAway.json().error.details[0].field, 'area');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/staff/alerts/area-preview', headers: citizen.headers, payload: { description: 'x', communes: [], polygon: square } })).statusCode, 403);

    const created = await t.app.inject({ method: 'POST', url: '/api/staff/alerts', headers: officer.headers, payload: draft({ headline: 'Sạt lở quanh trung tâm', area: { description: 'Bán kính 1 km quanh trung tâm', communes: [], circle: { center: [106.74, 21.84], radiusKm: 1 } } }) });
    assert.equal(created.statusCode, 201, created.body);
    const a = created.json() as Alert;
    assert.ok(a.communeNames.includes('Phường Lương Văn Tri'), a.communeNames.join());
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${a.id}/send`, headers: leader.headers })).statusCode, 200);
    const cap = await t.app.inject({ method: 'GET', url: `/cap/alerts/${a.identifier}.xml` });
    assert.equal(validateCap(cap.body), null);
    assert.match(cap.body, /<circle>21.84,106.74 1<\/circle>/);
    assert.match(cap.body, new RegExp(`<value>${LUONG_VAN_TRI}</value>`));
  });

  it('takes the SMS gateway’s delivery reports only when signed, naming a bad field', async () => {
    const post = (body: unknown, secret = DEMO_DLR_SECRET, ts = String(Math.floor(Date.now() / 1000))) => {
      const raw = JSON.stringify(body);
      return t.app.inject({ method: 'POST', url: '/api/sms/delivery-reports', payload: raw, headers: { 'content-type': 'application/json', 'x-sms-timestamp': ts, 'x-sms-signature': signDlr(raw, ts, secret) } });
    };
    const sent = (await t.app.inject({ method: 'GET', url: `/api/alerts?commune=${THAT_KHE}` })).json() as { items: Alert[] };
    const alert = sent.items.find((x) => x.headline === 'Lũ quét ở Thất Khê và Lương Văn Tri' && x.msgType === 'Alert');
    assert.ok(alert);
    const report = { RequestId: smsRequestId(`alert:${alert.id}`, '0900000002'), Status: 'FAILED', ErrorCode: 'ABSENT_SUBSCRIBER' };
    assert.equal((await post(report, 'not-the-gateway-secret-at-all')).statusCode, 401);
    assert.equal((await post(report, DEMO_DLR_SECRET, String(Math.floor(Date.now() / 1000) - 3600))).statusCode, 401, 'an old report is a replay');
    const bad = await post({ ...report, Status: 'LOST' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'Status');
    const before = (await t.app.inject({ method: 'GET', url: `/api/staff/alerts/${alert.id}/report`, headers: officer.headers })).json() as AlertReport;
    const ok = await post(report);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { ok: true, known: true });
    const afterReport = (await t.app.inject({ method: 'GET', url: `/api/staff/alerts/${alert.id}/report`, headers: officer.headers })).json() as AlertReport;
    assert.equal(afterReport.delivery.smsFailed, before.delivery.smsFailed + 1);
    assert.equal(afterReport.delivery.smsDelivered, before.delivery.smsDelivered - 1);
    assert.deepEqual((await post({ RequestId: 'alert:unknown:0', Status: 'DELIVERED' })).json(), { ok: true, known: false });
  });

  it('sends an Exercise only to people who opted in to tests', async () => {
    const prefs = await t.app.inject({ method: 'PUT', url: '/api/me/notification-preferences', headers: citizen1.headers, payload: { sms: false, acceptTests: true, quietFrom: null, quietTo: null, communes: [] } });
    assert.equal(prefs.statusCode, 200, prefs.body);
    const badPrefs = await t.app.inject({ method: 'PUT', url: '/api/me/notification-preferences', headers: citizen1.headers, payload: { sms: false, acceptTests: true, quietFrom: '22:00', quietTo: null, communes: [] } });
    assert.equal(badPrefs.json().error.details[0].field, 'quietTo');
    const created = (await t.app.inject({ method: 'POST', url: '/api/staff/alerts', headers: officer.headers, payload: draft({ status: 'Exercise', headline: 'Diễn tập sơ tán' }) })).json() as Alert;
    // an exercise needs no second person
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${created.id}/send`, headers: officer.headers })).statusCode, 200);
    await t.platform.use(alertsModule).fanOut(created.id);
    const report = (await t.app.inject({ method: 'GET', url: `/api/staff/alerts/${created.id}/report`, headers: officer.headers })).json() as AlertReport;
    assert.equal(report.delivery.inbox, 1);
    const inbox1 = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: citizen1.headers })).json() as { items: { title: string }[] };
    assert.match(inbox1.items[0]?.title ?? '', /DIỄN TẬP/);
    const inbox2 = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: citizen.headers })).json() as { items: { title: string }[] };
    assert.ok(!inbox2.items.some((i) => /Diễn tập sơ tán/.test(i.title)));
  });

  it('tells the alert officers of the area when a river crosses an alarm level, with a draft filled in', async () => {
    const crossed = { stationId: 'st-ky-cung', stationCode: 'KC-01', stationName: 'Kỳ Cùng (Lạng Sơn)', communeCode: LUONG_VAN_TRI, lat: 21.85, lon: 106.76, alarm: 2, previousAlarm: 1, level: 254, alarmLevel: 252, measuredAt: '2026-12-07T03:00:00.000Z' };
    await t.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, 'environment.river_level_crossed', crossed.stationId, crossed));
    await t.platform.events.drain();
    // delivered twice (an outbox retry) it is still one notice
    await t.db.kysely.transaction().execute((trx) => t.platform.events.publish(trx, 'environment.river_level_crossed', crossed.stationId, crossed));
    await t.platform.events.drain();
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: officer.headers })).json() as { items: { title: string; link: string | null }[] };
    const notices = inbox.items.filter((i) => /Kỳ Cùng/.test(i.title));
    assert.equal(notices.length, 1, JSON.stringify(inbox.items.map((i) => i.title)));
    assert.match(notices[0]!.title, /báo động II/);
    const link = new URL(notices[0]!.link!, 'http://x');
    assert.equal(link.pathname, '/staff/alerts');
    assert.deepEqual([link.searchParams.get('suggest'), link.searchParams.get('commune'), link.searchParams.get('alarm')], ['river', LUONG_VAN_TRI, '2']);
    // a citizen of that commune is not told by a sensor: only a person sends alerts
    const citizenInbox = (await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: citizen1.headers })).json() as { items: { title: string }[] };
    assert.ok(!citizenInbox.items.some((i) => /Kỳ Cùng/.test(i.title)));
  });
});
