// The health book over HTTP: eID session and consent required, consent audited, every read
// audited, the record read through the FHIR adapter from the demo stand-in and never cached;
// the adapter against a FHIR server that misbehaves.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HEALTH_CONSENT_VERSION } from '@cds/contracts';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signInWithEid } from '../../../test/eid.ts';
import { signIn } from '../../../test/identity.ts';
import { demoRecord } from './demo-fhir.ts';
import { FhirError, FhirHealthRecords, vietnamDay, type FhirTransport } from './fhir.ts';

let t: TestApp;
let eid: string;
let password: string;
let admin: string;
const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });

before(async () => {
  t = await createTestApp();
  eid = await signInWithEid(t.app, 'demo-vneid-cuc');
  password = (await signIn(t.app, '0900000001')).token;
  admin = (await signIn(t.app, '0900000901')).token;
});
after(() => t.teardown());

const readsOf = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/admin/audit?limit=500', headers: { authorization: `Bearer ${admin}` } });
  return (res.json() as { action: string; details: { outcome?: string } }[]).filter((e) => e.action === 'health.record_read');
};

describe('health book', () => {
  it('refuses the signed-out, and a password session even with consent', async () => {
    assert.equal((await call('GET', '/api/health-book/record')).statusCode, 401);
    assert.deepEqual((await call('GET', '/api/health-book/status', password)).json(), { eid: false, consented: false, consentVersion: HEALTH_CONSENT_VERSION, consentedAt: null });
    assert.equal((await call('POST', '/api/health-book/consent', password, { version: HEALTH_CONSENT_VERSION })).statusCode, 200);
    const res = await call('GET', '/api/health-book/record', password);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'health.eid_required');
  });

  it('refuses an eID session without consent, and a consent to another text', async () => {
    assert.equal((await call('GET', '/api/health-book/status', eid)).json().eid, true);
    const res = await call('GET', '/api/health-book/record', eid);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'health.consent_required');
    const stale = await call('POST', '/api/health-book/consent', eid, { version: '0.9' });
    assert.equal(stale.statusCode, 400);
    assert.equal(stale.json().error.details[0].field, 'version');
    assert.equal((await call('POST', '/api/health-book/consent', eid, {})).statusCode, 400);
  });

  it('reads the record after consent, audited, never cached', async () => {
    const before = (await readsOf()).length;
    const consent = await call('POST', '/api/health-book/consent', eid, { version: HEALTH_CONSENT_VERSION });
    assert.equal(consent.statusCode, 200);
    assert.equal(consent.json().consented, true);
    const res = await call('GET', '/api/health-book/record', eid);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const record = res.json();
    // Trần Thị Cúc's CCCD 020192004567: a woman born in 1992
    assert.deepEqual(record.patient, { name: null, birthDate: '1992', gender: 'female' });
    assert.ok(record.vaccinations.some((v: { vaccine: string; date: string }) => v.vaccine === 'Vắc xin phòng COVID-19' && v.date === '2021-11-15'));
    assert.equal(record.visits[0].date, '2026-03-12', 'newest visit first');
    const reads = await readsOf();
    assert.equal(reads.length, before + 1);
    assert.equal(reads[0]!.details.outcome, 'read');
  });

  it('stops reading once consent is withdrawn', async () => {
    assert.equal((await call('DELETE', '/api/health-book/consent', eid)).statusCode, 204);
    assert.equal((await call('GET', '/api/health-book/record', eid)).statusCode, 403);
    assert.equal((await call('GET', '/api/health-book/status', eid)).json().consented, false);
  });

  it("puts the person's consents, not their record, in their data export", async () => {
    const res = await call('GET', '/api/me/export', eid);
    assert.equal(res.statusCode, 200, res.body);
    const part = (res.json() as { modules: Record<string, { consents: { version: string; withdrawnAt: string | null }[] }> }).modules.health;
    assert.ok(part);
    assert.equal(part.consents.length, 1);
    assert.ok(part.consents[0]!.withdrawnAt);
    assert.ok(!res.body.includes('COVID'));
  });
});

describe('the demo FHIR stand-in', () => {
  it('answers FHIR searchset bundles as application/fhir+json and wants the token', async () => {
    const denied = await t.app.inject({ method: 'GET', url: '/demo/fhir/Patient?identifier=urn:vn:cccd|020192004567' });
    assert.equal(denied.statusCode, 401);
    assert.equal(denied.json().resourceType, 'OperationOutcome');
    const res = await t.app.inject({ method: 'GET', url: '/demo/fhir/Patient?identifier=urn:vn:cccd|020192004567', headers: { authorization: 'Bearer cds-demo-fhir-token' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/fhir\+json/);
    assert.equal(res.json().resourceType, 'Bundle');
    assert.equal(res.json().type, 'searchset');
    assert.equal(demoRecord('12345'), null);
  });
});

describe('FHIR adapter', () => {
  const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });
  const serve = (answers: Record<string, { status?: number; body: unknown }>): { transport: FhirTransport; urls: string[]; headers: Record<string, string>[] } => {
    const urls: string[] = [];
    const headers: Record<string, string>[] = [];
    return {
      urls, headers,
      transport: async (url, h) => {
        urls.push(url);
        headers.push(h);
        const resource = new URL(url).pathname.split('/').pop()!;
        const a = answers[resource] ?? { body: bundle() };
        return { status: a.status ?? 200, contentType: 'application/fhir+json', body: a.body };
      },
    };
  };

  it('searches the patient by identifier with the token and FHIR JSON, then their resources', async () => {
    const s = serve({
      Patient: { body: bundle({ resourceType: 'Patient', id: 'p1', name: [{ family: 'Trần', given: ['Thị', 'Cúc'] }] }, { resourceType: 'OperationOutcome' }) },
      Immunization: { body: bundle({ resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ display: 'MMR' }] }, occurrenceDateTime: '2024-01-01T20:00:00Z' }) },
    });
    const summary = await new FhirHealthRecords('https://fhir.example.vn/fhir', 'tok', 'urn:vn:cccd', s.transport).summary('020192004567');
    assert.equal(s.urls[0], 'https://fhir.example.vn/fhir/Patient?identifier=urn%3Avn%3Acccd%7C020192004567');
    assert.ok(s.urls.some((u) => u.includes('Immunization?patient=Patient%2Fp1')));
    assert.equal(s.headers[0]!.accept, 'application/fhir+json');
    assert.equal(s.headers[0]!.authorization, 'Bearer tok');
    assert.equal(summary!.patient.name, 'Trần Thị Cúc');
    // 20:00 UTC is 03:00 the next day in Vietnam
    assert.deepEqual(summary!.vaccinations, [{ vaccine: 'MMR', date: '2024-01-02', dose: null, status: 'completed', performer: null }]);
  });

  it('shows nothing when the identifier matches nobody or several people', async () => {
    const none = serve({ Patient: { body: bundle() } });
    assert.equal(await new FhirHealthRecords('https://f', null, 's', none.transport).summary('1'), null);
    const two = serve({ Patient: { body: bundle({ resourceType: 'Patient', id: 'a' }, { resourceType: 'Patient', id: 'b' }) } });
    assert.equal(await new FhirHealthRecords('https://f', null, 's', two.transport).summary('1'), null);
    assert.equal(two.urls.length, 1, 'no further reads');
  });

  it('fails clearly on an error status or a reply that is not a Bundle', async () => {
    await assert.rejects(new FhirHealthRecords('https://f', null, 's', serve({ Patient: { status: 500, body: {} } }).transport).summary('1'), FhirError);
    await assert.rejects(new FhirHealthRecords('https://f', null, 's', serve({ Patient: { body: { resourceType: 'Patient' } } }).transport).summary('1'), FhirError);
    await assert.rejects(new FhirHealthRecords('https://f', null, 's', async () => { throw new Error('ECONNREFUSED'); }).summary('1'), FhirError);
  });

  it('reads FHIR dates as Vietnam days', () => {
    assert.equal(vietnamDay('2021-11-15'), '2021-11-15');
    assert.equal(vietnamDay('1992'), '1992');
    assert.equal(vietnamDay('2021-11-14T18:00:00Z'), '2021-11-15');
    assert.equal(vietnamDay(undefined), null);
    assert.equal(vietnamDay('yesterday'), null);
  });
});
