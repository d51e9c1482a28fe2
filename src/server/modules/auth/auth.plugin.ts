import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/auth.js';
import { AppError } from '../../errors.js';
import { checkRouteDeclaresPolicy, grantsFor, type RoutePolicy, scopeCovers } from './auth.policy.js';
import { districtOfOffice } from './auth.repository.js';
import { clientOf, csrfHeader, sessionCookie } from './auth.request.js';
import { authRoutes } from './auth.routes.js';
import { resolveSession } from './auth.service.js';
import { recordSecurityEventAlone } from './security-log.js';
import { csrfTokenFor, sameToken } from './tokens.js';

/** Every route of the app with its policy, for the authorization test that walks them all. */
export type RouteEntry = { method: string; url: string; policy: RoutePolicy | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routePolicies: RouteEntry[];
  }
  interface FastifyRequest {
    /** The raw session token of the request's cookie, when it carried a live session. */
    sessionToken?: string;
  }
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Sign-in has no session yet, so no CSRF token: it checks the request's origin instead.
const csrfExempt = new Set(['/api/auth/login']);

/**
 * Sign-in, sessions, the route policies and the security headers and rate limits. Registered on the root
 * instance before every domain module: its hooks guard every route registered after it, and a staff route
 * without a policy stops the app from starting.
 */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  const { config, database } = app.deps;
  const deps = { db: database.db, config };

  await app.register(cookie);
  await app.register(helmet, {
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
    // HSTS only means something over https; a plain-http embedded install must stay reachable.
    hsts: false,
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !request.url.startsWith('/api/'),
  });

  app.decorate('routePolicies', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    checkRouteDeclaresPolicy(route.method, route.url, policy);
    for (const method of [route.method].flat()) app.routePolicies.push({ method, url: route.url, policy });
  });

  const refuse = async (request: FastifyRequest, reason: string, roles: readonly Role[], target?: object) => {
    const actor = request.actor;
    await recordSecurityEventAlone(database.db, {
      event: 'access_denied',
      result: 'refused',
      userId: actor?.userId,
      login: actor?.login,
      ...clientOf(request),
      details: { method: request.method, route: request.routeOptions.url, reason, roles, ...target },
    });
    return new AppError('FORBIDDEN', 'you may not do this here');
  };

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookie];
    if (token) {
      const actor = await resolveSession(token, clientOf(request), deps);
      if (actor) {
        request.actor = actor;
        request.sessionToken = token;
      }
    }
    const routeUrl = request.routeOptions.url ?? '';
    if (request.actor && request.sessionToken && mutating.has(request.method) && !csrfExempt.has(routeUrl)) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== 'string' || !sameToken(sent, csrfTokenFor(request.sessionToken))) {
        throw new AppError('CSRF', `missing or wrong ${csrfHeader} header`);
      }
    }
    const policy = request.routeOptions.config?.policy;
    if (!policy || policy === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
    // A password an admin set (a new account, a reset) is known to two people: it opens nothing but the
    // change of password (a public route for a signed-in user).
    if (request.actor.mustChangePassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your password first (POST /api/auth/password)');
    }
    if (grantsFor(request.actor.grants, policy.roles).length === 0) {
      throw await refuse(request, 'role', policy.roles);
    }
  });

  // The scope check runs after the body is parsed (an office may be named in it) but before validation,
  // so a refusal never depends on whether the rest of the body is valid.
  const districts = new Map<string, { district: string | undefined; at: number }>();
  const districtOf = async (office: string) => {
    const cached = districts.get(office);
    if (cached && Date.now() - cached.at < 60_000) return cached.district;
    const district = await districtOfOffice(database.db, office);
    if (districts.size > 10_000) districts.clear();
    districts.set(office, { district, at: Date.now() });
    return district;
  };
  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config?.policy;
    if (!policy || policy === 'public' || !request.actor) return;
    const office = policy.office?.(request);
    const district = office !== undefined ? await districtOf(office) : policy.district?.(request);
    if (office === undefined && district === undefined) return;
    const target = { office, district };
    if (!grantsFor(request.actor.grants, policy.roles).some((g) => scopeCovers(g.scope, target))) {
      throw await refuse(request, 'scope', policy.roles, target);
    }
  });

  await app.register(authRoutes);
}
