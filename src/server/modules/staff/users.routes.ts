import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adminUserSchema,
  resetPasswordBodySchema,
  securityLogPageSchema,
  securityLogQuerySchema,
  userCreateSchema,
  userGrantsBodySchema,
  userIdParamsSchema,
} from '../../../shared/staff.admin.js';
import { authorOf } from '../history/history.author.js';
import { actorScope } from './auth.policy.js';
import { clientOf } from './auth.request.js';
import * as users from './users.service.js';

const tags = ['admin: users'];
/** Any admin; what each may see and change is narrowed to their scope by the service (users.service.ts). */
const config = { policy: { roles: ['admin'] } } as const;
/** The security log holds everyone's addresses: admins of the region only. */
const regionAdmins = { policy: { roles: ['admin'], region: true } } as const;

/** Staff accounts, their roles on scopes, and the security log. */
export const adminUserRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const write = (request: Parameters<typeof authorOf>[0]) => ({
    db: db(),
    author: authorOf(request),
    client: clientOf(request),
  });

  app.get(
    '/api/admin/users',
    {
      config,
      schema: {
        tags,
        summary:
          'The staff accounts the admin manages (every grant within their scope), with grants and locks',
        response: { 200: z.array(adminUserSchema) },
      },
    },
    async (request) => users.listUsers({ db: db() }, actorScope(request, ['admin'])),
  );

  app.post(
    '/api/admin/users',
    {
      config,
      schema: {
        tags,
        summary: 'Create a staff account (its password must be changed at the first sign-in)',
        body: userCreateSchema,
        response: { 201: adminUserSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await users.createUser(write(request), request.body)),
  );

  app.put(
    '/api/admin/users/:id/grants',
    {
      config,
      schema: {
        tags,
        summary: "Replace a user's roles and scopes (within the admin's own scope; never one's own)",
        params: userIdParamsSchema,
        body: userGrantsBodySchema,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => users.setGrants(write(request), request.params.id, request.body.grants),
  );

  app.post(
    '/api/admin/users/:id/reset-password',
    {
      config,
      schema: {
        tags,
        summary: 'Set a temporary password; every session of the user ends',
        params: userIdParamsSchema,
        body: resetPasswordBodySchema,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => users.resetPassword(write(request), request.params.id, request.body.password),
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/admin/users/:id/${action}`,
      {
        config,
        schema: {
          tags,
          summary: disabled ? 'Disable an account and end its sessions' : 'Enable a disabled account',
          params: userIdParamsSchema,
          response: { 200: adminUserSchema },
        },
      },
      async (request) => users.setUserDisabled(write(request), request.params.id, disabled),
    );
  }

  app.post(
    '/api/admin/users/:id/unlock',
    {
      config,
      schema: {
        tags,
        summary: 'Lift the lock of an account and the sign-in delays of its login',
        params: userIdParamsSchema,
        response: { 200: adminUserSchema },
      },
    },
    async (request) => users.unlockUser(write(request), request.params.id),
  );

  app.get(
    '/api/admin/security-log',
    {
      config: regionAdmins,
      schema: {
        tags,
        summary: 'The security log, newest first, filtered by login, event and dates',
        querystring: securityLogQuerySchema,
        response: { 200: securityLogPageSchema },
      },
    },
    async (request) => users.browseSecurityLog({ db: db() }, request.query),
  );
};
