import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeParamsSchema } from '../../../shared/admin-common.js';
import { adminAgencySchema, agencyInputSchema, agencyUpdateSchema } from '../../../shared/catalog.admin.js';
import { authorOf } from '../history/history.author.js';
import { createAgency, editAgency, listAgencies } from './agencies.service.js';

const tags = ['admin: catalog'];
const config = { policy: { roles: ['admin'] } } as const;
/** Agencies serve the whole region: only its admins change them. */
const regionConfig = { policy: { roles: ['admin'], region: true } } as const;

/** Agencies (ведомства) that services belong to. */
export const adminAgencyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/api/admin/agencies',
    {
      config,
      schema: {
        tags,
        summary: 'Every agency with the number of services that name it',
        response: { 200: z.array(adminAgencySchema) },
      },
    },
    async () => listAgencies({ db: db() }),
  );

  app.post(
    '/api/admin/agencies',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: 'Create an agency',
        body: agencyInputSchema,
        response: { 201: adminAgencySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAgency({ db: db(), author: authorOf(request) }, request.body)),
  );

  app.put(
    '/api/admin/agencies/:code',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: 'Edit an agency',
        params: codeParamsSchema,
        body: agencyUpdateSchema,
        response: { 200: adminAgencySchema },
      },
    },
    async (request) =>
      editAgency({ db: db(), author: authorOf(request) }, { ...request.body, code: request.params.code }),
  );
};
