// HTTP of the assistant: a turn of conversation and its rating (anyone, rate-limited), and
// the editors' lists of questions and their answers.
import { Type } from 'typebox';
import * as S from '@cds/contracts/assistant';
import { errorReplies } from '@cds/contracts/common';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { tooMany } from '../../platform/errors.ts';
import { localeFrom } from '../../platform/i18n.ts';
import type { App } from '../../platform/module.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { AssistantService } from './service.ts';

const tags = ['assistant'];
const editorTags = ['assistant', 'editors'];
const curate = policy.ability('assistant.curate');

/** A person types at most this many messages a minute; more is a script. */
export const MESSAGE_LIMIT = { perIp: 30, perUser: 30, windowSeconds: 60 };

export function assistantRoutes(app: App, service: AssistantService, limiter: RateLimiter): void {
  const limit = async (key: string, max: number) => {
    const d = await limiter.hit(key, max, MESSAGE_LIMIT.windowSeconds);
    if (!d.allowed) throw tooMany('rate_limited', d.retryAfterSeconds);
  };

  app.post('/api/assistant/messages', {
    config: { policy: policy.public },
    schema: {
      tags,
      summary: 'Ask the virtual assistant; it answers from the catalogue and the records the asker may see, with links into the app',
      description: 'Send the conversationId of the previous reply to continue (it remembers the procedure talked about and the slots of a form for 30 minutes). Understands Vietnamese typed without diacritics, abbreviations and small typos.',
      body: S.MessageInput,
      response: { 200: S.MessageReply, ...errorReplies(400, 429) },
    },
  }, async (request) => {
    await limit(`assistant:ip:${request.ip}`, MESSAGE_LIMIT.perIp);
    if (request.principal) await limit(`assistant:user:${request.principal.userId}`, MESSAGE_LIMIT.perUser);
    return service.message(request.principal, request.body, localeFrom(request.headers['accept-language']));
  });

  app.post('/api/assistant/turns/:turnId/rating', {
    config: { policy: policy.public },
    schema: {
      tags,
      summary: 'Rate an answer helpful or not (the asker only)',
      params: S.TurnParams,
      body: S.RatingInput,
      response: { 204: Type.Null(), ...errorReplies(400, 403, 404, 429) },
    },
  }, async (request, reply) => {
    await limit(`assistant:ip:${request.ip}`, MESSAGE_LIMIT.perIp);
    await service.rate(request.principal, request.params.turnId, request.body.helpful, request.body.conversationId);
    return reply.status(204).send(null);
  });

  app.get('/api/assistant/questions', {
    config: { policy: curate },
    schema: {
      tags: editorTags,
      summary: 'Questions the assistant could not answer, or whose answer was rated unhelpful, grouped by their words, most asked first',
      querystring: S.QuestionsQuery,
      response: { 200: S.QuestionGroups, ...errorReplies(400, 401, 403) },
    },
  }, async (request) => ({ items: await service.questions(request.query.filter ?? 'unanswered', request.query.limit ?? 50) }));

  app.get('/api/assistant/faqs', {
    config: { policy: curate },
    schema: { tags: editorTags, summary: 'The answers editors wrote', response: { 200: S.FaqList, ...errorReplies(401, 403) } },
  }, async () => ({ items: await service.faqs() }));

  app.post('/api/assistant/faqs', {
    config: { policy: curate },
    schema: {
      tags: editorTags,
      summary: 'Add an answer; the assistant uses it from the next question on, and the questions it resolves leave the list',
      body: S.FaqInput,
      response: { 201: S.Faq, ...errorReplies(400, 401, 403) },
    },
  }, async (request, reply) => reply.status(201).send(await service.createFaq(requirePrincipal(request), request.body)));

  app.put('/api/assistant/faqs/:id', {
    config: { policy: curate },
    schema: { tags: editorTags, summary: 'Change an answer', params: S.FaqParams, body: S.FaqInput, response: { 200: S.Faq, ...errorReplies(400, 401, 403, 404) } },
  }, async (request) => service.updateFaq(requirePrincipal(request), request.params.id, request.body));

  app.delete('/api/assistant/faqs/:id', {
    config: { policy: curate },
    schema: { tags: editorTags, summary: 'Remove an answer', params: S.FaqParams, response: { 204: Type.Null(), ...errorReplies(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await service.deleteFaq(requirePrincipal(request), request.params.id);
    return reply.status(204).send(null);
  });
}
