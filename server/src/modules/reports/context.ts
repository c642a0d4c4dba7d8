// What the parts of the reports module are built from. index.ts makes each once; the
// citizen service, the staff service and the jobs each take only the ones they use.
import type { Kysely } from 'kysely';
import type { Platform } from '../../platform/module.ts';
import type { Policy } from '../../platform/policy.ts';
import type { CategoryCatalog } from './catalog.ts';
import type { ReportPermission, ReportSubject } from './policy.ts';
import type { AreasPort, NotifyPort, PeoplePort } from './ports.ts';
import type { ReportPresenter } from './presenter.ts';
import type { ReportTimeline } from './timeline.ts';
import type { ReportWorkflow } from './workflow.ts';

export interface ReportsContext {
  db: Kysely<object>;
  /** Public list and map reads: the read replica when there is one (a moment's lag is harmless there). */
  publicDb: Kysely<object>;
  platform: Pick<Platform, 'calendar' | 'files' | 'audit' | 'events' | 'pack'>;
  workflow: ReportWorkflow;
  catalog: CategoryCatalog;
  presenter: ReportPresenter;
  timeline: ReportTimeline;
  policy: Policy<ReportSubject, ReportPermission>;
  areas: AreasPort;
  people: PeoplePort;
  notifier: NotifyPort;
}
