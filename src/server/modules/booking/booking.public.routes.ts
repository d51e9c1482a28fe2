import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  availabilityQuerySchema,
  availabilitySchema,
  bookingCancelSchema,
  bookingCodeParamsSchema,
  bookingConfirmSchema,
  bookingCreateSchema,
  bookingOfficeParamsSchema,
  bookingOfficesQuerySchema,
  bookingOfficesSchema,
  bookingPhoneQuerySchema,
  bookingRescheduleSchema,
  bookingSchema,
  checkedInTicketSchema,
  checkInSchema,
  daySlotsSchema,
  idempotencyHeader,
  slotsQuerySchema,
} from '../../../shared/booking.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { kioskHeader } from '../../../shared/queue.js';
import { AppError } from '../../errors.js';
import { enrolledKioskId } from '../queue/kiosks.service.js';
import { issuingRoles, officeIssuer, requestKiosk } from '../queue/office-issuer.js';
import type { Issuer } from '../queue/tickets.service.js';
import { actorScope } from '../staff/auth.policy.js';
import { clientIp } from '../staff/auth.request.js';
import { scopeCoversOffice } from '../staff/scope-office.js';
import { checkIn } from './booking.check-in.js';
import { bookingOffices } from './booking.offices.js';
import {
  availability,
  type Booker,
  bookingForHolder,
  cancelBooking,
  confirmBooking,
  createBooking,
  daySlotsOf,
  rescheduleBooking,
} from './booking.service.js';

const tags = ['booking'];

const refusals = {
  400: errorBodySchema.describe(
    'VALIDATION naming the field: body.start with params.rule in_past, too_soon, beyond_horizon, day_off, not_on_grid, ' +
      'outside_hours; body.phone (rule russian_mobile)',
  ),
  404: errorBodySchema,
  409: errorBodySchema.describe(
    'SLOT_TAKEN (details.nearest: the nearest free times), BOOKING_LIMIT (details.rule: one_per_service, max_active), ' +
      'PHONE_LIMITED (details.until), BOOKING_NOT_ACTIVE (details.status), SERVICE_NOT_OFFERED, IDEMPOTENCY_KEY_REUSED',
  ),
};

/** Booking for citizens, kiosks and staff channels: free times, booking, the holder's actions, check-in. */
export const bookingPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const clock = () => app.deps.clock?.() ?? new Date();
  const deps = () => ({
    db: app.deps.database.db,
    cipher: app.personalData,
    outbox: () => app.outbox.deps(),
    now: clock(),
  });
  const db = () => app.deps.database.db;
  /**
   * Booking writes from one address: a few a minute is all a person needs. An enrolled kiosk serves a hall of
   * people and a signed-in staff member (the call center, a window) one caller after another: each is counted
   * apart, by the device or the person, with thirty times the allowance — so a call center behind one address
   * is not refused; an unknown token counts as its address. Counted before the handler, once the session is
   * known.
   */
  const perMinute = app.deps.config.bookingRateLimitPerMinute;
  const writeLimit = {
    rateLimit: {
      hook: 'preHandler' as const,
      timeWindow: '1 minute',
      keyGenerator: async (request: FastifyRequest) => {
        if (request.actor) return `staff:${request.actor.userId}`;
        const token = request.headers[kioskHeader];
        const kiosk = typeof token === 'string' ? await enrolledKioskId(db(), token) : null;
        return kiosk ? `kiosk:${kiosk}` : `ip:${clientIp(request) ?? 'unknown'}`;
      },
      max: async (_request: FastifyRequest, key: string) =>
        key.startsWith('ip:') ? perMinute : perMinute * 30,
    },
  };

  /** The channel: the office's kiosk, the call center, the office's staff; anyone else books on the portal. */
  async function bookerOf(request: FastifyRequest, office: string): Promise<Booker> {
    const kiosk = await requestKiosk(db(), request, office, clock());
    if (kiosk) return { channel: 'kiosk', kioskId: kiosk.id };
    const actor = request.actor;
    if (actor) {
      if (actor.grants.some((g) => g.role === 'callcenter'))
        return { channel: 'callcenter', userId: actor.userId };
      if (await scopeCoversOffice(db(), actorScope(request, issuingRoles), office))
        return { channel: 'operator', userId: actor.userId };
    }
    return { channel: 'portal' };
  }
  const staffActor = (request: FastifyRequest) =>
    request.actor ? { userId: request.actor.userId } : undefined;

  app.get(
    '/api/offices/:office/availability',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary:
          'Free days of a month for a service at an office: each date with its count of times that have a seat',
        description:
          'from/to default to today and the end of the booking horizon (at most 62 days). Dates are the office’s.',
        params: bookingOfficeParamsSchema,
        querystring: availabilityQuerySchema,
        response: {
          200: availabilitySchema,
          400: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request) => availability(deps(), request.params.office, request.query),
  );

  app.get(
    '/api/offices/:office/slots',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary:
          'The times of a day a booking of the service may start, each with its seats left (ISO, office’s offset)',
        params: bookingOfficeParamsSchema,
        querystring: slotsQuerySchema,
        response: { 200: daySlotsSchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request) => daySlotsOf(deps(), request.params.office, request.query),
  );

  app.get(
    '/api/bookings/offices',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary:
          'Offices offering a service for booking, nearest first (lat/lon), each with its first free time',
        querystring: bookingOfficesQuerySchema,
        response: { 200: bookingOfficesSchema, 409: errorBodySchema },
      },
    },
    async (request) => bookingOffices(deps(), request.query),
  );

  app.post(
    '/api/bookings',
    {
      config: { policy: 'public', ...writeLimit },
      schema: {
        tags,
        summary: 'Book a time: the seat is taken by the database; an Idempotency-Key makes retries safe',
        description:
          'The channel is the office’s kiosk (X-Kiosk-Token), the call center or the office’s staff (a session), else the portal. ' +
          'A retry with the same Idempotency-Key and body returns the same booking (201).',
        body: bookingCreateSchema,
        response: { 201: bookingSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const keyHeader = request.headers[idempotencyHeader];
      const key = typeof keyHeader === 'string' ? keyHeader.trim() : undefined;
      if (key !== undefined && (key.length < 8 || key.length > 200)) {
        throw new AppError('VALIDATION', 'invalid headers.idempotency-key: 8 to 200 characters', [
          { field: 'headers.idempotency-key', message: '8 to 200 characters', code: 'invalid_format' },
        ]);
      }
      const booker = await bookerOf(request, request.body.office);
      const made = await createBooking(deps(), request.body, booker, key || undefined);
      return reply.status(201).send(made.booking);
    },
  );

  app.get(
    '/api/bookings/:code',
    {
      config: { policy: 'public', sessionless: true, ...writeLimit },
      schema: {
        tags,
        summary: 'A booking by its code and phone (an unknown code and a wrong phone get the same 404)',
        params: bookingCodeParamsSchema,
        querystring: bookingPhoneQuerySchema,
        response: { 200: bookingSchema, 404: errorBodySchema },
      },
    },
    async (request) => bookingForHolder(deps(), request.params.code, request.query.phone),
  );

  app.post(
    '/api/bookings/:code/cancel',
    {
      config: { policy: 'public', ...writeLimit },
      schema: {
        tags,
        summary: 'Cancel a booking (code + phone): its time is free at once',
        params: bookingCodeParamsSchema,
        body: bookingCancelSchema,
        response: { 200: bookingSchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request) => cancelBooking(deps(), request.params.code, request.body.phone, staffActor(request)),
  );

  app.post(
    '/api/bookings/:code/reschedule',
    {
      config: { policy: 'public', ...writeLimit },
      schema: {
        tags,
        summary:
          'Move a booking to another free time in one step (the old time is kept if the new one is taken)',
        params: bookingCodeParamsSchema,
        body: bookingRescheduleSchema,
        response: { 200: bookingSchema, ...refusals },
      },
    },
    async (request) => rescheduleBooking(deps(), request.params.code, request.body, staffActor(request)),
  );

  app.post(
    '/api/bookings/:code/confirm',
    {
      config: { policy: 'public', sessionless: true, ...writeLimit },
      schema: {
        tags,
        summary: 'Confirm a held booking with the code sent by SMS (when the region asks for it)',
        params: bookingCodeParamsSchema,
        body: bookingConfirmSchema,
        response: { 200: bookingSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request) => confirmBooking(deps(), request.params.code, request.body),
  );

  app.post(
    '/api/offices/:office/check-in',
    {
      config: { policy: 'public', ...writeLimit },
      schema: {
        tags,
        summary:
          'Check in a booked visitor (an enrolled kiosk of the office or its staff): a ticket called at the booked time',
        description:
          '409 CHECK_IN_TOO_EARLY (details.comeAt), CHECK_IN_TOO_LATE (where the region refuses late visitors; else an ' +
          'ordinary ticket), BOOKING_NOT_ACTIVE; 404 for an unknown code or one of another office.',
        params: bookingOfficeParamsSchema,
        body: checkInSchema,
        response: {
          201: checkedInTicketSchema,
          401: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const office = request.params.office;
      const issuer = await checkInIssuer(request, office);
      return reply.status(201).send(await checkIn(deps(), office, request.body.code, issuer));
    },
  );

  async function checkInIssuer(request: FastifyRequest, office: string): Promise<Issuer> {
    const issuer = await officeIssuer(db(), request, office, clock());
    if (issuer) return issuer;
    throw new AppError(
      'KIOSK_REQUIRED',
      'check-in is done at an enrolled kiosk of this office or by its staff (operator, office head)',
    );
  }
};
