// Browser routes of eID sign-in: start (302 to the provider) and callback (302 back
// into the app). Failures go to the web app's sign-in page, never to a JSON error.
import type { CustomFetch } from 'openid-client';
import { Type } from 'typebox';
import { policy } from '../../../platform/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import type { App, Platform } from '../../../platform/module.ts';
import { metaOf, setSessionCookie } from '../routes.ts';
import { errorReplies } from '@cds/contracts/common';
import * as S from '@cds/contracts/identity';
import { identitySettings } from '../settings.ts';
import { EID_FAILURE_PATH, EID_STATE_COOKIE, EID_STATE_TTL_SECONDS, EidFailure, type EidService } from './service.ts';

const tags = ['identity'];
const STATE_COOKIE_PATH = '/api/auth/eid';

export async function eidRoutes(app: App, platform: Platform, eid: EidService | null): Promise<void> {
  const secure = platform.config.publicUrl.startsWith('https:');

  app.get('/api/auth/eid/start', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Sign in with the national eID (VNeID): redirects to the provider', querystring: S.EidStartQuery, response: { 302: Type.Null(), ...errorReplies(503) } },
  }, async (request, reply) => {
    if (!eid) throw new AppError(503, 'identity.eid_unavailable');
    const { redirectUrl, state } = await eid.start(request.query.returnTo);
    reply.setCookie(EID_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure, path: STATE_COOKIE_PATH, maxAge: EID_STATE_TTL_SECONDS });
    return reply.header('cache-control', 'no-store').redirect(redirectUrl, 302);
  });

  app.get('/api/auth/eid/callback', {
    config: { policy: policy.public },
    schema: { tags, summary: 'Where the eID provider returns; signs in and redirects into the app', querystring: S.EidCallbackQuery, response: { 302: Type.Null() } },
  }, async (request, reply) => {
    reply.clearCookie(EID_STATE_COOKIE, { path: STATE_COOKIE_PATH });
    reply.header('cache-control', 'no-store');
    if (!eid) return reply.redirect(EID_FAILURE_PATH, 302);
    const url = new URL(identitySettings.of(platform.config).eid.redirectUri);
    url.search = request.url.split('?')[1] ?? '';
    try {
      const { signedIn, returnTo } = await eid.finish(url, request.cookies[EID_STATE_COOKIE], metaOf(request));
      setSessionCookie(reply, platform, signedIn);
      return reply.redirect(returnTo, 302);
    } catch (err) {
      if (!(err instanceof EidFailure)) throw err;
      request.log.warn({ reason: err.reason, err: err.cause }, 'eID sign-in failed');
      return reply.redirect(EID_FAILURE_PATH, 302);
    }
  });
}

/** Reaches the embedded demo provider through the app itself, so it works behind any proxy. */
export function inProcessFetch(getApp: () => App | undefined): CustomFetch {
  return async (url, options) => {
    const app = getApp();
    if (!app) throw new Error('the app is not ready to serve the demo eID provider');
    const target = new URL(url);
    const body = options.body;
    let payload: string | Buffer | undefined;
    if (typeof body === 'string') payload = body;
    else if (body instanceof URLSearchParams) payload = body.toString();
    else if (body instanceof Uint8Array) payload = Buffer.from(body);
    else if (body instanceof ArrayBuffer) payload = Buffer.from(new Uint8Array(body));
    else if (body) throw new Error('streamed request bodies are not supported in-process');
    const res = await app.inject({
      method: options.method as 'GET' | 'POST',
      url: `${target.pathname}${target.search}`,
      headers: { ...options.headers, host: target.host },
      payload,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, String(v));
    }
    return new Response(res.statusCode === 204 || res.statusCode === 304 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
  };
}
