import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseBanks } from './banks.ts';
import { hmacSha512, pipeSignature, QUERYDR_FIELDS, signApiRequest, signedQuery, verifyApi, verifyCallback, vnpSignData } from './vnpay.ts';
import { checkPayRequest } from './demo-gateway.ts';
import { paymentsSettings } from './settings.ts';

// the check values of shared/reference/standards.md
const VECTOR = {
  vnp_Amount: '1000000', vnp_BankCode: 'NCB', vnp_BankTranNo: 'VNP14422574', vnp_CardType: 'ATM', vnp_OrderInfo: 'Thanh toan don hang 2024-05-21T02:17:31.249Z',
  vnp_PayDate: '20240521091806', vnp_ResponseCode: '00', vnp_TmnCode: 'TEST_TMN_CODE', vnp_TransactionNo: '14422574', vnp_TransactionStatus: '00', vnp_TxnRef: '1716257871703',
};
const EXPECTED = '649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895';

describe('VNPay 2.1.0 signatures', () => {
  it('signs the sorted, URL-encoded parameters (spaces as +) as the reference vector', () => {
    const data = vnpSignData(VECTOR);
    assert.equal(data, 'vnp_Amount=1000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14422574&vnp_CardType=ATM&vnp_OrderInfo=Thanh+toan+don+hang+2024-05-21T02%3A17%3A31.249Z&vnp_PayDate=20240521091806&vnp_ResponseCode=00&vnp_TmnCode=TEST_TMN_CODE&vnp_TransactionNo=14422574&vnp_TransactionStatus=00&vnp_TxnRef=1716257871703');
    assert.equal(hmacSha512('test_secret', data), EXPECTED);
  });

  it('verifies a callback whatever order it arrives in, dropping the hash fields and empty values', () => {
    const reversed = Object.fromEntries(Object.entries(VECTOR).reverse());
    const shuffled = { ...reversed, vnp_Empty: '', vnp_SecureHashType: 'HmacSHA512', vnp_SecureHash: EXPECTED.toUpperCase() };
    assert.ok(verifyCallback(shuffled, 'test_secret'));
    assert.ok(!verifyCallback({ ...shuffled, vnp_Amount: '2000000' }, 'test_secret'));
    assert.ok(!verifyCallback(shuffled, 'other_secret'));
    assert.ok(!verifyCallback({ ...VECTOR, vnp_SecureHash: 'abc' }, 'test_secret'), 'a short hash is refused without comparing');
    assert.ok(!verifyCallback({ ...VECTOR }, 'test_secret'));
  });

  it('builds a query whose hash covers what VNPay will read', () => {
    const q = new URLSearchParams(signedQuery(VECTOR, 'test_secret'));
    assert.equal(q.get('vnp_OrderInfo'), VECTOR.vnp_OrderInfo);
    assert.equal(q.get('vnp_SecureHash'), EXPECTED);
  });

  it('signs querydr and refund over the values joined by |', () => {
    const body: Record<string, string> = {
      vnp_RequestId: 'r1', vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: 'T', vnp_TxnRef: 'X', vnp_TransactionDate: '20240521091806',
      vnp_CreateDate: '20240521091900', vnp_IpAddr: '127.0.0.1', vnp_OrderInfo: 'Truy van',
    };
    assert.equal(signApiRequest('s', QUERYDR_FIELDS, body), pipeSignature('s', ['r1', '2.1.0', 'querydr', 'T', 'X', '20240521091806', '20240521091900', '127.0.0.1', 'Truy van']));
    assert.equal(pipeSignature('s', ['a', 'b']), hmacSha512('s', 'a|b'));
    body.vnp_SecureHash = signApiRequest('s', QUERYDR_FIELDS, body);
    assert.ok(verifyApi('s', QUERYDR_FIELDS, body));
    assert.ok(!verifyApi('s', QUERYDR_FIELDS, { ...body, vnp_TxnRef: 'Y' }));
  });
});

describe('the demo gateway checks requests as VNPay does', () => {
  const settings = { vnpay: { tmnCode: 'CDSDEMO1', hashSecret: 'demo-secret-of-16+chars' } } as Parameters<typeof checkPayRequest>[1];
  const request = {
    vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: 'CDSDEMO1', vnp_Amount: '800000', vnp_CreateDate: '20261207090000', vnp_CurrCode: 'VND',
    vnp_IpAddr: '127.0.0.1', vnp_Locale: 'vn', vnp_OrderInfo: 'Thanh toan TT2612070001', vnp_OrderType: 'other', vnp_ReturnUrl: 'http://localhost/r', vnp_TxnRef: 'TT2612070001',
  };
  const signed = (p: Record<string, string>) => ({ ...p, vnp_SecureHash: hmacSha512('demo-secret-of-16+chars', vnpSignData(p)) });
  it('accepts a signed request and refuses a wrong signature, terminal, missing field or past expiry', () => {
    assert.equal(checkPayRequest(signed(request), settings), null);
    assert.match(checkPayRequest({ ...signed(request), vnp_Amount: '900000' }, settings)!, /chữ ký/);
    assert.match(checkPayRequest(signed({ ...request, vnp_TmnCode: 'OTHER123' }), settings)!, /TmnCode/);
    const { vnp_ReturnUrl: _, ...noReturn } = request;
    assert.match(checkPayRequest(signed(noReturn), settings)!, /vnp_ReturnUrl/);
    assert.match(checkPayRequest(signed({ ...request, vnp_ExpireDate: '20200101000000' }), settings)!, /thời gian/);
  });
});

describe('payment settings and bank data', () => {
  const platform = { demoMode: true, publicUrl: 'http://localhost:3000' } as Parameters<typeof paymentsSettings.read>[1];
  it('points at the local stand-ins in demo mode; outside it a channel is off until fully configured', () => {
    const s = paymentsSettings.read({}, platform);
    assert.equal(s.vnpay?.payUrl, 'http://localhost:3000/demo/vnpay/paymentv2/vpcpay.html');
    const real = paymentsSettings.read({}, { ...platform, demoMode: false });
    assert.equal(real.vnpay, null, 'no gateway until configured');
    assert.equal(real.bankWebhookSecret, null);
    assert.throws(() => paymentsSettings.read({ VNPAY_TMN_CODE: 'ABCD1234' }, { ...platform, demoMode: false }), /VNPAY_HASH_SECRET is required with VNPAY_TMN_CODE/);
    assert.throws(() => paymentsSettings.read({ VIETQR_BANK_BIN: '123456' }, platform), /VIETQR_BANK_BIN must be a 6-digit bank BIN listed/);
    assert.throws(() => paymentsSettings.read({ VNPAY_TMN_CODE: 'x' }, platform), /VNPAY_TMN_CODE must be 8 capital/);
  });

  it('points bills at the demo aggregator in demo mode, at a real one when configured, and nowhere otherwise', () => {
    assert.equal(paymentsSettings.read({}, platform).biller?.apiUrl, 'http://localhost:3000/demo/biller/api/v1');
    assert.equal(paymentsSettings.read({}, { ...platform, demoMode: false }).biller, null, 'no bills until an aggregator is configured');
    const real = paymentsSettings.read({ BILLER_API_URL: 'https://bill.example.vn/api/v1/', BILLER_PARTNER_CODE: 'CDS_LS', BILLER_SECRET: 'a-real-secret-of-some-length' }, platform);
    assert.deepEqual(real.biller, { apiUrl: 'https://bill.example.vn/api/v1', partnerCode: 'CDS_LS', secret: 'a-real-secret-of-some-length' });
    assert.throws(() => paymentsSettings.read({ BILLER_API_URL: 'https://bill.example.vn/api/v1' }, platform), /BILLER_PARTNER_CODE is required with BILLER_API_URL/);
    assert.throws(() => paymentsSettings.read({ BILLER_API_URL: 'https://bill.example.vn', BILLER_PARTNER_CODE: 'cds ls', BILLER_SECRET: 'a-real-secret-of-some-length' }, platform), /BILLER_PARTNER_CODE must be 3–20 capital/);
  });

  it('reads the BIN list, which has Vietcombank and VietinBank, and refuses a broken one', () => {
    const banks = parseBanks(JSON.parse(readFileSync(new URL('./data/banks.json', import.meta.url), 'utf8')));
    assert.equal(banks.find((b) => b.bin === '970436')?.code, 'VCB');
    assert.equal(banks.find((b) => b.bin === '970415')?.code, 'ICB');
    assert.throws(() => parseBanks({ banks: [{ bin: '12345', code: 'X1', name: 'x' }] }), /bin must be 6 digits/);
    assert.throws(() => parseBanks({ banks: [{ bin: '970436', code: 'VCB', name: 'a' }, { bin: '970436', code: 'VCB', name: 'b' }] }), /listed twice/);
  });
});
