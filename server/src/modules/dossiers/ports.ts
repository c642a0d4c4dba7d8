// What the dossiers module needs from other modules, narrowed to the calls it makes.
// index.ts wires them to the procedures, areas and identity modules' public APIs.
import type { Kysely } from 'kysely';
import type { FormSchema } from '../procedures/index.ts';

export interface ProcedureInfo {
  id: string;
  code: string;
  name: string;
  tier: 'province' | 'commune';
  agencyCode: string | null;
  /** Working days; may be fractional in the catalogue (half a day), counted up. */
  processingDays: number;
  fees: { name: string; amountVnd: number }[];
  requiredDocuments: { key: string; name: string; required: boolean }[];
  formSchema: FormSchema;
}

export interface ProcedurePort {
  getProcedure(id: string): Promise<ProcedureInfo | null>;
  resolveAgency(procedure: ProcedureInfo, communeCode: string): Promise<{ agencyId: string } | null>;
  validateForm(procedure: ProcedureInfo, data: Record<string, unknown>): { field: string; message: string; params?: Record<string, string | number> }[];
  countProcedures(): Promise<{ total: number; online: number }>;
}

export interface AgencyInfo {
  id: string;
  code: string;
  name: string;
  areaCode: string;
  electronicId?: string | null;
}

export interface AreaPort {
  getAgency(id: string): Promise<AgencyInfo | null>;
  /** Whether a commune (or province) code lies within a scope (province or commune code; null = everywhere). */
  isWithin(code: string, scope: string | null): boolean;
  communeName(code: string): Promise<string | null>;
}

export interface PersonInfo {
  fullName: string;
  phone: string;
}

export interface PeoplePort {
  /** Name and phone of a user, or null when unknown. */
  person(userId: string): Promise<PersonInfo | null>;
}

export interface Notifier {
  notify(n: { userId: string; kind: string; title: string; body: string; link?: string | null; dedupeKey?: string | null }, trx?: Kysely<object>): Promise<void>;
}

export interface Ports {
  procedures: ProcedurePort;
  areas: AreaPort;
  people: PeoplePort;
  notifier: Notifier | null;
}
