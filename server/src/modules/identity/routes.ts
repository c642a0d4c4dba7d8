// HTTP routes of the identity module: sign-up, sign-in, the citizen's own account and
// data, staff and admin views of accounts, and the demo SMS outbox.
import { normalizePhone } from '@cds/contracts';
import { errorReplies } from '@cds/contracts/common';
import * as S from '@cds/contracts/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { policy, requirePrincipal, SESSION_COOKIE } from '../../platform/auth.ts';
import { notFound } from '../../platform/errors.ts';
import { localeFrom } from '../../platform/i18n.ts';
import { ROLE_SETS } from '../../platform/policy.ts';
import type { App, Platform } from '../../platform/module.ts';
import type { OutboxSmsChannel } from '../../platform/sms.ts';
import type { AuthService } from './auth.ts';
import { describePurposes, type ConsentService } from './consents.ts';
import type { PrivacyService } from './privacy.ts';
import type { ProfileService } from './profile.ts';
import type { StaffService } from './staff.ts';
import type { RequestMeta, SignedIn } from './types.ts';

export interface IdentityServices {
  auth: AuthService;
  profile: ProfileService;
  consents: ConsentService;
  privacy: PrivacyService;
  staff: StaffService;
  /** The demo SMS outbox, when SMS go there (demo mode). */
  outbox: OutboxSmsChannel | null;
}

export function metaOf(request: FastifyRequest): RequestMeta {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

export function setSessionCookie(reply: FastifyReply, platform: Platform, signedIn: SignedIn): void {
  reply.setCookie(SESSION_COOKIE, signedIn.token, {
    httpOnly: true, sameSite: 'lax', secure: platform.config.publicUrl.startsWith('https:'), path: '/', expires: signedIn.expiresAt,
  });
}

const tags = ['identity'];
const NoContent = { 204: Type.Null() };

export async function identityRoutes(app: App, platform: Platform, s: IdentityServices): Promise<void> {
  authRoutes(app, platform, s);
  meRoutes(app, platform, s);
  staffRoutes(app, s);
  devRoutes(app, platform, s);
}

function authRoutes(app: App, platform: Platform, s: IdentityServices): void {
  const signedInReply = async (signedIn: SignedIn) => ({ token: signedIn.token, expiresAt: signedIn.expiresAt.toISOString(), user: await s.profile.view(signedIn.userId) });

  app.post('/api/auth/register/start', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Start signing up: sends a one-time code by SMS', body: S.PhoneBody, response: { 202: S.OtpStarted, ...errorReplies(400, 429, 503) } },
  }, async (request, reply) => reply.status(202).send(await s.auth.startRegistration(request.body.phone, metaOf(request))));

  app.post('/api/auth/register/check', {
    config: { policy: policy.public },
    schema: {
      tags, summary: 'Check a sign-up code without using it (a wrong one counts as an attempt); 204 when right',
      body: S.CodeCheckBody, response: { 204: Type.Null(), ...errorReplies(400) },
    },
  }, async (request, reply) => {
    await s.auth.checkRegistrationCode(request.body.phone, request.body.code);
    return reply.status(204).send(null);
  });

  app.post('/api/auth/register/verify', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Finish signing up with the code; signs in', body: S.RegisterVerifyBody, response: { 201: S.SignedInReply, ...errorReplies(400, 409) } },
  }, async (request, reply) => {
    const signedIn = await s.auth.completeRegistration(request.body, metaOf(request));
    setSessionCookie(reply, platform, signedIn);
    return reply.status(201).send(await signedInReply(signedIn));
  });

  app.post('/api/auth/login', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Sign in with phone number and password', body: S.LoginBody, response: { 200: S.SignedInReply, ...errorReplies(400, 401, 429) } },
  }, async (request, reply) => {
    const signedIn = await s.auth.login(request.body, metaOf(request));
    setSessionCookie(reply, platform, signedIn);
    return signedInReply(signedIn);
  });

  app.post('/api/auth/logout', {
    config: { policy: policy.signedIn },
    schema: { tags, summary: 'Sign out: ends this session', response: { ...NoContent, ...errorReplies(401) } },
  }, async (request, reply) => {
    await s.auth.logout(requirePrincipal(request).sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/api/auth/password-reset/start', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Forgot password: sends a code if the number has an account (same reply either way)', body: S.PhoneBody, response: { 202: S.OtpStarted, ...errorReplies(400, 429, 503) } },
  }, async (request, reply) => reply.status(202).send(await s.auth.startPasswordReset(request.body.phone, metaOf(request))));

  app.post('/api/auth/password-reset/check', {
    config: { policy: policy.public },
    schema: {
      tags, summary: 'Check a password-reset code without using it (a wrong one counts as an attempt); 204 when right, the same 400 for a number without an account',
      body: S.CodeCheckBody, response: { 204: Type.Null(), ...errorReplies(400) },
    },
  }, async (request, reply) => {
    await s.auth.checkPasswordResetCode(request.body.phone, request.body.code);
    return reply.status(204).send(null);
  });

  app.post('/api/auth/password-reset/verify', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Set a new password with the code; ends other sessions', body: S.ResetVerifyBody, response: { ...NoContent, ...errorReplies(400) } },
  }, async (request, reply) => {
    await s.auth.completePasswordReset(request.body, metaOf(request), request.principal);
    return reply.status(204).send(null);
  });
}

function meRoutes(app: App, platform: Platform, s: IdentityServices): void {
  const signedIn = { policy: policy.signedIn };

  app.get('/api/me', {
    config: signedIn,
    schema: { tags, summary: 'The signed-in person: profile, roles, staff memberships and what they may do (abilities)', response: { 200: S.Me, ...errorReplies(401) } },
  }, async (request) => {
    const principal = requirePrincipal(request);
    return { ...(await s.profile.view(principal.userId)), abilities: platform.abilities(principal) };
  });

  app.get('/api/me/prefill', {
    config: signedIn,
    schema: { tags, summary: 'My own data for filling in forms, personal ID in clear (each read is audited)', response: { 200: S.Prefill, ...errorReplies(401) } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await s.profile.prefill(requirePrincipal(request).userId, metaOf(request))));

  app.patch('/api/me/profile', {
    config: signedIn,
    schema: { tags, summary: 'Change my profile', body: S.ProfilePatchBody, response: { 200: S.UserView, ...errorReplies(400, 401, 409) } },
  }, async (request) => s.profile.update(requirePrincipal(request).userId, request.body, metaOf(request)));

  app.get('/api/consents/purposes', {
    config: { policy: policy.public },
    schema: { tags, summary: 'What a person can consent to, with the current text', response: { 200: Type.Array(S.ConsentPurposeText) } },
  }, async (request) => describePurposes(localeFrom(request.headers['accept-language'])));

  app.get('/api/me/consents', {
    config: signedIn,
    schema: { tags, summary: 'My consents, every grant and withdrawal, newest first', response: { 200: Type.Array(S.Consent), ...errorReplies(401) } },
  }, async (request) => s.consents.list(requirePrincipal(request).userId));

  app.post('/api/me/consents', {
    config: signedIn,
    schema: { tags, summary: 'Give consent to a purpose', body: S.ConsentBody, response: { 201: S.Consent, ...errorReplies(400, 401) } },
  }, async (request, reply) => {
    const consent = await s.consents.grant(requirePrincipal(request).userId, request.body.purpose, request.body.version, metaOf(request));
    return reply.status(201).send(consent);
  });

  app.delete('/api/me/consents/:purpose', {
    config: signedIn,
    schema: { tags, summary: 'Withdraw consent (the history is kept)', params: S.ConsentParams, response: { ...NoContent, ...errorReplies(400, 401) } },
  }, async (request, reply) => {
    await s.consents.withdraw(requirePrincipal(request).userId, request.params.purpose, metaOf(request));
    return reply.status(204).send(null);
  });

  app.get('/api/me/export', {
    config: signedIn,
    schema: { tags, summary: 'Download everything held about me (JSON file)', response: { 200: S.DataExport, ...errorReplies(401) } },
  }, async (request, reply) => {
    const data = await s.privacy.export(requirePrincipal(request).userId, metaOf(request));
    const day = new Date().toISOString().slice(0, 10);
    return reply.header('content-disposition', `attachment; filename="cong-dan-so-du-lieu-ca-nhan-${day}.json"`).header('cache-control', 'no-store').send(data);
  });

  app.post('/api/me/deletion-request', {
    config: signedIn,
    schema: { tags, summary: 'Ask to delete my account (anonymised after 30 days unless cancelled); answers with the receipt', response: { 202: S.DeletionRequested, ...errorReplies(401) } },
  }, async (request, reply) => reply.status(202).send(await s.privacy.requestDeletion(requirePrincipal(request).userId, metaOf(request), localeFrom(request.headers['accept-language']))));

  app.get('/api/me/deletion-request', {
    config: signedIn,
    schema: { tags, summary: 'My pending request to delete the account, as a receipt: what will be erased and which records the law keeps, with the legal basis', response: { 200: S.DeletionRequested, ...errorReplies(401, 404) } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await s.privacy.pendingDeletion(requirePrincipal(request).userId, localeFrom(request.headers['accept-language']))));

  app.delete('/api/me/deletion-request', {
    config: signedIn,
    schema: { tags, summary: 'Cancel my request to delete the account', response: { ...NoContent, ...errorReplies(401, 404) } },
  }, async (request, reply) => {
    await s.privacy.cancelDeletion(requirePrincipal(request).userId, metaOf(request));
    return reply.status(204).send(null);
  });
}

function staffRoutes(app: App, s: IdentityServices): void {
  app.get('/api/staff/citizens/:id', {
    config: { policy: policy.roles(...ROLE_SETS.staff) },
    schema: { tags, summary: "A citizen's profile (ID masked) for staff of the citizen's area; every read is audited", params: S.CitizenParams, response: { 200: S.UserView, ...errorReplies(400, 401, 403, 404) } },
  }, async (request) => s.staff.readCitizen(requirePrincipal(request), request.params.id, metaOf(request)));

  app.get('/api/admin/users', {
    config: { policy: policy.ability('identity.manage_users') },
    schema: { tags, summary: 'Accounts, searchable by phone or name (without diacritics too)', querystring: S.AdminUsersQuery, response: { 200: S.AdminUsersReply, ...errorReplies(400, 401, 403) } },
  }, async (request) => s.staff.listUsers({ q: request.query.q, limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 }));
}

function devRoutes(app: App, platform: Platform, s: IdentityServices): void {
  app.get('/api/dev/sms', {
    config: { policy: policy.public },
    schema: { tags: ['dev'], summary: 'Demo mode only: text messages the platform would have sent, newest first', querystring: S.DevSmsQuery, response: { 200: S.DevSmsReply, ...errorReplies(404) } },
  }, async (request) => {
    if (!platform.config.demoMode || !s.outbox) throw notFound();
    const to = request.query.to ? (normalizePhone(request.query.to) ?? request.query.to) : undefined;
    const messages = await s.outbox.list({ to });
    return { messages: messages.map((m) => ({ to: m.to, body: m.body, sentAt: m.sentAt.toISOString() })) };
  });
}
