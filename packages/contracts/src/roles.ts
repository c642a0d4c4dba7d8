// Roles a person may hold. A citizen role comes with every account; every other role is a
// staff membership (vai trò) tied to an agency and/or an area. Both the server's policies
// and the web app's labels read this one list.
export const ROLES = [
  'citizen', 'officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin',
  // roles of the capabilities built in the second round of work (payments, alerts, news,
  // land, market, assistant); each module's policy table says what they may do
  'finance_officer', 'alert_officer', 'news_editor', 'land_officer', 'market_officer', 'assistant_editor',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = [
  'officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin',
  'finance_officer', 'alert_officer', 'news_editor', 'land_officer', 'market_officer', 'assistant_editor',
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Roles that act for an agency (cơ quan) and so cannot be granted without one: the
 * membership's agency decides which records they work on. The others act over an area.
 */
export const AGENCY_BOUND_ROLES = [
  'officer', 'agency_admin', 'finance_officer', 'alert_officer', 'news_editor', 'land_officer',
] as const satisfies readonly StaffRole[];

/** Roles that open the staff console after sign-in (the `console.open` ability). */
export const CONSOLE_ROLES = ['officer', 'agency_admin', 'leader', 'sysadmin', 'community_helper', 'alert_officer', 'finance_officer', 'assistant_editor', 'market_officer', 'land_officer'] as const satisfies readonly Role[];
