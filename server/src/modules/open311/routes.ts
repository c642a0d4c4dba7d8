// Open311 GeoReport v2 routes under /open311/v2/, discovery at /open311/discovery.{json,xml}.
// Errors leave in the spec's shape ([{code, description}] or <errors>), not the platform's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AnyParams, FileParams } from '@cds/contracts/open311';
import { policy } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/module.ts';
import { Open311Error } from './errors.ts';
import { render, renderOne, splitFormat, type Format, type Row } from './format.ts';
import type { Open311Service, Params } from './service.ts';

const tags = ['open311'];
const config = { policy: policy.public };
const FORMATS: Format[] = ['json', 'xml'];

function formatOf(request: FastifyRequest): Format {
  return /\.xml($|\?)/i.test(request.url) ? 'xml' : 'json';
}

function sendRows(reply: FastifyReply, format: Format, rows: Row[], root: string, item: string, status = 200) {
  const { type, body } = render(format, rows, root, item);
  return reply.status(status).header('content-type', type).send(body);
}

function fileOf(file: string): { name: string; format: Format } {
  const split = splitFormat(file);
  if (!split) throw new Open311Error(404, 'unknown format: use .json or .xml');
  return split;
}

export async function open311Routes(root: App, s: Open311Service): Promise<void> {
  await root.register(async (scope) => routes(scope as App, s), { prefix: '/open311' });
}

function routes(app: App, s: Open311Service): void {
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const format = formatOf(request);
    if (error instanceof Open311Error) return sendRows(reply, format, [{ code: error.status, description: error.description }], 'errors', 'error', error.status);
    // the platform's guards (control characters, JSON shape, origin) throw AppError before the handler
    const code = error instanceof AppError ? error.status : error.statusCode;
    const status = code && code >= 400 && code < 500 ? code : 500;
    if (status === 500) request.log.error({ err: error }, 'open311 error');
    const description = status === 500 ? 'internal error' : status === 413 ? 'request too large' : 'bad request';
    return sendRows(reply, format, [{ code: status, description }], 'errors', 'error', status);
  });

  for (const format of FORMATS) {
    app.get(`/discovery.${format}`, { config, schema: { tags, summary: `Open311 discovery document (${format.toUpperCase()})` } }, async (_request, reply) => {
      const { type, body } = renderOne(format, s.discovery(format), 'discovery');
      return reply.header('content-type', type).send(body);
    });

    app.get(`/v2/services.${format}`, { config, schema: { tags, summary: `Service list (${format.toUpperCase()})`, querystring: AnyParams } }, async (_request, reply) =>
      sendRows(reply, format, await s.services(), 'services', 'service'));

    app.get(`/v2/requests.${format}`, { config, schema: { tags, summary: `Search service requests (${format.toUpperCase()})`, querystring: AnyParams } }, async (request, reply) =>
      sendRows(reply, format, await s.requests(request.query as Params), 'service_requests', 'request'));

    app.post(`/v2/requests.${format}`, {
      config,
      schema: { tags, summary: `Create a service request, form-encoded, api_key required (${format.toUpperCase()})`, body: AnyParams },
    }, async (request, reply) => sendRows(reply, format, await s.create((request.body ?? {}) as Params), 'service_requests', 'request', 201));

    app.get(`/v2/servicerequestupdates.${format}`, { config, schema: { tags, summary: `Status changes and replies of requests (${format.toUpperCase()})`, querystring: AnyParams } }, async (request, reply) =>
      sendRows(reply, format, await s.updates(request.query as Params), 'service_request_updates', 'request_update'));
  }

  app.get('/v2/services/:file', { config, schema: { tags, summary: 'Service definition: the extra questions as attributes (.json or .xml)', params: FileParams } }, async (request, reply) => {
    const { name, format } = fileOf(request.params.file);
    const { type, body } = renderOne(format, await s.definition(name, format), 'service_definition');
    return reply.header('content-type', type).send(body);
  });

  app.get('/v2/tokens/:file', { config, schema: { tags, summary: 'The service_request_id of a token (.json or .xml)', params: FileParams } }, async (request, reply) => {
    const { name, format } = fileOf(request.params.file);
    return sendRows(reply, format, await s.token(name), 'service_requests', 'request');
  });

  app.get('/v2/requests/:file', { config, schema: { tags, summary: 'One service request (.json or .xml)', params: FileParams, querystring: AnyParams } }, async (request, reply) => {
    const { name, format } = fileOf(request.params.file);
    const q = request.query as Params;
    return sendRows(reply, format, await s.request(name, q.extensions === 'true'), 'service_requests', 'request');
  });

  // a route of its own (not a not-found handler) so the web app's catch-all does not answer first
  app.all('/*', { config, schema: { hide: true } }, async (request, reply) => sendRows(reply, formatOf(request), [{ code: 404, description: 'not found' }], 'errors', 'error', 404));
}
