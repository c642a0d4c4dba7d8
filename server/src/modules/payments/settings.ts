// Environment settings of payments: the VNPay terminal, the collecting account for VietQR
// transfers and the secret its bank signs notifications with. Unset in demo mode, they
// point at the local stand-ins (the demo gateway at /demo/vnpay and the demo bank), so
// switching to the real VNPay and bank is only these variables.
import { Type } from 'typebox';
import { ConfigError, defineSettings, HttpUrl } from '../../platform/settings.ts';
import { bankByBin } from './banks.ts';

export const DEMO_TMN_CODE = 'CDSDEMO1';
export const DEMO_HASH_SECRET = 'CDSDEMOSECRETFORTHELOCALGATEWAY0';
export const DEMO_BANK_SECRET = 'cds-demo-bank-webhook-secret';
export const DEMO_BILLER_PARTNER = 'CDSDEMO';
export const DEMO_BILLER_SECRET = 'cds-demo-biller-aggregator-secret';

export const paymentsSettings = defineSettings('payments', {
  VNPAY_TMN_CODE: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{8}$', mustBe: '8 capital letters or digits (the terminal code VNPay issues)' })),
  VNPAY_HASH_SECRET: Type.Optional(Type.String({ minLength: 16, secret: true, mustBe: 'the secret VNPay issues (16 characters or more)' })),
  VNPAY_URL: Type.Optional(HttpUrl()),
  VNPAY_API_URL: Type.Optional(HttpUrl()),
  VIETQR_BANK_BIN: Type.String({ pattern: '^[0-9]{6}$', default: '970436', mustBe: 'a 6-digit bank BIN listed in payments/data/banks.json' }),
  VIETQR_ACCOUNT_NUMBER: Type.String({ pattern: '^[0-9A-Za-z]{1,19}$', default: '0011001932418', mustBe: '1–19 letters or digits' }),
  VIETQR_ACCOUNT_NAME: Type.String({ minLength: 2, maxLength: 50, default: 'KHO BAC NHA NUOC LANG SON' }),
  BANK_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16, secret: true, mustBe: 'a secret of 16 characters or more' })),
  // the bill-payment aggregator (cổng thanh toán hóa đơn): electricity, water, telecom, school fees
  BILLER_API_URL: Type.Optional(HttpUrl()),
  BILLER_PARTNER_CODE: Type.Optional(Type.String({ pattern: '^[A-Z0-9_]{3,20}$', mustBe: '3–20 capital letters, digits or _ (the partner code the aggregator issues)' })),
  BILLER_SECRET: Type.Optional(Type.String({ minLength: 16, secret: true, mustBe: 'the signing secret the aggregator issues (16 characters or more)' })),
}, (v, platform) => {
  if (!bankByBin(v.VIETQR_BANK_BIN)) throw new ConfigError(`Invalid configuration: VIETQR_BANK_BIN must be a 6-digit bank BIN listed in payments/data/banks.json (got "${v.VIETQR_BANK_BIN}")`);
  // outside demo mode a channel works only when configured; half a configuration is a mistake
  const vnpayVars = ['VNPAY_TMN_CODE', 'VNPAY_HASH_SECRET', 'VNPAY_URL', 'VNPAY_API_URL'] as const;
  const vnpayGiven = vnpayVars.filter((n) => v[n]);
  if (vnpayGiven.length > 0 && vnpayGiven.length < vnpayVars.length && !platform.demoMode) {
    throw new ConfigError(`Invalid configuration: ${vnpayVars.find((n) => !v[n])!} is required with ${vnpayGiven[0]!}`);
  }
  const billerVars = ['BILLER_API_URL', 'BILLER_PARTNER_CODE', 'BILLER_SECRET'] as const;
  const billerGiven = billerVars.filter((n) => v[n]);
  if (billerGiven.length > 0 && billerGiven.length < billerVars.length) {
    throw new ConfigError(`Invalid configuration: ${billerVars.find((n) => !v[n])!} is required with ${billerGiven[0]!}`);
  }
  const vnpayOn = platform.demoMode || vnpayGiven.length === vnpayVars.length;
  return {
    /** The gateway's terminal, or null when VNPay is not configured (then only VietQR). */
    vnpay: !vnpayOn ? null : {
      tmnCode: v.VNPAY_TMN_CODE ?? DEMO_TMN_CODE,
      hashSecret: v.VNPAY_HASH_SECRET ?? DEMO_HASH_SECRET,
      payUrl: v.VNPAY_URL ?? `${platform.publicUrl}/demo/vnpay/paymentv2/vpcpay.html`,
      apiUrl: v.VNPAY_API_URL ?? `${platform.publicUrl}/demo/vnpay/merchant_webapi/api/transaction`,
      returnUrl: `${platform.publicUrl}/api/payments/vnpay/return`,
    },
    vietqr: { bankBin: v.VIETQR_BANK_BIN, accountNumber: v.VIETQR_ACCOUNT_NUMBER, accountName: v.VIETQR_ACCOUNT_NAME },
    /** The bank's notification secret, or null when none is configured (then VietQR is off). */
    bankWebhookSecret: v.BANK_WEBHOOK_SECRET ?? (platform.demoMode ? DEMO_BANK_SECRET : null),
    /** The bill-payment aggregator, or null when none is configured (then bills cannot be looked up). */
    biller: billerGiven.length === billerVars.length
      ? { apiUrl: v.BILLER_API_URL!.replace(/\/+$/, ''), partnerCode: v.BILLER_PARTNER_CODE!, secret: v.BILLER_SECRET! }
      : platform.demoMode ? { apiUrl: `${platform.publicUrl}/demo/biller/api/v1`, partnerCode: DEMO_BILLER_PARTNER, secret: DEMO_BILLER_SECRET } : null,
    /** The local stand-ins serve only in demo mode. */
    demo: platform.demoMode,
    publicUrl: platform.publicUrl,
  };
});

export type PaymentsSettings = ReturnType<typeof paymentsSettings.of>;
