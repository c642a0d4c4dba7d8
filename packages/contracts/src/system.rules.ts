// The faces of the platform (no TypeBox here): which part of the app shows a capability.
export const FACES = ['citizen', 'staff', 'leader'] as const;
export type Face = (typeof FACES)[number];
