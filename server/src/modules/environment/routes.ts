// HTTP of environment monitoring: public station data for citizens, the stations' push
// endpoint (each station's own key), and station management and CSV import for staff.
import { errorReplies } from '@cds/contracts/common';
import * as S from '@cds/contracts/environment';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import type { EnvironmentService } from './service.ts';
import type { StationRow } from './repo.ts';

const tags = ['environment'];

declare module 'fastify' {
  interface FastifyRequest {
    /** The station whose key came with an ingest request. */
    envStation?: StationRow;
  }
}

export function environmentRoutes(app: App, service: EnvironmentService): void {
  app.get('/api/environment/stations', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Every monitoring station with its state now (VN_AQI, river level, rain)', response: { 200: S.StationList } },
  }, async () => service.list());

  app.get('/api/environment/nearest', {
    config: { policy: policy.public },
    schema: { tags, summary: 'The nearest station of a kind (air by default) to a point', querystring: S.NearestQuery, response: { 200: S.NearestReply, ...errorReplies(400, 404) } },
  }, async (request) => service.nearest(request.query));

  app.get('/api/environment/stations/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'One station with its state now', params: S.StationParams, response: { 200: S.Station, ...errorReplies(400, 404) } },
  }, async (request) => service.station(request.params.id));

  app.get('/api/environment/stations/:id/series', {
    config: { policy: policy.public },
    schema: { tags, summary: '24 hourly or 30 daily values: VN_AQI, water level or rain', params: S.StationParams, querystring: S.SeriesQuery, response: { 200: S.Series, ...errorReplies(400, 404) } },
  }, async (request) => service.series(request.params.id, request.query.range));

  app.post('/api/environment/readings', {
    // the station's own key, not a person's session: checked before the body is read
    config: { policy: policy.public },
    bodyLimit: 1024 * 1024,
    preParsing: async (request, _reply, payload) => {
      request.envStation = await service.stationForKey(request.headers.authorization);
      return payload;
    },
    schema: {
      tags,
      summary: 'A station pushes a batch of readings (Authorization: Bearer <station key>); the same station and time twice is stored once',
      body: S.IngestBody,
      response: { 200: S.IngestReply, ...errorReplies(400, 401, 413) },
    },
  }, async (request) => service.ingest(request.envStation!, request.body.readings));

  app.post('/api/environment/stations', {
    config: { policy: policy.signedIn },
    schema: { tags: [...tags, 'staff'], summary: 'Add a station; its key is in the reply, once', body: S.StationInput, response: { 201: S.StationWithKey, ...errorReplies(400, 401, 403, 409) } },
  }, async (request, reply) => reply.status(201).send(await service.createStation(requirePrincipal(request), request.body)));

  app.post('/api/environment/stations/:id/key', {
    config: { policy: policy.signedIn },
    schema: { tags: [...tags, 'staff'], summary: 'Issue a new key for a station (the old one stops working)', params: S.StationParams, response: { 200: S.StationWithKey, ...errorReplies(400, 401, 403, 404) } },
  }, async (request) => service.rotateKey(requirePrincipal(request), request.params.id));

  app.post('/api/environment/import', {
    config: { policy: policy.signedIn },
    bodyLimit: 6 * 1024 * 1024,
    preParsing: async (request, _reply, payload) => {
      requirePrincipal(request);
      return payload;
    },
    schema: { tags: [...tags, 'staff'], summary: 'Import readings from CSV (station,at,pm25,…) for stations I manage', body: S.CsvImportBody, response: { 200: S.CsvImportReply, ...errorReplies(400, 401, 403, 413) } },
  }, async (request) => service.importCsv(requirePrincipal(request), request.body.csv));
}
