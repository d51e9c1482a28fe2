import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Role } from '../../../shared/auth.js';
import { AppError } from '../../errors.js';
import { isMutating } from '../../http/methods.js';
import { districtsOfOffices } from '../network/service-offices.js';
import { grantsFor, type RoutePolicy, routePolicyOf, type ScopeTarget, scopeCovers } from './auth.policy.js';
import { clientIp, clientOf, csrfHeader, servedOverHttps, sessionCookie } from './auth.request.js';
import { authRoutes, loginRoute } from './auth.routes.js';
import { resolveSession } from './auth.service.js';
import { createRefusalLog, type RefusalLog } from './refusal-log.js';
import { csrfTokenFor, sameToken } from './tokens.js';

/** Every route of the app with its policy, for the authorization test that walks them all. */
export type RouteEntry = { method: string; url: string; policy: RoutePolicy };

/** Why the auth hooks refused a request, for the security log. */
type Refusal = { reason: 'role' | 'scope'; roles: readonly Role[]; target?: object };

declare module 'fastify' {
  interface FastifyInstance {
    routePolicies: RouteEntry[];
    refusals: RefusalLog;
  }
  interface FastifyRequest {
    /** The raw session token of the request's cookie, when it carried a live session. */
    sessionToken?: string;
    refusal?: Refusal;
  }
}

export const hsts = 'max-age=31536000; includeSubDomains';

/** The policy of the route the router matched; undefined when it matched none (a 404). */
const policyOf = (request: FastifyRequest): RoutePolicy | undefined => request.routeOptions.config?.policy;
/** The matched route's own URL pattern, never the request's spelling of it. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? '';
const isApiRoute = (request: FastifyRequest) => routeOf(request).startsWith('/api/');

/**
 * Sign-in, sessions, the route policies, the security headers and the rate limits. Registered on the root
 * instance before every domain module: its hooks guard every route registered after it, and a route
 * without the policy it needs stops the app from starting. Every decision is made on the route the router
 * matched (its declared policy and config), never on the raw URL: the router and a string test of the URL
 * disagreed once, and `/%61pi/admin/users` was read without a session.
 */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  const { config, database } = app.deps;
  const deps = { db: database.db, config };

  await app.register(cookie);
  // Helmet's headers, its middleware built once (the Fastify wrapper rebuilds it, parsing the policy, on
  // every request): the same headers on every answer, for a fraction of the cost.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        // The Vite build loads external module scripts only; React style props need inline styles.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS is set per response below, only over https: a plain-http embedded install must stay reachable.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, () => done());
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !isApiRoute(request),
    keyGenerator: (request) => clientIp(request) ?? 'unknown',
  });

  const refusals = createRefusalLog(database.db, {
    onError: (err) => app.log.error({ err }, 'could not write a refusal to the security log'),
  });
  app.decorate('refusals', refusals);
  app.addHook('onClose', () => refusals.close());

  app.decorate('routePolicies', [] as RouteEntry[]);
  // The hooks go on each route after the rate limiter's (registered above, so its onRoute ran first): a
  // flood of refused requests is limited before any session is looked up.
  const append = <T>(hooks: T | T[] | undefined, hook: T): T[] => [
    ...(hooks === undefined ? [] : ([hooks].flat() as T[])),
    hook,
  ];
  app.addHook('onRoute', (route) => {
    const policy = routePolicyOf(route.method, route.url, route.config?.policy);
    route.config = { ...route.config, policy };
    route.onRequest = append(route.onRequest, authenticate);
    route.preValidation = append(route.preValidation, checkScope);
    for (const method of [route.method].flat()) app.routePolicies.push({ method, url: route.url, policy });
  });

  const authenticate = async (request: FastifyRequest) => {
    const policy = policyOf(request);
    if (policy === undefined) return;
    if (policy === 'public' && request.routeOptions.config?.sessionless) return;
    const token = request.cookies[sessionCookie];
    if (token && (isApiRoute(request) || policy !== 'public')) {
      const actor = await resolveSession(token, clientOf(request), deps);
      if (actor) {
        request.actor = actor;
        request.sessionToken = token;
      }
      // The CSRF token derives from the cookie, so it is checked whether or not the session still lives:
      // another site can neither end a session (logout) nor act with one. Sign-in checks the origin instead.
      if (isMutating(request.method) && routeOf(request) !== loginRoute) {
        const sent = request.headers[csrfHeader];
        if (typeof sent !== 'string' || !sameToken(sent, csrfTokenFor(token))) {
          throw new AppError('CSRF', `missing or wrong ${csrfHeader} header`);
        }
      }
    }
    if (policy === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
    // A password an admin set (a new account, a reset) is known to two people: it opens nothing but the
    // change of password (a public route for a signed-in user).
    if (request.actor.mustChangePassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your password first (POST /api/auth/password)');
    }
    if (grantsFor(request.actor.grants, policy.roles).length === 0) {
      request.refusal = { reason: 'role', roles: policy.roles };
      throw new AppError('FORBIDDEN', 'you may not do this here');
    }
  };

  // Read on each request, not cached: an office moved to another district must not keep its old scope
  // for a while, on any instance (a primary-key lookup, only for office-scoped routes).
  const districtOf = async (office: string) => (await districtsOfOffices(database.db, [office])).get(office);
  const targetOf = async (
    policy: Exclude<RoutePolicy, 'public'>,
    request: FastifyRequest,
  ): Promise<ScopeTarget | undefined> => {
    if (policy.region) return { region: true };
    const office = policy.office?.(request);
    const district = office !== undefined ? await districtOf(office) : policy.district?.(request);
    return office === undefined && district === undefined ? undefined : { office, district };
  };
  // The scope check runs after the body is parsed (an office may be named in it) but before validation,
  // so a refusal never depends on whether the rest of the body is valid.
  const checkScope = async (request: FastifyRequest) => {
    const policy = policyOf(request);
    if (!policy || policy === 'public' || !request.actor) return;
    const target = await targetOf(policy, request);
    if (!target) return;
    if (!grantsFor(request.actor.grants, policy.roles).some((g) => scopeCovers(g.scope, target))) {
      request.refusal = { reason: 'scope', roles: policy.roles, target };
      throw new AppError('FORBIDDEN', 'you may not do this here');
    }
  };

  app.addHook('onSend', async (request, reply) => {
    // An answer to a signed-in user (or about one: the CSRF token of /api/auth/me) must never sit in a
    // browser's or a proxy's cache.
    const policy = policyOf(request);
    // The web app's files hold nothing personal: a signed-in browser caches them like any other.
    const api = isApiRoute(request);
    const personal =
      (api && (request.actor !== undefined || request.cookies[sessionCookie] !== undefined)) ||
      routeOf(request).startsWith('/api/auth/') ||
      (policy !== undefined && policy !== 'public');
    if (personal) reply.header('cache-control', 'no-store');
    if (servedOverHttps(request)) reply.header('strict-transport-security', hsts);
  });

  app.addHook('onError', async (request, _reply, error) => {
    const entry = refusalEntry(request, error);
    if (entry) await refusals.record(entry);
  });

  await app.register(authRoutes);
}

/**
 * The security-log entry of a refused request, or undefined when it is not one to log: every refusal
 * (401, 403, 429) of a request that carries a session cookie, every CSRF and cross-site refusal, and every
 * sign-in that was refused by a limit or failed on the server's side.
 */
function refusalEntry(request: FastifyRequest, error: FastifyError | AppError) {
  const code = error instanceof AppError ? error.code : undefined;
  const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
  const route = routeOf(request);
  const base = {
    userId: request.actor?.userId,
    login: request.actor?.login,
    ...clientOf(request),
  };
  const details = { method: request.method, route, status, ...(code ? { code } : {}) };
  if (route === loginRoute) {
    if (code === 'CSRF') {
      return {
        ...base,
        event: 'access_denied' as const,
        result: 'refused' as const,
        details: { ...details, reason: 'cross_site' },
      };
    }
    if (status === 429 || status >= 500) {
      const reason = status === 429 ? (code === 'RATE_LIMITED' ? 'throttled' : 'rate_limited') : 'error';
      return {
        ...base,
        event: 'login_failure' as const,
        result: status === 429 ? ('refused' as const) : ('failed' as const),
        details: { ...details, reason },
      };
    }
    return undefined;
  }
  const hasCookie = Boolean(request.cookies?.[sessionCookie]);
  if (code !== 'CSRF' && !(hasCookie && [401, 403, 429].includes(status))) return undefined;
  const reason =
    request.refusal?.reason ??
    (code === 'CSRF'
      ? 'csrf'
      : status === 401
        ? 'session'
        : status === 429
          ? 'rate_limited'
          : code === 'PASSWORD_CHANGE_REQUIRED'
            ? 'password_change_required'
            : 'handler');
  return {
    ...base,
    event: 'access_denied' as const,
    result: 'refused' as const,
    details: {
      ...details,
      reason,
      ...(request.refusal ? { roles: request.refusal.roles, ...request.refusal.target } : {}),
    },
  };
}
