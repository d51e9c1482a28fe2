import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeParamsSchema } from '../../../shared/admin-common.js';
import {
  adminDistrictSchema,
  districtInputSchema,
  districtUpdateSchema,
} from '../../../shared/network.admin.js';
import { authorOf } from '../history/history.author.js';
import { createDistrict, editDistrict, listDistricts } from './districts.service.js';

const policy = { roles: ['admin'] } as const;
/** A new district is the region's business; an admin of a district may edit that district's card. */
const regionPolicy = { roles: ['admin'], region: true } as const;
const districtPolicy = {
  roles: ['admin'],
  district: (request: { params: unknown }) => (request.params as { code?: string } | undefined)?.code,
} as const;

/** Districts of the region (their population sets the legal minimum of office hours). */
export const adminDistrictRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/api/admin/districts',
    {
      config: { policy },
      schema: {
        tags: ['admin: network'],
        summary: 'Every district with its population and number of offices',
        response: { 200: z.array(adminDistrictSchema) },
      },
    },
    async () => listDistricts({ db: db() }),
  );

  app.post(
    '/api/admin/districts',
    {
      config: { policy: regionPolicy },
      schema: {
        tags: ['admin: network'],
        summary: 'Create a district',
        body: districtInputSchema,
        response: { 201: adminDistrictSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createDistrict({ db: db(), author: authorOf(request) }, request.body)),
  );

  app.put(
    '/api/admin/districts/:code',
    {
      config: { policy: districtPolicy },
      schema: {
        tags: ['admin: network'],
        summary: 'Edit a district: name, kind, population',
        params: codeParamsSchema,
        body: districtUpdateSchema,
        response: { 200: adminDistrictSchema },
      },
    },
    async (request) =>
      editDistrict({ db: db(), author: authorOf(request) }, { ...request.body, code: request.params.code }),
  );
};
