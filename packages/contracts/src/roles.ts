// Roles a person may hold. A citizen role comes with every account; every other role is a
// staff membership (vai trò) tied to an agency and/or an area. Both the server's policies
// and the web app's labels read this one list.
export const ROLES = ['citizen', 'officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that open the staff console after sign-in (the `console.open` ability). */
export const CONSOLE_ROLES = ['officer', 'agency_admin', 'leader', 'sysadmin', 'community_helper'] as const satisfies readonly Role[];
