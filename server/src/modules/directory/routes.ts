// HTTP of the directory: agencies (list, near me, one agency, staff edits), hotlines and
// welfare benefits with the eligibility questionnaire.
import {
  AgencyIdParams, DirectoryEntry, DirectoryEntryPatch, DirectoryList, DirectoryQuery, HotlineList, WelfareAnswers, WelfareBenefit,
  WelfareBenefitList, WelfareCheckReply, WelfareKeyParams,
} from '@cds/contracts/directory';
import { errorReplies } from '@cds/contracts/common';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import type { DirectoryService } from './service.ts';

const tags = ['directory'];

export function directoryRoutes(app: App, service: DirectoryService): void {
  app.get('/api/directory/agencies', {
    config: { policy: policy.public },
    schema: {
      tags, summary: 'Agencies with address, phone and whether they are open now; words without diacritics; nearest first with lat and lon',
      querystring: DirectoryQuery, response: { 200: DirectoryList, ...errorReplies(400) },
    },
  }, async (request) => service.list(request.query));

  app.get('/api/directory/agencies/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'One agency: contacts, map point, opening hours, procedures it handles', params: AgencyIdParams, response: { 200: DirectoryEntry, ...errorReplies(400, 404) } },
  }, async (request) => service.get(request.principal ?? null, request.params.id));

  app.patch('/api/directory/agencies/:id', {
    config: { policy: policy.ability('directory.edit') },
    schema: {
      tags, summary: "Staff of the agency update its entry (audited)",
      params: AgencyIdParams, body: DirectoryEntryPatch, response: { 200: DirectoryEntry, ...errorReplies(400, 401, 403, 404) },
    },
  }, async (request) => service.update(requirePrincipal(request), request.params.id, request.body, request.ip));

  app.get('/api/directory/hotlines', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Hotlines, most urgent first, each with what it is for', response: { 200: HotlineList } },
  }, async () => service.hotlines());

  app.get('/api/welfare/benefits', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Welfare benefits (an sinh xã hội): who qualifies, what it gives, where to apply, procedures', response: { 200: WelfareBenefitList } },
  }, async () => service.welfare());

  app.get('/api/welfare/benefits/:key', {
    config: { policy: policy.public },
    schema: { tags, summary: 'One welfare benefit', params: WelfareKeyParams, response: { 200: WelfareBenefit, ...errorReplies(400, 404) } },
  }, async (request) => service.benefit(request.params.key));

  app.post('/api/welfare/check', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Benefits worth asking about, from a few answers (guidance only; nothing is stored)', body: WelfareAnswers, response: { 200: WelfareCheckReply, ...errorReplies(400) } },
  }, async (request) => service.check(request.body));
}
