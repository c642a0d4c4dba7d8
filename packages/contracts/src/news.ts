// Contract of official news and announcements: editors' drafts and reviews, citizens'
// reading, followed topics and uploaded files. Feeds (RSS 2.0, Atom) are XML, described here
// only by their query.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, PageOffset, Uuid } from './common.ts';
import { NEWS_ACTIONS, NEWS_CHANGES, NEWS_KINDS, NEWS_STATUSES, NEWS_TOPICS } from './news.rules.ts';

export const NewsTopicSchema = Type.Enum(NEWS_TOPICS);
export const NewsKindSchema = Type.Enum(NEWS_KINDS);
export const NewsStatusSchema = Type.Enum(NEWS_STATUSES);
export const NewsActionSchema = Type.Enum(NEWS_ACTIONS);
export const NewsChangeSchema = Type.Enum(NEWS_CHANGES);

const CommuneCode = Type.String({ pattern: '^[0-9]{5}$' });

/** One language version of an item. */
export const NewsText = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 200 }),
  summary: Type.String({ maxLength: 500 }),
  body: Type.String({ minLength: 1, maxLength: 20000 }),
});
export type NewsText = Static<typeof NewsText>;

/** Vietnamese first and required; English optional. */
export const NewsTexts = Type.Object({ vi: NewsText, en: Type.Optional(NewsText) }, { additionalProperties: false });
export type NewsTexts = Static<typeof NewsTexts>;

const Topics = Type.Array(NewsTopicSchema, { minItems: 1, maxItems: 4, uniqueItems: true });

/** A new draft. `targetCommunes` empty = the agency's whole province. */
export const NewsInput = Type.Object({
  kind: NewsKindSchema,
  texts: NewsTexts,
  topics: Topics,
  targetCommunes: Type.Array(CommuneCode, { maxItems: 100, uniqueItems: true }),
  coverFileId: Type.Optional(Nullable(Uuid)),
  attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
  /** When to publish once approved; null or past = at approval. */
  publishAt: Type.Optional(Nullable(DateTime)),
  /** The agency to write for, when the editor works for several. */
  agencyId: Type.Optional(Uuid),
}, { additionalProperties: false });
export type NewsInput = Static<typeof NewsInput>;

/** An edit: any part of the draft; for published news `change` says whether followers are told again. */
export const NewsEdit = Type.Object({
  kind: Type.Optional(NewsKindSchema),
  texts: Type.Optional(NewsTexts),
  topics: Type.Optional(Topics),
  targetCommunes: Type.Optional(Type.Array(CommuneCode, { maxItems: 100, uniqueItems: true })),
  coverFileId: Type.Optional(Nullable(Uuid)),
  attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
  publishAt: Type.Optional(Nullable(DateTime)),
  change: Type.Optional(NewsChangeSchema),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type NewsEdit = Static<typeof NewsEdit>;

export const NewsNote = Type.Object({ note: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false });
export type NewsNote = Static<typeof NewsNote>;

export const NewsFileUpload = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  contentBase64: Type.String({ minLength: 4 }),
}, { additionalProperties: false });
export type NewsFileUpload = Static<typeof NewsFileUpload>;

export const NewsFile = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('image'), Type.Literal('pdf')]),
  name: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
});
export type NewsFile = Static<typeof NewsFile>;

/** An item in a list (home screen, news page). */
export const NewsSummary = Type.Object({
  id: Uuid,
  kind: NewsKindSchema,
  title: Type.String(),
  summary: Type.String(),
  topics: Type.Array(NewsTopicSchema),
  /** "Toàn tỉnh Lạng Sơn" or the communes' names. */
  areaLabel: Type.String(),
  targetCommunes: Type.Array(Type.String()),
  agencyName: Type.String(),
  publishedAt: Nullable(DateTime),
  coverUrl: Nullable(Type.String()),
});
export type NewsSummary = Static<typeof NewsSummary>;

export const NewsList = Type.Object({ items: Type.Array(NewsSummary), total: Type.Integer() });
export type NewsList = Static<typeof NewsList>;

/** The public page of an item. */
export const NewsArticle = Type.Object({
  ...NewsSummary.properties,
  body: Type.String(),
  /** The language shown (English when asked for and written, else Vietnamese). */
  lang: Type.String(),
  languages: Type.Array(Type.String()),
  status: NewsStatusSchema,
  attachments: Type.Array(NewsFile),
  version: Type.Integer(),
  updatedAt: DateTime,
  /** When the last major update was made, for the "updated" line. */
  majorUpdateAt: Nullable(DateTime),
  withdrawnAt: Nullable(DateTime),
  withdrawnReason: Nullable(Type.String()),
});
export type NewsArticle = Static<typeof NewsArticle>;

export const NewsListQuery = Type.Object({
  topic: Type.Optional(NewsTopicSchema),
  /** Whose news: a commune code; by default the signed-in person's home commune. */
  commune: Type.Optional(CommuneCode),
  /** Only the topics the signed-in person follows. */
  followed: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  offset: Type.Optional(PageOffset()),
}, { additionalProperties: false });
export type NewsListQuery = Static<typeof NewsListQuery>;

export const FeedQuery = Type.Object({
  /** A province (2 digits) or a commune (5 digits); the province by default. */
  area: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' })),
  topic: Type.Optional(NewsTopicSchema),
}, { additionalProperties: false });
export type FeedQuery = Static<typeof FeedQuery>;

export const FollowedTopics = Type.Object({ topics: Type.Array(NewsTopicSchema, { maxItems: NEWS_TOPICS.length, uniqueItems: true }) }, { additionalProperties: false });
export type FollowedTopics = Static<typeof FollowedTopics>;

export const NewsRevision = Type.Object({
  version: Type.Integer(),
  change: Type.String(),
  note: Nullable(Type.String()),
  editorName: Type.String(),
  at: DateTime,
  /** The title at that point (content-changing entries only). */
  title: Nullable(Type.String()),
});
export type NewsRevision = Static<typeof NewsRevision>;

/** The editors' view of an item: every language, workflow fields, history and what the caller may do. */
export const EditorNewsItem = Type.Object({
  id: Uuid,
  kind: NewsKindSchema,
  status: NewsStatusSchema,
  texts: NewsTexts,
  topics: Type.Array(NewsTopicSchema),
  targetCommunes: Type.Array(Type.String()),
  areaLabel: Type.String(),
  agencyId: Uuid,
  agencyName: Type.String(),
  cover: Nullable(NewsFile),
  attachments: Type.Array(NewsFile),
  publishAt: Nullable(DateTime),
  publishedAt: Nullable(DateTime),
  version: Type.Integer(),
  authorName: Type.String(),
  reviewNote: Nullable(Type.String()),
  withdrawnReason: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
  actions: Type.Array(NewsActionSchema),
  /** A major update of the published item waiting for a second editor (citizens still read the published texts). */
  pendingUpdate: Nullable(Type.Object({ texts: NewsTexts, editorName: Type.String(), note: Nullable(Type.String()), at: DateTime })),
  revisions: Type.Array(NewsRevision),
});
export type EditorNewsItem = Static<typeof EditorNewsItem>;

export const EditorListQuery = Type.Object({
  status: Type.Optional(NewsStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(PageOffset()),
}, { additionalProperties: false });
export type EditorListQuery = Static<typeof EditorListQuery>;

export const EditorListItem = Type.Object({
  id: Uuid,
  kind: NewsKindSchema,
  status: NewsStatusSchema,
  title: Type.String(),
  areaLabel: Type.String(),
  authorName: Type.String(),
  updatedAt: DateTime,
  publishedAt: Nullable(DateTime),
  /** Whether the caller may approve it (another editor's draft under review). */
  canReview: Type.Boolean(),
  /** A published item with a major update waiting for review. */
  pendingUpdate: Type.Boolean(),
});
export type EditorListItem = Static<typeof EditorListItem>;

export const EditorList = Type.Object({ items: Type.Array(EditorListItem), total: Type.Integer() });
export type EditorList = Static<typeof EditorList>;

export const NewsIdParams = Type.Object({ id: Uuid });
export const NewsFileParams = Type.Object({ fileId: Uuid });

/** The bytes of a cover image (JPEG) or an attachment (PDF). */
export const NewsFileBytes = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'JPEG image or PDF file' });
