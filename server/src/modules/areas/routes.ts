// HTTP of the areas module: places, agencies, staff memberships and the audit trail.
import {
  Agency, AgencyQuery, AuditEntry, AuditQuery, BoundaryCollection, Commune, CommuneDetail, CommuneParams, GrantBody,
  LocateQuery, LocateReply, Membership, PlaceReply, MembershipQuery, Province, ProvinceQuery, StaffMe,
} from '@cds/contracts/areas';
import { UuidParams } from '@cds/contracts/common';
import { Type } from 'typebox';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { ROLE_SETS } from '../../platform/policy.ts';
import { notFound, AppError } from '../../platform/errors.ts';
import type { App, Platform } from '../../platform/module.ts';
import type { AreasService } from './service.ts';

const TAG_AREAS = ['areas'];
const TAG_ADMIN = ['admin'];

export function areasRoutes(app: App, platform: Platform, service: AreasService): void {
  placeRoutes(app, platform, service);
  agencyRoutes(app, service);
  membershipRoutes(app, service);
  auditRoutes(app, platform);
}

function placeRoutes(app: App, platform: Platform, service: AreasService): void {
  const defaultProvince = platform.pack.provinceCode;

  app.get('/api/areas/locate', {
    config: { policy: policy.public },
    schema: { tags: TAG_AREAS, summary: 'The commune and province that contain a point', querystring: LocateQuery, response: { 200: LocateReply } },
  }, async (request) => {
    const found = await service.locate(request.query.lat, request.query.lon);
    if (!found) throw new AppError(404, 'areas.outside');
    return found;
  });

  app.get('/api/areas/place', {
    config: { policy: policy.public },
    schema: { tags: TAG_AREAS, summary: 'A point in words: its commune and the nearest named place', querystring: LocateQuery, response: { 200: PlaceReply } },
  }, async (request) => {
    const found = await service.describePlace(request.query.lat, request.query.lon);
    if (!found) throw new AppError(404, 'areas.outside');
    return found;
  });

  app.get('/api/areas/provinces', {
    config: { policy: policy.public },
    schema: { tags: TAG_AREAS, summary: 'All 34 provinces (codes since 1 July 2025)', response: { 200: Type.Array(Province) } },
  }, async () => service.units.provinces.map((p) => ({ code: p.code, name: p.name })));

  app.get('/api/areas/communes', {
    config: { policy: policy.public },
    schema: {
      tags: TAG_AREAS, summary: "Communes and wards of a province (default: the pack's province)",
      querystring: ProvinceQuery, response: { 200: Type.Array(Commune) },
    },
  }, async (request) => service.communesOf(request.query.province ?? defaultProvince).map((c) => ({ code: c.code, name: c.name, type: c.type })));

  app.get('/api/areas/communes/:code', {
    config: { policy: policy.public },
    schema: { tags: TAG_AREAS, summary: 'One commune or ward', params: CommuneParams, response: { 200: CommuneDetail } },
  }, async (request) => {
    const c = service.commune(request.params.code);
    return { code: c.code, name: c.name, type: c.type, province: { code: c.provinceCode, name: c.provinceName } };
  });

  app.get('/api/areas/boundaries.geojson', {
    config: { policy: policy.public },
    schema: {
      tags: TAG_AREAS, summary: 'Simplified commune boundaries of a province as GeoJSON (synthetic ones are marked)',
      querystring: ProvinceQuery, response: { 200: BoundaryCollection },
    },
  }, async (request, reply) => {
    const body = await service.boundaries(request.query.province ?? defaultProvince);
    reply.header('content-type', 'application/geo+json; charset=utf-8').header('cache-control', 'public, max-age=300');
    return body;
  });
}

function agencyRoutes(app: App, service: AreasService): void {
  app.get('/api/agencies', {
    config: { policy: policy.public },
    schema: {
      tags: TAG_AREAS, summary: 'Agencies, filtered by area (and the places inside it), kind and words of the name',
      querystring: AgencyQuery, response: { 200: Type.Array(Agency) },
    },
  }, async (request) => service.listAgencies(request.query));

  app.get('/api/agencies/:id', {
    config: { policy: policy.public },
    schema: { tags: TAG_AREAS, summary: 'One agency', params: UuidParams, response: { 200: Agency } },
  }, async (request) => {
    const agency = await service.getAgency(request.params.id);
    if (!agency) throw notFound('areas.agency.not_found');
    return agency;
  });
}

function membershipRoutes(app: App, service: AreasService): void {
  app.get('/api/admin/memberships', {
    config: { policy: policy.roles(...ROLE_SETS.sysadmins) },
    schema: {
      tags: TAG_ADMIN, summary: "Staff memberships: one person's history, or all active ones",
      querystring: MembershipQuery, response: { 200: Type.Array(Membership) },
    },
  }, async (request) => service.listMemberships(request.query));

  app.post('/api/admin/memberships', {
    config: { policy: policy.roles(...ROLE_SETS.sysadmins) },
    schema: { tags: TAG_ADMIN, summary: 'Grant a staff role for an agency and area', body: GrantBody, response: { 201: Membership } },
  }, async (request, reply) => {
    const actor = requirePrincipal(request);
    const created = await service.grant(actor.userId, request.body, request.ip);
    return reply.status(201).send(created);
  });

  app.delete('/api/admin/memberships/:id', {
    config: { policy: policy.roles(...ROLE_SETS.sysadmins) },
    schema: { tags: TAG_ADMIN, summary: 'Revoke a staff membership', params: UuidParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await service.revoke(requirePrincipal(request).userId, request.params.id, request.ip);
    return reply.status(204).send(null);
  });

  app.get('/api/staff/me', {
    config: { policy: policy.roles(...ROLE_SETS.allStaff) },
    schema: { tags: ['staff'], summary: "The caller's active staff memberships (console header)", response: { 200: StaffMe } },
  }, async (request) => {
    const views = await service.activeMembershipViews(requirePrincipal(request).userId);
    return { memberships: views.map((m) => ({ id: m.id, role: m.role, agencyId: m.agencyId, agencyName: m.agencyName, areaCode: m.areaCode, areaName: m.areaName })) };
  });
}

function auditRoutes(app: App, platform: Platform): void {
  app.get('/api/admin/audit', {
    config: { policy: policy.roles(...ROLE_SETS.sysadmins) },
    schema: { tags: TAG_ADMIN, summary: 'The audit trail, newest first', querystring: AuditQuery, response: { 200: Type.Array(AuditEntry) } },
  }, async (request) => {
    const rows = await platform.audit.list(request.query);
    return rows.map((r) => ({
      id: String(r.id), at: new Date(r.at).toISOString(), actorUserId: r.actor_user_id, action: r.action,
      subjectType: r.subject_type, subjectId: r.subject_id, ip: r.ip, details: r.details,
    }));
  });
}
