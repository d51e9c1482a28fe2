import type { FastifyReply, FastifyRequest } from 'fastify';
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
import { errorBodySchema as errorSchema } from '../../../shared/errors.js';
import { servicesCacheKey } from './catalog.cache.js';
import { catalogBody, sendCatalogBody, serializeByRoute } from './catalog.etag.js';
import {
  findServices,
  getServiceCard,
  listAgencies,
  listCategories,
  listSituations,
} from './catalog.service.js';

const codeParams = z.object({ code: z.string().min(1).max(64) });
/** Every public catalog read has an ETag: If-None-Match naming it gets this, with no body. */
const notModified = z.null().describe('Not modified: If-None-Match names the current ETag (no body)');

/** The public catalog: only published versions of services are visible here. */
export const catalogPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.deps.database.db });
  // An answer is serialized by the route's response schema once, then served from the instance's cache
  // (dropped on any change of the catalog: catalog.cache.ts), with an ETag (catalog.etag.ts).
  const cachedRead = async (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    load: () => Promise<unknown>,
  ) =>
    sendCatalogBody(
      request,
      reply,
      await app.catalogCache.read(key, async () => serializeByRoute(reply, await load())),
    );

  app.get(
    '/api/agencies',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Agencies, federal first, with the number of published services of each',
        response: { 200: z.array(agencySchema), 304: notModified },
      },
    },
    async (request, reply) => cachedRead(request, reply, 'agencies', () => listAgencies(deps())),
  );

  app.get(
    '/api/categories',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Service categories with the number of published services in each',
        response: { 200: z.array(categorySchema), 304: notModified },
      },
    },
    async (request, reply) => cachedRead(request, reply, 'categories', () => listCategories(deps())),
  );

  app.get(
    '/api/situations',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Life situations with the number of published services for each',
        response: { 200: z.array(situationSchema), 304: notModified },
      },
    },
    async (request, reply) => cachedRead(request, reply, 'situations', () => listSituations(deps())),
  );

  app.get(
    '/api/services',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary:
          'Published services: searched by q (word forms, aliases, typos), filtered by category, agency, situation or office; unknown filter codes give an empty page',
        description:
          'Like every public catalog read, the answer carries a strong ETag (a hash of the body) and Cache-Control: no-cache; a request whose If-None-Match names the current tag gets 304 with no body. Any change of what the catalog shows (publishing, agencies, offices and their services) changes the tag.',
        querystring: servicesQuerySchema,
        response: { 200: servicesPageSchema, 304: notModified, 400: errorSchema },
      },
    },
    async (request, reply) =>
      cachedRead(request, reply, servicesCacheKey(request.query), () => findServices(deps(), request.query)),
  );

  app.get(
    '/api/services/:code',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'The published card of a service: documents, fee, term, stages and the offices offering it',
        params: codeParams,
        response: { 200: serviceCardSchema, 304: notModified, 400: errorSchema, 404: errorSchema },
      },
    },
    // Not kept in the cache (one entry per service, and rarely read twice in a row): revalidated by ETag.
    async (request, reply) =>
      sendCatalogBody(
        request,
        reply,
        catalogBody(serializeByRoute(reply, await getServiceCard(deps(), request.params.code))),
      ),
  );
};
