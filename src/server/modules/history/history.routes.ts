import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { historyPageSchema, historyQuerySchema } from '../../../shared/admin.js';
import { AppError } from '../../errors.js';
import { grantsFor } from '../auth/auth.policy.js';
import { getHistory } from './history.service.js';

/** What a catalog editor may follow: the objects they edit. The rest of the log is the admins'. */
const catalogEntities = new Set(['service', 'agency']);

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
      const isAdmin = grantsFor(request.actor?.grants ?? [], ['admin']).length > 0;
      if (!isAdmin && !catalogEntities.has(request.query.entity)) {
        throw new AppError(
          'FORBIDDEN',
          `only an admin may read the history of ${request.query.entity} objects`,
        );
      }
      return getHistory({ db: app.deps.database.db }, request.query);
    },
  );
};
