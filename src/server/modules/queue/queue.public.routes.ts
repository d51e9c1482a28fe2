import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/errors.js';
import {
  issuedTicketSchema,
  kioskSetupSchema,
  loadQuerySchema,
  officeLoadSchema,
  officeParamsSchema,
  publicTicketSchema,
  ticketCreateSchema,
  trackParamsSchema,
} from '../../../shared/queue.js';
import { AppError } from '../../errors.js';
import { kioskSetup } from './kiosk-setup.js';
import { officeIssuer, requestKiosk } from './office-issuer.js';
import { officeLoad, officeLoads } from './queue.load.js';
import { type Issuer, issueTicket, publicTicket } from './tickets.service.js';

const tags = ['queue'];

/** The queue for citizens and kiosks: taking a ticket, following it, the load of offices, the kiosk's menu. */
export const queuePublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const clock = () => app.deps.clock?.() ?? new Date();
  const deps = () => ({
    db: app.deps.database.db,
    cipher: app.personalData,
    outbox: () => app.outbox.deps(),
    now: clock(),
  });

  /** An enrolled kiosk of the office (X-Kiosk-Token) or a staff member of the office; else refused. */
  async function issuerOf(request: FastifyRequest, office: string): Promise<Issuer> {
    const issuer = await officeIssuer(app.deps.database.db, request, office, clock());
    if (issuer) return issuer;
    throw new AppError(
      'KIOSK_REQUIRED',
      'tickets are issued by an enrolled kiosk of this office or by its staff (operator, office head)',
    );
  }

  app.post(
    '/api/offices/:office/tickets',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        summary:
          'Take a ticket: an enrolled kiosk of the office (X-Kiosk-Token) or its operator or office head',
        description:
          'Refused with 401 KIOSK_REQUIRED without an enrolled kiosk of this office or a staff session of it; 409 OFFICE_CLOSED ' +
          '(details.reason: closed, not_open_now, closing_soon, no_windows) and 409 SERVICE_NOT_OFFERED. A phone, if given, ' +
          'gets "your turn is near" by SMS.',
        params: officeParamsSchema,
        body: ticketCreateSchema,
        response: { 201: issuedTicketSchema, 401: errorBodySchema, 409: errorBodySchema },
      },
    },
    async (request, reply) => {
      const issuer = await issuerOf(request, request.params.office);
      return reply.status(201).send(await issueTicket(deps(), request.params.office, request.body, issuer));
    },
  );

  app.get(
    '/api/tickets/:track',
    {
      config: {
        policy: 'public',
        sessionless: true,
        // Counted per ticket, not per address: a hall's phones share one address behind its Wi-Fi, and each
        // follows its own ticket (a refetch on every call of the office).
        rateLimit: {
          max: 120,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) =>
            `ticket:${(request.params as { track?: string }).track ?? ''}`,
        },
      },
      schema: {
        tags,
        summary:
          'A ticket by its tracking code: status, place, predicted wait, the window it is called to (no personal data)',
        params: trackParamsSchema,
        response: { 200: publicTicketSchema },
      },
    },
    async (request) => publicTicket(deps(), request.params.track),
  );

  app.get(
    '/api/offices/:office/queue',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary: 'An office’s load now: people waiting, windows open, the predicted wait and its band',
        params: officeParamsSchema,
        response: { 200: officeLoadSchema },
      },
    },
    async (request) => officeLoad(deps(), request.params.office),
  );

  app.get(
    '/api/queue/load',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary:
          'The load of offices; for a service, of the offices offering it, shortest predicted wait first',
        querystring: loadQuerySchema,
        response: { 200: officeLoadSchema.array() },
      },
    },
    async (request) => officeLoads(deps(), request.query),
  );

  app.get(
    '/api/offices/:office/kiosk',
    {
      config: { policy: 'public', sessionless: true },
      schema: {
        tags,
        summary:
          'What a kiosk of the office shows: open or not, whether it issues tickets, services by category, priorities, load',
        params: officeParamsSchema,
        response: { 200: kioskSetupSchema },
      },
    },
    async (request) => {
      // a kiosk reading its menu is seen (its last-seen time)
      await requestKiosk(app.deps.database.db, request, request.params.office, clock());
      return kioskSetup(deps(), request.params.office);
    },
  );
};
