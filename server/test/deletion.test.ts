// Deleting an account across every module (issue 9, defect 4): the receipt lists what the
// law keeps with its basis, the export holds everything, and once the account is anonymised
// each module has erased or unlinked its part.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestApp, type TestApp } from './helpers.ts';
import { identityModule } from '../src/modules/identity/index.ts';
import { proceduresModule } from '../src/modules/procedures/index.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% deletion test draft\n');
const OTHER_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% deletion test submitted\n');
const docs = (pdf: Buffer) => ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: pdf.toString('base64') }));
const form = {
  applicantName: 'Hoàng Thị Bình', applicantIdNumber: '020190000002', applicantPhone: '0900000002', applicantAddress: 'Xã Thất Khê, Lạng Sơn',
  childName: 'Hoàng Văn Cường', childBirthDate: '2026-11-01', childSex: 'Nam', birthPlace: 'Trạm y tế xã Thất Khê',
  motherName: 'Hoàng Thị Bình', applicantRelationship: 'Mẹ',
};

let t: TestApp;
let token = '';
let userId = '';
const as = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });

before(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '0900000002', password: 'Demo@2026' } });
  assert.equal(res.statusCode, 200, res.body);
  token = res.json().token;
  userId = (await as('GET', '/api/me')).json().id;
  // a conversation with the assistant, signed in
  const asked = await as('POST', '/api/assistant/messages', { text: 'lam giay khai sinh cho con' });
  assert.equal(asked.statusCode, 200, asked.body);
  assert.equal((await t.db.query('SELECT 1 FROM assistant_conversations WHERE user_id = $1', [userId])).rows.length, 1);
});
after(() => t.teardown());

describe('deleting an account', () => {
  let submittedCode = '';
  let draftId = '';
  let reportId = '';

  it('gives a receipt naming each record the law keeps, with its basis, and what is erased', async () => {
    const procedure = (await t.platform.use(proceduresModule).getProcedure('1.001193'))!;
    const submitted = await as('POST', '/api/dossiers', { procedureId: procedure.id, communeCode: '05983', formData: form, attachments: docs(OTHER_PDF), submit: true });
    assert.equal(submitted.statusCode, 201, submitted.body);
    submittedCode = submitted.json().code;
    const draft = await as('POST', '/api/dossiers', { procedureId: procedure.id, communeCode: '05983', formData: form, attachments: docs(PDF), submit: false });
    assert.equal(draft.statusCode, 201, draft.body);
    draftId = draft.json().id;
    const report = await as('POST', '/api/reports', { categoryCode: 'moi-truong.rac-thai', answers: { amount: 'large' }, description: 'Rác đổ ở đầu cầu Thất Khê', lat: 21.85, lon: 106.76 });
    assert.equal(report.statusCode, 201, report.body);
    reportId = report.json().id;
    assert.equal((await as('PUT', `/api/reports/${reportId}/follow`)).statusCode, 204);
    // an order at a demo shop, delivered to her address
    const listed = (await as('GET', '/api/market/products?limit=5')).json() as { items: { id: string; shopId: string; communeCode: string }[] };
    const product = listed.items[0]!;
    const order = await as('POST', '/api/market/orders', {
      shopId: product.shopId, items: [{ productId: product.id, quantity: 1 }], address: 'Thôn Nà Phái, Xã Thất Khê', phone: '0900000002',
      communeCode: '06040', paymentMethod: 'cod', deliveryMethod: 'seller',
    });
    assert.equal(order.statusCode, 201, order.body);

    const res = await as('POST', '/api/me/deletion-request');
    assert.equal(res.statusCode, 202, res.body);
    const receipt = res.json();
    const kept = receipt.kept.find((k: { reference: string }) => k.reference === submittedCode);
    assert.ok(kept, JSON.stringify(receipt.kept));
    assert.equal(kept.module, 'dossiers');
    assert.match(kept.basis, /Luật Lưu trữ/);
    assert.ok(!receipt.kept.some((k: { reference: string }) => k.reference === draft.json().code), 'a draft is erased, not kept');
    assert.ok(receipt.kept.some((k: { module: string; basis: string }) => k.module === 'identity' && /An ninh mạng/.test(k.basis)), 'the audit log is named as kept');
    assert.ok(receipt.erased.some((line: string) => /hồ sơ nháp/.test(line)), receipt.erased.join(' | '));
    assert.ok(receipt.erased.some((line: string) => /1 phản ánh/.test(line)), receipt.erased.join(' | '));
    const again = await as('GET', '/api/me/deletion-request');
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), receipt);
  });

  it('exports every module part: notifications and followed reports included', async () => {
    const data = (await as('GET', '/api/me/export')).json();
    assert.ok(data.modules.notifications.inbox.length > 0, 'the dossier receipt notice');
    assert.ok(data.modules.reports.sent.length === 1);
    assert.ok(Array.isArray(data.modules.reports.followed));
    assert.ok(data.modules.dossiers.some((d: { code: string }) => d.code === submittedCode));
    assert.ok(Array.isArray(data.modules.payments));
    assert.equal(data.modules.market.orders[0].address, 'Thôn Nà Phái, Xã Thất Khê');
  });

  it('once anonymised, each module erases or unlinks what it held', async () => {
    const files = await t.db.query<{ file_id: string }>('SELECT file_id FROM dossier_attachments WHERE dossier_id = $1', [draftId]);
    const draftFiles = files.rows.map((r) => r.file_id);
    await t.db.query(`UPDATE deletion_requests SET due_at = now() - interval '1 minute' WHERE user_id = $1`, [userId]);
    assert.equal(await t.platform.use(identityModule).runDeletionJob({}), 1);
    await t.platform.events.drain();

    const dossiers = await t.db.query<{ id: string; code: string | null; applicant_user_id: string | null; applicant_name: string }>(
      'SELECT id, code, applicant_user_id, applicant_name FROM dossiers WHERE id = $1 OR code = $2', [draftId, submittedCode]);
    assert.deepEqual(dossiers.rows.map((d) => [d.code, d.applicant_user_id]), [[submittedCode, null]], 'the draft is gone, the filed dossier unlinked');
    assert.equal(dossiers.rows[0]!.applicant_name, 'Hoàng Thị Bình', 'the administrative record keeps who applied');
    const ownSteps = await t.db.query('SELECT 1 FROM dossier_events WHERE actor_user_id = $1', [userId]);
    assert.equal(ownSteps.rows.length, 0);
    for (const id of draftFiles) {
      assert.equal(await t.platform.files.get(id), null, `draft attachment ${id} removed from the store`);
    }

    const report = (await t.db.query<{ reporter_id: string | null; contact: object; anonymous: boolean }>('SELECT reporter_id, contact, anonymous FROM reports WHERE id = $1', [reportId])).rows[0]!;
    assert.deepEqual(report, { reporter_id: null, contact: {}, anonymous: true });
    for (const table of ['report_followers', 'report_supporters', 'notifications', 'push_subscriptions', 'notification_preferences', 'alert_answers', 'news_topic_follows', 'health_consents', 'assistant_conversations']) {
      const left = await t.db.query(`SELECT 1 FROM ${table} WHERE user_id = $1`, [userId]);
      assert.equal(left.rows.length, 0, `${table} still holds the person`);
    }
    const orders = await t.db.query<{ address: string; phone: string }>('SELECT address, phone FROM market_orders WHERE buyer_user_id = $1', [userId]);
    assert.deepEqual(orders.rows, [{ address: '', phone: '' }], 'the order stays as the shop\'s sale, without her address and phone');
    // the data directory holds no file named by the draft any more
    for (const id of draftFiles) assert.ok(!fs.existsSync(path.join(t.platform.config.dataDir, 'files', id.slice(0, 2), id.slice(2, 4), id)));
  });
});
