import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  callbackCreateSchema,
  callbackIdParamsSchema,
  callbackSchema,
  callbacksQuerySchema,
  callcenterCaseQuerySchema,
  callcenterCaseSchema,
  callerContactSchema,
  callerLookupSchema,
  callIdParamsSchema,
  callSchema,
  callStartSchema,
  callsPageSchema,
  callsQuerySchema,
  callUpdateSchema,
  lookupQuerySchema,
  resendBodySchema,
  verifyBodySchema,
} from '../../../shared/callcenter.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { outboxMessageSchema } from '../../../shared/notifications.admin.js';
import { AppError } from '../../errors.js';
import { actorScope } from '../staff/auth.policy.js';
import { clientOf } from '../staff/auth.request.js';
import * as callcenter from './callcenter.service.js';

const tags = ['staff: call center'];
/** Callers ring from anywhere in the region: the call center works on the whole region. */
const config = { policy: { roles: ['callcenter', 'admin'], region: true } } as const;
const prefix = '/api/staff/callcenter';

const notVerified = errorBodySchema.describe(
  'Signed in without the role or the region (FORBIDDEN), without the CSRF header (CSRF), or — for the full view — ' +
    'not the operator of a running call whose caller answered the verification question (NOT_VERIFIED).',
);
const anotherOperators = errorBodySchema.describe(
  'Signed in without the role or the region (FORBIDDEN, also for another operator’s call), or without the CSRF header (CSRF).',
);

/** The call-center console: calls, a caller's lookup, the logged full view, re-sending, call-backs. */
export const callcenterStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.deps.database.db, cipher: app.personalData });
  const operatorOf = (request: FastifyRequest): callcenter.Operator => {
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
    return {
      userId: actor.userId,
      login: actor.login,
      name: actor.fullName,
      admin: actorScope(request, ['admin']) === 'region',
      client: clientOf(request),
    };
  };

  app.post(
    `${prefix}/calls`,
    {
      config,
      schema: {
        tags,
        summary: 'Start a call (its timer runs from now), with the caller’s phone when known',
        body: callStartSchema,
        response: { 201: callSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await callcenter.startCall(deps(), operatorOf(request), request.body.phone)),
  );

  app.patch(
    `${prefix}/calls/:id`,
    {
      config,
      schema: {
        tags,
        summary:
          'Change one’s own call: phone (a new one clears the verification), service, note; end it with its outcome',
        params: callIdParamsSchema,
        body: callUpdateSchema,
        response: { 200: callSchema, 403: anotherOperators },
      },
    },
    async (request) => callcenter.updateCall(deps(), operatorOf(request), request.params.id, request.body),
  );

  app.get(
    `${prefix}/calls`,
    {
      config,
      schema: {
        tags,
        summary:
          'The call log, newest first, phones masked, with duration and the long-call flag: one’s own calls (an admin: everyone’s unless mine=true)',
        querystring: callsQuerySchema,
        response: { 200: callsPageSchema },
      },
    },
    async (request) => callcenter.listCalls(deps(), operatorOf(request), request.query),
  );

  app.post(
    `${prefix}/calls/:id/verify`,
    {
      config,
      schema: {
        tags,
        summary:
          'Record that the caller answered the verification question (answered: false withdraws it); the full view needs it',
        params: callIdParamsSchema,
        body: verifyBodySchema,
        response: { 200: callSchema, 403: anotherOperators },
      },
    },
    async (request) => callcenter.verifyCall(deps(), operatorOf(request), request.params.id, request.body),
  );

  app.get(
    `${prefix}/calls/:id/contact`,
    {
      config,
      schema: {
        tags,
        summary:
          'The caller in full — the phone and the texts of the latest messages to it — on one’s own running, verified call; every view (and refusal) is written to the security log',
        params: callIdParamsSchema,
        response: { 200: callerContactSchema, 403: notVerified },
      },
    },
    async (request) => callcenter.callerContact(deps(), operatorOf(request), request.params.id),
  );

  app.post(
    `${prefix}/calls/:id/resend`,
    {
      config,
      schema: {
        tags,
        summary:
          'Send the latest message to the call’s phone again (of a channel, if given): the new message, masked; 404 when there is none',
        params: callIdParamsSchema,
        body: resendBodySchema,
        response: { 201: outboxMessageSchema, 403: anotherOperators },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await callcenter.resendToCaller(
            deps(),
            app.outbox.deps(),
            operatorOf(request),
            request.params.id,
            request.body.channel,
          ),
        ),
  );

  app.get(
    `${prefix}/lookup`,
    {
      config,
      schema: {
        tags,
        summary:
          'What okno knows of a phone number, masked (not a view of personal data): earlier calls, messages sent, open call-backs, bookings, cases; ' +
          'with call= the operator’s own running call on this number whose caller answered the verification question, the bookings and cases in full (that view is written to the security log, and on each case’s trail)',
        querystring: lookupQuerySchema,
        response: { 200: callerLookupSchema },
      },
    },
    async (request) =>
      callcenter.lookupCaller(deps(), operatorOf(request), request.query.phone, request.query.call),
  );

  app.get(
    `${prefix}/cases`,
    {
      config,
      schema: {
        tags,
        summary:
          'A case by its number (no PIN: the operator is signed in): the status as the citizen sees it (GET /api/status’s answer) and the applicant masked',
        querystring: callcenterCaseQuerySchema,
        response: {
          200: callcenterCaseSchema,
          404: errorBodySchema.describe('NOT_FOUND: no case with this number'),
        },
      },
    },
    async (request) =>
      callcenter.caseByNumber(deps(), request.query.number, actorScope(request, ['callcenter', 'admin'])),
  );

  app.post(
    `${prefix}/callbacks`,
    {
      config,
      schema: {
        tags,
        summary: 'Promise a call-back to a phone at a time, with a note',
        body: callbackCreateSchema,
        response: { 201: callbackSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await callcenter.createCallback(deps(), operatorOf(request), request.body)),
  );

  app.get(
    `${prefix}/callbacks`,
    {
      config,
      schema: {
        tags,
        summary:
          'The call center’s call-backs of a status (open by default) by due time, overdue ones flagged',
        querystring: callbacksQuerySchema,
        response: { 200: z.array(callbackSchema) },
      },
    },
    async (request) => callcenter.listCallbacks(deps(), request.query),
  );

  for (const [action, status] of [
    ['done', 'done'],
    ['cancel', 'cancelled'],
  ] as const) {
    app.post(
      `${prefix}/callbacks/:id/${action}`,
      {
        config,
        schema: {
          tags,
          summary:
            status === 'done' ? 'Mark a call-back done (the caller was called back)' : 'Cancel a call-back',
          params: callbackIdParamsSchema,
          response: { 200: callbackSchema },
        },
      },
      async (request) => callcenter.closeCallback(deps(), operatorOf(request), request.params.id, status),
    );
  }
};
