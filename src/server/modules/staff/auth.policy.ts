import type { FastifyRequest } from 'fastify';
import type { Grant, Role, Scope } from '../../../shared/auth.js';

/**
 * Who may call a route: every route declares it in its config, and one hook (auth.plugin.ts) enforces it.
 *
 *   config: { policy: { roles: ['admin'], office: (r) => (r.params as { code?: string }).code } }
 *   config: { policy: 'public' }
 *
 * `office` / `district` are called before validation (so that a refusal never depends on a body being
 * valid): read the raw params, query or body defensively and return undefined when the value is missing.
 * `region: true` marks an object of the whole region (the calendar, agencies, the catalog, the security
 * log): only a grant on the region covers it. When none is given, or the functions return undefined, a
 * grant of one of the roles on any scope passes and the handler must narrow what it returns or changes
 * with `actorScope(request, roles)`.
 *
 * Every route under /api/ declares one (the app refuses to start otherwise); the decision is always made
 * on the route the router matched, never on the request's raw URL.
 */
export type RoutePolicy =
  | 'public'
  | {
      roles: readonly Role[];
      region?: true;
      office?: (request: FastifyRequest) => string | undefined;
      district?: (request: FastifyRequest) => string | undefined;
    };

/** The signed-in staff member behind a request. */
export type Actor = {
  userId: string;
  login: string;
  fullName: string;
  grants: Grant[];
  mustChangePassword: boolean;
  sessionId: string;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /**
     * A public route that never reads the session (an e-mail's unsubscribe link, a gateway's report): the
     * session cookie is ignored — no actor, so no CSRF token is asked of a signed-in staff member's browser.
     */
    sessionless?: true;
  }
  interface FastifyRequest {
    /** Set for a request that carries a live session; undefined otherwise. */
    actor?: Actor;
  }
}

/** URLs that belong to staff: a route under them must declare a policy with roles. */
export const staffPrefixes = ['/api/admin/', '/api/staff/'] as const;
export const isStaffUrl = (url: string) => staffPrefixes.some((p) => url.startsWith(p));
const isApiUrl = (url: string) => url.startsWith('/api/');

/**
 * The policy a route runs under. A route under /api/ must have declared one (a staff route: with roles);
 * anything else (static files of the web app, /health) is public. The message names the route so the
 * failing start or test points at it.
 */
export function routePolicyOf(
  method: string | string[],
  url: string,
  policy: RoutePolicy | undefined,
): RoutePolicy {
  const name = `route ${[method].flat().join(',')} ${url}`;
  if (isStaffUrl(url)) {
    if (!policy || policy === 'public' || !Array.isArray(policy.roles) || policy.roles.length === 0) {
      throw new Error(`${name} is a staff route and must declare config.policy with roles`);
    }
  }
  if (policy) return policy;
  if (isApiUrl(url)) throw new Error(`${name} must declare config.policy ('public' or roles)`);
  return 'public';
}

/** What a policy protects: the whole region, or an office or district (undefined when not known). */
export type ScopeTarget = { region: true } | { office?: string; district?: string };

/** Whether a scope covers the target: an office (of a district), a district, or the whole region. */
export function scopeCovers(scope: Scope, target: ScopeTarget): boolean {
  if ('region' in target) return scope.kind === 'region';
  if (scope.kind === 'region') return true;
  if (target.office !== undefined) {
    if (scope.kind === 'offices') return scope.offices.includes(target.office);
    return target.district !== undefined && scope.district === target.district;
  }
  if (target.district !== undefined) return scope.kind === 'district' && scope.district === target.district;
  return true;
}

/**
 * Who changes which services an office offers — from the office's side or from the service's side, one
 * rule: an admin or a catalog editor whose grant covers that office.
 */
export const officeServicesRoles = ['admin', 'catalog_editor'] as const satisfies readonly Role[];

/** The grants of an actor that carry one of the roles. */
export const grantsFor = (grants: readonly Grant[], roles: readonly Role[]) =>
  grants.filter((g) => roles.includes(g.role));

/** What a handler may show: the whole region, or the union of the districts and offices granted. */
export type ActorScope = 'region' | { districts: string[]; offices: string[] };

export function scopeOfGrants(grants: readonly Grant[], roles: readonly Role[]): ActorScope {
  const districts = new Set<string>();
  const offices = new Set<string>();
  for (const g of grantsFor(grants, roles)) {
    if (g.scope.kind === 'region') return 'region';
    if (g.scope.kind === 'district') districts.add(g.scope.district);
    else for (const o of g.scope.offices) offices.add(o);
  }
  return { districts: [...districts], offices: [...offices] };
}

/** The scope of the request's actor for these roles; nothing (empty lists) without an actor. */
export function actorScope(request: FastifyRequest, roles: readonly Role[]): ActorScope {
  return scopeOfGrants(request.actor?.grants ?? [], roles);
}

/** Whether an ActorScope covers an office of a district: for filtering lists in handlers. */
export function actorScopeCovers(scope: ActorScope, office: string | undefined, district: string): boolean {
  if (scope === 'region') return true;
  return scope.districts.includes(district) || (office !== undefined && scope.offices.includes(office));
}

/**
 * Whether an ActorScope covers a whole granted scope: the region only by the region, a district by that
 * district, a list of offices when it covers each of them (`districtOf` names each office's district).
 */
export function actorScopeCoversScope(
  scope: ActorScope,
  target: Scope,
  districtOf: (office: string) => string | undefined,
): boolean {
  if (scope === 'region') return true;
  if (target.kind === 'region') return false;
  if (target.kind === 'district') return actorScopeCovers(scope, undefined, target.district);
  return target.offices.every((o) => actorScopeCovers(scope, o, districtOf(o) ?? ''));
}
