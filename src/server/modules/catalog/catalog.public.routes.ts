import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agencySchema,
  categorySchema,
  serviceCardSchema,
  servicesPageSchema,
  servicesQuerySchema,
  situationSchema,
} from '../../../shared/catalog.js';
import {
  findServices,
  getServiceCard,
  listAgencies,
  listCategories,
  listSituations,
} from './catalog.service.js';

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
const codeParams = z.object({ code: z.string().min(1).max(64) });

/** The public catalog: only published versions of services are visible here. */
export const catalogPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.deps.database.db });

  app.get(
    '/api/agencies',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Agencies, federal first, with the number of published services of each',
        response: { 200: z.array(agencySchema) },
      },
    },
    async () => listAgencies(deps()),
  );

  app.get(
    '/api/categories',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Service categories with the number of published services in each',
        response: { 200: z.array(categorySchema) },
      },
    },
    async () => listCategories(deps()),
  );

  app.get(
    '/api/situations',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Life situations with the number of published services for each',
        response: { 200: z.array(situationSchema) },
      },
    },
    async () => listSituations(deps()),
  );

  app.get(
    '/api/services',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary:
          'Published services: searched by q (word forms, aliases, typos), filtered by category, agency, situation or office; unknown filter codes give an empty page',
        querystring: servicesQuerySchema,
        response: { 200: servicesPageSchema, 400: errorSchema },
      },
    },
    async (request) => findServices(deps(), request.query),
  );

  app.get(
    '/api/services/:code',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'The published card of a service: documents, fee, term, stages and the offices offering it',
        params: codeParams,
        response: { 200: serviceCardSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => getServiceCard(deps(), request.params.code),
  );
};
