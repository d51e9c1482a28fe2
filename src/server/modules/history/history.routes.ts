import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { historyPageSchema, historyQuerySchema } from '../../../shared/admin.js';
import { getHistory } from './history.service.js';

/** The change log of the admin console: who changed what, when, with the values before and after. */
export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/history',
    {
      // Catalog editors follow the history of the services they edit; the rest is the admins'.
      config: { policy: { roles: ['admin', 'catalog_editor'] } },
      schema: {
        tags: ['admin: history'],
        summary: "An object's history of changes, newest first (key omitted: every object of the kind)",
        querystring: historyQuerySchema,
        response: { 200: historyPageSchema },
      },
    },
    async (request) => getHistory({ db: app.deps.database.db }, request.query),
  );
};
