import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kioskPublicRoutes } from './kiosks.public.routes.js';
import { kioskStaffRoutes } from './kiosks.staff.routes.js';

/** Enrolled kiosks: the device's exchange of its one-time code, and the admin's enrollment routes. */
export const kioskRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(kioskPublicRoutes);
  await app.register(kioskStaffRoutes);
};
