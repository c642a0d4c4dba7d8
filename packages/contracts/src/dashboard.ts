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

/** One row of the work figures: reports open now, open past the due date, resolved, resolved by the due date. */
const WorkCounts = {
  open: Type.Integer(),
  overdue: Type.Integer(),
  resolved: Type.Integer(),
  onTime: Type.Integer(),
};

/** The work in an area, as leaders open the dashboard for: reports by agency and commune, satisfaction, the trend. */
export const WorkReply = Type.Object({
  area: Type.Object({ code: Type.String(), name: Type.String() }),
  reports: Type.Object({
    ...WorkCounts,
    /** Resolved by the due date, of all resolved (0–1), or null before any is resolved. */
    onTimeRate: Type.Union([Type.Number(), Type.Null()]),
    /** Average rating in stars (1–5), or null before any rating. */
    satisfaction: Type.Union([Type.Number(), Type.Null()]),
    rated: Type.Integer(),
  }),
  byAgency: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), ...WorkCounts })),
  byCommune: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...WorkCounts })),
  /** Reports received and resolved per week (the week's Monday), the last 12 weeks, oldest first. */
  trend: Type.Array(Type.Object({ week: Type.String({ format: 'date' }), received: Type.Integer(), resolved: Type.Integer() })),
});
export type WorkReply = Static<typeof WorkReply>;
