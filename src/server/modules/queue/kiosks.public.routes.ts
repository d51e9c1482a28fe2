import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema as errorSchema } from '../../../shared/errors.js';
import { kioskExchangeSchema, kioskTokenSchema } from '../../../shared/queue.js';
import { exchangeKioskCode } from './kiosks.service.js';

/** The kiosk's side of enrollment: no staff session, a one-time code typed on the kiosk's own keyboard. */
export const kioskPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/kiosks/enroll',
    {
      config: {
        policy: 'public',
        sessionless: true,
        // A guessed code would enroll a device in a hall: guesses per address are limited like sign-ins.
        rateLimit: { max: app.deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['queue'],
        summary: 'Exchange a one-time enrollment code for the kiosk’s device token (sent as X-Kiosk-Token)',
        body: kioskExchangeSchema,
        response: { 200: kioskTokenSchema, 404: errorSchema, 429: errorSchema },
      },
    },
    async (request) => exchangeKioskCode({ db: app.deps.database.db, now: new Date() }, request.body.code),
  );
};
