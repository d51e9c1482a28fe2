import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminCalendarRoutes } from './calendar.routes.js';
import { adminDistrictRoutes } from './districts.routes.js';
import { adminOfficeRoutes } from './offices.routes.js';

/** The admin API of the network: districts, offices and their schedules, the production calendar. */
export const networkStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(adminDistrictRoutes);
  await app.register(adminOfficeRoutes);
  await app.register(adminCalendarRoutes);
};
