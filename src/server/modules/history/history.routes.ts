import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { historyPageSchema, historyQuerySchema } from '../../../shared/history.js';
import { requireMayReadHistory } from './history.policy.js';
import { getHistory } from './history.service.js';

/** The change log of the admin console: who changed what, when, with the values before and after. */
export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/history',
    {
      config: { policy: { roles: ['admin', 'catalog_editor'] } },
      schema: {
        tags: ['admin: history'],
        summary: "An object's history of changes, newest first (key omitted: every object of the kind)",
        querystring: historyQuerySchema,
        response: { 200: historyPageSchema },
      },
    },
    async (request) => {
      const db = app.deps.database.db;
      await requireMayReadHistory(db, request.actor?.grants ?? [], request.query.entity, request.query.key);
      return getHistory({ db }, request.query);
    },
  );
};
