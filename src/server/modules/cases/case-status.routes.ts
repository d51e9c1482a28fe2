import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseStatusSchema, statusQuerySchema } from '../../../shared/cases.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { kioskHeader } from '../../../shared/queue.js';
import { enrolledKioskId } from '../queue/kiosks.service.js';
import { clientIp } from '../staff/auth.request.js';
import { caseStatus } from './case-status.js';

/**
 * GET /api/status: a case's status by number and PIN for every channel — the portal, the kiosk, the call
 * center. Limited per address (an enrolled kiosk, which serves a hall, gets thirty times the allowance) and
 * per case number (failures, counted in the database across instances).
 */
export const caseStatusRoutes: FastifyPluginAsyncZod = async (app) => {
  const clock = () => app.deps.clock?.() ?? new Date();
  const perMinute = app.deps.config.statusRateLimitPerMinute;
  const db = () => app.deps.database.db;

  app.get(
    '/api/status',
    {
      config: {
        policy: 'public',
        sessionless: true,
        rateLimit: {
          timeWindow: '1 minute',
          keyGenerator: async (request: FastifyRequest) => {
            const token = request.headers[kioskHeader];
            const kiosk = typeof token === 'string' ? await enrolledKioskId(db(), token) : null;
            return kiosk ? `kiosk:${kiosk}` : `ip:${clientIp(request) ?? 'unknown'}`;
          },
          max: async (_request: FastifyRequest, key: string) =>
            key.startsWith('ip:') ? perMinute : perMinute * 30,
        },
      },
      schema: {
        tags: ['status'],
        summary:
          'A case’s status by number and PIN: the service, the stage, the stages passed with dates, the expected date, where to collect. Nothing personal',
        querystring: statusQuerySchema,
        response: {
          200: caseStatusSchema,
          400: errorBodySchema,
          404: errorBodySchema.describe('NOT_FOUND: the same for an unknown number and a wrong PIN'),
          429: errorBodySchema.describe(
            'RATE_LIMITED: too many lookups from this address or failures for this number',
          ),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return caseStatus(
        { db: db(), cipher: app.personalData, now: clock() },
        request.query.number,
        request.query.pin,
      );
    },
  );
};
