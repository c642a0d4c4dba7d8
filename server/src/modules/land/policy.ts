// Who may do what with land data. Reading parcels and plans is public (the replies carry no
// owner data); importing is for land officers (cán bộ địa chính) within their area. System
// administrators import with the CLI (npm run import:land), which has no area limit.
import { LAND_ABILITIES } from '@cds/contracts/land.rules';
import { allow, inArea, rulesFor, type AbilityTable, type Condition, type Scoped } from '../../platform/policy.ts';

const LAND_STAFF = ['land_officer'] as const;

export const landAbilities: AbilityTable = { [LAND_ABILITIES.import]: LAND_STAFF };

export const landRules = rulesFor<Scoped>()({
  /** write parcels of a commune (import) */
  write: [allow(LAND_STAFF, inArea)],
});

/** An import run as its rules see it: who started it. */
export interface RunSubject {
  startedBy: string;
}

const startedByThem: Condition<RunSubject> = (_grant, run, { principal }) => run.startedBy === principal.userId;

export const importRunRules = rulesFor<RunSubject>()({
  /**
   * follow a run's counts and read its report: only whoever started it. A run has no place
   * until its features are read (a file may span communes), and what the page follows is
   * the officer's own upload; a colleague's imports are in the audit trail.
   */
  follow: [allow(LAND_STAFF, startedByThem)],
});
