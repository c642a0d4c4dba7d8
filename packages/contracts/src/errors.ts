import { Type, type Static } from 'typebox';

/** Every error reply: { error: { code, message, details } }. */
export const ErrorReply = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Union([Type.Array(Type.Object({ field: Type.String(), message: Type.String() })), Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  }),
});
export type ErrorReply = Static<typeof ErrorReply>;
