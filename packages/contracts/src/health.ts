// API of the health book (sổ sức khỏe điện tử): consent, and a summary of the person's
// electronic health record read from the health system (HL7 FHIR R4) for this request only.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable } from './common.ts';

const NullableString = Nullable(Type.String());

export const HealthStatus = Type.Object({
  /** Signed in with the national eID in this session (the record needs it). */
  eid: Type.Boolean(),
  consented: Type.Boolean(),
  consentVersion: Type.String(),
  consentedAt: Nullable(DateTime),
});
export type HealthStatus = Static<typeof HealthStatus>;

export const HealthConsentBody = Type.Object({ version: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });
export type HealthConsentBody = Static<typeof HealthConsentBody>;

export const Vaccination = Type.Object({
  vaccine: Type.String(),
  /** YYYY-MM-DD (Vietnam day), or null when the record gives none. */
  date: NullableString,
  dose: Nullable(Type.Integer()),
  status: Type.String(),
  performer: NullableString,
});
export type Vaccination = Static<typeof Vaccination>;

export const Visit = Type.Object({
  date: NullableString,
  kind: Type.String(),
  reason: NullableString,
  place: NullableString,
  status: Type.String(),
});
export type Visit = Static<typeof Visit>;

export const HealthRecord = Type.Object({
  patient: Type.Object({ name: NullableString, birthDate: NullableString, gender: NullableString }),
  vaccinations: Type.Array(Vaccination),
  visits: Type.Array(Visit),
  /** Name of the health system answering. */
  source: Type.String(),
  readAt: DateTime,
});
export type HealthRecord = Static<typeof HealthRecord>;
