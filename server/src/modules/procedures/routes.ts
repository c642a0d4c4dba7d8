// HTTP of the procedures module: public catalogue search and detail, template
// downloads, and the admins' create/edit.
import fs from 'node:fs';
import { Type } from 'typebox';
import { ErrorReply } from '@cds/contracts/common';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { ROLE_SETS } from '../../platform/policy.ts';
import { localeFrom } from '../../platform/i18n.ts';
import type { App } from '../../platform/module.ts';
import { IdParam, LifeEventItem, Procedure, ProcedureInput, SearchQuery, SearchReply, SectorItem, TemplateFile, TemplateParams, UuidParam } from '@cds/contracts/procedures';
import type { ProceduresService } from './service.ts';

const TAGS = ['procedures'];
const ADMIN_TAGS = ['procedures', 'admin'];
const errors = { 400: ErrorReply, 404: ErrorReply };

export function proceduresRoutes(app: App, service: ProceduresService): void {
  app.get('/api/procedures', {
    config: { policy: policy.public },
    schema: {
      tags: TAGS,
      summary: 'Search the catalogue of administrative procedures, best match first',
      description: 'Understands words without diacritics, common abbreviations (CCCD, GPLX, HKD…), small typos and everyday phrasing.',
      querystring: SearchQuery,
      response: { 200: SearchReply, 400: ErrorReply },
    },
    // forms send every field; an empty one (`sector=`) means "no filter", not a bad value
    preValidation: async (request) => {
      const query = request.query as Record<string, unknown>;
      for (const key of Object.keys(query)) if (query[key] === '') delete query[key];
    },
  }, async (request) => service.search(request.query, localeFrom(request.headers['accept-language'])));

  app.get('/api/procedures/life-events', {
    config: { policy: policy.public },
    schema: { tags: TAGS, summary: 'Life events (having a baby, getting married…) with the number of procedures for each', response: { 200: Type.Array(LifeEventItem) } },
  }, async (request) => service.lifeEvents(localeFrom(request.headers['accept-language'])));

  app.get('/api/procedures/sectors', {
    config: { policy: policy.public },
    schema: { tags: TAGS, summary: 'Sectors (lĩnh vực) with the number of procedures in each', response: { 200: Type.Array(SectorItem) } },
  }, async () => service.sectors());

  app.get('/api/procedures/:id', {
    config: { policy: policy.public },
    schema: { tags: TAGS, summary: 'One procedure in full: time, fees, documents, steps, legal basis and form', params: IdParam, response: { 200: Procedure, ...errors } },
  }, async (request) => service.require(request.params.id, localeFrom(request.headers['accept-language'])));

  app.get('/api/procedures/:id/templates/:key', {
    config: { policy: policy.public },
    schema: {
      tags: TAGS,
      summary: 'Download the blank template (PDF) of a required document',
      params: TemplateParams,
      response: { 200: TemplateFile, ...errors },
    },
  }, async (request, reply) => {
    const { file, name } = await service.templateFile(request.params.id, request.params.key);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'public, max-age=3600')
      .send(await fs.promises.readFile(file));
  });

  const adminErrors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 409: ErrorReply };
  app.post('/api/admin/procedures', {
    config: { policy: policy.roles(...ROLE_SETS.admins) },
    schema: { tags: ADMIN_TAGS, summary: 'Add a procedure to the catalogue', body: ProcedureInput, response: { 201: Procedure, ...adminErrors } },
  }, async (request, reply) => {
    const created = await service.create(requirePrincipal(request), request.body, request.ip);
    return reply.status(201).send(created);
  });

  app.put('/api/admin/procedures/:id', {
    config: { policy: policy.roles(...ROLE_SETS.admins) },
    schema: { tags: ADMIN_TAGS, summary: 'Replace a procedure (the pack no longer overwrites it)', params: UuidParam, body: ProcedureInput, response: { 200: Procedure, 404: ErrorReply, ...adminErrors } },
  }, async (request) => service.update(requirePrincipal(request), request.params.id, request.body, request.ip));
}
