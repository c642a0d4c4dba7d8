// Security headers on every reply (helmet). The web app loads everything from its
// own origin: scripts, the map's vector tiles (/api/tiles) and MapLibre's worker (a module
// file from /assets; blob: kept for the worker's own fallbacks). Inline styles stay allowed
// because React and MapLibre set style attributes.
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  // camera streams: hls.js feeds the video element through Media Source (a blob: URL)
  mediaSrc: ["'self'", 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function installSecurityHeaders(app: FastifyInstance, publicUrl: string): Promise<void> {
  // helmet's middleware built once, not through @fastify/helmet, which builds it anew for every
  // request (parsing the policy each time: 8 µs and 9 KB of garbage a request, for the same headers)
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // only over https: a browser that saw HSTS on http://localhost would refuse it afterwards
    strictTransportSecurity: publicUrl.startsWith('https:') ? { maxAge: 365 * 86400, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // photos and Open311 media are fetched by other sites' pages
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined)));
}
