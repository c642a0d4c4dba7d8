// Environment settings of the health book: where the health system's FHIR R4 API is and the
// token it expects. Unset in demo mode, they point at the local stand-in (/demo/fhir), so
// switching to the province's health information system is only these variables.
import { Type } from 'typebox';
import { ConfigError, defineSettings, HttpUrl } from '../../platform/settings.ts';

export const DEMO_FHIR_TOKEN = 'cds-demo-fhir-token';

export const healthSettings = defineSettings('health', {
  HEALTH_FHIR_URL: Type.Optional(HttpUrl({ description: 'Base URL of the FHIR R4 server (…/fhir), without a trailing slash' })),
  HEALTH_FHIR_TOKEN: Type.Optional(Type.String({ minLength: 8, secret: true, mustBe: 'the bearer token the health system issues (8 characters or more)' })),
  HEALTH_FHIR_IDENTIFIER_SYSTEM: Type.String({ minLength: 3, maxLength: 200, default: 'urn:vn:cccd', mustBe: 'the identifier system URI under which the health system files citizen ID numbers' }),
}, (v, platform) => {
  if (v.HEALTH_FHIR_TOKEN && !v.HEALTH_FHIR_URL) throw new ConfigError('Invalid configuration: HEALTH_FHIR_URL is required with HEALTH_FHIR_TOKEN');
  const demo = platform.demoMode && !v.HEALTH_FHIR_URL;
  return {
    /** The FHIR base URL, or null when no health system is configured (then the health book is off). */
    baseUrl: v.HEALTH_FHIR_URL?.replace(/\/$/, '') ?? (demo ? `${platform.publicUrl}/demo/fhir` : null),
    token: v.HEALTH_FHIR_TOKEN ?? (demo ? DEMO_FHIR_TOKEN : null),
    identifierSystem: v.HEALTH_FHIR_IDENTIFIER_SYSTEM,
    /** The local stand-in serves only in demo mode without a configured server. */
    demo,
    publicUrl: platform.publicUrl,
  };
});

export type HealthSettings = ReturnType<typeof healthSettings.of>;
