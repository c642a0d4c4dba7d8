// Who may do what with an emergency alert. The provincial disaster-prevention command's
// alert officers (cán bộ cảnh báo) draft; an Actual alert goes out only after a second
// person — a leader whose area covers the alert's area — approves it. Exercises and tests
// the officer may send alone (they reach only people who opted in).
import type { Ability } from '@cds/contracts';
import type { IssuableStatus } from '@cds/contracts/alerts.rules';
import { allow, areaCovers, ROLE_SETS, rulesFor, type AbilityTable, type Condition } from '../../platform/policy.ts';

export const ALERT_ABILITIES = {
  /** Draft alerts, follow them up (update, cancel), see the delivery report. */
  draft: 'alerts.draft',
  /** The alerts console: list, read the report and the answers. */
  manage: 'alerts.manage',
} as const satisfies Record<string, Ability>;

export const alertAbilities: AbilityTable = {
  [ALERT_ABILITIES.draft]: ['alert_officer'],
  [ALERT_ABILITIES.manage]: ['alert_officer', 'leader', 'sysadmin'],
};

/** What the rules look at. */
export interface AlertSubject {
  communes: readonly string[];
  status: IssuableStatus;
  createdBy: string;
}

/** The grant's area covers every commune of the alert. */
const coversArea: Condition<AlertSubject> = (grant, a, { areas }) => a.communes.length > 0 && a.communes.every((c) => areaCovers(grant, c, areas));
/** The person did not draft it (the second pair of eyes). */
const notTheDrafter: Condition<AlertSubject> = (_grant, a, { principal }) => a.createdBy !== principal.userId;
const notActual: Condition<AlertSubject> = (_grant, a) => a.status !== 'Actual';
const both =
  <R>(...cs: Condition<R>[]): Condition<R> =>
  (g, r, ctx) =>
    cs.every((c) => c(g, r, ctx));

export const alertRules = rulesFor<AlertSubject>()({
  draft: [allow(['alert_officer'], coversArea)],
  send: [allow(['leader'], both(coversArea, notTheDrafter)), allow(['alert_officer'], both(coversArea, notActual))],
  reject: [allow(['leader'], both(coversArea, notTheDrafter))],
  followUp: [allow(['alert_officer'], coversArea)],
  read_staff: [allow(['alert_officer', 'leader'], coversArea), allow(ROLE_SETS.sysadmins)],
});
export type AlertAction = keyof typeof alertRules;
