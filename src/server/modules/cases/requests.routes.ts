import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agencyRequestSchema,
  requestCreateSchema,
  requestIdParamsSchema,
  requestListQuerySchema,
  requestManualAnswerSchema,
  requestPageSchema,
} from '../../../shared/case-registers.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { actorScope } from '../staff/auth.policy.js';
import { caseActorOf } from './registers.routes.js';
import { answerManually, createRequest, requestOf, requestsOf } from './requests.service.js';

const tags = ['staff: interagency requests'];
const roles = ['operator', 'backoffice', 'office_head', 'admin'] as const;
/** The office named in the list's query, read defensively: the policy runs before validation. */
const officeOf = (request: FastifyRequest) => {
  const office = (request.query as { office?: unknown } | undefined)?.office;
  return typeof office === 'string' ? office : undefined;
};
const config = { policy: { roles } } as const;

const refused = errorBodySchema.describe(
  'Signed in without a role of the case’s office (FORBIDDEN), or without the CSRF header (CSRF).',
);
const missing = errorBodySchema.describe('No such request (or case) in the user’s office scope (NOT_FOUND).');

/** Interagency requests of cases (СМЭВ-like): ask, follow, and type an answer that came another way. */
export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({
    db: app.deps.database.db,
    cipher: app.personalData,
    outbox: () => app.outbox.deps(),
    now: app.deps.clock?.() ?? new Date(),
  });
  const scope = (request: FastifyRequest) => actorScope(request, roles);

  app.post(
    '/api/requests',
    {
      config,
      schema: {
        tags,
        summary:
          'Asks an agency for what a case needs: sent within 1 working day (retried), answer due 5 working days after; ' +
          'the case is suspended (its deadline stands still) until the answer',
        body: requestCreateSchema,
        response: {
          201: agencyRequestSchema,
          400: errorBodySchema,
          403: refused,
          404: missing,
          409: errorBodySchema.describe('The case is closed (INVALID_TRANSITION).'),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRequest(deps(), scope(request), caseActorOf(request), request.body)),
  );

  app.get(
    '/api/requests',
    {
      config: { policy: { roles, office: officeOf } },
      schema: {
        tags,
        summary:
          'Requests of a case, or of the user’s offices (by office, agency, status, overdue), newest first ' +
          '(keyset pages: pass `next` as `after`)',
        querystring: requestListQuerySchema,
        response: { 200: requestPageSchema, 400: errorBodySchema, 403: refused },
      },
    },
    async (request) => requestsOf(deps(), scope(request), request.query),
  );

  app.get(
    '/api/requests/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A request: its attempts, dates, overdue flags and the answer',
        params: requestIdParamsSchema,
        response: { 200: agencyRequestSchema, 400: errorBodySchema, 403: refused, 404: missing },
      },
    },
    async (request) => requestOf(deps(), scope(request), request.params.id),
  );

  app.post(
    '/api/requests/:id/answer',
    {
      config,
      schema: {
        tags,
        summary:
          'The answer, typed by staff (an agency without an adapter, or a request the worker gave up on): attached to ' +
          'the case, the suspension ends and the due date moves',
        params: requestIdParamsSchema,
        body: requestManualAnswerSchema,
        response: {
          200: agencyRequestSchema,
          400: errorBodySchema,
          403: refused,
          404: missing,
          409: errorBodySchema.describe('The request is already answered (INVALID_TRANSITION).'),
        },
      },
    },
    async (request) =>
      answerManually(deps(), scope(request), caseActorOf(request), request.params.id, request.body.text),
  );
};
