import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { randomUUID } from 'node:crypto';
import { SmsSendError, type SmsChannel } from '../../platform/sms.ts';
import { ChannelService } from './channels.ts';
import { notificationsModule } from './index.ts';
import * as repo from './repo.ts';
import { DEMO_ESMS_KEYS, DEMO_ESMS_PATH, smsRequestId } from './sms-dlr.ts';

async function login(t: TestApp, phone: string): Promise<{ token: string; userId: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: 'Demo@2026' } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  return { token: body.token, userId: body.user.id };
}

describe('notification inbox', () => {
  let t: TestApp;
  let an: { token: string; userId: string };
  let binh: { token: string; userId: string };
  before(async () => {
    t = await createTestApp();
    an = await login(t, '0900000001');
    binh = await login(t, '0900000002');
    const api = t.platform.use(notificationsModule);
    await api.notify({ userId: an.userId, kind: 'test', title: 'Một', body: 'Thông báo thứ nhất', link: '/reports/1', dedupeKey: 'r1:accepted' });
    await api.notify({ userId: an.userId, kind: 'test', title: 'Một (lặp)', body: 'lặp lại', dedupeKey: 'r1:accepted' });
    await api.notify({ userId: an.userId, kind: 'test', title: 'Hai', body: 'Thông báo thứ hai' });
  });
  after(() => t.teardown());

  const get = (token: string, url = '/api/me/notifications') => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('lists my notices newest first, counting unread, without duplicates', async () => {
    const res = await get(an.token);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.total, 2);
    assert.equal(body.unread, 2);
    assert.deepEqual(body.items.map((i: { title: string }) => i.title), ['Hai', 'Một']);
  });

  it('counts all of my notices on a later page, and past the last one', async () => {
    const second = (await get(an.token, '/api/me/notifications?limit=1&offset=1')).json();
    assert.deepEqual([second.total, second.unread, second.items.map((i: { title: string }) => i.title)], [2, 2, ['Một']]);
    const past = (await get(an.token, '/api/me/notifications?limit=1&offset=5')).json();
    assert.deepEqual([past.total, past.unread, past.items], [2, 2, []]);
  });

  it('shows nobody else my notices', async () => {
    const res = await get(binh.token);
    assert.equal(res.json().total, 0);
  });

  it('marks one as read, and refuses someone else marking it', async () => {
    const first = (await get(an.token)).json().items[1];
    const other = await t.app.inject({ method: 'POST', url: `/api/me/notifications/${first.id}/read`, headers: { authorization: `Bearer ${binh.token}` } });
    assert.equal(other.statusCode, 404);
    const mine = await t.app.inject({ method: 'POST', url: `/api/me/notifications/${first.id}/read`, headers: { authorization: `Bearer ${an.token}` } });
    assert.equal(mine.statusCode, 204);
    assert.equal((await get(an.token)).json().unread, 1);
  });

  it('marks all as read', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/me/notifications/read-all', headers: { authorization: `Bearer ${an.token}` } });
    assert.deepEqual(res.json(), { updated: 1 });
    assert.equal((await get(an.token)).json().unread, 0);
  });

  it('refuses bad input naming the field', async () => {
    const res = await get(an.token, '/api/me/notifications?limit=0');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].field, 'limit');
    const bad = await t.app.inject({ method: 'POST', url: '/api/me/notifications/not-a-uuid/read', headers: { authorization: `Bearer ${an.token}` } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'id');
  });

  it('asks to sign in first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/notifications' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'auth.required');
  });
});

describe('SMS of a notice to an area', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.teardown());

  it('records which texts the gateway took and which it refused, and keeps a report that came first', async () => {
    const people = [
      { userId: randomUUID(), phone: '0912000001' },
      { userId: randomUUID(), phone: '0912000002' },
      { userId: randomUUID(), phone: '0912000003' },
    ];
    const ref = `test-sms:${randomUUID()}`;
    const gateway: SmsChannel = {
      send: async (to, _body, options) => {
        if (to === '0912000002') throw new SmsSendError('SMS gateway refused the message: 99 blocked');
        // a carrier this fast reports before the gateway's answer is recorded
        if (to === '0912000003') await repo.smsReported(t.platform.db.kysely, { requestId: options?.requestId ?? '', gatewayId: null, status: 'delivered', error: null, at: new Date() });
        return `gw-${to}`;
      },
    };
    const channels = new ChannelService(t.platform, { residentsOf: async () => people, phonesOf: async () => new Map() }, gateway, () => Promise.reject(new Error('no push here')));
    const stats = await channels.deliver({ communes: ['06040'] }, { kind: 'test', title: 'Cảnh báo', body: 'Mưa lớn', link: '/', dedupeKey: ref }, 'alert', { inboxDone: true });
    assert.equal(stats.smsSent, 2);
    assert.equal(stats.smsFailed, 1);
    const rows = await t.platform.db.kysely.withTables<{ sms_messages: { request_id: string; status: string; gateway_id: string | null; error: string | null; ref: string | null } }>()
      .selectFrom('sms_messages').select(['request_id', 'status', 'gateway_id', 'error']).where('ref', '=', ref).execute();
    const of = (phone: string) => rows.find((r) => r.request_id === smsRequestId(ref, phone));
    assert.deepEqual({ ...of('0912000001'), request_id: undefined }, { request_id: undefined, status: 'sent', gateway_id: 'gw-0912000001', error: null });
    assert.equal(of('0912000002')?.status, 'failed');
    assert.match(of('0912000002')?.error ?? '', /99 blocked/);
    assert.equal(of('0912000003')?.status, 'delivered', 'the report stays: it is newer news');
    assert.deepEqual(await repo.smsCounts(t.platform.db.kysely, ref), { sent: 2, delivered: 1, failed: 1, pending: 1 });
  });

  it('the demo gateway takes a text in eSMS\'s protocol once per request id, refuses wrong keys and names a bad field', async () => {
    const text = (over: Record<string, unknown> = {}) => t.app.inject({
      method: 'POST', url: DEMO_ESMS_PATH,
      payload: { ApiKey: DEMO_ESMS_KEYS.apiKey, SecretKey: DEMO_ESMS_KEYS.secretKey, Phone: '0912000009', Content: 'Lũ quét ở Thất Khê', Brandname: 'CONGDANSO', SmsType: '2', IsUnicode: '1', RequestId: `demo-gw:${randomUUID()}`, ...over },
    });
    const requestId = `demo-gw:${randomUUID()}`;
    const first = await text({ RequestId: requestId });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().CodeResult, '100');
    const again = await text({ RequestId: requestId });
    assert.equal(again.json().SMSID, first.json().SMSID, 'a repeated request id is the same text');
    const outbox = (await t.app.inject({ method: 'GET', url: '/api/dev/sms?to=0912000009' })).json() as { messages: { body: string }[] };
    assert.deepEqual(outbox.messages.map((m) => m.body), ['Lũ quét ở Thất Khê']);
    assert.deepEqual((await text({ SecretKey: 'guessed' })).json(), { CodeResult: '101', ErrorMessage: 'Authorize Failed' });
    const bad = await text({ Phone: '+84 912' });
    assert.equal(bad.statusCode, 400);
    assert.match(JSON.stringify(bad.json()), /Phone/);
  });
});
