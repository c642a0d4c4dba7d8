// HTTP routes of dossiers (/api/dossiers) and service indicators (/api/indicators/services).
import { ErrorReply } from '@cds/contracts/common';
import {
  ActionBodies, AttachmentParams, CreateDossier, DossierDetail, DossierPage, FileUpload, IdempotencyHeaders, IdParams, IndicatorsQuery, IndicatorsReply,
  LetterParams, MineQuery, ProcedureParams, QueueQuery, RateBody, StepsBody, SupplyBody, TrackQuery, TrackReply, UpdateDraft, WithdrawBody,
  type ActionInput, type StaffAction,
} from '@cds/contracts/dossiers';
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { policy, requirePrincipal } from '../../platform/auth.ts';
import { ROLE_SETS } from '../../platform/policy.ts';
import { tooMany } from '../../platform/errors.ts';
import type { App } from '../../platform/module.ts';
import type { RateLimiter } from '../../platform/rate-limit.ts';
import type { DossierServices } from './definition.ts';
import { INDICATOR_READERS } from './policy.ts';

const tags = ['dossiers'];
const Staff = policy.ability('dossiers.process');
const UPLOAD_LIMIT = 60 * 1024 * 1024;
const TRACK_LIMIT = { perIp: 30, windowSeconds: 300 };

function sendFile(reply: FastifyReply, file: { bytes: Buffer; mime?: string; fileName: string }, inline = false) {
  const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/"/g, '');
  return reply
    .header('content-type', file.mime ?? 'application/pdf')
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii || 'file'}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

export async function dossierRoutes(app: App, s: DossierServices, limiter: RateLimiter | null): Promise<void> {
  app.post('/api/dossiers', {
    config: { policy: policy.roles('citizen') },
    bodyLimit: UPLOAD_LIMIT,
    schema: {
      tags, summary: 'Apply: create a draft dossier, or submit it at once with submit=true (Idempotency-Key header makes a retry return the same dossier)',
      headers: IdempotencyHeaders,
      body: CreateDossier, response: { 200: DossierDetail, 201: DossierDetail },
    },
  }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const { detail, replayed } = await s.applying.create(requirePrincipal(request), request.body, typeof key === 'string' ? key : null);
    return reply.status(replayed ? 200 : 201).send(detail);
  });

  app.get('/api/dossiers/mine', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'My dossiers, newest change first', querystring: MineQuery, response: { 200: DossierPage } },
  }, async (request) => s.applying.mine(requirePrincipal(request), request.query.limit ?? 20, request.query.offset ?? 0));

  app.get('/api/dossiers/queue', {
    config: { policy: Staff },
    schema: { tags, summary: "Staff queue: dossiers held by the officer's agencies, soonest appointment first; search by code or name", querystring: QueueQuery, response: { 200: DossierPage } },
  }, async (request) => s.processing.queue(requirePrincipal(request), request.query));

  app.get('/api/dossiers/track', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Track a dossier by its code and the applicant phone number, without signing in', querystring: TrackQuery, response: { 200: TrackReply, 404: ErrorReply, 429: ErrorReply } },
  }, async (request) => {
    await limit(limiter, `dossier-track:ip:${request.ip}`);
    return s.tracking.track(request.query.code, request.query.phone);
  });

  app.get('/api/dossiers/track/result', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Download the result of a returned dossier by code and phone number', querystring: TrackQuery },
  }, async (request, reply) => {
    await limit(limiter, `dossier-track:ip:${request.ip}`);
    return sendFile(reply, await s.tracking.trackedResult(request.query.code, request.query.phone));
  });

  app.get('/api/dossiers/:id', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'A dossier with its attachments, letters, fees and timeline', params: IdParams, response: { 200: DossierDetail } },
  }, async (request) => s.views.get(requirePrincipal(request), request.params.id, request.ip));

  app.put('/api/dossiers/:id', {
    config: { policy: policy.roles('citizen') },
    schema: { tags, summary: 'Edit a draft', params: IdParams, body: UpdateDraft, response: { 200: DossierDetail } },
  }, async (request) => s.applying.updateDraft(requirePrincipal(request), request.params.id, request.body));

  app.delete('/api/dossiers/:id', {
    config: { policy: policy.roles('citizen') },
    schema: { tags, summary: 'Delete a draft', params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await s.applying.deleteDraft(requirePrincipal(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/dossiers/:id/attachments', {
    config: { policy: policy.roles('citizen') },
    bodyLimit: UPLOAD_LIMIT,
    schema: { tags, summary: 'Attach a file (PDF, JPEG or PNG, checked by content) to a draft', params: IdParams, body: FileUpload, response: { 201: DossierDetail } },
  }, async (request, reply) => reply.status(201).send(await s.applying.addDraftAttachment(requirePrincipal(request), request.params.id, request.body)));

  app.delete('/api/dossiers/:id/attachments/:attachmentId', {
    config: { policy: policy.roles('citizen') },
    schema: { tags, summary: 'Remove a file from a draft', params: AttachmentParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await s.applying.removeDraftAttachment(requirePrincipal(request), request.params.id, request.params.attachmentId);
    return reply.status(204).send(null);
  });

  app.get('/api/dossiers/:id/attachments/:attachmentId', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Download an attachment', params: AttachmentParams },
  }, async (request, reply) => sendFile(reply, await s.documents.attachmentFile(requirePrincipal(request), request.params.id, request.params.attachmentId)));

  app.post('/api/dossiers/:id/submit', {
    config: { policy: policy.roles('citizen') },
    schema: { tags, summary: 'Submit a draft: gives the dossier code and the appointment date (a repeat returns the same)', params: IdParams, response: { 200: DossierDetail } },
  }, async (request) => s.applying.submit(requirePrincipal(request), request.params.id));

  app.post('/api/dossiers/:id/supply', {
    config: { policy: policy.roles('citizen') },
    bodyLimit: UPLOAD_LIMIT,
    schema: { tags, summary: 'Supply the documents the agency asked for; the deadline clock restarts', params: IdParams, body: SupplyBody, response: { 200: DossierDetail } },
  }, async (request) => s.applying.supply(requirePrincipal(request), request.params.id, request.body.attachments, request.body.note));

  app.post('/api/dossiers/:id/withdraw', {
    config: { policy: policy.roles('citizen') },
    schema: { tags, summary: 'Withdraw the dossier (status 7)', params: IdParams, body: WithdrawBody, response: { 200: DossierDetail } },
  }, async (request) => s.applying.withdraw(requirePrincipal(request), request.params.id, request.body.reason));

  app.post('/api/dossiers/:id/rating', {
    config: { policy: policy.roles('citizen') },
    schema: { tags, summary: 'Rate the service once the dossier is finished', params: IdParams, body: RateBody, response: { 200: DossierDetail } },
  }, async (request) => s.applying.rate(requirePrincipal(request), request.params.id, request.body.rating, request.body.comment));

  app.get('/api/dossiers/:id/receipt.pdf', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Form 1: receipt and appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), PDF with a QR code', params: IdParams },
  }, async (request, reply) => sendFile(reply, await s.documents.receiptPdf(requirePrincipal(request), request.params.id), true));

  app.get('/api/dossiers/:id/letters/:letterId/pdf', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'A letter as PDF: receipt, request for documents (form 2), refusal (form 3), apology (form 4)', params: LetterParams },
  }, async (request, reply) => sendFile(reply, await s.documents.letterPdf(requirePrincipal(request), request.params.id, request.params.letterId), true));

  app.get('/api/dossiers/:id/control-sheet.pdf', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Form 5: process-control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ), PDF', params: IdParams },
  }, async (request, reply) => sendFile(reply, await s.documents.controlSheetPdf(requirePrincipal(request), request.params.id), true));

  app.get('/api/dossiers/:id/result', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Download the electronic result document', params: IdParams },
  }, async (request, reply) => sendFile(reply, await s.documents.resultFile(requirePrincipal(request), request.params.id)));

  for (const action of Object.keys(ActionBodies) as StaffAction[]) {
    app.post(`/api/dossiers/:id/${action.replace(/_/g, '-')}`, {
      config: { policy: Staff },
      bodyLimit: action === 'complete' || action === 'return_result' ? UPLOAD_LIMIT : undefined,
      schema: { tags, summary: `Staff: ${ACTION_SUMMARIES[action]}`, params: IdParams, body: ActionBodies[action], response: { 200: DossierDetail } },
    }, async (request) => s.processing.act(requirePrincipal(request), (request.params as { id: string }).id, action, request.body as ActionInput));
  }

  app.get('/api/dossiers/steps/:procedureId', {
    config: { policy: Staff },
    schema: { tags, summary: 'Processing steps of a procedure (default or its override)', params: ProcedureParams, response: { 200: StepsBody } },
  }, async (request) => ({ steps: await s.processing.getSteps(request.params.procedureId) }));

  app.put('/api/dossiers/steps/:procedureId', {
    config: { policy: policy.roles(...ROLE_SETS.admins) },
    schema: { tags, summary: 'Override the processing steps of a procedure', params: ProcedureParams, body: StepsBody, response: { 200: StepsBody } },
  }, async (request) => ({ steps: await s.processing.setSteps(requirePrincipal(request), request.params.procedureId, request.body.steps) }));

  app.get('/api/indicators/services', {
    config: { policy: policy.roles(...INDICATOR_READERS) },
    schema: { tags: ['indicators'], summary: 'Service-quality indicators of Decision 766 for a period and an area', querystring: IndicatorsQuery, response: { 200: IndicatorsReply } },
  }, async (request) => s.indicators.indicators(requirePrincipal(request), request.query));
}

const ACTION_SUMMARIES: Record<StaffAction, string> = {
  accept: 'accept the dossier (1 → 2)',
  refuse: 'refuse with a reason (form 3)',
  assign: 'assign to an officer and start processing (2 → 4)',
  forward: 'hand off to the next step, another officer or another agency',
  request_documents: 'request more documents (form 2); the clock stops',
  request_payment: 'request the fee (→ 6)',
  mark_paid: 'mark the fee paid at the counter (6 → 4)',
  stop: 'stop processing (→ 8)',
  complete: 'finish processing, optionally with the result document (4 → 9)',
  return_result: 'return the result (9 → 10)',
  apologize: 'apologise for a late dossier and set a new date (form 4)',
};

async function limit(limiter: RateLimiter | null, key: string): Promise<void> {
  if (!limiter) return;
  const d = await limiter.hit(key, TRACK_LIMIT.perIp, TRACK_LIMIT.windowSeconds);
  if (!d.allowed) throw tooMany('rate_limited', d.retryAfterSeconds);
}
