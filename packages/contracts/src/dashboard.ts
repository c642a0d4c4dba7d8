// Contract of the leaders' dashboard.
import { Type, type Static } from 'typebox';

export const CitizensQuery = Type.Object({
  area: Type.Optional(Type.String({ pattern: '^([0-9]{2}|[0-9]{5})$', description: "Province or commune code; default: the leader's area" })),
});
export type CitizensQuery = Static<typeof CitizensQuery>;

/** Registered citizens by commune and sign-ups per day in an area. */
export const CitizensReply = Type.Object({
  area: Type.Object({ code: Type.String(), name: Type.String() }),
  total: Type.Integer(),
  byCommune: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), count: Type.Integer() })),
  signupsPerDay: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), count: Type.Integer() })),
});
export type CitizensReply = Static<typeof CitizensReply>;
