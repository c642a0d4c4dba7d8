// HTTP of the news module: citizens' lists, pages, followed topics and feeds; the editors'
// desk (drafts, review, publishing, withdrawal) and file uploads.
import { Type } from 'typebox';
import { ErrorReply, errorReplies } from '@cds/contracts/common';
import * as S from '@cds/contracts/news';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { unauthorized } from '../../platform/errors.ts';
import { localeFrom } from '../../platform/i18n.ts';
import type { App } from '../../platform/module.ts';
import { MAX_FILE_BYTES, type NewsService } from './service.ts';

const tags = ['news'];
const editorTags = ['news', 'editors'];
const edit = policy.ability('news.edit');
const work = { 200: S.EditorNewsItem, ...errorReplies(400, 401, 403, 404, 409) };

export function newsRoutes(app: App, service: NewsService): void {
  const lang = (h: string | undefined) => localeFrom(h);

  // ---------------------------------------------------------------- citizens (public)

  app.get('/api/news', {
    config: { policy: policy.public },
    schema: {
      tags,
      summary: 'News for a place, newest first: the signed-in person\'s commune (or ?commune=) and the whole province',
      querystring: S.NewsListQuery,
      response: { 200: S.NewsList, 400: ErrorReply },
    },
  }, async (request) => service.list(request.principal, request.query, lang(request.headers['accept-language'])));

  app.get('/api/news/topics', {
    config: { policy: policy.public },
    schema: { tags, summary: 'The topics news is filed under', response: { 200: S.FollowedTopics } },
  }, async () => service.topics());

  const feed = (format: 'rss' | 'atom') => app.get(`/api/news/feed.${format}`, {
    config: { policy: policy.public },
    schema: {
      tags,
      summary: format === 'rss' ? 'RSS 2.0 feed of an area\'s news, optionally of one topic' : 'Atom 1.0 feed of an area\'s news, optionally of one topic',
      querystring: S.FeedQuery,
      response: { 200: Type.String({ description: 'XML document' }), 400: ErrorReply },
    },
  }, async (request, reply) => {
    const xml = await service.feed(format, request.query, lang(request.headers['accept-language']));
    return reply
      .header('content-type', `${format === 'rss' ? 'application/rss+xml' : 'application/atom+xml'}; charset=utf-8`)
      .header('cache-control', 'public, max-age=300')
      .send(xml);
  });
  feed('rss');
  feed('atom');

  app.get('/api/news/files/:fileId', {
    config: { policy: policy.public },
    schema: { tags, summary: 'A cover image (JPEG) or an attachment (PDF) of news', params: S.NewsFileParams, response: { 200: S.NewsFileBytes, ...errorReplies(400, 404) } },
  }, async (request, reply) => {
    const f = await service.file(request.principal, request.params.fileId);
    return reply
      .header('content-type', f.mime)
      .header('content-disposition', `${f.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('cache-control', 'private, max-age=86400')
      .send(f.bytes);
  });

  app.get('/api/news/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'One published item (a withdrawn one too, with its reason)', params: S.NewsIdParams, response: { 200: S.NewsArticle, ...errorReplies(400, 404) } },
  }, async (request) => service.article(request.params.id, lang(request.headers['accept-language'])));

  // ---------------------------------------------------------------- citizens (signed in)

  app.get('/api/me/news/topics', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'The topics I follow', response: { 200: S.FollowedTopics, 401: ErrorReply } },
  }, async (request) => service.followed(requirePrincipal(request).userId));

  app.put('/api/me/news/topics', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Follow exactly these topics (new items and major updates come to my inbox)', body: S.FollowedTopics, response: { 200: S.FollowedTopics, ...errorReplies(400, 401) } },
  }, async (request) => service.follow(requirePrincipal(request).userId, request.body.topics));

  // ---------------------------------------------------------------- editors

  app.get('/api/news-desk/items', {
    config: { policy: edit },
    schema: { tags: editorTags, summary: 'Items of my agencies, last changed first', querystring: S.EditorListQuery, response: { 200: S.EditorList, ...errorReplies(400, 401, 403) } },
  }, async (request) => service.editorList(requirePrincipal(request), request.query, lang(request.headers['accept-language'])));

  app.post('/api/news-desk/items', {
    config: { policy: edit },
    schema: { tags: editorTags, summary: 'Write a draft', body: S.NewsInput, response: { 201: S.EditorNewsItem, ...errorReplies(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(await service.create(requirePrincipal(request), request.body)));

  app.get('/api/news-desk/items/:id', {
    config: { policy: edit },
    schema: { tags: editorTags, summary: 'An item with every language, its history and what I may do', params: S.NewsIdParams, response: work },
  }, async (request) => service.editorItem(requirePrincipal(request), request.params.id, lang(request.headers['accept-language'])));

  app.patch('/api/news-desk/items/:id', {
    config: { policy: edit },
    schema: { tags: editorTags, summary: 'Edit a draft, or a published item as a major update or a minor correction', params: S.NewsIdParams, body: S.NewsEdit, response: work },
  }, async (request) => service.update(requirePrincipal(request), request.params.id, request.body));

  app.post('/api/news-desk/items/:id/submit', {
    config: { policy: edit },
    schema: { tags: editorTags, summary: 'Send a draft for review by another editor', params: S.NewsIdParams, response: work },
  }, async (request) => service.submit(requirePrincipal(request), request.params.id));

  app.post('/api/news-desk/items/:id/approve', {
    config: { policy: edit },
    schema: { tags: editorTags, summary: 'Approve another editor\'s draft: published now, or scheduled', params: S.NewsIdParams, response: work },
  }, async (request) => service.approve(requirePrincipal(request), request.params.id, request.ip));

  app.post('/api/news-desk/items/:id/return', {
    config: { policy: edit },
    schema: { tags: editorTags, summary: 'Send a draft under review back to its writer with a note', params: S.NewsIdParams, body: S.NewsNote, response: work },
  }, async (request) => service.returnToDraft(requirePrincipal(request), request.params.id, request.body.note));

  app.post('/api/news-desk/items/:id/withdraw', {
    config: { policy: edit },
    schema: { tags: editorTags, summary: 'Withdraw a published or scheduled item; its page stays with the reason', params: S.NewsIdParams, body: S.NewsNote, response: work },
  }, async (request) => service.withdraw(requirePrincipal(request), request.params.id, request.body.note, request.ip));

  app.post('/api/news-desk/files', {
    config: { policy: edit },
    // base64 of a 10 MB file, with room for the JSON around it
    bodyLimit: Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4096,
    // a large body is read only for someone signed in (the policy itself runs after parsing)
    preParsing: async (request, _reply, payload) => {
      if (!request.principal) throw unauthorized();
      return payload;
    },
    schema: { tags: editorTags, summary: 'Upload a cover image or a PDF attachment', body: S.NewsFileUpload, response: { 201: S.NewsFile, ...errorReplies(400, 401, 403, 413) } },
  }, async (request, reply) => reply.status(201).send(await service.upload(requirePrincipal(request), request.body)));
}
