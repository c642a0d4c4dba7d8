// Test harness of payments: a dossier of a demo citizen waiting for its fee (status 6),
// and VNPay callbacks signed as the (demo) gateway signs them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { proceduresModule } from '../src/modules/procedures/index.ts';
import { DEMO_HASH_SECRET, DEMO_TMN_CODE } from '../src/modules/payments/settings.ts';
import { signedQuery } from '../src/modules/payments/vnpay.ts';
import type { TestApp } from './helpers.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

export async function login(t: TestApp, phone: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password: 'Demo@2026' } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().token as string;
}

/** Birth registration of citizen 0900000001, accepted, with a fee requested by the commune officer. */
export async function dossierAwaitingFee(t: TestApp, citizen: string, officer: string, amountVnd = 8000): Promise<string> {
  const procedure = (await t.platform.use(proceduresModule).getProcedure('1.001193'))!;
  const formData = {
    applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', applicantPhone: '0900000001', applicantAddress: 'Phường Lương Văn Tri, Lạng Sơn',
    childName: 'Nguyễn Văn Bình', childBirthDate: '2026-11-01', childSex: 'Nam', birthPlace: 'Bệnh viện Đa khoa tỉnh Lạng Sơn', motherName: 'Trần Thị Cúc', applicantRelationship: 'Cha',
  };
  const attachments = ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: PDF }));
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const created = await t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...auth(citizen), 'idempotency-key': randomUUID() }, payload: { procedureId: procedure.id, communeCode: '05983', formData, attachments, submit: true } });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/dossiers/${id}/accept`, headers: auth(officer), payload: {} })).statusCode, 200);
  const asked = await t.app.inject({ method: 'POST', url: `/api/dossiers/${id}/request-payment`, headers: auth(officer), payload: { fees: [{ name: 'Lệ phí cấp bản sao', amountVnd }] } });
  assert.equal(asked.json().status, 6, asked.body);
  return id;
}

/** A VNPay callback (IPN or return) for a payment, signed with the demo terminal's secret unless told otherwise. */
export function vnpCallback(code: string, amountVnd: number, o: { responseCode?: string; status?: string; secret?: string; transactionNo?: string } = {}): string {
  return signedQuery({
    vnp_Amount: String(amountVnd * 100), vnp_BankCode: 'NCB', vnp_BankTranNo: 'VNP14422574', vnp_CardType: 'ATM', vnp_OrderInfo: `Thanh toan ${code}`,
    vnp_PayDate: '20261207091806', vnp_ResponseCode: o.responseCode ?? '00', vnp_TmnCode: DEMO_TMN_CODE, vnp_TransactionNo: o.transactionNo ?? '14422574',
    vnp_TransactionStatus: o.status ?? '00', vnp_TxnRef: code,
  }, o.secret ?? DEMO_HASH_SECRET);
}
