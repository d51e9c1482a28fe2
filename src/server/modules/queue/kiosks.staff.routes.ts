import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema as errorSchema } from '../../../shared/errors.js';
import {
  kioskCreateSchema,
  kioskEnrollmentSchema,
  kioskSchema,
  queueCodeSchema,
  ticketIdParamsSchema,
} from '../../../shared/queue.js';
import { authorOf } from '../history/history.author.js';
import { actorScope } from '../staff/auth.policy.js';
import * as kiosks from './kiosks.service.js';

const tags = ['admin: queue'];
const roles = ['admin'] as const;
/** Read before validation (auth.policy.ts): the office named in the query or the body, if any. */
const officeIn = (request: FastifyRequest) => {
  const from = (value: unknown) => {
    const office = (value as { office?: unknown } | undefined)?.office;
    return typeof office === 'string' ? office : undefined;
  };
  return from(request.query) ?? from(request.body);
};
const officePolicy = { policy: { roles, office: officeIn } } as const;
/** A kiosk by id: any admin passes the hook, the query finds only kiosks of offices in their scope. */
const kioskPolicy = { policy: { roles } } as const;
const kioskParams = ticketIdParamsSchema;

/** Enrolled kiosks of an office: enroll (a one-time code), a new code, revoke. Admins, within their scope. */
export const kioskStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const write = (request: FastifyRequest) => ({ db: db(), author: authorOf(request), now: new Date() });

  app.get(
    '/api/admin/kiosks',
    {
      config: officePolicy,
      schema: {
        tags,
        summary: 'The kiosks of an office, oldest first',
        querystring: z.object({ office: queueCodeSchema }),
        response: { 200: z.array(kioskSchema), 404: errorSchema },
      },
    },
    async (request) => kiosks.listKiosks({ db: db() }, actorScope(request, roles), request.query.office),
  );

  app.post(
    '/api/admin/kiosks',
    {
      config: officePolicy,
      schema: {
        tags,
        summary: 'Enroll a kiosk for an office: its one-time code (24 h) is shown once',
        body: kioskCreateSchema,
        response: { 201: kioskEnrollmentSchema, 400: errorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await kiosks.createKiosk(write(request), request.body)),
  );

  app.post(
    '/api/admin/kiosks/:id/code',
    {
      config: kioskPolicy,
      schema: {
        tags,
        summary: 'A fresh one-time code for a kiosk; its device token stops working at once',
        params: kioskParams,
        response: { 200: kioskEnrollmentSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => kiosks.newKioskCodeFor(write(request), actorScope(request, roles), request.params.id),
  );

  app.post(
    '/api/admin/kiosks/:id/revoke',
    {
      config: kioskPolicy,
      schema: {
        tags,
        summary: 'Revoke a kiosk for good: its token and code stop working',
        params: kioskParams,
        response: { 200: kioskSchema, 404: errorSchema },
      },
    },
    async (request) => kiosks.revokeKiosk(write(request), actorScope(request, roles), request.params.id),
  );
};
