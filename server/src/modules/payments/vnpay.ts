// VNPay 2.1.0 (cổng thanh toán VNPAY): the signed payment URL, the check of a signed
// callback (IPN and return), and the signed querydr/refund requests of the merchant API.
// Facts: VNPay's merchant integration guide 2.1.0 (summarised in shared standards.md).
import { createHmac, timingSafeEqual } from 'node:crypto';

export type VnpParams = Record<string, string>;

/** One value as VNPay's reference code encodes it: encodeURIComponent with spaces as '+'. */
export function vnpEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** The signed text: parameters sorted by key, empty values dropped, URL-encoded. */
export function vnpSignData(params: VnpParams): string {
  return Object.keys(params)
    .filter((k) => k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${vnpEncode(k)}=${vnpEncode(params[k]!)}`)
    .join('&');
}

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

/** The full query string of a request to VNPay, with its vnp_SecureHash last. */
export function signedQuery(params: VnpParams, secret: string): string {
  const data = vnpSignData(params);
  return `${data}&vnp_SecureHash=${hmacSha512(secret, data)}`;
}

/** Whether a callback's vnp_SecureHash is right, compared in constant time. */
export function verifyCallback(params: VnpParams, secret: string): boolean {
  const given = params.vnp_SecureHash ?? '';
  if (!/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(hmacSha512(secret, vnpSignData(params)), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/** querydr and refund sign the raw values joined by '|', in the order the guide lists. */
export function pipeSignature(secret: string, values: readonly string[]): string {
  return hmacSha512(secret, values.join('|'));
}

export const QUERYDR_FIELDS = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'] as const;
export const REFUND_FIELDS = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType', 'vnp_TxnRef', 'vnp_Amount', 'vnp_TransactionNo',
  'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo',
] as const;
/** The reply of querydr/refund is signed over these, joined by '|'. */
export const API_REPLY_FIELDS = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate',
  'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount',
] as const;

export function signApiRequest(secret: string, fields: readonly string[], body: Record<string, string>): string {
  return pipeSignature(secret, fields.map((f) => body[f] ?? ''));
}

/** Whether a querydr/refund request or reply carries the right vnp_SecureHash (constant time). */
export function verifyApi(secret: string, fields: readonly string[], body: Record<string, string>): boolean {
  const given = body.vnp_SecureHash ?? '';
  if (!/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(signApiRequest(secret, fields, body), 'hex'), Buffer.from(given.toLowerCase(), 'hex'));
}
