// Procedures: the catalogue of administrative procedures (thủ tục hành chính) a citizen
// can look up and apply for, with search that understands everyday Vietnamese.
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import { validateFormData, type FormProblem, type FormSchema } from '@cds/contracts';
import { messages } from './messages.ts';
import { proceduresRoutes } from './routes.ts';
import { ProceduresService, type Procedure } from './service.ts';

export type { Procedure, FormSchema, FormProblem };
// the catalogue's query rules (folding, abbreviations, filler words), so other modules that
// read what people type (the assistant) meet the catalogue on the same words
export { expandSynonyms, prepareQuery } from './search.ts';
export type { FormField } from '@cds/contracts';

export interface ProceduresApi {
  /** A procedure in full (form schema, days, fees, documents, tier, level, agencyCode), by id or code. */
  getProcedure(idOrCode: string): Promise<Procedure | null>;
  /**
   * The agency that handles an application from a commune: commune tier → that commune's
   * People's Committee; province tier → the agency with the procedure's agencyCode.
   * Null when there is none (unknown commune, or a procedure handled on another portal).
   */
  resolveAgency(procedure: Pick<Procedure, 'tier' | 'agencyCode'>, communeCode: string): Promise<{ agencyId: string } | null>;
  /**
   * Checks submitted answers against the procedure's form. Each problem names the field;
   * `message` is a `validation.*` message key and `params` fill it in (pass the list as
   * the details of an AppError 400 'validation' and the platform translates it).
   */
  validateForm(procedure: Pick<Procedure, 'formSchema'>, data: Record<string, unknown>): FormProblem[];
  /** For the indicators: all procedures, and those accepting applications online here. */
  countProcedures(): Promise<{ total: number; online: number }>;
  /** Procedures of a tier or of one agency (by code), for the directory's agency page. */
  listProcedures(filter: { tier?: 'commune' | 'province'; agency?: string; limit: number }): Promise<{ items: { id: string; code: string; name: string }[]; total: number }>;
  /** Every procedure in full (the assistant indexes the catalogue in memory). */
  allProcedures(): Promise<Procedure[]>;
}

export const proceduresModule: ModuleDefinition<ProceduresApi> = {
  name: 'procedures',
  migrations: new URL('./migrations/', import.meta.url),
  create(platform) {
    const areas = platform.use(areasModule);
    const service = new ProceduresService(platform, areas);
    const api: ProceduresApi = {
      getProcedure: (id) => service.get(id),
      resolveAgency: async (procedure, communeCode) => {
        const agency = procedure.tier === 'commune'
          ? await areas.agencyForCommune(communeCode)
          : procedure.agencyCode ? await areas.getAgencyByCode(procedure.agencyCode) : undefined;
        return agency ? { agencyId: agency.id } : null;
      },
      validateForm: (procedure, data) => validateFormData(procedure.formSchema, data),
      countProcedures: () => service.counts(),
      listProcedures: async ({ limit, ...filter }) => {
        const { items, total } = await service.search({ ...filter, limit }, 'vi');
        return { items: items.map((p) => ({ id: p.id, code: p.code, name: p.name })), total };
      },
      allProcedures: () => service.all(),
    };
    // other processes' edits (and this one's, again: harmless) reach the search index through NOTIFY
    const onEvent = (event: { type?: unknown }) => {
      if (typeof event.type === 'string' && event.type.startsWith('procedure.')) service.catalogue.invalidate();
    };
    platform.events.live.on('event', onEvent);
    return {
      api,
      messages,
      stop: async () => {
        platform.events.live.off('event', onEvent);
        await service.catalogue.stop();
      },
      routes: (app) => proceduresRoutes(app, service),
      seed: () => service.seed(),
      features: [{ key: 'procedures', face: 'citizen' }],
    };
  },
};
