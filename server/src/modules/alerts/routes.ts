import { Alert, AlertArea, AlertDraftInput, AlertFollowUpInput, AlertList, AlertListQuery, AlertReport, AnswerInput, AreaPreview, RejectInput } from '@cds/contracts/alerts';
import { errorReplies, UuidParams } from '@cds/contracts/common';
import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/module.ts';
import { ALERT_ABILITIES } from './policy.ts';
import type { AlertService } from './service.ts';

const tags = ['alerts'];

export function alertRoutes(app: App, service: AlertService): void {
  app.get('/api/alerts', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Sent alerts, newest first: of a commune, in force now', querystring: AlertListQuery, response: { 200: AlertList } },
  }, async (request) => service.list(request.principal, request.query));

  app.get('/api/alerts/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'One alert (drafts to the staff who may see them)', params: UuidParams, response: { 200: Alert, ...errorReplies(404) } },
  }, async (request) => service.read(request.principal, request.params.id));

  app.post('/api/alerts/:id/answers', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: '"Tôi an toàn" / "Tôi cần giúp đỡ", with location', params: UuidParams, body: AnswerInput, response: { 200: Alert, ...errorReplies(400, 404) } },
  }, async (request) => service.answer(requirePrincipal(request), request.params.id, request.body));

  app.get('/api/staff/alerts', {
    config: { policy: policy.ability(ALERT_ABILITIES.manage) },
    schema: { tags, summary: 'Alerts in the console: drafts first', response: { 200: AlertList } },
  }, async (request) => service.staffList(requirePrincipal(request)));

  app.post('/api/staff/alerts', {
    config: { policy: policy.ability(ALERT_ABILITIES.draft) },
    schema: { tags, summary: 'Draft an alert (CAP 1.2 model)', body: AlertDraftInput, response: { 201: Alert, ...errorReplies(400, 403) } },
  }, async (request, reply) => reply.status(201).send(await service.draft(requirePrincipal(request), request.body)));

  app.post('/api/staff/alerts/area-preview', {
    config: { policy: policy.ability(ALERT_ABILITIES.draft) },
    schema: { tags, summary: 'Communes and residents an area (communes, polygon, circle) covers, before saving', body: AlertArea, response: { 200: AreaPreview, ...errorReplies(400, 403) } },
  }, async (request) => service.previewArea(request.body));

  app.post('/api/staff/alerts/:id/send', {
    config: { policy: policy.ability(ALERT_ABILITIES.manage) },
    schema: { tags, summary: 'Approve and send (Actual: a leader other than the drafter)', params: UuidParams, response: { 200: Alert, ...errorReplies(403, 404, 409) } },
  }, async (request) => service.send(requirePrincipal(request), request.params.id));

  app.post('/api/staff/alerts/:id/reject', {
    config: { policy: policy.ability(ALERT_ABILITIES.manage) },
    schema: { tags, summary: 'Refuse a draft', params: UuidParams, body: RejectInput, response: { 200: Alert, ...errorReplies(400, 403, 404, 409) } },
  }, async (request) => service.reject(requirePrincipal(request), request.params.id, request.body.reason));

  app.post('/api/staff/alerts/:id/follow-ups', {
    config: { policy: policy.ability(ALERT_ABILITIES.draft) },
    schema: { tags, summary: 'Draft an Update or a Cancel of a sent alert', params: UuidParams, body: AlertFollowUpInput, response: { 201: Alert, ...errorReplies(400, 403, 404, 409) } },
  }, async (request, reply) => reply.status(201).send(await service.followUp(requirePrincipal(request), request.params.id, request.body)));

  app.get('/api/staff/alerts/:id/report', {
    config: { policy: policy.ability(ALERT_ABILITIES.manage) },
    schema: { tags, summary: 'Delivery report and answers', params: UuidParams, response: { 200: AlertReport, ...errorReplies(403, 404) } },
  }, async (request) => service.report(requirePrincipal(request), request.params.id));

  // public CAP outputs for radio, TV and aggregators
  app.get('/cap/alerts/:file', {
    config: { policy: policy.public },
    schema: { tags, summary: 'One sent alert as a CAP 1.2 document', params: Type.Object({ file: Type.String({ maxLength: 130 }) }) },
  }, async (request, reply) => {
    const m = /^([A-Za-z0-9._-]{1,120})\.xml$/.exec(request.params.file);
    if (!m?.[1]) throw notFound('alerts.not_found');
    return reply.type('application/cap+xml; charset=utf-8').send(await service.capDocument(m[1]));
  });

  app.get('/cap/feed.atom', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Atom feed of alerts in force, linking their CAP documents' },
  }, async (_request, reply) => reply.type('application/atom+xml; charset=utf-8').send(await service.feed()));
}
