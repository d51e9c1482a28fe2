import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookingOfficeParamsSchema,
  bookingReportQuerySchema,
  bookingReportSchema,
  staffBookingSchema,
  staffBookingsQuerySchema,
} from '../../../shared/booking.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { actorScope } from '../staff/auth.policy.js';
import { bookingReport, staffBookings } from './booking.staff.js';

const tags = ['staff: booking'];
const listRoles = ['operator', 'office_head', 'admin'] as const;
const reportRoles = ['office_head', 'analyst', 'admin'] as const;
const officeOf = (request: FastifyRequest) => {
  const office = (request.params as { office?: unknown } | undefined)?.office;
  return typeof office === 'string' ? office : undefined;
};

/** An office's bookings and its booking report, for its staff (the office in the path must be in their scope). */
export const bookingStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({
    db: app.deps.database.db,
    cipher: app.personalData,
    now: app.deps.clock?.() ?? new Date(),
  });

  app.get(
    '/api/staff/offices/:office/bookings',
    {
      config: { policy: { roles: listRoles, office: officeOf } },
      schema: {
        tags,
        summary:
          'An office’s bookings (masked): a day (today by default) or a period; by status, or those cancelled because the office closed',
        params: bookingOfficeParamsSchema,
        querystring: staffBookingsQuerySchema,
        response: { 200: staffBookingSchema.array(), 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) =>
      staffBookings(deps(), actorScope(request, listRoles), request.params.office, request.query),
  );

  app.get(
    '/api/staff/offices/:office/bookings/report',
    {
      config: { policy: { roles: reportRoles, office: officeOf } },
      schema: {
        tags,
        summary:
          'Bookings of a period: per channel and status, the no-show rate, the share of booked visitors called within 5 and 15 minutes',
        params: bookingOfficeParamsSchema,
        querystring: bookingReportQuerySchema,
        response: { 200: bookingReportSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) =>
      bookingReport(deps(), actorScope(request, reportRoles), request.params.office, request.query),
  );
};
