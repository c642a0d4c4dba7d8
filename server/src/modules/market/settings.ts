// Environment settings of the market: the postal carrier's order API (base URL, token and
// the secret its tracking callbacks are signed with). Unset in demo mode, they point at
// the demo carrier under /demo/carrier, so switching to the real carrier is only these.
import { Type } from 'typebox';
import { ConfigError, defineSettings, HttpUrl } from '../../platform/settings.ts';

export const DEMO_CARRIER_TOKEN = 'cds-demo-carrier-token';
export const DEMO_CARRIER_SECRET = 'cds-demo-carrier-callback-secret';

export const marketSettings = defineSettings('market', {
  MARKET_CARRIER_URL: Type.Optional(HttpUrl()),
  MARKET_CARRIER_TOKEN: Type.Optional(Type.String({ minLength: 8, secret: true, mustBe: 'the API token the carrier issues (8 characters or more)' })),
  MARKET_CARRIER_CALLBACK_SECRET: Type.Optional(Type.String({ minLength: 16, secret: true, mustBe: 'a secret of 16 characters or more' })),
}, (v, platform) => {
  const given = (['MARKET_CARRIER_URL', 'MARKET_CARRIER_TOKEN', 'MARKET_CARRIER_CALLBACK_SECRET'] as const).filter((n) => v[n]);
  if (given.length > 0 && given.length < 3) throw new ConfigError(`Invalid configuration: MARKET_CARRIER_URL, MARKET_CARRIER_TOKEN and MARKET_CARRIER_CALLBACK_SECRET go together (got only ${given.join(', ')})`);
  const on = given.length === 3 || platform.demoMode;
  return {
    /** The carrier, or null when none is configured (then only seller delivery). */
    carrier: !on ? null : {
      baseUrl: v.MARKET_CARRIER_URL ?? `${platform.publicUrl}/demo/carrier`,
      token: v.MARKET_CARRIER_TOKEN ?? DEMO_CARRIER_TOKEN,
      callbackSecret: v.MARKET_CARRIER_CALLBACK_SECRET ?? DEMO_CARRIER_SECRET,
    },
    demo: platform.demoMode,
    publicUrl: platform.publicUrl,
  };
});

export type MarketSettings = ReturnType<typeof marketSettings.of>;
