// Schema parts every module's contract uses: nullable values, ids, dates, pages of items
// and the one error reply.
import { Type, type Static, type TSchema } from 'typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Uuid = Type.String({ format: 'uuid' });
export const UuidParams = Type.Object({ id: Uuid });
export const DateTime = Type.String({ format: 'date-time' });
/** A calendar day, YYYY-MM-DD. */
export const Day = Type.String({ format: 'date' });
/** Reply of a route that answers 204. */
export const NoContent = Type.Null();

/** Where a page starts. Bounded: a huge offset (1e308) would reach SQL as an out-of-range bigint. */
export const PageOffset = (options: { default?: number } = {}) => Type.Integer({ minimum: 0, maximum: 1_000_000, ...options });

/** One page of a list and the number of items in the whole list. */
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

/** Every error reply: { error: { code, message, details } }. */
export const ErrorReply = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Union([Type.Array(Type.Object({ field: Type.String(), message: Type.String() })), Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  }),
});
export type ErrorReply = Static<typeof ErrorReply>;

/** `response` entries for error statuses, e.g. `{ ...errorReplies(400, 404) }`. */
export const errorReplies = (...statuses: number[]): Record<number, typeof ErrorReply> => Object.fromEntries(statuses.map((s) => [s, ErrorReply]));
