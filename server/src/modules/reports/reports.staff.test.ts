// HTTP tests of the staff side: inbox and scope, the whole workflow, notes, replies,
// transfer, merge, moderation, templates, CSV, categories, and the scheduled sweeps.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signIn, type TestSession } from '../../../test/identity.ts';
import type { TestApp } from '../../../test/helpers.ts';
import { reportsModule } from './index.ts';
import { createReportsTestApp, jpeg } from '../../../test/reports.ts';

const HERE = { lat: 21.85, lon: 106.76 }; // Phường Lương Văn Tri (05983)

describe('reports: staff routes and workflow', () => {
  let t: TestApp;
  let an: TestSession;
  let binh: TestSession;
  let officer: TestSession; // UBND Phường Lương Văn Tri
  let otherOfficer: TestSession; // UBND Xã Thất Khê
  let head: TestSession; // agency_admin of UBND Phường Lương Văn Tri, granted below
  let admin: TestSession;

  before(async () => {
    t = await createReportsTestApp();
    [an, binh, officer, otherOfficer, admin, head] = (await Promise.all(['0900000001', '0900000002', '0900000101', '0900000102', '0900000901', '0900000201'].map((p) => signIn(t.app, p)))) as TestSession[] as [TestSession, TestSession, TestSession, TestSession, TestSession, TestSession];
    const agency = (await t.app.inject({ method: 'GET', url: '/api/agencies?area=05983&kind=commune_committee' })).json()[0];
    const grant = await t.app.inject({ method: 'POST', url: '/api/admin/memberships', headers: admin.headers, payload: { userId: head.userId, role: 'agency_admin', agencyId: agency.id } });
    assert.equal(grant.statusCode, 201, grant.body);
    head = await signIn(t.app, '0900000201');
  });
  after(() => t.teardown());

  async function fileReport(s: TestSession = an, extra: object = {}): Promise<string> {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports', headers: s.headers,
      payload: { categoryCode: 'moi-truong.rac-thai', answers: { amount: 'small' }, description: 'Rác để ở gốc cây trước nhà văn hóa', ...HERE, ...extra },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().trackingCode as string;
  }
  const act = (s: TestSession, code: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/staff/reports/${code}/actions`, headers: s.headers, payload });
  const inbox = async (s: TestSession, qs = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/staff/reports?${qs}`, headers: s.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const citizenView = async (code: string, s: TestSession = an) => (await t.app.inject({ method: 'GET', url: `/api/reports/${code}`, headers: s.headers })).json();

  it('shows an officer only the reports of their agency and area', async () => {
    const code = await fileReport();
    const mine = await inbox(officer);
    assert.ok(mine.items.some((r: { trackingCode: string }) => r.trackingCode === code));
    const theirs = await inbox(otherOfficer);
    assert.ok(!theirs.items.some((r: { trackingCode: string }) => r.trackingCode === code));
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/reports/${code}`, headers: otherOfficer.headers })).statusCode, 403);
    assert.equal((await act(otherOfficer, code, { action: 'accept' })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/reports', headers: an.headers })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/reports' })).statusCode, 401);
    const allRes = await t.app.inject({ method: 'GET', url: '/api/staff/reports', headers: admin.headers });
    assert.equal(allRes.statusCode, 200, allRes.body);
    const all = allRes.json();
    assert.ok(all.items.some((r: { trackingCode: string }) => r.trackingCode === code));
  });

  it('shows staff who filed an anonymous report, and records the read in the audit log', async () => {
    const code = await fileReport(an, { anonymous: true });
    const res = await t.app.inject({ method: 'GET', url: `/api/staff/reports/${code}`, headers: officer.headers });
    assert.equal(res.statusCode, 200);
    const r = res.json();
    assert.equal(r.anonymous, true);
    assert.equal(r.reporter.name, 'Nguyễn Văn An');
    assert.deepEqual(r.actions, ['accept', 'reject', 'transfer', 'merge']);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'reports.read_reporter' AND subject_id = $1`, [r.id]);
    assert.equal(audit.rows.length, 1);
    assert.ok(!JSON.stringify(await citizenView(code, binh)).includes('Nguyễn Văn An'));
  });

  it('runs the workflow: accept, assign, start, ask for information, resolve, rate; the citizen is told every step', async () => {
    const code = await fileReport();
    const accepted = await act(officer, code, { action: 'accept' });
    assert.equal(accepted.json().status, 'accepted');
    // the assignment picker lists the agency's officers by name, the officer among them
    assert.ok(accepted.json().assignees.some((a: { id: string; name: string }) => a.id === officer.userId && a.name === 'Phạm Minh Đức'));
    assert.ok(!accepted.json().assignees.some((a: { id: string }) => a.id === an.userId));
    const assigned = await act(officer, code, { action: 'assign', assigneeId: officer.userId });
    assert.equal(assigned.json().status, 'assigned');
    assert.equal(assigned.json().assignee.id, officer.userId);
    const notOfficer = await act(officer, code, { action: 'assign', assigneeId: an.userId });
    assert.equal(notOfficer.statusCode, 400);
    assert.equal(notOfficer.json().error.details[0].field, 'assigneeId');
    assert.equal((await act(officer, code, { action: 'start' })).json().status, 'in_progress');
    const before = (await t.app.inject({ method: 'GET', url: `/api/staff/reports/${code}`, headers: officer.headers })).json().dueDate;
    assert.equal((await act(officer, code, { action: 'request_info' })).statusCode, 400, 'a question is required');
    assert.equal((await act(officer, code, { action: 'request_info', question: 'Rác ở phía nào của nhà văn hóa?' })).json().status, 'need_info');
    const waiting = await citizenView(code);
    assert.equal(waiting.canAnswer, true);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/reports/${code}/info`, headers: binh.headers, payload: { text: 'Không phải tôi' } })).statusCode, 403);
    const answered = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/info`, headers: an.headers, payload: { text: 'Phía bên trái, cạnh cột điện' } });
    assert.equal(answered.json().status, 'in_progress');
    const after = (await t.app.inject({ method: 'GET', url: `/api/staff/reports/${code}`, headers: officer.headers })).json().dueDate;
    assert.ok(after >= before, 'the pause never brings the deadline earlier');
    assert.equal((await act(officer, code, { action: 'resolve' })).statusCode, 400, 'an answer is required');
    const photo = (await jpeg()).toString('base64');
    const resolved = await act(officer, code, { action: 'resolve', answer: 'Đã thu gom rác sáng nay.', photos: [photo] });
    assert.equal(resolved.statusCode, 200, resolved.body);
    assert.equal(resolved.json().status, 'resolved');

    const seen = await citizenView(code);
    assert.equal(seen.publicAnswer, 'Đã thu gom rác sáng nay.');
    assert.equal(seen.photos.filter((p: { kind: string }) => p.kind === 'answer').length, 1);
    assert.deepEqual(seen.timeline.map((e: { kind: string }) => e.kind), ['created', 'accept', 'assign', 'start', 'request_info', 'info_provided', 'resolve']);
    assert.equal(seen.canRate, true);
    const inboxRes = (await t.app.inject({ method: 'GET', url: '/api/me/notifications?limit=100', headers: an.headers })).json();
    const notices = inboxRes.items.filter((n: { link: string }) => n.link === `/reports/${code}`);
    assert.ok(notices.length >= 6, `a notice for every change (got ${notices.length})`);

    assert.equal((await t.app.inject({ method: 'POST', url: `/api/reports/${code}/rating`, headers: binh.headers, payload: { stars: 5 } })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/reports/${code}/rating`, headers: an.headers, payload: { stars: 6 } })).statusCode, 400);
    const rated = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/rating`, headers: an.headers, payload: { stars: 5, comment: 'Xử lý nhanh, cảm ơn' } });
    assert.equal(rated.statusCode, 200);
    assert.equal(rated.json().status, 'closed');
    assert.equal(rated.json().rating, 5);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/reports/${code}/rating`, headers: an.headers, payload: { stars: 4 } })).statusCode, 409);
    const late = await act(officer, code, { action: 'resolve', answer: 'Lần nữa' });
    assert.equal(late.statusCode, 409);
    assert.match(late.json().error.message, /Đã đóng/);
  });

  it('reopens within 7 days of the resolution, not after', async () => {
    const code = await fileReport();
    await act(officer, code, { action: 'accept' });
    await act(officer, code, { action: 'assign' });
    await act(officer, code, { action: 'resolve', answer: 'Đã xử lý' });
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/reports/${code}/reopen`, headers: binh.headers, payload: { reason: 'Chưa xong' } })).statusCode, 403);
    const reopened = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/reopen`, headers: an.headers, payload: { reason: 'Rác vẫn còn một nửa' } });
    assert.equal(reopened.statusCode, 200);
    assert.equal(reopened.json().status, 'in_progress');
    await act(officer, code, { action: 'resolve', answer: 'Đã xử lý hết' });
    await t.db.query(`UPDATE reports SET resolved_at = now() - interval '8 days' WHERE tracking_code = $1`, [code]);
    const tooLate = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/reopen`, headers: an.headers, payload: { reason: 'Lại có rác' } });
    assert.equal(tooLate.statusCode, 409);
  });

  it('rejects only with a reason', async () => {
    const code = await fileReport();
    const noReason = await act(officer, code, { action: 'reject' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.details[0].field, 'reason');
    const rejected = await act(officer, code, { action: 'reject', reason: 'Không thuộc thẩm quyền, đề nghị liên hệ Ban quản lý chợ' });
    assert.equal(rejected.json().status, 'rejected');
    assert.equal((await citizenView(code)).timeline.at(-1).body, 'Không thuộc thẩm quyền, đề nghị liên hệ Ban quản lý chợ');
    assert.equal((await act(officer, code, { action: 'bogus' })).statusCode, 400);
  });

  it('transfers to another agency with a reason; the report leaves the first inbox', async () => {
    const code = await fileReport();
    const dept = (await t.app.inject({ method: 'GET', url: '/api/agencies?q=SNNMT-20' })).json()[0];
    const grant = await t.app.inject({ method: 'POST', url: '/api/admin/memberships', headers: admin.headers, payload: { userId: otherOfficer.userId, role: 'officer', agencyId: dept.id } });
    assert.equal(grant.statusCode, 201, grant.body);
    otherOfficer = await signIn(t.app, '0900000102');
    assert.equal((await act(officer, code, { action: 'transfer', agencyCode: 'SNNMT-20' })).statusCode, 400);
    assert.equal((await act(officer, code, { action: 'transfer', agencyCode: 'NOPE', reason: 'x' })).statusCode, 400);
    const moved = await act(officer, code, { action: 'transfer', agencyCode: 'SNNMT-20', reason: 'Thuộc thẩm quyền của Sở' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.match(moved.json().agencyName, /Nông nghiệp và Môi trường/);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/reports/${code}`, headers: officer.headers })).statusCode, 403, 'after the transfer the officer can no longer see it');
    const theirs = await inbox(otherOfficer);
    assert.ok(theirs.items.some((r: { trackingCode: string }) => r.trackingCode === code));
    assert.ok(!(await inbox(officer)).items.some((r: { trackingCode: string }) => r.trackingCode === code));
  });

  it('keeps internal notes from the citizen, and posts public replies', async () => {
    const code = await fileReport();
    const noted = await t.app.inject({ method: 'POST', url: `/api/staff/reports/${code}/notes`, headers: officer.headers, payload: { text: 'Gọi điện cho tổ dân phố 3' } });
    assert.equal(noted.statusCode, 200);
    assert.ok(noted.json().timeline.some((e: { kind: string; public: boolean }) => e.kind === 'note' && !e.public));
    const replied = await t.app.inject({ method: 'POST', url: `/api/staff/reports/${code}/replies`, headers: officer.headers, payload: { text: 'Chúng tôi sẽ kiểm tra trong tuần' } });
    assert.equal(replied.statusCode, 200);
    const seen = await citizenView(code);
    assert.ok(!JSON.stringify(seen).includes('tổ dân phố 3'));
    assert.ok(seen.timeline.some((e: { body: string }) => e.body === 'Chúng tôi sẽ kiểm tra trong tuần'));
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/reports/${code}/notes`, headers: officer.headers, payload: { text: '' } })).statusCode, 400);
  });

  it('merges a duplicate into the original; supporters and followers move with it', async () => {
    const original = await fileReport();
    const duplicate = await fileReport(binh);
    assert.equal((await act(officer, duplicate, { action: 'merge', targetId: duplicate })).statusCode, 400);
    const merged = await act(officer, duplicate, { action: 'merge', targetId: original });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json().status, 'closed');
    const orig = await citizenView(original, binh);
    assert.equal(orig.following, true);
    const publicList = (await t.app.inject({ method: 'GET', url: '/api/reports?limit=200' })).json();
    assert.ok(!publicList.items.some((r: { trackingCode: string }) => r.trackingCode === duplicate), 'merged reports leave the public list');
  });

  it('moderates photos and hides or redacts a report', async () => {
    const photo = (await jpeg()).toString('base64');
    const code = await fileReport(an, { photos: [photo] });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/staff/reports/${code}`, headers: officer.headers })).json();
    assert.equal(detail.photos[0].moderation, 'pending');
    const ok = await t.app.inject({ method: 'POST', url: `/api/staff/report-photos/${detail.photos[0].id}/moderation`, headers: officer.headers, payload: { decision: 'approved' } });
    assert.equal(ok.statusCode, 204);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json();
    assert.equal(pub.photos.length, 1);
    assert.equal((await t.app.inject({ method: 'GET', url: pub.photos[0].thumbUrl })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/report-photos/${detail.photos[0].id}/moderation`, headers: otherOfficer.headers, payload: { decision: 'hidden' } })).statusCode, 403);

    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/reports/${code}/moderation`, headers: officer.headers, payload: { hidden: true, reason: 'Có thông tin cá nhân' } })).statusCode, 403, 'only the agency head moderates');
    const redacted = await t.app.inject({ method: 'POST', url: `/api/staff/reports/${code}/moderation`, headers: head.headers, payload: { description: 'Rác để ở gốc cây (đã ẩn số điện thoại)', reason: 'Có số điện thoại' } });
    assert.equal(redacted.statusCode, 200, redacted.body);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json().description, 'Rác để ở gốc cây (đã ẩn số điện thoại)');
    await t.app.inject({ method: 'POST', url: `/api/staff/reports/${code}/moderation`, headers: head.headers, payload: { hidden: true, reason: 'Nội dung không phù hợp' } });
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/reports/${code}`, headers: an.headers })).statusCode, 200, 'the reporter still sees it');
  });

  it('filters the inbox by urgency, assignee and search, sorted by deadline', async () => {
    const code = await fileReport();
    await t.db.query(`UPDATE reports SET due_date = current_date - 3 WHERE tracking_code = $1`, [code]);
    const overdue = await inbox(officer, 'urgency=overdue');
    assert.ok(overdue.items.length >= 1);
    assert.ok(overdue.items.every((r: { urgency: string }) => r.urgency === 'overdue'));
    assert.equal(overdue.items[0].trackingCode, code);
    const searched = await inbox(officer, `q=${code}`);
    assert.equal(searched.items.length, 1);
    const sorted = await inbox(officer, 'sort=due&limit=50');
    const dues = sorted.items.map((r: { dueDate: string }) => r.dueDate);
    assert.deepEqual(dues, [...dues].sort());
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/reports?urgency=later', headers: officer.headers })).statusCode, 400);
    const mine = await inbox(officer, 'assignee=me');
    assert.ok(mine.items.every((r: { assigneeId: string }) => r.assigneeId === officer.userId));
  });

  it('exports the filtered inbox as CSV with a BOM', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/staff/reports.csv?status=new', headers: officer.headers });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/csv; charset=utf-8/);
    assert.match(res.headers['content-disposition'] as string, /attachment/);
    assert.equal(res.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(lines[0]!, /^Mã theo dõi,Lĩnh vực,Trạng thái/);
    assert.ok(lines.length >= 2);
    assert.ok(lines.slice(1).every((l) => l.includes('Đã gửi, chờ tiếp nhận')));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/staff/reports.csv', headers: an.headers })).statusCode, 403);
  });

  it('offers response templates and lets the agency head add one', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/staff/report-templates?category=moi-truong.rac-thai', headers: officer.headers });
    assert.ok(list.json().some((x: { title: string }) => x.title === 'Đã thu gom rác'));
    assert.ok(!list.json().some((x: { title: string }) => x.title === 'Đã vá đường'));
    const added = await t.app.inject({ method: 'POST', url: '/api/staff/report-templates', headers: head.headers, payload: { categoryCode: 'moi-truong.rac-thai', title: 'Đã nhắc nhở', body: 'Đã nhắc nhở hộ gia đình.' } });
    assert.equal(added.statusCode, 201);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/staff/report-templates', headers: officer.headers, payload: { categoryCode: null, title: 'x1', body: 'y1' } })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/staff/report-templates', headers: head.headers, payload: { categoryCode: 'nope', title: 'x1', body: 'y1' } })).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/staff/report-templates/${added.json().id}`, headers: head.headers })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/staff/report-templates/${added.json().id}`, headers: head.headers })).statusCode, 404);
  });

  it('lets the administrator edit categories: routing, deadline, questions', async () => {
    const put = await t.app.inject({ method: 'PUT', url: '/api/admin/report-categories/giao-thong.o-ga', headers: admin.headers, payload: { name: 'Ổ gà, đường hỏng', routing: 'commune', deadlineDays: 4 } });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().deadlineDays, 4);
    const code = await fileReport(an, { categoryCode: 'giao-thong.o-ga', answers: {} });
    assert.ok((await inbox(officer)).items.some((r: { trackingCode: string }) => r.trackingCode === code), 'now routed to the commune');
    assert.equal((await t.app.inject({ method: 'PUT', url: '/api/admin/report-categories/giao-thong.o-ga', headers: admin.headers, payload: { name: 'Ổ gà', routing: 'NOPE-1' } })).json().error.details[0].field, 'routing');
    assert.equal((await t.app.inject({ method: 'PUT', url: '/api/admin/report-categories/giao-thong.o-ga', headers: officer.headers, payload: { name: 'Ổ gà' } })).statusCode, 403);
    const created = await t.app.inject({ method: 'POST', url: '/api/admin/report-categories/khac.cho', headers: admin.headers, payload: { parentCode: 'khac', name: 'Chợ, hàng rong', questions: [{ code: 'stall', label: 'Số sạp', datatype: 'number', required: false }] } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/report-categories/khac.cho', headers: admin.headers, payload: { parentCode: 'khac', name: 'Lặp' } })).statusCode, 409);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/report-categories/x.y', headers: admin.headers, payload: { parentCode: 'nope', name: 'Không cha' } })).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/report-categories/khac.z', headers: admin.headers, payload: { name: 'Thiếu', deadlineDays: 'ba' } })).statusCode, 400);
  });

  it('warns before the deadline, escalates overdue reports to the agency head, closes unrated ones', async () => {
    const api = t.platform.use(reportsModule);
    const soon = await fileReport();
    await act(officer, soon, { action: 'accept' });
    await act(officer, soon, { action: 'assign' });
    await t.db.query(`UPDATE reports SET due_date = current_date + 1 WHERE tracking_code = $1`, [soon]);
    const late = await fileReport();
    await t.db.query(`UPDATE reports SET due_date = current_date - 2 WHERE tracking_code = $1`, [late]);
    const done = await fileReport();
    await act(officer, done, { action: 'accept' });
    await act(officer, done, { action: 'resolve', answer: 'Xong' });
    await t.db.query(`UPDATE reports SET resolved_at = now() - interval '8 days' WHERE tracking_code = $1`, [done]);

    const first = await api.sweep();
    assert.ok(first.warned >= 1 && first.escalated >= 1 && first.closed >= 1, JSON.stringify(first));
    const officerNotices = (await t.app.inject({ method: 'GET', url: '/api/me/notifications?limit=100', headers: officer.headers })).json().items;
    assert.ok(officerNotices.some((n: { title: string }) => n.title.includes(soon) && /Sắp đến hạn/.test(n.title)));
    const headNotices = (await t.app.inject({ method: 'GET', url: '/api/me/notifications?limit=100', headers: head.headers })).json().items;
    assert.ok(headNotices.some((n: { title: string }) => n.title.includes(late) && /quá hạn/.test(n.title)));
    assert.equal((await citizenView(done)).status, 'closed');
    const second = await api.sweep();
    assert.deepEqual(second, { warned: 0, escalated: 0, closed: 0 }, 'each sweep acts once');
  });
});
