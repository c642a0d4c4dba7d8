// Demo mode: a stand-in for the province's health information system speaking FHIR R4
// search over REST (searchset Bundles, application/fhir+json, OperationOutcome on errors,
// bearer token). Every citizen ID number has a synthetic, clearly fictional record derived
// from the number itself (birth year and sex from the CCCD), so the health book can be tried
// with any demo eID person. Nothing real is served.
import { createHash } from 'node:crypto';
import { parsePersonalId } from '@cds/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { policy } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import { FHIR_JSON } from './fhir.ts';
import type { HealthSettings } from './settings.ts';

export const DEMO_FHIR_MOUNT = '/demo/fhir';
const CONTENT_TYPE = `${FHIR_JSON}; fhirVersion=4.0; charset=utf-8`;

function outcome(reply: FastifyReply, status: number, code: string, text: string) {
  return reply.status(status).type(CONTENT_TYPE).send({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] });
}

function bundle(reply: FastifyReply, resources: object[]) {
  return reply.type(CONTENT_TYPE).header('cache-control', 'no-store').send({
    resourceType: 'Bundle', type: 'searchset', total: resources.length,
    entry: resources.map((r) => ({ fullUrl: `urn:uuid:${(r as { id: string }).id}`, resource: r, search: { mode: 'match' } })),
  });
}

/** The synthetic patient id of a citizen ID number: stable, and not the number itself. */
const patientId = (personalId: string) => `demo-${createHash('sha256').update(`cds-demo-fhir:${personalId}`).digest('hex').slice(0, 16)}`;

const VACCINES = [
  { text: 'Vắc xin phòng lao (BCG)', atBirth: true, dose: 1 },
  { text: 'Vắc xin viêm gan B sơ sinh', atBirth: true, dose: 1 },
  { text: 'Vắc xin phòng COVID-19', year: 2021, month: 8, dose: 1 },
  { text: 'Vắc xin phòng COVID-19', year: 2021, month: 11, dose: 2 },
  { text: 'Vắc xin phòng cúm mùa', year: 2025, month: 10, dose: 1 },
];

const VISITS = [
  { date: '2026-03-12T08:40:00+07:00', type: 'Khám ngoại trú', reason: 'Ho, sốt nhẹ', place: 'Trạm Y tế (dữ liệu mẫu)' },
  { date: '2025-09-02T09:15:00+07:00', type: 'Khám sức khỏe định kỳ', reason: 'Khám sức khỏe hằng năm', place: 'Bệnh viện Đa khoa (dữ liệu mẫu)' },
  { date: '2024-05-20T14:00:00+07:00', type: 'Khám ngoại trú', reason: 'Đau lưng', place: 'Trung tâm Y tế khu vực (dữ liệu mẫu)' },
];

export interface DemoRecord { patient: object; immunizations: object[]; encounters: object[] }

/** The synthetic record of a citizen ID number, or null for a number that is not a valid CCCD. */
export function demoRecord(personalId: string): DemoRecord | null {
  const parsed = parsePersonalId(personalId);
  if (!parsed.ok) return null;
  const id = patientId(personalId);
  const born = parsed.facts.birthYear;
  const patient = {
    resourceType: 'Patient', id, meta: { tag: [{ system: 'urn:cds:demo', code: 'synthetic', display: 'Dữ liệu mẫu' }] },
    identifier: [{ system: 'urn:vn:cccd', value: personalId }],
    gender: parsed.facts.sex, birthDate: String(born),
  };
  const immunizations = VACCINES.filter((v) => v.atBirth || (v.year ?? 0) - born >= 12).map((v, i) => ({
    resourceType: 'Immunization', id: `${id}-imm-${i}`, status: 'completed',
    vaccineCode: { text: v.text }, patient: { reference: `Patient/${id}` },
    occurrenceDateTime: v.atBirth ? String(born) : `${v.year}-${String(v.month).padStart(2, '0')}-15T08:00:00+07:00`,
    protocolApplied: [{ doseNumberPositiveInt: v.dose }],
    performer: [{ actor: { display: v.atBirth ? 'Nhà hộ sinh (dữ liệu mẫu)' : 'Trạm Y tế (dữ liệu mẫu)' } }],
  }));
  const encounters = VISITS.map((v, i) => ({
    resourceType: 'Encounter', id: `${id}-enc-${i}`, status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [{ text: v.type }], reasonCode: [{ text: v.reason }], subject: { reference: `Patient/${id}` },
    period: { start: v.date }, serviceProvider: { display: v.place },
  }));
  return { patient, immunizations, encounters };
}

export function demoFhirRoutes(app: App, settings: HealthSettings): void {
  const config = { policy: policy.public };
  const records = new Map<string, string>();
  const authorized = (request: FastifyRequest) => request.headers.authorization === `Bearer ${settings.token ?? ''}`;
  const guard = (request: FastifyRequest, reply: FastifyReply) => {
    if (!authorized(request)) return outcome(reply, 401, 'login', 'Bearer token required');
    return null;
  };
  const subjectOf = (query: Record<string, string | undefined>): DemoRecord | null => {
    const id = /^Patient\/(demo-[0-9a-f]{16})$/.exec(query.patient ?? '')?.[1];
    const personalId = id ? records.get(id) : undefined;
    return personalId ? demoRecord(personalId) : null;
  };

  app.get(`${DEMO_FHIR_MOUNT}/Patient`, { config, schema: { hide: true } }, async (request, reply) => {
    const denied = guard(request, reply);
    if (denied) return denied;
    const identifier = (request.query as Record<string, string | undefined>).identifier ?? '';
    const [system, value] = identifier.includes('|') ? identifier.split('|', 2) : [null, identifier];
    if (!value) return outcome(reply, 400, 'required', 'identifier is required');
    if (system !== settings.identifierSystem) return bundle(reply, []);
    const found = demoRecord(value);
    if (!found) return bundle(reply, []);
    // the stand-in remembers which number a patient id stands for, as a real server's index would
    records.set((found.patient as { id: string }).id, value);
    return bundle(reply, [found.patient]);
  });

  app.get(`${DEMO_FHIR_MOUNT}/Immunization`, { config, schema: { hide: true } }, async (request, reply) => {
    const denied = guard(request, reply);
    if (denied) return denied;
    return bundle(reply, subjectOf(request.query as Record<string, string | undefined>)?.immunizations ?? []);
  });

  app.get(`${DEMO_FHIR_MOUNT}/Encounter`, { config, schema: { hide: true } }, async (request, reply) => {
    const denied = guard(request, reply);
    if (denied) return denied;
    return bundle(reply, subjectOf(request.query as Record<string, string | undefined>)?.encounters ?? []);
  });
}
