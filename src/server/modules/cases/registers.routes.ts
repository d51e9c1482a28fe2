import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  registerAcceptSchema,
  registerCandidatesQuerySchema,
  registerCandidatesSchema,
  registerCaseParamsSchema,
  registerCreateSchema,
  registerHandoverSchema,
  registerIdParamsSchema,
  registerListQuerySchema,
  registerPageSchema,
  registerSchema,
} from '../../../shared/case-registers.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { AppError } from '../../errors.js';
import { checkPdfFonts } from '../../pdf/pdf-fonts.js';
import { actorScope } from '../staff/auth.policy.js';
import type { CaseActor } from './case-trail.js';
import {
  acceptRegister,
  candidatesOf,
  createRegister,
  handOverRegister,
  printRegister,
  registerOf,
  registersOf,
  removeFromRegister,
} from './registers.service.js';

const tags = ['staff: registers'];
const roles = ['backoffice', 'office_head', 'admin'] as const;
/** The office a request names (query or body), read defensively: the policy runs before validation. */
const officeOf = (request: FastifyRequest) => {
  const from = (request.query as { office?: unknown } | undefined)?.office;
  const body = (request.body as { office?: unknown } | undefined)?.office;
  const office = from ?? body;
  return typeof office === 'string' ? office : undefined;
};
const config = { policy: { roles } } as const;
const officeConfig = { policy: { roles, office: officeOf } } as const;

const refused = errorBodySchema.describe(
  'Signed in without a back-office role for the office (FORBIDDEN), or without the CSRF header (CSRF).',
);
const missing = errorBodySchema.describe('No such register in the user’s office scope (NOT_FOUND).');
const wrongStatus = errorBodySchema.describe(
  'The register is not in a status that allows it (INVALID_TRANSITION, details.status and details.allowed), or a case ' +
    'of it cannot move along its route (INVALID_TRANSITION, details.stage and details.allowed).',
);

export const caseActorOf = (request: FastifyRequest): CaseActor => {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return { userId: actor.userId, name: actor.fullName };
};

/** Transfer, results and return registers of the back office (its office scope as a WHERE clause). */
export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  checkPdfFonts();
  const deps = () => ({
    db: app.deps.database.db,
    cipher: app.personalData,
    outbox: () => app.outbox.deps(),
    now: app.deps.clock?.() ?? new Date(),
  });
  const scope = (request: FastifyRequest) => actorScope(request, roles);

  app.get(
    '/api/registers/candidates',
    {
      config: officeConfig,
      schema: {
        tags,
        summary:
          'The cases a new register of an office and agency would take: transfer (not yet sent; `late` when past the ' +
          'working day after acceptance), results (at the agency), return (ready, past the storage term)',
        querystring: registerCandidatesQuerySchema,
        response: { 200: registerCandidatesSchema, 400: errorBodySchema, 403: refused, 404: errorBodySchema },
      },
    },
    async (request) => candidatesOf(deps(), scope(request), request.query),
  );

  app.post(
    '/api/registers',
    {
      config: officeConfig,
      schema: {
        tags,
        summary:
          'Builds a register of the candidates (all, or the cases named); each case’s trail records it',
        body: registerCreateSchema,
        response: {
          201: registerSchema,
          400: errorBodySchema,
          403: refused,
          404: errorBodySchema.describe('No such office in the user’s scope (NOT_FOUND).'),
          409: errorBodySchema.describe(
            'No candidate, or some of the cases named are not candidates (CONFLICT, details.cases).',
          ),
        },
      },
    },
    async (request, reply) => {
      const made = await createRegister(deps(), scope(request), caseActorOf(request), request.body);
      return reply.code(201).send(made);
    },
  );

  app.get(
    '/api/registers',
    {
      config,
      schema: {
        tags,
        summary: 'Registers of the user’s offices, newest first (keyset pages: pass `next` as `after`)',
        querystring: registerListQuerySchema,
        response: { 200: registerPageSchema, 400: errorBodySchema, 403: refused },
      },
    },
    async (request) => registersOf(deps(), scope(request), request.query),
  );

  app.get(
    '/api/registers/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A register with its cases (applicants masked) and what may be done to it now',
        params: registerIdParamsSchema,
        response: { 200: registerSchema, 400: errorBodySchema, 403: refused, 404: missing },
      },
    },
    async (request) => registerOf(deps(), scope(request), request.params.id),
  );

  app.get(
    '/api/registers/:id/pdf',
    {
      config,
      schema: {
        tags,
        summary:
          'The printable register (PDF, A4, Cyrillic): number, office, agency, date, the cases, signature lines',
        description: 'Each print is counted on the register (`printed`). Only masked names are printed.',
        params: registerIdParamsSchema,
        response: {
          200: {
            description:
              'The register, inline (Content-Disposition: inline; filename="register-<number>.pdf").',
            content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
          400: errorBodySchema,
          403: refused,
          404: missing,
        },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await printRegister(deps(), scope(request), request.params.id);
      // the number is Cyrillic: the plain filename gets an ASCII stand-in, filename* the real one
      const ascii = number.replace(/[^\w.-]/g, '_');
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="register-${ascii}.pdf"; filename*=UTF-8''${encodeURIComponent(`register-${number}.pdf`)}`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/registers/:id/handover',
    {
      config,
      schema: {
        tags,
        summary:
          'The courier took the register: a transfer’s cases move to `sent`; each case’s trail records it',
        params: registerIdParamsSchema,
        body: registerHandoverSchema,
        response: { 200: registerSchema, 400: errorBodySchema, 403: refused, 404: missing, 409: wrongStatus },
      },
    },
    async (request) =>
      handOverRegister(deps(), scope(request), caseActorOf(request), request.params.id, request.body.courier),
  );

  app.post(
    '/api/registers/:id/accept',
    {
      config,
      schema: {
        tags,
        summary:
          'The receiving side signed the register: results move to `ready`, a return register’s cases to `returned`',
        params: registerIdParamsSchema,
        body: registerAcceptSchema,
        response: { 200: registerSchema, 400: errorBodySchema, 403: refused, 404: missing, 409: wrongStatus },
      },
    },
    async (request) =>
      acceptRegister(
        deps(),
        scope(request),
        caseActorOf(request),
        request.params.id,
        request.body.acceptedBy,
      ),
  );

  app.delete(
    '/api/registers/:id/cases/:case',
    {
      config,
      schema: {
        tags,
        summary: 'Takes a case off a draft register (it is a candidate again); the case’s trail records it',
        params: registerCaseParamsSchema,
        response: { 200: registerSchema, 400: errorBodySchema, 403: refused, 404: missing, 409: wrongStatus },
      },
    },
    async (request) =>
      removeFromRegister(
        deps(),
        scope(request),
        caseActorOf(request),
        request.params.id,
        request.params.case,
      ),
  );
};
