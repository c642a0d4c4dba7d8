// Rules of the procedures catalogue: seeding from the province pack, search, detail,
// admin edits (validated, audited, announced), and what other modules need.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { AppError, conflict, forbidden, notFound, type FieldProblem } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import type { Platform } from '../../platform/module.ts';
import type { AreasApi } from '../areas/index.ts';
import { checkFormSchema, type FormProblem } from '@cds/contracts';
import { LIFE_EVENTS } from './messages.ts';
import { adminAgencyIds, canManage, type AgencyRef } from './policy.ts';
import { ProceduresRepo, type Fee, type ProcedureDetailRow, type ProcedureValues, type SearchRow } from './repo.ts';
import type { Procedure, ProcedureInput, SearchItem, SearchQuery } from '@cds/contracts/procedures';
import { prepareQuery, searchDocument } from './search.ts';
import { SearchCatalogue } from './search-catalogue.ts';

export type { Procedure };

const PACK_FILE = 'procedures/procedures.json';
const TEMPLATE_DIR = 'procedures/templates';
export const DEFAULT_LIMIT = 20;

const money = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** "Miễn phí", "2.000 đồng" or "Từ 50.000 đồng" (the smallest fee that is charged). */
export function feeSummary(fees: Fee[], locale: Locale = 'vi'): string {
  const charged = [...new Set(fees.map((f) => f.amountVnd).filter((a) => a > 0))].sort((a, b) => a - b);
  if (charged.length === 0) return translate(locale, 'procedures.fee.free');
  return translate(locale, charged.length === 1 ? 'procedures.fee.one' : 'procedures.fee.from', { amount: money(charged[0]!) });
}

const validation = (problems: FormProblem[]) => new AppError(400, 'validation', {}, problems as FieldProblem[]);

export class ProceduresService {
  readonly repo: ProceduresRepo;
  /** The search, in process; `repo.search` is the SQL it answers like. */
  readonly catalogue: SearchCatalogue;
  private readonly templateDir: string;

  constructor(private readonly platform: Platform, private readonly areas: AreasApi) {
    this.repo = new ProceduresRepo(platform.db);
    this.catalogue = new SearchCatalogue(this.repo, platform.log);
    this.templateDir = path.join(platform.pack.dir, TEMPLATE_DIR);
  }

  /** Loads the pack's catalogue; rows an admin edited here are left as they are. */
  async seed(): Promise<void> {
    if (!fs.existsSync(path.join(this.platform.pack.dir, PACK_FILE))) return;
    const { procedures } = this.platform.pack.readJson<{ procedures: ProcedureInput[] }>(PACK_FILE);
    for (const p of procedures) {
      const problems = this.checkInput(p);
      if (problems.length) throw new Error(`pack procedure ${p.code}: ${JSON.stringify(problems)}`);
    }
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      const known = await this.repo.packHashes(trx);
      for (const p of procedures) {
        const hash = createHash('sha256').update(JSON.stringify(p)).digest('hex');
        if (known.get(p.code)?.hash === hash) continue;
        await this.repo.upsertFromPack({ ...toValues(p), source: 'pack', pack_hash: hash }, trx);
      }
    });
    this.catalogue.invalidate();
  }

  async search(query: SearchQuery, locale: Locale): Promise<{ items: SearchItem[]; total: number }> {
    const prepared = query.q?.trim() ? prepareQuery(query.q) : null;
    const hasWords = prepared && prepared.text.length > 0;
    const { rows, total } = await this.catalogue.search(hasWords ? prepared : null, query, query.limit ?? DEFAULT_LIMIT, query.offset ?? 0);
    return { items: rows.map((r) => toItem(r, locale)), total };
  }

  async get(idOrCode: string, locale: Locale = 'vi'): Promise<Procedure | null> {
    const row = await this.repo.find(idOrCode);
    return row ? toProcedure(row, locale) : null;
  }

  async require(idOrCode: string, locale: Locale = 'vi'): Promise<Procedure> {
    const p = await this.get(idOrCode, locale);
    if (!p) throw notFound('procedures.not_found');
    return p;
  }

  /** Absolute path of a document's template file, or a 404. */
  async templateFile(idOrCode: string, key: string): Promise<{ file: string; name: string }> {
    const p = await this.require(idOrCode);
    const doc = p.requiredDocuments.find((d) => d.key === key);
    const file = doc?.template ? path.join(this.templateDir, doc.template) : null;
    if (!doc?.template || !file || !fs.existsSync(file)) throw notFound('procedures.template_not_found');
    return { file, name: doc.template };
  }

  async lifeEvents(locale: Locale): Promise<{ key: string; name: string; count: number }[]> {
    const counts = await this.repo.lifeEventCounts();
    return counts.map((c) => ({ key: c.key, name: translate(locale, `procedures.life.${c.key}`), count: c.count }));
  }

  sectors(): Promise<{ name: string; count: number }[]> {
    return this.repo.sectorCounts();
  }

  async all(locale: Locale = 'vi'): Promise<Procedure[]> {
    return (await this.repo.all()).map((r) => toProcedure(r, locale));
  }

  counts(): Promise<{ total: number; online: number }> {
    return this.repo.counts();
  }

  async create(principal: Principal, input: ProcedureInput, ip: string | undefined): Promise<Procedure> {
    await this.authorize(principal, input);
    await this.validate(input, null);
    const id = await this.platform.db.kysely.transaction().execute(async (trx) => {
      const newId = await this.repo.insert({ ...toValues(input), source: 'admin', pack_hash: null }, trx);
      await this.record(trx as Kysely<object>, principal, 'procedure.created', newId, input.code, ip);
      return newId;
    });
    this.catalogue.invalidate();
    return this.require(id);
  }

  async update(principal: Principal, id: string, input: ProcedureInput, ip: string | undefined): Promise<Procedure> {
    const current = await this.require(id);
    await this.authorize(principal, current);
    await this.authorize(principal, input);
    await this.validate(input, id);
    await this.platform.db.kysely.transaction().execute(async (trx) => {
      await this.repo.update(id, { ...toValues(input), source: 'admin', pack_hash: null }, trx);
      await this.record(trx as Kysely<object>, principal, 'procedure.updated', id, input.code, ip);
    });
    this.catalogue.invalidate();
    return this.require(id);
  }

  private async record(trx: Kysely<object>, principal: Principal, type: string, id: string, code: string, ip: string | undefined): Promise<void> {
    await this.platform.audit.record({ actorUserId: principal.userId, action: type, subjectType: 'procedure', subjectId: id, ip, details: { code } }, trx);
    await this.platform.events.publish(trx, type, id, { code });
  }

  private async authorize(principal: Principal, p: { tier: 'province' | 'commune'; agencyCode: string | null }): Promise<void> {
    const agencies: AgencyRef[] = [];
    for (const agencyId of adminAgencyIds(principal)) {
      const a = await this.areas.getAgency(agencyId);
      if (a) agencies.push({ code: a.code, kind: a.kind });
    }
    if (!canManage(principal, p, agencies)) throw forbidden();
  }

  /** Rules a schema cannot express: the form schema subset, agencies, templates, unique keys. */
  private async validate(input: ProcedureInput, exceptId: string | null): Promise<void> {
    const problems = this.checkInput(input);
    if (input.agencyCode && !(await this.areas.getAgencyByCode(input.agencyCode))) {
      problems.push({ field: 'agencyCode', message: 'procedures.agency_unknown' });
    }
    if (problems.length) throw validation(problems);
    if (await this.repo.codeTaken(input.code, exceptId)) throw conflict('procedures.code_taken', { code: input.code });
  }

  private checkInput(input: ProcedureInput): FormProblem[] {
    const problems = checkFormSchema(input.formSchema);
    if (input.tier === 'commune' && input.agencyCode) problems.push({ field: 'agencyCode', message: 'procedures.agency_commune' });
    if (input.tier === 'province' && !input.agencyCode && input.online) problems.push({ field: 'agencyCode', message: 'procedures.agency_required' });
    const keys = new Set<string>();
    input.requiredDocuments.forEach((d, i) => {
      if (keys.has(d.key)) problems.push({ field: `requiredDocuments.${i}.key`, message: 'procedures.document_key_repeated' });
      keys.add(d.key);
      if (d.template && !fs.existsSync(path.join(this.templateDir, d.template))) {
        problems.push({ field: `requiredDocuments.${i}.template`, message: 'procedures.template_missing' });
      }
    });
    input.lifeEvents.forEach((e, i) => {
      if (!(e in LIFE_EVENTS)) problems.push({ field: `lifeEvents.${i}`, message: 'procedures.life_event_unknown' });
    });
    return problems;
  }
}

/** Row values of a procedure, with its folded search document. */
export function toValues(p: ProcedureInput): Omit<ProcedureValues, 'source' | 'pack_hash'> {
  return {
    code: p.code,
    name: p.name,
    sector: p.sector,
    level: p.level,
    tier: p.tier,
    agency_code: p.agencyCode,
    agency_label: p.agencyLabel,
    processing_days: p.processingDays,
    processing_note: p.processingNote,
    fees: JSON.stringify(p.fees),
    required_documents: JSON.stringify(p.requiredDocuments),
    applicants: p.applicants,
    legal_basis: JSON.stringify(p.legalBasis),
    steps: JSON.stringify(p.steps),
    result: p.result,
    form_schema: JSON.stringify(p.formSchema),
    life_events: p.lifeEvents,
    keywords: p.keywords,
    essential: p.essential,
    online: p.online,
    external_url: p.externalUrl,
    ...searchDocument(p),
  };
}

function toItem(r: Omit<SearchRow, 'score'>, locale: Locale): SearchItem {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    sector: r.sector,
    level: r.level,
    tier: r.tier,
    agencyCode: r.agency_code,
    agencyLabel: r.agency_label,
    processingDays: r.processing_days,
    processingNote: r.processing_note,
    feeSummary: feeSummary(r.fees, locale),
    essential: r.essential,
    online: r.online,
    lifeEvents: r.life_events,
  };
}

function toProcedure(r: ProcedureDetailRow, locale: Locale): Procedure {
  return {
    ...toItem(r, locale),
    fees: r.fees,
    requiredDocuments: r.required_documents.map((d) => ({
      ...d,
      templateUrl: d.template ? `/api/procedures/${r.id}/templates/${d.key}` : null,
    })),
    applicants: r.applicants,
    legalBasis: r.legal_basis,
    steps: r.steps,
    result: r.result,
    formSchema: r.form_schema,
    keywords: r.keywords,
    externalUrl: r.external_url,
    source: r.source,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
