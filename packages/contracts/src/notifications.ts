// Contract of the in-app notification inbox.
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, PageOffset, Uuid } from './common.ts';

export const Notice = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: DateTime,
  readAt: Nullable(DateTime),
});
export type Notice = Static<typeof Notice>;

export const InboxQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), offset: Type.Optional(PageOffset()) });
export type InboxQuery = Static<typeof InboxQuery>;

export const Inbox = Type.Object({ items: Type.Array(Notice), total: Type.Integer(), unread: Type.Integer() });
export type Inbox = Static<typeof Inbox>;

export const NoticeParams = Type.Object({ id: Uuid });

export const ReadAllReply = Type.Object({ updated: Type.Integer() });
export type ReadAllReply = Static<typeof ReadAllReply>;
