// A report as the public sees it (no personal data, moderated photos): the base of every
// other view (the reporter's, staff's) and of the Open311 answers.
import type { Kysely } from 'kysely';
import type { CategoryCatalog } from './catalog.ts';
import type { AreasPort } from './ports.ts';
import * as repo from './repo.ts';
import { iso, isPublicPhoto, photoView, type PublicReport } from './views.ts';
import type { ReportWorkflow } from './workflow.ts';

export class ReportPresenter {
  // agency names hardly change; reports show them on every line
  private readonly agencyNames = new Map<string, string>();

  constructor(
    private readonly db: Kysely<object>,
    private readonly catalog: CategoryCatalog,
    private readonly workflow: ReportWorkflow,
    private readonly areas: Pick<AreasPort, 'commune' | 'agency'>,
  ) {}

  remember(agency: { id: string; name: string }): void {
    this.agencyNames.set(agency.id, agency.name);
  }

  async agencyName(id: string): Promise<string> {
    let name = this.agencyNames.get(id);
    if (name === undefined) {
      name = (await this.areas.agency(id))?.name ?? '';
      this.agencyNames.set(id, name);
    }
    return name;
  }

  /** `photos`: the rows' photos when the caller has read them already. */
  async publicView(rows: repo.ReportRecord[], db: Kysely<object> = this.db, photos?: repo.PhotoRow[]): Promise<PublicReport[]> {
    const cats = await this.catalog.map();
    photos ??= await repo.photos(db, rows.map((r) => r.id));
    const out: PublicReport[] = [];
    for (const r of rows) {
      const cat = cats.get(r.category_code);
      out.push({
        id: r.id, trackingCode: r.tracking_code, category: { code: r.category_code, name: cat?.name ?? r.category_code, icon: cat?.icon ?? 'help' },
        description: r.description, status: r.status, statusLabel: this.workflow.statusLabel(r.status), lat: r.lat, lon: r.lon, address: r.address,
        communeCode: r.commune_code, communeName: this.areas.commune(r.commune_code)?.name ?? '', agencyId: r.agency_id, agencyName: await this.agencyName(r.agency_id),
        supporters: r.supporters, receivedAt: iso(r.received_at)!, updatedAt: iso(r.updated_at)!, dueDate: r.due_date, resolvedAt: iso(r.resolved_at),
        publicAnswer: r.public_answer, rating: r.rating,
        photos: photos.filter((p) => p.report_id === r.id && isPublicPhoto(p)).map((p) => photoView(p, false)),
      });
    }
    return out;
  }
}
