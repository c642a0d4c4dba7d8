// Every fixture the fake server replies with must match its contract's schema exactly: no
// missing or mistyped field, and no field the server never sends.
import { describe, expect, it } from 'vitest';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Commune } from '@cds/contracts/areas';
import { ErrorReply } from '@cds/contracts/common';
import { Consent, DeletionRequested, Me, OtpStarted, Prefill, SignedInReply } from '@cds/contracts/identity';
import { Inbox, ReadAllReply } from '@cds/contracts/notifications';
import { LifeEventItem, Procedure, SearchItem, SectorItem } from '@cds/contracts/procedures';
import { Installation } from '@cds/contracts/system';
import { Type } from 'typebox';
import * as fixtures from './fixtures.ts';
import { errorReply } from './helpers.tsx';

const SCHEMAS: Record<keyof typeof fixtures, TSchema> = {
  INSTALLATION: Installation,
  ME: Me,
  NEW_CITIZEN: Me,
  OFFICER: Me,
  SIGNED_IN: SignedInReply,
  OTP_STARTED: OtpStarted,
  CONSENT: Consent,
  DELETION_RECEIPT: DeletionRequested,
  PREFILL: Prefill,
  COMMUNES: Type.Array(Commune),
  INBOX: Inbox,
  EMPTY_INBOX: Inbox,
  READ_ALL: ReadAllReply,
  BIRTH_REGISTRATION: SearchItem,
  BIRTH_REGISTRATION_DETAIL: Procedure,
  LIFE_EVENTS: Type.Array(LifeEventItem),
  SECTORS: Type.Array(SectorItem),
};

/** The schema's problems with a value, and the fields it has that the schema does not know. */
function drift(schema: TSchema, value: unknown): string[] {
  const problems = [...Value.Errors(schema, value)].map((e) => `${e.instancePath || '/'} ${e.message}`);
  const known = Value.Clean(schema, structuredClone(value));
  return JSON.stringify(known) === JSON.stringify(value) ? problems : [...problems, `fields the server never sends: ${JSON.stringify(value)} → ${JSON.stringify(known)}`];
}

describe('test fixtures match the API contract', () => {
  for (const [name, value] of Object.entries(fixtures)) {
    it(name, () => {
      const schema = SCHEMAS[name as keyof typeof fixtures];
      expect(schema, `give ${name} its schema in SCHEMAS`).toBeDefined();
      expect(drift(schema, value)).toEqual([]);
    });
  }

  it('the fake error replies have the server\'s error shape', () => {
    expect(drift(ErrorReply, errorReply(400, 'validation', 'Thông tin chưa hợp lệ', [{ field: 'phone', message: 'Sai' }]).body)).toEqual([]);
    expect(drift(ErrorReply, errorReply(401, 'auth.required', 'Bạn cần đăng nhập').body)).toEqual([]);
  });

  it('would catch a fixture that drifted from the contract', () => {
    const { deletionDueAt: _gone, ...missing } = fixtures.ME;
    expect(drift(Me, missing)).not.toEqual([]);
    expect(drift(Me, { ...fixtures.ME, eidLevel: 'high' })).not.toEqual([]);
    expect(drift(Installation, { ...fixtures.INSTALLATION, brand: { ...fixtures.INSTALLATION.brand, logo: 'logo.svg' } })).toEqual([
      expect.stringContaining('fields the server never sends'),
    ]);
  });
});
