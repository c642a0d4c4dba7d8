// The Decision 766 service indicators of an area and period, from the dossiers of that
// area (the computations themselves are in indicators.ts).
import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth.ts';
import { forbidden, invalidField } from '../../platform/errors.ts';
import type { DossiersContext } from './context.ts';
import * as ind from './indicators.ts';
import * as repo from './repo.ts';

export class IndicatorService {
  private readonly db: Kysely<object>;

  constructor(private readonly c: DossiersContext) {
    this.db = c.db;
  }

  async indicators(p: Principal, q: { from: string; to: string; area?: string }) {
    if (q.to < q.from) throw invalidField('to', 'dossiers.bad_period');
    const area = q.area ?? this.c.access.defaultIndicatorArea(p);
    if (!this.c.access.mayViewIndicators(p, area)) throw forbidden('dossiers.area_forbidden');
    const period = { from: new Date(`${q.from}T00:00:00+07:00`), to: new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000) };
    const rows = [];
    for (const d of await repo.forIndicators(this.db, period.from, period.to)) {
      if (area === null || d.commune_code === area || this.c.ports.areas.isWithin(d.commune_code, area)) rows.push(d);
    }
    const [pauses, withFiles] = await Promise.all([repo.pauses(this.db, rows.map((d) => d.id)), repo.withAttachments(this.db, rows.map((d) => d.id))]);
    const records: ind.DossierRecord[] = rows.map((d) => ({
      procedureId: d.procedure_id, procedureName: d.procedure_name, channel: d.channel, submittedAt: d.submitted_at!, finishedAt: d.finished_at,
      processingDays: d.processing_days, pauses: pauses.filter((x) => x.dossier_id === d.id).map((x) => ({ from: x.started_at, to: x.ended_at })),
      moreDocsRequests: d.more_docs_requests, hasAttachments: withFiles.has(d.id), hasElectronicResult: !!d.result_file_id,
    }));
    const onTime = ind.onTimeRate(records, period, this.c.platform.calendar);
    return {
      from: q.from, to: q.to, area,
      onTimeRate: onTime,
      onlineSubmissionRate: ind.onlineSubmissionRate(records, period),
      digitisationRate: ind.digitisationRate(records, period),
      onlineProcedureShare: ind.onlineProcedureShare(await this.c.ports.procedures.countProcedures()),
      averageProcessingTime: ind.averageProcessingTime(records, period, this.c.platform.calendar),
      late: onTime.denominator - onTime.numerator,
      apologies: rows.reduce((n, d) => n + d.apologies, 0),
    };
  }
}
