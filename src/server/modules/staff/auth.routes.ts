import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantSchema, loginBodySchema, roles, sessionSchema } from '../../../shared/auth.js';
import { errorBodySchema as errorSchema } from '../../../shared/errors.js';
import { AppError } from '../../errors.js';
import { clearSessionCookie, clientOf, setSessionCookie } from './auth.request.js';
import * as auth from './auth.service.js';
import { csrfTokenFor } from './tokens.js';

const passwordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

/** A browser's word that the request comes from another site: sign-in refuses it (login CSRF). */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return origin === 'null';
  try {
    // URL drops a default port on both sides (`localhost:80` and `localhost` are one host).
    return new URL(origin).host !== new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return true;
  }
}

function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return request.actor;
}

/** Sign-in has no session yet, so no CSRF token: it checks the request's origin instead. */
export const loginRoute = '/api/auth/login';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.database.db, config: app.deps.config };

  app.post(
    loginRoute,
    {
      config: {
        policy: 'public',
        rateLimit: { max: app.deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a login and password; sets the session cookie',
        body: loginBodySchema,
        response: { 200: sessionSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      if (crossSite(request)) throw new AppError('CSRF', 'sign-in from another site refused');
      const { me, token, csrfToken } = await auth.login(request.body, clientOf(request), deps);
      setSessionCookie(request, reply, token);
      return { user: me, csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session (nothing happens without one)',
        response: { 204: z.null(), 403: errorSchema },
      },
    },
    async (request, reply) => {
      if (request.actor) await auth.logout(request.actor, clientOf(request), deps);
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user with roles and scopes, and the CSRF token for mutating requests',
        response: { 200: sessionSchema, 401: errorSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { user: await auth.me(actor, deps), csrfToken: csrfTokenFor(request.sessionToken ?? '') };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary:
          'Change one’s own password; every other session ends and this one gets a new cookie (read the new CSRF token from /api/auth/me)',
        body: passwordBodySchema,
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const { token } = await auth.changePassword(actorOf(request), request.body, clientOf(request), deps);
      // The session goes on under a new token: read the new CSRF token from GET /api/auth/me.
      setSessionCookie(request, reply, token);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/staff/whoami',
    {
      config: { policy: { roles } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in staff member (any staff role)',
        response: {
          200: z.object({
            userId: z.string(),
            login: z.string(),
            fullName: z.string(),
            grants: z.array(grantSchema),
          }),
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request) => {
      const { userId, login, fullName, grants } = actorOf(request);
      return { userId, login, fullName, grants };
    },
  );
};
