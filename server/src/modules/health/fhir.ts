// The health system adapter: HL7 FHIR R4 over REST with JSON (application/fhir+json).
// Patient search by identifier, then the patient's Immunization and Encounter resources,
// reduced to the summary the health book shows. Nothing is kept after the call.
import type { HealthRecord, Vaccination, Visit } from '@cds/contracts/health';
import { vietnamDay as calendarDay } from '@cds/contracts';

export const FHIR_JSON = 'application/fhir+json';

/** One HTTP GET; the real one is fetch, tests and the in-process demo pass their own. */
export type FhirTransport = (url: string, headers: Record<string, string>) => Promise<{ status: number; contentType: string; body: unknown }>;

export const fetchTransport: FhirTransport = async (url, headers) => {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000), cache: 'no-store' });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text ? (JSON.parse(text) as unknown) : null };
};

export class FhirError extends Error {}

// the parts of FHIR R4 resources the summary reads (https://hl7.org/fhir/R4/)
interface Coding { system?: string; code?: string; display?: string }
interface CodeableConcept { text?: string; coding?: Coding[] }
interface Reference { reference?: string; display?: string }
interface HumanName { text?: string; family?: string; given?: string[] }
interface Patient { resourceType: 'Patient'; id?: string; name?: HumanName[]; gender?: string; birthDate?: string }
interface Immunization {
  resourceType: 'Immunization'; status?: string; vaccineCode?: CodeableConcept; occurrenceDateTime?: string; occurrenceString?: string;
  protocolApplied?: { doseNumberPositiveInt?: number }[]; performer?: { actor?: Reference }[]; location?: Reference;
}
interface Encounter {
  resourceType: 'Encounter'; status?: string; class?: Coding; type?: CodeableConcept[]; reasonCode?: CodeableConcept[];
  period?: { start?: string }; serviceProvider?: Reference; location?: { location?: Reference }[];
}
interface Bundle { resourceType: 'Bundle'; entry?: { resource?: { resourceType?: string } }[] }

const text = (c: CodeableConcept | undefined): string | null => c?.text ?? c?.coding?.find((x) => x.display)?.display ?? null;

/** A FHIR dateTime as the Vietnam calendar day (a bare date stays as it is). */
export function vietnamDay(value: string | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : calendarDay(d);
}

function nameOf(p: Patient): string | null {
  const n = p.name?.[0];
  if (!n) return null;
  return n.text ?? ([n.family, ...(n.given ?? [])].filter(Boolean).join(' ') || null);
}

export class FhirHealthRecords {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null,
    private readonly identifierSystem: string,
    private readonly transport: FhirTransport = fetchTransport,
  ) {}

  private async search<T>(resource: string, params: Record<string, string>): Promise<T[]> {
    const url = `${this.baseUrl}/${resource}?${new URLSearchParams(params).toString()}`;
    const headers: Record<string, string> = { accept: FHIR_JSON };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let res;
    try {
      res = await this.transport(url, headers);
    } catch (err) {
      throw new FhirError(`FHIR ${resource} search failed`, { cause: err });
    }
    if (res.status !== 200) throw new FhirError(`FHIR ${resource} search answered ${res.status}`);
    const bundle = res.body as Bundle | null;
    if (bundle?.resourceType !== 'Bundle') throw new FhirError(`FHIR ${resource} search did not answer a Bundle`);
    // a searchset may include OperationOutcome or _include entries: keep only the resource asked for
    return (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === resource ? [e.resource as T] : []));
  }

  /** The summary of a person's record by their citizen ID number, or null when the health system has no such patient. */
  async summary(personalId: string, now = new Date()): Promise<Omit<HealthRecord, 'source'> | null> {
    const patients = await this.search<Patient>('Patient', { identifier: `${this.identifierSystem}|${personalId}` });
    // no match, or several (an identifier must name one person): show nothing rather than someone else's record
    if (patients.length !== 1 || !patients[0]!.id) return null;
    const patient = patients[0]!;
    const ref = `Patient/${patient.id!}`;
    const [immunizations, encounters] = await Promise.all([
      this.search<Immunization>('Immunization', { patient: ref, _count: '100' }),
      this.search<Encounter>('Encounter', { patient: ref, _count: '50', _sort: '-date' }),
    ]);
    const vaccinations: Vaccination[] = immunizations.map((i) => ({
      vaccine: text(i.vaccineCode) ?? '—',
      date: vietnamDay(i.occurrenceDateTime),
      dose: i.protocolApplied?.[0]?.doseNumberPositiveInt ?? null,
      status: i.status ?? 'unknown',
      performer: i.performer?.[0]?.actor?.display ?? i.location?.display ?? null,
    }));
    const visits: Visit[] = encounters.map((e) => ({
      date: vietnamDay(e.period?.start),
      kind: text(e.type?.[0]) ?? e.class?.display ?? e.class?.code ?? '—',
      reason: text(e.reasonCode?.[0]),
      place: e.serviceProvider?.display ?? e.location?.[0]?.location?.display ?? null,
      status: e.status ?? 'unknown',
    }));
    // newest first, whatever order the server used
    const byDateDesc = (a: { date: string | null }, b: { date: string | null }) => (b.date ?? '').localeCompare(a.date ?? '');
    return {
      patient: { name: nameOf(patient), birthDate: patient.birthDate ?? null, gender: patient.gender ?? null },
      vaccinations: vaccinations.sort(byDateDesc),
      visits: visits.sort(byDateDesc),
      readAt: now.toISOString(),
    };
  }
}
