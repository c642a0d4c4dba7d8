// Enums of places and agencies shared by the server and the web app (no TypeBox here).

/** Commune-level units since 1 July 2025: xã, phường, đặc khu. */
export const COMMUNE_TYPES = ['commune', 'ward', 'special'] as const;
export type CommuneType = (typeof COMMUNE_TYPES)[number];

export const AGENCY_KINDS = ['province_committee', 'department', 'police', 'inspectorate', 'office', 'service_center', 'commune_committee', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
