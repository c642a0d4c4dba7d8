// Enums of the procedure catalogue shared by the server and the web app (no TypeBox here).

/** Online service level (Nghị định 42/2022): toàn trình or một phần. */
export const PROCEDURE_LEVELS = ['full_online', 'partial_online'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

/** Who handles it: the applicant's commune People's Committee, or a provincial agency. */
export const PROCEDURE_TIERS = ['province', 'commune'] as const;
export type ProcedureTier = (typeof PROCEDURE_TIERS)[number];
