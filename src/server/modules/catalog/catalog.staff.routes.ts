import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminAgencyRoutes } from './agencies.routes.js';
import { adminServiceRoutes } from './services.routes.js';

/** The admin API of the catalog: agencies, service cards with drafts and publishing, offices offering them. */
export const catalogStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(adminAgencyRoutes);
  await app.register(adminServiceRoutes);
};
