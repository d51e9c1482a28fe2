import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../../shared/auth.js';
import {
  caseCreatedSchema,
  caseCreateSchema,
  caseDocumentAddSchema,
  caseEventSchema,
  caseIdParamsSchema,
  caseIssueSchema,
  casePageSchema,
  caseSchema,
  caseSearchQuerySchema,
  caseSuspendSchema,
  caseTransitionSchema,
  caseWorkCountsQuerySchema,
  caseWorkCountsSchema,
  fullApplicantSchema,
  suspensionParamsSchema,
} from '../../../shared/cases.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { notFound } from '../../errors.js';
import { actorScope } from '../staff/auth.policy.js';
import { clientOf } from '../staff/auth.request.js';
import { addDocument, openScan } from './case-documents.js';
import { issueResult, transitionCase } from './case-moves.js';
import { viewApplicant } from './case-personal-data.js';
import { caseWorkCounts, findCases } from './case-search.js';
import { resumeCase, suspendForApplicant } from './case-suspensions.js';
import { caseEventsOf } from './case-trail.js';
import { toCaseEventDto } from './cases.mappers.js';
import { findCaseInScope } from './cases.repository.js';
import { acceptCase, type CaseStaff, caseDto } from './cases.service.js';

const tags = ['cases'];

/** Who works on cases: the window and the back office of the office, its head, and the region's admin. */
export const caseWorkRoles = [
  'operator',
  'backoffice',
  'office_head',
  'admin',
] as const satisfies readonly Role[];
/** Who reads them besides: the call center and analysts (masked, in their scope). */
export const caseReadRoles = [...caseWorkRoles, 'callcenter', 'analyst'] as const satisfies readonly Role[];

const refusals = {
  400: errorBodySchema.describe(
    'VALIDATION naming the field (details[].params.rule: inn_checksum, ogrn_checksum, snils_checksum, passport_series, ' +
      'passport_number, russian_phone, applicant_kind, case_number…)',
  ),
  404: errorBodySchema.describe('NOT_FOUND: no such case in your scope (or office, service, ticket)'),
  409: errorBodySchema.describe(
    'INVALID_TRANSITION (details.stage, details.allowed), SERVICE_NOT_OFFERED, NO_WINDOW (the ticket is at a window you do not hold)',
  ),
};

/**
 * Cases for staff: acceptance, the case, search and work lists, transitions, the result's issue, documents
 * and scans, the deadline's suspensions, the full applicant (logged), the trail. Every case is reached
 * through the actor's scope (a WHERE clause); one outside it is a 404.
 */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const clock = () => app.deps.clock?.() ?? new Date();
  const deps = () => ({
    db: app.deps.database.db,
    cipher: app.personalData,
    outbox: () => app.outbox.deps(),
    now: clock(),
  });
  const staff = (request: FastifyRequest, roles: readonly Role[]): CaseStaff => {
    const actor = request.actor;
    if (!actor) throw notFound('case');
    return {
      userId: actor.userId,
      login: actor.login,
      name: actor.fullName,
      scope: actorScope(request, roles),
      client: clientOf(request),
    };
  };
  const work = { policy: { roles: caseWorkRoles } };
  const read = { policy: { roles: caseReadRoles } };

  app.post(
    '/api/cases',
    {
      config: work,
      schema: {
        tags,
        summary:
          'Accept an application: the applicant (sealed), the service’s published card frozen into the case, the documents taken; with `ticket`, the ticket served at your window is finished as accepted',
        body: caseCreateSchema,
        response: { 201: caseCreatedSchema, ...refusals },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return acceptCase(deps(), staff(request, caseWorkRoles), request.body);
    },
  );

  app.get(
    '/api/cases',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Search cases and work lists (to_send, overdue, due_soon, to_issue, suspended, open), newest first; `next` is the cursor of the following page (`after`)',
        querystring: caseSearchQuerySchema,
        response: { 200: casePageSchema, 400: errorBodySchema },
      },
    },
    async (request) => findCases(deps(), actorScope(request, caseReadRoles), request.query),
  );

  app.get(
    '/api/cases/work-counts',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The work lists’ sizes per office and agency: to send (and late to send), overdue, due within 2 working days, results to issue, suspended',
        querystring: caseWorkCountsQuerySchema,
        response: { 200: caseWorkCountsSchema, 400: errorBodySchema },
      },
    },
    async (request) => caseWorkCounts(deps(), actorScope(request, caseReadRoles), request.query),
  );

  app.get(
    '/api/cases/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A case: route, deadline with its explanations, documents, applicant masked',
        params: caseIdParamsSchema,
        response: { 200: caseSchema, 404: errorBodySchema },
      },
    },
    async (request) => caseDto(deps(), request.params.id, actorScope(request, caseReadRoles)),
  );

  app.get(
    '/api/cases/:id/events',
    {
      config: read,
      schema: {
        tags,
        summary: 'The trail of a case: every operation, in order, each chained by hash to the one before',
        params: caseIdParamsSchema,
        response: { 200: z.array(caseEventSchema), 404: errorBodySchema },
      },
    },
    async (request) => {
      const db = app.deps.database.db;
      const row = await findCaseInScope(db, request.params.id, actorScope(request, caseReadRoles));
      if (!row) throw notFound('case');
      return (await caseEventsOf(db, row.id)).map(toCaseEventDto);
    },
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      config: work,
      schema: {
        tags,
        summary:
          'Move a case to the next stage of its route, or to refused (a comment says why) or returned (unclaimed)',
        params: caseIdParamsSchema,
        body: caseTransitionSchema,
        response: { 200: caseSchema, ...refusals },
      },
    },
    async (request) => transitionCase(deps(), staff(request, caseWorkRoles), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/issue',
    {
      config: work,
      schema: {
        tags,
        summary: 'Issue the result after checking the identity document: who received it goes on the trail',
        params: caseIdParamsSchema,
        body: caseIssueSchema,
        response: { 200: caseSchema, ...refusals },
      },
    },
    async (request) => issueResult(deps(), staff(request, caseWorkRoles), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/documents',
    {
      config: work,
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Add a document to a case, or replace one (the old one is kept, marked replaced); optionally a scan',
        params: caseIdParamsSchema,
        body: caseDocumentAddSchema,
        response: { 201: caseSchema, ...refusals, 413: errorBodySchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return addDocument(deps(), staff(request, caseWorkRoles), request.params.id, request.body);
    },
  );

  app.get(
    '/api/cases/:id/documents/:document/scan',
    {
      config: work,
      schema: {
        tags,
        summary: 'A document’s scan (the view goes on the trail)',
        params: caseIdParamsSchema.extend({ document: z.uuid() }),
        response: {
          200: {
            description: 'The scan as it was uploaded (PDF, JPEG or PNG), inline.',
            content: {
              'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) },
              'image/jpeg': { schema: z.any().meta({ type: 'string', format: 'binary' }) },
              'image/png': { schema: z.any().meta({ type: 'string', format: 'binary' }) },
            },
          },
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const scan = await openScan(
        deps(),
        staff(request, caseWorkRoles),
        request.params.id,
        request.params.document,
      );
      return reply
        .type(scan.contentType)
        .header('content-disposition', 'inline')
        .header('cache-control', 'no-store')
        .send(scan.body);
    },
  );

  app.post(
    '/api/cases/:id/suspensions',
    {
      config: work,
      schema: {
        tags,
        summary: 'Pause the deadline: the applicant must bring something (the note says what)',
        params: caseIdParamsSchema,
        body: caseSuspendSchema,
        response: { 201: caseSchema, ...refusals },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return suspendForApplicant(deps(), staff(request, caseWorkRoles), request.params.id, request.body.note);
    },
  );

  app.post(
    '/api/cases/:id/suspensions/:suspension/end',
    {
      config: work,
      schema: {
        tags,
        summary: 'End a pause today: the due date moves by the days it took, explained on the trail',
        params: suspensionParamsSchema,
        response: { 200: caseSchema, ...refusals },
      },
    },
    async (request) =>
      resumeCase(deps(), staff(request, caseWorkRoles), request.params.id, request.params.suspension),
  );

  app.get(
    '/api/cases/:id/applicant',
    {
      config: work,
      schema: {
        tags,
        summary:
          'The applicant’s full personal data; every view is recorded on the case’s trail and in the security log (152-ФЗ)',
        params: caseIdParamsSchema,
        response: { 200: fullApplicantSchema, 404: errorBodySchema },
      },
    },
    async (request) => viewApplicant(deps(), staff(request, caseWorkRoles), request.params.id),
  );
};
