// HTTP routes of the reports module: the public map and list, the citizen's own reports,
// the staff inbox and actions, and category administration.
import { MAP_POINTS_MAX } from '@cds/contracts';
import * as S from '@cds/contracts/reports';
import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { invalidField } from '../../platform/errors.ts';
import { matchesEtag } from '../../platform/etag.ts';
import { ROLE_SETS } from '../../platform/policy.ts';
import type { App } from '../../platform/module.ts';
import type { ListFilter, Sort } from './repo.ts';
import type { CategoryCatalog } from './catalog.ts';
import type { ReportsService } from './service.ts';
import type { InboxFilter, StaffReports } from './staff.ts';
import type { TileService } from './tiles.ts';
import { STATUSES, type ReportStatus, type ReportWorkflow } from './workflow.ts';

const STAFF = policy.ability('reports.work');
const PHOTO_BODY_LIMIT = 45 * 1024 * 1024;
const tags = ['reports'];
const staffTags = ['reports (staff)'];

function toFilter(q: S.ListQuery): ListFilter {
  const status = q.status?.split(',').map((s) => {
    if (!(STATUSES as readonly string[]).includes(s)) throw invalidField('status', 'validation.enum');
    return s as ReportStatus;
  });
  const bbox = q.bbox?.split(',').map(Number) as [number, number, number, number] | undefined;
  const inWorld = (b: number[]) => Math.abs(b[0]!) <= 180 && Math.abs(b[2]!) <= 180 && Math.abs(b[1]!) <= 90 && Math.abs(b[3]!) <= 90;
  if (bbox && (bbox.some((n) => !Number.isFinite(n)) || bbox[0] > bbox[2] || bbox[1] > bbox[3] || !inWorld(bbox))) throw invalidField('bbox', 'validation.invalid');
  if (q.from && q.to && q.from > q.to) throw invalidField('from', 'reports.bad_date_range');
  return { category: q.category, status, commune: q.commune, from: q.from, to: q.to, q: q.q?.trim() || undefined, bbox };
}

export interface ReportServices {
  service: ReportsService;
  staff: StaffReports;
  tiles: TileService;
  catalog: CategoryCatalog;
  workflow: ReportWorkflow;
}

export function reportRoutes(app: App, { service: s, staff, tiles, catalog, workflow }: ReportServices): void {
  app.get('/api/tiles/:z/:x/:file', {
    config: { policy: policy.public },
    schema: {
      tags: ['maps'], summary: 'Vector tile (MVT): layers communes, commune_labels, reports',
      params: S.TileParams,
    },
  }, async (request, reply) => {
    const tile = await tiles.tile(request.params.z, request.params.x, Number(request.params.file.replace(/\.mvt$/, '')));
    reply.header('etag', tile.etag).header('cache-control', 'public, max-age=30');
    if (matchesEtag(request.headers['if-none-match'], tile.etag)) return reply.status(304).send();
    return reply.header('content-type', 'application/vnd.mapbox-vector-tile').send(tile.bytes);
  });

  // ------------------------------------------------------------ public
  app.get('/api/reports/categories', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Report categories, two levels, with icons and extra questions', response: { 200: S.CategoryTree } },
  }, async () => catalog.tree());

  app.get('/api/reports/workflow', {
    config: { policy: policy.public },
    schema: {
      tags, summary: 'Status labels of the province and workflow settings',
      response: { 200: S.WorkflowReply },
    },
  }, async () => ({
    statuses: STATUSES.map((code) => ({ code, label: workflow.statusLabel(code, 'vi'), labelEn: workflow.statusLabel(code, 'en') })),
    reopenDays: workflow.settings.reopenDays,
    autoCloseDays: workflow.settings.autoCloseDays,
  }));

  app.get('/api/reports', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Public list of reports (no personal data)', querystring: S.ListQuery, response: { 200: S.ListReply } },
  }, async (request) => s.publicList(toFilter(request.query), (request.query.sort ?? 'newest') as Sort, request.query.limit ?? 20, request.query.offset ?? 0, request.query.cursor));

  app.get('/api/reports/map', {
    config: { policy: policy.public },
    schema: {
      tags, summary: 'Report points for the public map, or clusters when zoomed out or the area holds more than limit',
      querystring: S.MapQuery,
      response: { 200: S.MapReply },
    },
  }, async (request) => s.map(toFilter(request.query), request.query.limit ?? MAP_POINTS_MAX, request.query.zoom));

  app.get('/api/reports/duplicates', {
    config: { policy: policy.public },
    schema: {
      tags, summary: 'Open reports of the same category near a point (to support instead of filing again)',
      querystring: S.DuplicatesQuery,
      response: { 200: S.DuplicatesReply },
    },
  }, async (request) => ({ items: await s.duplicates(request.query.category, request.query.lat, request.query.lon) }));

  app.get('/api/reports/routing', {
    config: { policy: policy.public },
    schema: {
      tags, summary: 'The agency a report of this category at this place would go to (shown before sending)',
      querystring: S.RoutingQuery,
      response: { 200: S.RoutingReply },
    },
  }, async (request) => s.preview(request.query));

  app.get('/api/reports/photos/:photoId', {
    config: { policy: policy.public },
    schema: { tags, summary: 'A report photo (JPEG); pending photos only for their reporter and staff', params: S.PhotoParams, querystring: S.PhotoQuery },
  }, async (request, reply) => {
    const bytes = await s.photo(request.principal, request.params.photoId, request.query.size ?? 'full');
    return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(bytes);
  });

  app.get('/api/reports/:id', {
    config: { policy: policy.public },
    schema: { tags, summary: 'One report by id or tracking code, with its public timeline', params: S.IdParam, response: { 200: S.MyReport } },
  }, async (request) => s.get(request.principal, request.params.id));

  // ------------------------------------------------------------ citizen
  app.post('/api/reports', {
    config: { policy: policy.signedIn },
    bodyLimit: PHOTO_BODY_LIMIT,
    schema: {
      tags, summary: 'File a report. Send Idempotency-Key (or clientId): a replay returns the first report (200) instead of a second one',
      headers: S.IdempotencyHeaders,
      body: S.CreateBody,
      response: { 200: S.CreateReply, 201: S.CreateReply },
    },
  }, async (request, reply) => {
    const { clientId, ...input } = request.body;
    const { report, created } = await s.create(requirePrincipal(request), input, { source: 'app', clientId: request.headers['idempotency-key'] ?? clientId });
    return reply.status(created ? 201 : 200).send({ id: report.id, trackingCode: report.tracking_code, status: report.status, statusLabel: workflow.statusLabel(report.status), dueDate: report.due_date, created });
  });

  app.post('/api/reports/photo-location', {
    config: { policy: policy.signedIn },
    bodyLimit: 12 * 1024 * 1024,
    schema: {
      tags, summary: 'The GPS position stored in a photo, to offer as the report place',
      body: S.PhotoLocationBody,
      response: { 200: S.PhotoLocationReply },
    },
  }, async (request) => {
    const gps = await s.inspectPhoto(request.body.photo);
    return gps ? { found: true, ...gps } : { found: false };
  });

  app.get('/api/reports/mine', {
    config: { policy: policy.signedIn },
    schema: {
      tags, summary: 'My reports, and reports I follow',
      querystring: S.MineQuery,
      response: { 200: S.MineReply },
    },
  }, async (request) => s.mine(requirePrincipal(request), request.query.limit ?? 20, request.query.offset ?? 0));

  app.post('/api/reports/:id/support', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Support (+1) a report instead of filing a duplicate', params: S.IdParam, response: { 200: S.SupportReply } },
  }, async (request) => s.support(requirePrincipal(request), request.params.id));

  app.put('/api/reports/:id/follow', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Follow a report (notices on every change)', params: S.IdParam, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await s.follow(requirePrincipal(request), request.params.id, true);
    return reply.status(204).send(null);
  });

  app.delete('/api/reports/:id/follow', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Stop following a report', params: S.IdParam, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await s.follow(requirePrincipal(request), request.params.id, false);
    return reply.status(204).send(null);
  });

  app.post('/api/reports/:id/rating', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Rate the outcome (1–5 stars); closes the report', params: S.IdParam, body: S.RateBody, response: { 200: S.MyReport } },
  }, async (request) => {
    const p = requirePrincipal(request);
    await s.rate(p, request.params.id, request.body.stars, request.body.comment);
    return s.get(p, request.params.id);
  });

  app.post('/api/reports/:id/reopen', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Reopen a resolved report within the allowed days', params: S.IdParam, body: S.ReasonBody, response: { 200: S.MyReport } },
  }, async (request) => {
    const p = requirePrincipal(request);
    await s.reopen(p, request.params.id, request.body.reason);
    return s.get(p, request.params.id);
  });

  app.post('/api/reports/:id/info', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Answer the agency\'s request for more information', params: S.IdParam, body: S.TextBody, response: { 200: S.MyReport } },
  }, async (request) => {
    const p = requirePrincipal(request);
    await s.provideInfo(p, request.params.id, request.body.text);
    return s.get(p, request.params.id);
  });

  staffRoutes(app, staff);
}

function inboxFilter(q: S.InboxQuery, userId: string): InboxFilter {
  return { ...toFilter(q), urgency: q.urgency, agencyId: q.agencyId, assigneeId: q.assignee === 'me' ? userId : q.assignee };
}

function staffRoutes(app: App, staff: StaffReports): void {
  app.get('/api/staff/reports', {
    config: { policy: STAFF },
    schema: { tags: staffTags, summary: 'Inbox of my agencies, with filters, search and sort by deadline', querystring: S.InboxQuery, response: { 200: S.InboxReply } },
  }, async (request) => {
    const p = requirePrincipal(request);
    return staff.inbox(p, inboxFilter(request.query, p.userId), (request.query.sort ?? 'due') as Sort, request.query.limit ?? 30, request.query.offset ?? 0);
  });

  app.get('/api/staff/reports.csv', {
    config: { policy: STAFF },
    schema: { tags: staffTags, summary: 'The filtered inbox as CSV (UTF-8 with BOM)', querystring: S.InboxQuery },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    const body = await staff.csv(p, inboxFilter(request.query, p.userId), (request.query.sort ?? 'due') as Sort);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="phan-anh.csv"').send(body);
  });

  app.get('/api/staff/reports/:id', {
    config: { policy: STAFF },
    schema: { tags: staffTags, summary: 'A report with the reporter, photos, internal notes and history', params: S.IdParam, response: { 200: S.StaffReport } },
  }, async (request) => staff.detail(requirePrincipal(request), request.params.id, request.ip));

  app.post('/api/staff/reports/:id/actions', {
    config: { policy: STAFF },
    bodyLimit: PHOTO_BODY_LIMIT,
    schema: { tags: staffTags, summary: 'Move a report along the workflow (accept, reject, assign, start, request_info, resume, resolve, transfer, merge, close)', params: S.IdParam, body: S.ActBody, response: { 200: S.StaffReport } },
  }, async (request) => staff.act(requirePrincipal(request), request.params.id, request.body));

  app.post('/api/staff/reports/:id/notes', {
    config: { policy: STAFF },
    schema: { tags: staffTags, summary: 'Add an internal note', params: S.IdParam, body: S.TextBody, response: { 200: S.StaffReport } },
  }, async (request) => staff.note(requirePrincipal(request), request.params.id, request.body.text));

  app.post('/api/staff/reports/:id/replies', {
    config: { policy: STAFF },
    schema: { tags: staffTags, summary: 'Reply publicly without changing the status', params: S.IdParam, body: S.TextBody, response: { 200: S.StaffReport } },
  }, async (request) => staff.reply(requirePrincipal(request), request.params.id, request.body.text));

  app.post('/api/staff/reports/:id/moderation', {
    config: { policy: policy.roles(...ROLE_SETS.admins) },
    schema: { tags: staffTags, summary: 'Hide a report from the public or redact its text', params: S.IdParam, body: S.ModerateBody, response: { 200: S.StaffReport } },
  }, async (request) => staff.moderate(requirePrincipal(request), request.params.id, request.body));

  app.post('/api/staff/report-photos/:photoId/moderation', {
    config: { policy: STAFF },
    schema: {
      tags: staffTags, summary: 'Approve a citizen photo for the public, or hide it',
      params: S.PhotoParams,
      body: S.PhotoModerationBody,
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    await staff.moderatePhoto(requirePrincipal(request), request.params.photoId, request.body.decision);
    return reply.status(204).send(null);
  });

  app.get('/api/staff/report-templates', {
    config: { policy: STAFF },
    schema: { tags: staffTags, summary: 'Response templates (for a category and general ones)', querystring: S.TemplatesQuery, response: { 200: Type.Array(S.Template) } },
  }, async (request) => staff.templates(requirePrincipal(request), request.query.category ?? null));

  app.post('/api/staff/report-templates', {
    config: { policy: policy.ability('reports.configure') },
    schema: { tags: staffTags, summary: 'Add a response template', body: S.TemplateBody, response: { 201: S.Template } },
  }, async (request, reply) => reply.status(201).send(await staff.addTemplate(requirePrincipal(request), request.body)));

  app.delete('/api/staff/report-templates/:id', {
    config: { policy: policy.ability('reports.configure') },
    schema: { tags: staffTags, summary: 'Delete a response template', params: S.TemplateParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await staff.deleteTemplate(requirePrincipal(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/admin/report-categories/:code', {
    config: { policy: policy.roles(...ROLE_SETS.sysadmins) },
    schema: { tags: staffTags, summary: 'Add a report category', params: S.CategoryParams, body: S.CategoryInput, response: { 201: S.Category } },
  }, async (request, reply) => reply.status(201).send(await staff.saveCategory(requirePrincipal(request), request.params.code, request.body, true)));

  app.put('/api/admin/report-categories/:code', {
    config: { policy: policy.roles(...ROLE_SETS.sysadmins) },
    schema: { tags: staffTags, summary: 'Change a report category (routing, deadline, questions, active)', params: S.CategoryParams, body: S.CategoryInput, response: { 200: S.Category } },
  }, async (request) => staff.saveCategory(requirePrincipal(request), request.params.code, request.body, false));
}
