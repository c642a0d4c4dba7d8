// Who is calling. The identity module resolves a session token into a Principal; every
// route declares a policy and the platform enforces it before the handler runs
// (deny by default: a route under /api without a policy refuses to register).
// Roles come from @cds/contracts; who may do what is in each module's policy.ts.
import type { Ability, Role, StaffRole } from '@cds/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './errors.ts';

/** A staff membership: acting as `role` for `agencyId` within the area `areaCode`. */
export interface Membership {
  id: string;
  role: StaffRole;
  agencyId: string | null;
  /** Province code (2 digits) or commune code (5 digits); null = no area limit (sysadmin). */
  areaCode: string | null;
}

export interface Principal {
  userId: string;
  sessionId: string;
  roles: Role[];
  memberships: Membership[];
}

export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'ability'; ability: Ability };

export const policy = {
  public: { kind: 'public' } as RoutePolicy,
  signedIn: { kind: 'signed_in' } as RoutePolicy,
  roles: (...roles: Role[]): RoutePolicy => ({ kind: 'roles', roles }),
  /** Holders of an ability of a module's table (the same answer GET /api/me gives). */
  ability: (ability: Ability): RoutePolicy => ({ kind: 'ability', ability }),
};

export const SESSION_COOKIE = 'cds_session';

export type SessionResolver = (token: string) => Promise<Principal | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function tokenFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return request.cookies?.[SESSION_COOKIE] || undefined;
}

/** The signed-in principal, or a 401 for handlers whose policy guarantees one. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

export function hasRole(principal: Principal | null, ...roles: readonly Role[]): boolean {
  return !!principal && principal.roles.some((r) => roles.includes(r));
}

const GUARDED_PREFIXES = ['/api/', '/open311/'];
const UNGUARDED = new Set(['/api/docs', '/api/openapi.json']);

/** Answers whether a principal holds an ability, from every registered module's table. */
export type AbilityCheck = (principal: Principal, ability: Ability) => boolean;

export function installAuth(app: FastifyInstance, resolveSession: () => SessionResolver | undefined, holds: AbilityCheck): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!GUARDED_PREFIXES.some((p) => url.startsWith(p)) || [...UNGUARDED].some((u) => url.startsWith(u))) return;
    if (!route.config?.policy) throw new Error(`route ${String(route.method)} ${url} declares no policy`);
  });
  // The policy is enforced as soon as the caller is known, before the body is read or
  // validated: an anonymous request to a protected route costs no parsing (a 401, not a 400).
  app.addHook('onRequest', async (request) => {
    const token = tokenFrom(request);
    const resolver = resolveSession();
    request.principal = token && resolver ? await resolver(token) : null;
    const p = request.routeOptions.config?.policy;
    if (!p || p.kind === 'public') return;
    if (!request.principal) throw unauthorized();
    if (p.kind === 'roles' && !hasRole(request.principal, ...p.roles)) throw forbidden();
    if (p.kind === 'ability' && !holds(request.principal, p.ability)) throw forbidden();
  });
}
