// Abilities: what the signed-in person may do, as the server computes it from their roles
// and memberships (GET /api/me → `abilities`). The web app shows sections and buttons by
// ability, never by role lists of its own. Decisions about one record (this report, this
// dossier) stay on the server and come with the record (e.g. a report's `actions`).
//
// An ability is named `<module>.<action>`. Each module declares its own abilities next to
// its schemas; these are the ones of the platform and the modules that exist today.
export type Ability = `${string}.${string}`;

export const CORE_ABILITIES = {
  /** May open the staff console at /staff. */
  openConsole: 'console.open',
  /** Users, memberships and the audit trail (system administrators). */
  manageUsers: 'identity.manage_users',
  /** The staff inbox of citizen reports. */
  workReports: 'reports.work',
  /** Report categories and reply templates. */
  configureReports: 'reports.configure',
  /** The dossier queue: receive and process applications. */
  processDossiers: 'dossiers.process',
  /** Read a dossier in the staff console (handlers, leaders, sysadmins). */
  readDossiersAsStaff: 'dossiers.read_staff',
  /** The leaders' dashboard at /leader. */
  viewDashboard: 'dashboard.view',
  /** Decision 766 service indicators. */
  viewIndicators: 'dossiers.view_indicators',
} as const satisfies Record<string, Ability>;
