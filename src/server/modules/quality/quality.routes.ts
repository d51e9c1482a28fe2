import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Role } from '../../../shared/auth.js';
import { errorBodySchema } from '../../../shared/errors.js';
import {
  followUpCloseSchema,
  followUpIdParamsSchema,
  followUpListQuerySchema,
  followUpListSchema,
  followUpSchema,
  ratingCreateSchema,
  ratingListQuerySchema,
  ratingPageSchema,
  ratingSavedSchema,
  ratingTargetSchema,
  ratingTokenParamsSchema,
} from '../../../shared/ratings.js';
import { sendTable } from '../../export/send-table.js';
import { actorScope } from '../staff/auth.policy.js';
import { closeFollowUpOf, followUps, ratingPage, ratingsTable } from './quality.staff.js';
import { rate, ratingTarget } from './ratings.service.js';

const tags = ['quality'];

/** Who reads individual ratings: the office head (their offices), analysts and the admin — never operators. */
export const ratingReadRoles = ['office_head', 'analyst', 'admin'] as const satisfies readonly Role[];
/** Who answers a follow-up. */
export const followUpRoles = ['office_head', 'admin'] as const satisfies readonly Role[];

/** Ratings: the citizen's form by token, and the staff's list, export and follow-ups. */
export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const clock = () => app.deps.clock?.() ?? new Date();
  const db = () => app.deps.database.db;
  const deps = () => ({ db: db(), cipher: app.personalData, now: clock() });

  app.get(
    '/api/ratings/:token',
    {
      config: {
        policy: 'public',
        sessionless: true,
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'What a rating link rates (a visit or a case): office, service, date; whether it was rated',
        params: ratingTokenParamsSchema,
        response: { 200: ratingTargetSchema, 404: errorBodySchema.describe('NOT_FOUND: an unknown token') },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ratingTarget(deps(), request.params.token);
    },
  );

  app.post(
    '/api/ratings/:token',
    {
      config: { policy: 'public', sessionless: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Rate a visit or a case on the five criteria (1–5 each), with an optional comment; once',
        params: ratingTokenParamsSchema,
        body: ratingCreateSchema,
        response: {
          201: ratingSavedSchema,
          400: errorBodySchema.describe('VALIDATION naming the criterion'),
          404: errorBodySchema.describe('NOT_FOUND: an unknown token'),
          409: errorBodySchema.describe('ALREADY_RATED: this visit or case was rated already'),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await rate(deps(), request.params.token, request.body)),
  );

  app.get(
    '/api/quality/ratings',
    {
      config: { policy: { roles: ratingReadRoles } },
      schema: {
        tags,
        summary:
          'Ratings in your scope, newest first (keyset: pass `next` as `after`); format=csv|xlsx: the flat export with the criteria as columns',
        querystring: ratingListQuerySchema,
        response: { 200: ratingPageSchema },
      },
    },
    async (request, reply) => {
      const scope = actorScope(request, ratingReadRoles);
      const q = request.query;
      if (q.format !== 'json') {
        const table = await ratingsTable(db(), scope, q);
        sendTable(reply, q.format, () => table);
        return reply;
      }
      return ratingPage(db(), scope, q);
    },
  );

  app.get(
    '/api/quality/follow-ups',
    {
      config: { policy: { roles: ratingReadRoles } },
      schema: {
        tags,
        summary:
          'Follow-ups of low ratings with comments in your scope: open, overdue (open past due), closed',
        querystring: followUpListQuerySchema,
        response: { 200: followUpListSchema },
      },
    },
    async (request) =>
      followUps({ db: db(), now: clock() }, actorScope(request, ratingReadRoles), request.query),
  );

  app.post(
    '/api/quality/follow-ups/:id/close',
    {
      config: { policy: { roles: followUpRoles } },
      schema: {
        tags,
        summary: 'Record the outcome of a follow-up and close it',
        params: followUpIdParamsSchema,
        body: followUpCloseSchema,
        response: {
          200: followUpSchema,
          404: errorBodySchema.describe('NOT_FOUND: no such follow-up in your scope'),
          409: errorBodySchema.describe('ALREADY_CLOSED'),
        },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!actor) throw new Error('a staff route without an actor');
      return closeFollowUpOf(
        { db: db(), now: clock() },
        actorScope(request, followUpRoles),
        request.params.id,
        request.body.outcome,
        actor.userId,
      );
    },
  );
};
