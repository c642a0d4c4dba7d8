import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import * as S from '@cds/contracts/land';
import { errorReplies, UuidParams } from '@cds/contracts/common';
import { TileParams } from '@cds/contracts/reports';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { badRequest } from '../../platform/errors.ts';
import { matchesEtag, weakEtag } from '../../platform/etag.ts';
import { localeFrom } from '../../platform/i18n.ts';
import type { App } from '../../platform/module.ts';
import type { LandAdmin } from './admin.ts';
import type { LandService } from './service.ts';

const tags = ['land'];
const IMPORT_FILE_LIMIT = 2 * 1024 * 1024 * 1024;

export function landRoutes(app: App, service: LandService, admin: LandAdmin): void {
  app.get('/api/land/parcels/at', {
    config: { policy: policy.public },
    schema: { tags, summary: 'The parcel under a point (map tap or GPS), with its land use and zoning', querystring: S.ParcelAtQuery, response: { 200: S.ParcelSheet, ...errorReplies(400, 404) } },
  }, async (request) => service.parcelAt(request.query.lat, request.query.lon, localeFrom(request.headers['accept-language'])));

  app.get('/api/land/parcels', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Parcels by any part of their cadastral key (today\'s or a former commune, sheet, parcel)', querystring: S.ParcelSearchQuery, response: { 200: S.ParcelSearchReply, ...errorReplies(400) } },
  }, async (request) => service.search(request.query));

  app.get('/api/land/parcels/find', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Parcels by address, place or former commune name (diacritics optional) and/or "tờ 5 thửa 12"', querystring: S.ParcelFindQuery, response: { 200: S.ParcelSearchReply, ...errorReplies(400) } },
  }, async (request) => service.find(request.query));

  app.get('/api/land/parcels/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'The parcel sheet: key, area, land uses, zoning, disclaimer (no owner data)', params: UuidParams, response: { 200: S.ParcelSheet, ...errorReplies(404) } },
  }, async (request) => service.parcel(request.params.id, localeFrom(request.headers['accept-language'])));

  app.get('/api/land/parcels/:id/sheet.pdf', {
    config: { policy: policy.public },
    schema: { tags, summary: 'The parcel sheet as a PDF with a map extract', params: UuidParams },
  }, async (request, reply) => {
    const { bytes, key } = await admin.sheetPdf(request.params.id, localeFrom(request.headers['accept-language']));
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="thua-dat-${key}.pdf"`).send(bytes);
  });

  app.patch('/api/land/parcels/:id', {
    config: { policy: policy.ability('land.import') },
    schema: { tags: ['land (staff)'], summary: 'Correct a parcel\'s land uses, area or address (land officers in their area; audited)', params: UuidParams, body: S.ParcelPatch, response: { 200: S.ParcelSheet, ...errorReplies(400, 403, 404) } },
  }, async (request) => admin.correct(requirePrincipal(request), request.params.id, request.body, localeFrom(request.headers['accept-language'])));

  app.get('/api/land/plans', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Zoning plans and the legend of planned land uses', response: { 200: S.ZoningPlansReply } },
  }, async () => service.plans());

  app.get('/api/land/staff/plans', {
    config: { policy: policy.ability('land.import') },
    schema: { tags: ['land (staff)'], summary: 'Every zoning plan, drafts first, for land officers', response: { 200: S.StaffPlansReply, ...errorReplies(401, 403) } },
  }, async () => service.staffPlans());

  app.post('/api/land/plans/:id/publish', {
    config: { policy: policy.ability('land.import') },
    schema: {
      tags: ['land (staff)'],
      summary: 'Publish a draft plan with its approving decision: a second land officer, not the one who imported it (audited)',
      params: UuidParams, body: S.PlanPublish, response: { 200: S.ZoningPlan, ...errorReplies(400, 401, 403, 404, 409) },
    },
  }, async (request) => service.publish(requirePrincipal(request), request.params.id, request.body));

  app.get('/api/land/tiles/:z/:x/:file', {
    config: { policy: policy.public },
    schema: { tags: ['maps'], summary: 'Vector tile (MVT): layers zoning (from z12) and parcels (from z15)', params: TileParams },
  }, async (request, reply) => {
    const bytes = await admin.tile(request.params.z, request.params.x, Number(request.params.file.replace(/\.mvt$/, '')));
    const etag = weakEtag(bytes);
    reply.header('etag', etag).header('cache-control', 'public, max-age=60');
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
    return reply.header('content-type', 'application/vnd.mapbox-vector-tile').send(bytes);
  });

  app.get('/api/land/imports', {
    config: { policy: policy.ability('land.import') },
    schema: { tags: ['land (staff)'], summary: 'The caller\'s latest import runs, newest first (a run still reading is followed with GET /api/land/imports/{id})', response: { 200: S.ImportRunsReply, ...errorReplies(401, 403) } },
  }, async (request) => admin.runs.recent(requirePrincipal(request), localeFrom(request.headers['accept-language'])));

  app.get('/api/land/imports/:id', {
    config: { policy: policy.ability('land.import') },
    schema: {
      tags: ['land (staff)'],
      summary: 'An import run\'s counts while the server reads the file (written after every batch of 500), then its report; only for whoever started it',
      params: UuidParams, response: { 200: S.ImportRun, ...errorReplies(400, 401, 403, 404) },
    },
  }, async (request) => admin.runs.get(requirePrincipal(request), request.params.id, localeFrom(request.headers['accept-language'])));

  app.post('/api/land/imports', {
    config: { policy: policy.ability('land.import') },
    bodyLimit: IMPORT_FILE_LIMIT,
    schema: {
      tags: ['land (staff)'],
      summary: 'Import parcels or zoning zones (zones make a draft plan): multipart with a GeoJSON or zipped Shapefile `file`, or `shp` + `dbf` (+ `prj`); VN-2000 TM-3 or WGS 84. Answers the report when the file is read; meanwhile the run (`runId`) is followed with GET /api/land/imports/{id}',
      querystring: S.ImportQuery,
      response: { 200: S.ImportReply, ...errorReplies(400, 401, 403, 409) },
    },
  }, async (request) => {
    const principal = requirePrincipal(request);
    admin.checkImport(request.query);
    if (!request.isMultipart()) throw badRequest('land.import.no_file');
    const runId = request.query.runId ?? randomUUID();
    await admin.runs.assertFree(runId);
    let fileName: string | null = null;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-land-import-'));
    try {
      // the parts are spooled to disk and then read as streams: nothing is held whole in memory
      const saved: Record<string, string> = {};
      for await (const part of request.parts({ limits: { fileSize: IMPORT_FILE_LIMIT, files: 4 } })) {
        if (part.type !== 'file') continue;
        if (!['file', 'shp', 'dbf', 'prj'].includes(part.fieldname) || saved[part.fieldname]) {
          part.file.resume();
          continue;
        }
        // the Shapefile reader wants its extensions
        const to = path.join(dir, `upload.${part.fieldname === 'file' ? 'json' : part.fieldname}`);
        await pipeline(part.file, createWriteStream(to));
        if (part.file.truncated) throw badRequest('land.import.bad_file', { reason: 'too large' });
        saved[part.fieldname] = to;
        if (part.fieldname === 'file' || part.fieldname === 'shp') fileName = path.basename(part.filename || '');
      }
      return await admin.importFiles(principal, request.query, saved, {
        sourceName: 'upload',
        locale: localeFrom(request.headers['accept-language']),
        run: { id: runId, fileName: fileName || 'upload' },
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
}
