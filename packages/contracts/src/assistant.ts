// Contract of the virtual assistant (trợ lý ảo): a turn of conversation, the rating of an
// answer, and the staff's lists of unanswered questions and their own answers (FAQ).
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, Uuid } from './common.ts';
import { ASSISTANT_INTENTS, ASSISTANT_MAX_TEXT, ASSISTANT_QUESTION_FILTERS, ASSISTANT_TEXT_PATTERN } from './assistant.rules.ts';

export const AssistantIntentSchema = Type.Enum(ASSISTANT_INTENTS);

export const MessageInput = Type.Object({
  /** Absent for the first message; the reply gives one to send with the next. */
  conversationId: Type.Optional(Uuid),
  text: Type.String({ minLength: 1, maxLength: ASSISTANT_MAX_TEXT, pattern: ASSISTANT_TEXT_PATTERN }),
}, { additionalProperties: false });
export type MessageInput = Static<typeof MessageInput>;

export const AssistantLink = Type.Object({ title: Type.String(), href: Type.String() });
export type AssistantLink = Static<typeof AssistantLink>;

/** Where the facts of an answer come from: a procedure of the catalogue, a staff answer, a dossier… */
export const AssistantSource = Type.Object({
  kind: Type.Union([Type.Literal('procedure'), Type.Literal('faq'), Type.Literal('dossier'), Type.Literal('report'), Type.Literal('agency'), Type.Literal('guide'), Type.Literal('payment'), Type.Literal('alert'), Type.Literal('news')]),
  id: Type.String(),
  title: Type.String(),
});
export type AssistantSource = Static<typeof AssistantSource>;

export const AssistantReply = Type.Object({
  text: Type.String(),
  intent: AssistantIntentSchema,
  links: Type.Array(AssistantLink),
  /** Short things the person may tap to send next. */
  suggestions: Type.Array(Type.String()),
  sources: Type.Array(AssistantSource),
});
export type AssistantReply = Static<typeof AssistantReply>;

export const MessageReply = Type.Object({
  conversationId: Uuid,
  /** The turn, to rate its answer. */
  turnId: Uuid,
  reply: AssistantReply,
});
export type MessageReply = Static<typeof MessageReply>;

export const TurnParams = Type.Object({ turnId: Uuid });
export const RatingInput = Type.Object({
  helpful: Type.Boolean(),
  /** Signed out, holding the conversation shows the answer was yours. */
  conversationId: Type.Optional(Uuid),
}, { additionalProperties: false });
export type RatingInput = Static<typeof RatingInput>;

export const QuestionsQuery = Type.Object({
  filter: Type.Optional(Type.Enum(ASSISTANT_QUESTION_FILTERS, { default: 'unanswered' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type QuestionsQuery = Static<typeof QuestionsQuery>;

/** Questions asked the same way (same folded words), grouped. */
export const QuestionGroup = Type.Object({
  key: Type.String(),
  example: Type.String(),
  count: Type.Integer(),
  lastAskedAt: DateTime,
  intent: AssistantIntentSchema,
  notHelpful: Type.Integer(),
});
export type QuestionGroup = Static<typeof QuestionGroup>;
export const QuestionGroups = Type.Object({ items: Type.Array(QuestionGroup) });
export type QuestionGroups = Static<typeof QuestionGroups>;

const LinkHref = Type.String({ minLength: 1, maxLength: 300, pattern: '^(/[^\\s]*|https://[^\\s]+)$' });

export const FaqInput = Type.Object({
  question: Type.String({ minLength: 3, maxLength: 200, pattern: ASSISTANT_TEXT_PATTERN }),
  /** Other ways people ask it (typed any way: folded when stored). */
  phrasings: Type.Array(Type.String({ minLength: 2, maxLength: 200, pattern: ASSISTANT_TEXT_PATTERN }), { maxItems: 20 }),
  answer: Type.String({ minLength: 3, maxLength: 2000 }),
  linkTitle: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  linkHref: Type.Optional(Nullable(LinkHref)),
  /** Question groups this answers (their key), taken off the unanswered list. */
  resolves: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 })),
}, { additionalProperties: false });
export type FaqInput = Static<typeof FaqInput>;

export const Faq = Type.Object({
  id: Uuid,
  question: Type.String(),
  phrasings: Type.Array(Type.String()),
  answer: Type.String(),
  linkTitle: Nullable(Type.String()),
  linkHref: Nullable(Type.String()),
  updatedAt: DateTime,
});
export type Faq = Static<typeof Faq>;
export const FaqList = Type.Object({ items: Type.Array(Faq) });
export type FaqList = Static<typeof FaqList>;
export const FaqParams = Type.Object({ id: Uuid });
