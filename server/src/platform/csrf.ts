// Cross-site request forgery. SameSite=Lax keeps the session cookie off cross-site POSTs in
// today's browsers, but not off same-site ones (a sibling subdomain) nor in older browsers,
// so a request that changes something and carries the cookie must also come from the
// platform's own pages: its Origin (or, without one, Sec-Fetch-Site) says so. Bearer tokens
// are never sent by a browser on its own and need no check. JSON routes also refuse the
// content types a plain HTML form can send without a preflight.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth.ts';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CHECKED_PREFIXES = ['/api/', '/open311/'];
/** What an HTML form or a no-cors fetch can send cross-site without asking first (multipart stays: uploads use it). */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'text/plain'];
/** Routes whose contract is a form post (Open311 GeoReport v2 takes form-encoded requests from outside clients). */
const FORM_PREFIXES = ['/open311/'];

function isCookieAuthenticated(request: FastifyRequest): boolean {
  return !request.headers.authorization?.startsWith('Bearer ') && !!request.cookies?.[SESSION_COOKIE];
}

export function isSameOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === publicOrigin || origin === `${request.protocol}://${request.host}`;
  const site = request.headers['sec-fetch-site'];
  // no Origin and no Fetch Metadata: not a browser, so not a forgery riding on a cookie
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function installCsrfProtection(app: FastifyInstance, publicUrl: string): void {
  const publicOrigin = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const url = request.url;
    if (!CHECKED_PREFIXES.some((p) => url.startsWith(p))) return;
    if (isCookieAuthenticated(request) && !isSameOrigin(request, publicOrigin)) throw new AppError(403, 'request.cross_origin');
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (FORM_TYPES.includes(type) && !FORM_PREFIXES.some((p) => url.startsWith(p))) throw new AppError(415, 'request.unsupported_media_type');
  });
}
