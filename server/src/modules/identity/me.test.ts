import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CORE_ABILITIES } from '@cds/contracts';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { identityModule } from './index.ts';
import { MODULES } from '../index.ts';
import { registerCitizen, signIn, type TestSession } from '../../../test/identity.ts';

type Reply = { statusCode: number; json(): unknown };
const errorOf = (res: Reply) => (res.json() as { error: { code: string; message: string; details: { field: string; message: string }[] | null } }).error;
const fieldsOf = (res: Reply) => (errorOf(res).details ?? []).map((d) => d.field);

interface Me {
  id: string;
  phone: string | null;
  fullName: string;
  dateOfBirth: string | null;
  sex: string | null;
  personalIdMasked: string | null;
  communeCode: string | null;
  communeName: string | null;
  address: string | null;
  eidLinked: boolean;
  eidLevel: number | null;
  roles: string[];
  memberships: unknown[];
  createdAt: string;
  deletionRequestedAt: string | null;
  deletionDueAt: string | null;
}

describe('my account: profile, consents, data export, deletion', () => {
  let t: TestApp;
  let an: TestSession;
  let binh: TestSession;
  before(async () => {
    t = await createTestApp();
    an = await signIn(t.app, '0900000001');
    binh = await signIn(t.app, '0900000002');
  });
  after(() => t.teardown());

  const patch = (s: TestSession, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: s.headers, payload });

  describe('GET /api/me', () => {
    it('needs a session (401), and refuses an unknown token', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer not-a-token' } })).statusCode, 401);
    });

    it('shows the profile with the personal ID masked', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: an.headers });
      assert.equal(res.statusCode, 200);
      const me = res.json() as Me;
      assert.deepEqual({ ...me, id: '', createdAt: '' }, {
        id: '', createdAt: '', phone: '0900000001', fullName: 'Nguyễn Văn An', dateOfBirth: '1985-03-12', sex: 'male',
        personalIdMasked: '020*******34', communeCode: '05983', communeName: 'Phường Lương Văn Tri', address: 'Số 12 đường Bà Triệu',
        eidLinked: false, eidLevel: null, roles: ['citizen'], memberships: [], deletionRequestedAt: null, deletionDueAt: null, abilities: [],
      });
    });

    it('shows staff roles and memberships', async () => {
      const officer = await signIn(t.app, '0900000101');
      const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: officer.headers })).json() as Me;
      assert.deepEqual(me.roles, ['citizen', 'officer']);
      assert.deepEqual((me.memberships as { role: string; areaCode: string }[]).map((m) => [m.role, m.areaCode]), [['officer', '05983']]);
    });
  });

  describe('GET /api/me abilities', () => {
    // what each demo account may open in the web app, as its role lists allowed before abilities
    const expected: [string, string, string[]][] = [
      ['citizen', '0900000001', []],
      ['officer', '0900000101', ['console.open', 'directory.edit', 'dossiers.process', 'dossiers.read_staff', 'reports.work']],
      ['leader', '0900000201', ['alerts.manage', 'console.open', 'dashboard.view', 'dossiers.read_staff', 'dossiers.view_indicators', 'market.stats', 'reports.work']],
      ['community helper', '0900000301', ['console.open', 'market.help']],
      ['sysadmin', '0900000901', ['alerts.manage', 'assistant.curate', 'console.open', 'dashboard.view', 'directory.edit', 'dossiers.read_staff', 'dossiers.view_indicators', 'identity.manage_users', 'market.stats', 'reports.configure', 'reports.work']],
      ['assistant editor', '0900000701', ['assistant.curate', 'console.open']],
      ['market officer', '0900000801', ['console.open', 'market.officer', 'market.stats']],
      ['land officer', '0900000601', ['console.open', 'land.import']],
    ];
    for (const [who, phone, abilities] of expected) {
      it(`lists what the ${who} may do`, async () => {
        const session = await signIn(t.app, phone);
        const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers });
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json().abilities, abilities);
      });
    }

    it('uses only the ability names the contracts and the registered modules declare', async () => {
      const session = await signIn(t.app, '0900000901');
      const names = new Set<string>([...Object.values(CORE_ABILITIES), ...MODULES.flatMap((m) => Object.keys(m.abilities ?? {}))]);
      for (const a of (await t.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json().abilities as string[]) assert.ok(names.has(a), a);
    });

    it('agrees with what the routes let the person do', async () => {
      const officer = await signIn(t.app, '0900000101');
      const leader = await signIn(t.app, '0900000201');
      const status = async (url: string, s: { headers: Record<string, string> }) => (await t.app.inject({ method: 'GET', url, headers: s.headers })).statusCode;
      assert.equal(await status('/api/dossiers/queue', officer), 200, 'dossiers.process opens the queue');
      assert.equal(await status('/api/dossiers/queue', leader), 403, 'no dossiers.process, no queue');
      assert.equal(await status('/api/dashboard/citizens', leader), 200, 'dashboard.view');
      assert.equal(await status('/api/dashboard/citizens', officer), 403);
      assert.equal(await status('/api/admin/users', officer), 403, 'no identity.manage_users');
    });
  });

  describe('GET /api/me/prefill', () => {
    it('needs a session (401)', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/prefill' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/prefill', headers: { authorization: 'Bearer not-a-token' } })).statusCode, 401);
    });

    it('gives the owner their own data with the personal ID in clear, not cached, and audits the read', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/me/prefill', headers: an.headers });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.deepEqual(res.json(), {
        fullName: 'Nguyễn Văn An', dateOfBirth: '1985-03-12', sex: 'male', personalId: '020085001234', phone: '0900000001',
        communeCode: '05983', communeName: 'Phường Lương Văn Tri', address: 'Số 12 đường Bà Triệu', eid: { linked: false, level: null },
      });
      const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: an.userId });
      assert.ok(audit.some((a) => a.action === 'user.prefill_read' && a.actor_user_id === an.userId));
    });

    it('gives another person only their own data (no personal ID when none is on file)', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/me/prefill', headers: binh.headers });
      assert.equal(res.statusCode, 200);
      const body = res.json() as { fullName: string; personalId: string | null; sex: string };
      assert.equal(body.fullName, 'Hoàng Thị Bình');
      assert.equal(body.personalId, null);
      assert.equal(body.sex, 'female');
    });
  });

  describe('PATCH /api/me/profile', () => {
    it('needs a session (401)', async () => {
      assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/me/profile', payload: { fullName: 'X' } })).statusCode, 401);
    });

    it('changes the profile and keeps the personal ID encrypted', async () => {
      const res = await patch(binh, { fullName: ' Hoàng  Thị Bình ', personalId: '020 190 004 321', communeCode: '05983', address: ' Số 3 Lê Lợi ' });
      assert.equal(res.statusCode, 200);
      const me = res.json() as Me;
      assert.equal(me.fullName, 'Hoàng Thị Bình');
      assert.equal(me.personalIdMasked, '020*******21');
      assert.equal(me.communeName, 'Phường Lương Văn Tri');
      assert.equal(me.address, 'Số 3 Lê Lợi');
      const { rows } = await t.db.query<{ personal_id_enc: string; personal_id_hash: string }>('SELECT personal_id_enc, personal_id_hash FROM users WHERE id = $1', [binh.userId]);
      assert.ok(rows[0]?.personal_id_enc.startsWith('v1:'));
      assert.ok(!rows[0]?.personal_id_enc.includes('020190004321'));
      assert.ok(rows[0]?.personal_id_hash && !rows[0].personal_id_hash.includes('020190004321'));
      const back = await patch(binh, { communeCode: '06040' });
      assert.equal((back.json() as Me).communeName, 'Xã Thất Khê');
    });

    it('names the field of bad input', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'Ngày chưa đúng'],
        [{ dateOfBirth: '20/05/1990' }, 'dateOfBirth', 'Ngày chưa đúng'],
        [{ dateOfBirth: '2999-01-01' }, 'dateOfBirth', 'sau ngày hôm nay'],
        [{ communeCode: '99999' }, 'communeCode', 'Không tìm thấy xã'],
        [{ communeCode: '123' }, 'communeCode', 'Không đúng định dạng'],
        [{ personalId: '12345' }, 'personalId', '12 chữ số'],
        [{ personalId: '0201900043211' }, 'personalId', '12 chữ số'],
        [{ personalId: '099190004321' }, 'personalId', 'mã tỉnh'],
        [{ personalId: '020188004321' }, 'personalId', 'năm sinh'],
        [{ personalId: '020090004321' }, 'personalId', 'giới tính'],
        [{ sex: 'male' }, 'sex', 'giới tính'],
        [{ dateOfBirth: '1991-05-20' }, 'dateOfBirth', 'năm sinh'],
        [{ sex: 'unknown' }, 'sex', 'danh sách'],
        [{ fullName: '' }, 'fullName', 'Quá ngắn'],
        [{ fullName: '   ' }, 'fullName', 'họ và tên'],
        [{ nickname: 'Bi' }, 'nickname', ''],
      ];
      for (const [payload, field, text] of cases) {
        const res = await patch(binh, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.ok(fieldsOf(res).includes(field), `${JSON.stringify(payload)} -> ${JSON.stringify(errorOf(res))}`);
        assert.ok(errorOf(res).details?.some((d) => d.field === field && d.message.includes(text)), `${JSON.stringify(payload)} -> ${JSON.stringify(errorOf(res))}`);
      }
      const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: binh.headers })).json() as Me;
      assert.equal(me.dateOfBirth, '1990-05-20', 'nothing was saved');
      assert.equal(me.sex, 'female');
    });

    it('refuses a personal ID already used by another account (409, field named)', async () => {
      const res = await patch(binh, { personalId: '020085001234', dateOfBirth: '1985-03-12', sex: 'male' });
      assert.equal(res.statusCode, 409);
      assert.equal(errorOf(res).code, 'identity.personal_id_taken');
      assert.deepEqual(fieldsOf(res), ['personalId']);
    });

    it('answers in English when asked', async () => {
      const res = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: { ...binh.headers, 'accept-language': 'en' }, payload: { personalId: '099190004321' } });
      assert.match(errorOf(res).details?.[0]?.message ?? '', /not a province code/);
    });

    it('clears optional fields with null', async () => {
      const res = await patch(binh, { address: null, personalId: null });
      assert.equal(res.statusCode, 200);
      assert.equal((res.json() as Me).address, null);
      assert.equal((res.json() as Me).personalIdMasked, null);
    });
  });

  describe('consents', () => {
    it('needs a session (401)', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/consents' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/me/consents', payload: { purpose: 'terms', version: '1.0' } })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/me/consents/terms' })).statusCode, 401);
    });

    it('lists the purposes with their text (public)', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/consents/purposes' });
      const purposes = res.json() as { purpose: string; version: string; title: string }[];
      assert.deepEqual(purposes.map((p) => p.purpose), ['terms', 'personal_data_processing', 'notifications', 'location']);
      assert.equal(purposes[3]?.title, 'Dùng vị trí');
    });

    it('records a grant, a withdrawal and a new grant, keeping the history', async () => {
      assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/me/consents', headers: an.headers })).json(), []);
      const grant = await t.app.inject({ method: 'POST', url: '/api/me/consents', headers: an.headers, payload: { purpose: 'location', version: '1.0' } });
      assert.equal(grant.statusCode, 201);
      assert.equal((grant.json() as { withdrawnAt: unknown }).withdrawnAt, null);
      const again = await t.app.inject({ method: 'POST', url: '/api/me/consents', headers: an.headers, payload: { purpose: 'location', version: '1.0' } });
      assert.equal((again.json() as { grantedAt: string }).grantedAt, (grant.json() as { grantedAt: string }).grantedAt, 'granting twice changes nothing');
      const withdraw = await t.app.inject({ method: 'DELETE', url: '/api/me/consents/location', headers: an.headers });
      assert.equal(withdraw.statusCode, 204);
      await t.app.inject({ method: 'POST', url: '/api/me/consents', headers: an.headers, payload: { purpose: 'location', version: '1.0' } });
      const list = (await t.app.inject({ method: 'GET', url: '/api/me/consents', headers: an.headers })).json() as { purpose: string; withdrawnAt: string | null }[];
      assert.equal(list.length, 2);
      assert.equal(list[0]?.withdrawnAt, null);
      assert.ok(list[1]?.withdrawnAt);
      const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: an.userId });
      assert.ok(audit.some((a) => a.action === 'consent.withdrawn' && a.details.purpose === 'location'));
    });

    it('names the field of bad input', async () => {
      const bad = await t.app.inject({ method: 'POST', url: '/api/me/consents', headers: an.headers, payload: { purpose: 'marketing', version: '1.0' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldsOf(bad), ['purpose']);
      const noVersion = await t.app.inject({ method: 'POST', url: '/api/me/consents', headers: an.headers, payload: { purpose: 'terms' } });
      assert.deepEqual(fieldsOf(noVersion), ['version']);
      const badParam = await t.app.inject({ method: 'DELETE', url: '/api/me/consents/marketing', headers: an.headers });
      assert.equal(badParam.statusCode, 400);
      assert.deepEqual(fieldsOf(badParam), ['purpose']);
    });
  });

  describe('GET /api/me/export', () => {
    it('needs a session (401)', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/export' })).statusCode, 401);
    });

    it('downloads everything held about me, with the full ID and other modules\' parts', async () => {
      t.platform.use(identityModule).registerExporter('test-module', async (userId) => ({ owner: userId }));
      t.platform.use(identityModule).registerExporter('broken-module', async () => {
        throw new Error('boom');
      });
      const res = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: an.headers });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="cong-dan-so-du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.json"$/);
      const data = res.json() as {
        profile: { personalId: string; fullName: string };
        consents: unknown[];
        sessions: { method: string }[];
        auditAboutMe: { action: string }[];
        memberships: unknown[];
        modules: Record<string, unknown>;
      };
      assert.equal(data.profile.personalId, '020085001234');
      assert.equal(data.profile.fullName, 'Nguyễn Văn An');
      assert.ok(data.consents.length >= 2);
      assert.ok(data.sessions.some((s) => s.method === 'password'));
      assert.ok(data.auditAboutMe.some((a) => a.action === 'auth.sign_in'));
      assert.deepEqual(data.memberships, []);
      assert.deepEqual(data.modules['test-module'], { owner: an.userId });
      assert.deepEqual(data.modules['broken-module'], { error: 'export_failed' });
    });
  });

  describe('deletion request', () => {
    it('needs a session (401)', async () => {
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/me/deletion-request' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/me/deletion-request' })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/deletion-request' })).statusCode, 401);
    });

    it('records the request for 30 days later and can be cancelled', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/me/deletion-request', headers: binh.headers });
      assert.equal(res.statusCode, 202);
      const { requestedAt, dueAt } = res.json() as { requestedAt: string; dueAt: string };
      assert.equal(Date.parse(dueAt) - Date.parse(requestedAt), 30 * 86400e3);
      const twice = await t.app.inject({ method: 'POST', url: '/api/me/deletion-request', headers: binh.headers });
      assert.equal((twice.json() as { requestedAt: string }).requestedAt, requestedAt, 'asking twice keeps the first request');
      const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: binh.headers })).json() as Me;
      assert.equal(me.deletionRequestedAt, requestedAt);
      assert.equal(me.deletionDueAt, dueAt);

      assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/me/deletion-request', headers: binh.headers })).statusCode, 204);
      const none = await t.app.inject({ method: 'DELETE', url: '/api/me/deletion-request', headers: binh.headers });
      assert.equal(none.statusCode, 404);
      assert.equal(errorOf(none).code, 'identity.no_deletion_request');
      const noReceipt = await t.app.inject({ method: 'GET', url: '/api/me/deletion-request', headers: binh.headers });
      assert.equal(noReceipt.statusCode, 404, 'no receipt once cancelled');
      const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: binh.userId });
      assert.ok(audit.some((a) => a.action === 'user.deletion_requested'));
      assert.ok(audit.some((a) => a.action === 'user.deletion_cancelled'));
    });

    it('the job anonymises the account once the grace period is over, not before, and not when cancelled', async () => {
      const api = t.platform.use(identityModule);
      const person = await registerCitizen(t.app, '0971234567', { fullName: 'Đinh Văn Xoá' });
      await patch(person, { personalId: '020095001111', dateOfBirth: '1995-01-01', address: 'Bản Pác' });
      await t.app.inject({ method: 'POST', url: '/api/me/consents', headers: person.headers, payload: { purpose: 'terms', version: '1.0' } });
      await t.app.inject({ method: 'POST', url: '/api/me/deletion-request', headers: person.headers });
      const { rows: [request] } = await t.db.query<{ id: string }>('SELECT id FROM deletion_requests WHERE user_id = $1', [person.userId]);
      assert.ok(request);

      assert.equal(await api.runDeletionJob({ requestId: request.id }), 0, 'not due yet');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: person.headers })).statusCode, 200);

      await t.db.query(`UPDATE deletion_requests SET due_at = now() - interval '1 minute' WHERE id = $1`, [request.id]);
      assert.equal(await api.runDeletionJob({ requestId: request.id }), 1);
      assert.equal(await api.runDeletionJob({}), 0, 'done once');

      const { rows: [user] } = await t.db.query<Record<string, unknown>>('SELECT * FROM users WHERE id = $1', [person.userId]);
      assert.equal(user?.status, 'anonymised');
      for (const column of ['phone', 'password_hash', 'date_of_birth', 'personal_id_enc', 'personal_id_hash', 'address', 'commune_code']) assert.equal(user?.[column], null, column);
      assert.equal(user?.full_name, '');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: person.headers })).statusCode, 401, 'sessions end');
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0971234567', password: 'Demo@2026' } });
      assert.equal(login.statusCode, 401);
      const { rows: consents } = await t.db.query('SELECT 1 FROM consents WHERE user_id = $1 AND withdrawn_at IS NULL', [person.userId]);
      assert.equal(consents.length, 0);
      const audit = await t.platform.audit.list({ subjectType: 'user', subjectId: person.userId });
      assert.ok(audit.some((a) => a.action === 'user.anonymised'));
      assert.equal(await api.findUserIdByPhone('0971234567'), null);

      // a cancelled request is left alone by the sweep
      await t.app.inject({ method: 'POST', url: '/api/me/deletion-request', headers: binh.headers });
      await t.app.inject({ method: 'DELETE', url: '/api/me/deletion-request', headers: binh.headers });
      await t.db.query(`UPDATE deletion_requests SET due_at = now() - interval '1 minute' WHERE user_id = $1`, [binh.userId]);
      assert.equal(await api.runDeletionJob({}), 0);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me', headers: binh.headers })).statusCode, 200);
    });
  });
});
